import { daysInMonth, formatPartialDate, parsePartialDate } from '../../lib/partial-date';
import type { PartialDate } from '../../lib/timeline-data';
import { publishedLabel, type ExportRecord, type ExportScope } from './export-records';

/**
 * An iCalendar file (RFC 5545) of the dated events. Never invents a day:
 *
 * - a day is an all-day event on that day (`DTSTART;VALUE=DATE`, `DTEND` the next day);
 * - a month or a year is an all-day event spanning the whole month or year, and the summary says
 *   `(month only)` / `(year only)`;
 * - a range (it lasted start–end) spans from the first day of its start to the last day of its end;
 * - a bounded event (it happened once, somewhere between two dates) spans its bounds, and the
 *   summary says `(sometime between … and …)`.
 *
 * The description states the date as the data has it and its precision, how the date was found,
 * the leaders, every source (headline, outlet, publication date, sentence) and the deep link.
 * Undated events cannot be placed in a calendar: they are left out, and the calendar's
 * description says how many. Lines end with CRLF and are folded at 75 octets; text values escape
 * `\`, `;`, `,` and newlines.
 */

/** RFC 5545 §3.3.11 TEXT escaping. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

const encoder = new TextEncoder();

/**
 * RFC 5545 §3.1: lines longer than 75 octets are split, each continuation starting with one space.
 * Splits between code points, never inside a UTF-8 sequence.
 */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = 74; // the leading space of a continuation line counts
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

function basicDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
}

/** First day of the period a partial date names, as `YYYYMMDD`. */
export function periodFirstDay(value: PartialDate): string {
  const p = parsePartialDate(value);
  if (!p) throw new Error(`not a date: ${value}`);
  return basicDate(p.year, p.month ?? 1, p.day ?? 1);
}

/** The day after the period a partial date names, as `YYYYMMDD` (DTEND of an all-day event is exclusive). */
export function periodDayAfter(value: PartialDate): string {
  const p = parsePartialDate(value);
  if (!p) throw new Error(`not a date: ${value}`);
  if (p.month === null) return basicDate(p.year + 1, 1, 1);
  if (p.day === null)
    return p.month === 12 ? basicDate(p.year + 1, 1, 1) : basicDate(p.year, p.month + 1, 1);
  if (p.day < daysInMonth(p.year, p.month)) return basicDate(p.year, p.month, p.day + 1);
  return p.month === 12 ? basicDate(p.year + 1, 1, 1) : basicDate(p.year, p.month + 1, 1);
}

/** `YYYYMMDDTHHMMSSZ` (UTC), for DTSTAMP. */
export function utcStamp(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${String(date.getUTCFullYear()).padStart(4, '0')}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}` +
    `T${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z`
  );
}

/** What the summary adds so that a calendar entry never reads as more precise than the data. */
export function summarySuffix(r: ExportRecord): string {
  if (r.date === null) return '';
  if (r.bounded && r.end) {
    return ` (sometime between ${formatPartialDate(r.date)} and ${formatPartialDate(r.end)})`;
  }
  if (r.dateKind === 'point') {
    if (r.precision === 'month') return ' (month only)';
    if (r.precision === 'year') return ' (year only)';
  }
  return '';
}

function precisionWords(r: ExportRecord): string {
  if (r.bounded) {
    return 'it happened once, on a day the text does not give, between these bounds; the calendar entry spans them';
  }
  if (r.dateKind === 'range') {
    const coarse = [r.precision, r.endPrecision].filter((p) => p && p !== 'day');
    return coarse.length > 0
      ? `it lasted this long; the text gives ${[...new Set(coarse)].join(' and ')} precision only, so the entry spans whole periods`
      : 'it lasted this long';
  }
  if (r.precision === 'month')
    return 'known to the month only; the entry spans the month, no day is implied';
  if (r.precision === 'year')
    return 'known to the year only; the entry spans the year, no day is implied';
  return 'known to the day';
}

export function eventDescription(r: ExportRecord): string {
  const lines = [`Date: ${r.dateLabel} (${precisionWords(r)})`];
  if (r.dateBasis) lines.push(`How the date was found: ${r.dateBasis}`);
  if (r.planned) lines.push('Reported as planned, not as having happened.');
  lines.push(`Kind: ${r.kindLabel}`);
  if (r.leaders.length > 0) lines.push(`Leaders: ${r.leaders.map((l) => l.name).join(', ')}`);
  if (r.place) lines.push(`Place: ${r.place}`);
  lines.push('Sources:');
  r.sources.forEach((s, i) => {
    lines.push(
      `${i + 1}. “${s.headline ?? s.articleId}”, ${s.outlet ?? 'outlet not named'}, ${publishedLabel(s)}: “${s.sentence}”`,
    );
  });
  if (r.link) lines.push(`Link: ${r.link}`);
  for (const e of r.edited) lines.push(`Edited: ${e.note} (${e.changes.join('; ')})`);
  return lines.join('\n');
}

export interface IcsOptions {
  scope: ExportScope;
  /** DTSTAMP: when the file was made. */
  now: Date;
  /** Host part of the UIDs (`<event id>@<host>`), e.g. the app's host. */
  uidHost: string;
}

export function toIcs(records: readonly ExportRecord[], options: IcsOptions): string {
  const dated = records.filter((r) => r.date !== null);
  const undated = records.length - dated.length;
  const stamp = utcStamp(options.now);
  const calendarNote =
    undated > 0
      ? `Ties: ${options.scope.description}. ${undated} undated ${undated === 1 ? 'event is' : 'events are'} not included: a calendar needs a date.`
      : `Ties: ${options.scope.description}.`;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Ties//Timeline export//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(`Ties: ${options.scope.description}`)}`,
    `X-WR-CALDESC:${escapeText(calendarNote)}`,
  ];
  for (const r of dated) {
    const start = r.date!;
    const end = r.end ?? start;
    lines.push(
      'BEGIN:VEVENT',
      `UID:${r.id}@${options.uidHost}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${periodFirstDay(start)}`,
      `DTEND;VALUE=DATE:${periodDayAfter(end)}`,
      `SUMMARY:${escapeText(`${r.planned ? 'Planned: ' : ''}${r.title}${summarySuffix(r)}`)}`,
      `DESCRIPTION:${escapeText(eventDescription(r))}`,
      `CATEGORIES:${escapeText(r.kindLabel)}`,
      'TRANSP:TRANSPARENT',
    );
    if (r.place) lines.push(`LOCATION:${escapeText(r.place)}`);
    if (r.link) lines.push(`URL;VALUE=URI:${r.link}`);
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
