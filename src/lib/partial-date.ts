import type { PartialDate, Precision } from './timeline-data.ts';

/**
 * The one partial-date module, shared by the build-time ingest and the app, and the one calendar
 * vocabulary (month, weekday and season names) that both use.
 *
 * Two clocks, kept apart by name:
 *  - String helpers (`isValidPartialDate`, `addDays`, `weekdayOf`, `firstDay`, `comparePartial` …)
 *    work on `YYYY`, `YYYY-MM`, `YYYY-MM-DD` strings and the UTC calendar: the ingest's arithmetic.
 *  - Date helpers (`periodStart`, `periodEnd`, `toIsoDay` …) give local-calendar dates (midnight
 *    local time): an event on 2025-06-17 shows on 17 June in every time zone, and the URL's
 *    `from`/`to` use the same calendar.
 */

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** English month names, January first: `MONTH_NAMES[month - 1]`. */
export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** English weekday names, Sunday first, as `Date#getUTCDay` counts. */
export const WEEKDAY_NAMES = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
] as const;

/**
 * Seasons (northern hemisphere, meteorological) and the months they span: first and last month,
 * counted from January of the season's year (winter runs into the next year: 12–14).
 */
export const SEASONS = {
  spring: [3, 5],
  summer: [6, 8],
  autumn: [9, 11],
  winter: [12, 14],
} as const satisfies Record<string, readonly [number, number]>;

export type Season = keyof typeof SEASONS;

/** Other words for a season: "fall" is autumn. */
export const SEASON_SYNONYMS: Readonly<Record<string, Season>> = { fall: 'autumn' };

/** `Jan` … `Dec`: the first three letters of each month name. */
export function monthAbbreviation(month: number): string {
  return MONTH_NAMES[month - 1]?.slice(0, 3) ?? '';
}

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

/** True for `YYYY`, `YYYY-MM` or `YYYY-MM-DD` naming a real calendar date. */
export function isValidPartialDate(value: string): boolean {
  return parsePartialDate(value) !== null;
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
  const month = monthAbbreviation(parsed.month);
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

// ---------------------------------------------------------------------------------------------------
// String arithmetic on partial dates (UTC calendar, no time of day): what the ingest computes with.

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function ymd(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

export function ym(year: number, month: number): string {
  return `${pad(year, 4)}-${pad(month)}`;
}

export interface DayParts {
  year: number;
  month: number;
  day: number;
}

/** The parts of a `YYYY-MM-DD` string (assumed valid). */
export function parseDay(date: string): DayParts {
  return {
    year: Number(date.slice(0, 4)),
    month: Number(date.slice(5, 7)),
    day: Number(date.slice(8, 10)),
  };
}

export function addDays(date: string, days: number): string {
  const { year, month, day } = parseDay(date);
  const d = new Date(Date.UTC(year, month - 1, day + days));
  return ymd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: string): number {
  const { year, month, day } = parseDay(date);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

export function weekdayName(date: string): string {
  return WEEKDAY_NAMES[weekdayOf(date)]!;
}

/** First day covered by a partial date. */
export function firstDay(date: PartialDate): string {
  if (date.length === 4) return `${date}-01-01`;
  if (date.length === 7) return `${date}-01`;
  return date;
}

/** Last day covered by a partial date. */
export function lastDay(date: PartialDate): string {
  if (date.length === 4) return `${date}-12-31`;
  if (date.length === 7) {
    const year = Number(date.slice(0, 4));
    const month = Number(date.slice(5, 7));
    return `${date}-${pad(daysInMonth(year, month))}`;
  }
  return date;
}

/** Compares two partial dates by their first day, then by precision (coarser first). */
export function comparePartial(a: PartialDate, b: PartialDate): number {
  const fa = firstDay(a);
  const fb = firstDay(b);
  if (fa !== fb) return fa < fb ? -1 : 1;
  return a.length - b.length;
}
