import type { PartialDate, Precision } from './timeline-data';

/**
 * Dates in the app are local-calendar dates (midnight local time): an event on 2025-06-17
 * shows on 17 June in every time zone, and the URL's `from`/`to` use the same calendar.
 */

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

const MONTHS_SHORT = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const;

export interface ParsedPartialDate {
  year: number;
  /** 1–12, or null for year precision. */
  month: number | null;
  /** 1–31, or null for year or month precision. */
  day: number | null;
  precision: Precision;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** Days in a month of the proleptic Gregorian calendar (the one Date uses), without a Date. */
export function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 31);
}

const parsedCache = new Map<string, Readonly<ParsedPartialDate> | null>();

/**
 * Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; null when malformed or not a real calendar date.
 * Results are shared (frozen): labels, lanes and checks parse the same few thousand dates again
 * and again on a first load.
 */
export function parsePartialDate(value: string): Readonly<ParsedPartialDate> | null {
  const cached = parsedCache.get(value);
  if (cached !== undefined) return cached;
  const parsed = parseUncached(value);
  if (parsedCache.size > 100_000) parsedCache.clear();
  parsedCache.set(value, parsed ? Object.freeze(parsed) : null);
  return parsed;
}

function parseUncached(value: string): ParsedPartialDate | null {
  const match = PARTIAL_DATE.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  if (match[2] === undefined) return { year, month: null, day: null, precision: 'year' };
  const month = Number(match[2]);
  if (month < 1 || month > 12) return null;
  if (match[3] === undefined) return { year, month, day: null, precision: 'month' };
  const day = Number(match[3]);
  if (day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day, precision: 'day' };
}

export function precisionOf(value: PartialDate): Precision {
  return parsePartialDate(value)?.precision ?? 'day';
}

function localDate(year: number, monthIndex: number, day: number): Date {
  // setFullYear handles years below 100 (which the Date constructor maps to 19xx) and overflow.
  const date = new Date(2000, 0, 1);
  date.setFullYear(year, monthIndex, day);
  return date;
}

/** First instant of the period a partial date names. */
export function periodStart(value: PartialDate): Date {
  const parsed = parsePartialDate(value);
  if (!parsed) return new Date(Number.NaN);
  return localDate(parsed.year, (parsed.month ?? 1) - 1, parsed.day ?? 1);
}

/** First instant after the period a partial date names (exclusive end). */
export function periodEnd(value: PartialDate): Date {
  const parsed = parsePartialDate(value);
  if (!parsed) return new Date(Number.NaN);
  if (parsed.precision === 'year') return localDate(parsed.year + 1, 0, 1);
  if (parsed.precision === 'month') return localDate(parsed.year, parsed.month ?? 1, 1);
  return localDate(parsed.year, (parsed.month ?? 1) - 1, (parsed.day ?? 1) + 1);
}

/** Human label that keeps the precision: `1910`, `Dec 2024`, `17 Jun 2025`. */
export function formatPartialDate(value: PartialDate): string {
  const parsed = parsePartialDate(value);
  if (!parsed) return value;
  if (parsed.month === null) return String(parsed.year);
  const month = MONTHS_SHORT[parsed.month - 1] ?? '';
  if (parsed.day === null) return `${month} ${parsed.year}`;
  return `${parsed.day} ${month} ${parsed.year}`;
}

/** `YYYY-MM-DD` of a Date in the local calendar. */
export function toIsoDay(date: Date): string {
  const y = String(date.getFullYear()).padStart(4, '0');
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** Local midnight of a `YYYY-MM-DD` string (assumed valid). */
export function fromIsoDay(value: string): Date {
  return periodStart(value);
}

export const DAY_MS = 24 * 60 * 60 * 1000;
