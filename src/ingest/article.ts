/** Parsing one article's text: its shape (date line or outlet lead), title, source and related-reading block. */
import type { PublishedBasis, RelatedHeadline } from '../lib/timeline-data.ts';
import { isValidPartialDate, MONTH_NAMES } from '../lib/partial-date.ts';
import type { IngestProblem } from './types.ts';

export interface ParsedArticle {
  id: string;
  file: string;
  /** The normalised text (see ArticleBody.body). */
  body: string;
  title: string;
  published: string | null;
  publishedBasis: PublishedBasis;
  source: string | null;
  /** Offsets of the part of `body` that may hold events: after the title line, before the related block. */
  contentStart: number;
  contentEnd: number;
  relatedLabel: string | null;
  related: RelatedHeadline[];
}

export type ParseResult =
  { ok: true; article: ParsedArticle } | { ok: false; problems: IngestProblem[] };

/** ` date 2025-06-18 Title` (also `Date: …`); a title such as "Date night in Seoul" is not a date line. */
const DATE_LINE = /^[ \t]*date:?[ \t]+(\d\S*)[ \t]*(.*)$/i;
const RELATED_LABEL =
  /^[ \t]*(also read|read also|read more|more from [^\n]{1,40}|related(?: articles| stories| news| reading| coverage)?|see also|you may also like|recommended)[ \t]*:?[ \t]*$/i;
/** `(MENAFN) ...`: an outlet name in parentheses opening the lead. `(With inputs from …)` is not one. */
const OUTLET_LEAD =
  /^[ \t]*\((?!with\b|photo\b|file\b|updated\b)([A-Z][\p{L}\p{N}&.'’ -]{0,39})\)[ \t]+\S/iu;

/** "SEOUL, May 7 (Yonhap) --": place, date, outlet. */
const DATELINE =
  /^[ \t]*([A-Z][A-Z .'-]{1,30}),\s+([A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)\s+\(([^()\n]{1,40})\)\s*(?:--|—|–|-)/;

/** `jan` … `dec`: a dateline's month, by its first three letters. */
const MONTHS = MONTH_NAMES.map((name) => name.slice(0, 3).toLowerCase());

function datelineDate(text: string): string | null {
  const m = /^([A-Z][a-z]{2,8})\.?\s+(\d{1,2}),\s*(\d{4})$/.exec(text);
  if (!m) return null;
  const month = MONTHS.indexOf(m[1]!.slice(0, 3).toLowerCase()) + 1;
  if (month === 0) return null;
  const date = `${m[3]}-${String(month).padStart(2, '0')}-${m[2]!.padStart(2, '0')}`;
  return isValidPartialDate(date) ? date : null;
}

export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

interface Line {
  text: string;
  start: number;
}

function splitLines(body: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (;;) {
    const nl = body.indexOf('\n', start);
    if (nl < 0) {
      lines.push({ text: body.slice(start), start });
      return lines;
    }
    lines.push({ text: body.slice(start, nl), start });
    start = nl + 1;
  }
}

/** `000_86a969139ba81000.txt` → `000_86a969139ba81000`. */
export function articleIdOf(file: string): string {
  return file.replace(/\.txt$/i, '');
}

export function parseArticle(file: string, body: string): ParseResult {
  const id = articleIdOf(file);
  const problems: IngestProblem[] = [];
  const lines = splitLines(body);
  const firstIndex = lines.findIndex((l) => l.text.trim() !== '');
  if (firstIndex < 0)
    return {
      ok: false,
      problems: [{ file, line: 1, message: 'empty article: the file has no text' }],
    };
  const first = lines[firstIndex]!;
  let title: string;
  let published: string | null = null;
  let publishedBasis: PublishedBasis = { kind: 'unknown', note: 'the article states no date' };
  const dateLine = DATE_LINE.exec(first.text);
  if (dateLine) {
    const value = dateLine[1]!;
    title = dateLine[2]!.trim();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !isValidPartialDate(value)) {
      problems.push({
        file,
        line: firstIndex + 1,
        message: `malformed date line: “${value}” is not a valid date (expected “ date YYYY-MM-DD Title”)`,
      });
    } else {
      published = value;
      publishedBasis = { kind: 'stated', note: `date line (line ${firstIndex + 1})` };
    }
    if (title === '') {
      problems.push({
        file,
        line: firstIndex + 1,
        message: 'the date line has no title after the date',
      });
    }
  } else {
    title = first.text.trim();
  }
  const contentStart = first.start + first.text.length;

  let contentEnd = body.length;
  let relatedLabel: string | null = null;
  const related: RelatedHeadline[] = [];
  for (let i = firstIndex + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (!RELATED_LABEL.test(line.text)) continue;
    relatedLabel = line.text.trim();
    contentEnd = line.start;
    for (const headline of lines.slice(i + 1)) {
      const text = headline.text.trim();
      if (text === '') continue;
      related.push({ text, offset: headline.start + headline.text.indexOf(text) });
    }
    break;
  }
  const content = body.slice(contentStart, contentEnd);
  if (content.trim() === '') {
    problems.push({
      file,
      line: Math.min(lineOf(body, contentStart) + 1, lines.length),
      message: 'the article has no text after its title line',
    });
  }
  if (problems.length > 0) return { ok: false, problems };

  let source: string | null = null;
  const leadIndex = lines.findIndex((l, i) => i > firstIndex && l.text.trim() !== '');
  const lead = leadIndex < 0 ? undefined : lines[leadIndex]!.text;
  const outlet = lead === undefined ? null : OUTLET_LEAD.exec(lead);
  if (outlet) source = outlet[1]!.trim();
  const dateline = lead === undefined ? null : DATELINE.exec(lead);
  if (dateline) {
    source ??= dateline[3]!.trim();
    const year = dateline[2]?.match(/\d{4}$/)?.[0];
    if (published === null && year !== undefined) {
      const stated = datelineDate(dateline[2]!);
      if (stated !== null) {
        published = stated;
        publishedBasis = { kind: 'stated', note: `dateline (line ${leadIndex + 1})` };
      }
    }
  }

  return {
    ok: true,
    article: {
      id,
      file,
      body,
      title,
      published,
      publishedBasis,
      source,
      contentStart,
      contentEnd,
      relatedLabel,
      related,
    },
  };
}
