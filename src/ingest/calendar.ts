/** Calendar helpers on PartialDate strings (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`). All UTC, no time of day. */
import type { PartialDate, Precision } from '../lib/timeline-data.ts';

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

export const WEEKDAY_NAMES = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
] as const;

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isValidPartialDate(value: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) return false;
  if (m[2] === undefined) return true;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = Number(m[3]);
  return day >= 1 && day <= daysInMonth(Number(m[1]), month);
}

export function precisionOf(date: PartialDate): Precision {
  return date.length === 4 ? 'year' : date.length === 7 ? 'month' : 'day';
}

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
