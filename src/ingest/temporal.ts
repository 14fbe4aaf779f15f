/**
 * Temporal expressions: finding them in a sentence and resolving them against a reference date
 * (the article's publication date). Our own resolver, because plain chrono-node reads "last December"
 * in a June article as the coming December and misses bare year ranges ("from 1910 to 1945").
 */
import type { PartialDate } from '../lib/timeline-data.ts';
import {
  MONTH_NAMES,
  WEEKDAY_NAMES,
  addDays,
  daysInMonth,
  isValidPartialDate,
  parseDay,
  weekdayOf,
  ym,
  ymd,
} from './calendar.ts';

export type Modifier = 'last' | 'next' | 'this' | null;

export type TemporalForm =
  | { type: 'year-range'; from: number; to: number }
  | { type: 'absolute'; date: PartialDate }
  | { type: 'month-day'; month: number; day: number }
  | { type: 'month'; month: number; modifier: Modifier }
  | { type: 'weekday'; weekday: number; modifier: Modifier }
  | { type: 'relative-day'; days: number }
  | { type: 'relative-unit'; unit: 'year' | 'month'; delta: number };

export interface TemporalExpr {
  /** The expression as written. */
  text: string;
  /** Offset of `text` in the string searched. */
  index: number;
  form: TemporalForm;
}

export interface ResolvedDate {
  start: PartialDate;
  end?: PartialDate;
  /** True when the expression needed the reference date (relative, or a missing year). */
  relative: boolean;
  /** In words: how the expression was read. */
  basis: string;
}

export type Resolution = { ok: true; date: ResolvedDate } | { ok: false; reason: string };

const MONTH_ALT =
  'January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept\\.?|Sep\\.?|Oct\\.?|Nov\\.?|Dec\\.?';
const WEEKDAY_ALT = WEEKDAY_NAMES.join('|');

function monthNumber(word: string): number {
  const w = word.replace('.', '').slice(0, 3).toLowerCase();
  return MONTH_NAMES.findIndex((m) => m.slice(0, 3).toLowerCase() === w) + 1;
}

const YEAR = '(1[0-9]{3}|20[0-9]{2}|21[0-9]{2})';

interface Pattern {
  re: RegExp;
  /** Returns the expression, or null to skip this match. `m.index` is the match start. */
  build: (m: RegExpExecArray) => { text: string; index: number; form: TemporalForm } | null;
}

/** "last|next" → "[Ll]ast|[Nn]ext": a date word may open a sentence ("Last August, …"). */
function leadWords(alternatives: string): string {
  return alternatives
    .split('|')
    .map((w) => `[${w[0]!.toUpperCase()}${w[0]}]${w.slice(1)}`)
    .join('|');
}

/** "June 4" / "4 June", with an optional year: an absolute date, or a month-day to resolve later. */
function dayOfMonth(
  m: RegExpExecArray,
  monthName: string,
  dayText: string,
  yearText: string | undefined,
): ReturnType<Pattern['build']> {
  const month = monthNumber(monthName);
  const day = Number(dayText);
  if (yearText !== undefined) {
    const year = Number(yearText);
    if (day < 1 || day > daysInMonth(year, month)) return null;
    return { text: m[0], index: m.index, form: { type: 'absolute', date: ymd(year, month, day) } };
  }
  // Without a year, any day the month can have in a leap year is possible.
  if (day < 1 || day > daysInMonth(2024, month)) return null;
  return { text: m[0], index: m.index, form: { type: 'month-day', month, day } };
}

const PATTERNS: Pattern[] = [
  {
    re: new RegExp(
      `\\b(?:from|between)\\s+${YEAR}\\s+(?:to|and|until|till|through)\\s+${YEAR}\\b`,
      'g',
    ),
    build: (m) => {
      const from = Number(m[1]);
      const to = Number(m[2]);
      return from < to
        ? { text: m[0], index: m.index, form: { type: 'year-range', from, to } }
        : null;
    },
  },
  {
    re: new RegExp(`(?<![\\d-])${YEAR}\\s*[–—-]\\s*(\\d{4}|\\d{2})(?![\\d-])`, 'g'),
    build: (m) => {
      const from = Number(m[1]);
      const raw = m[2]!;
      const to = raw.length === 2 ? Math.floor(from / 100) * 100 + Number(raw) : Number(raw);
      return from < to && to - from < 200
        ? { text: m[0], index: m.index, form: { type: 'year-range', from, to } }
        : null;
    },
  },
  {
    re: /(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])/g,
    build: (m) =>
      isValidPartialDate(m[0])
        ? { text: m[0], index: m.index, form: { type: 'absolute', date: m[0] } }
        : null,
  },
  {
    // June 4, 2025 / June 4 / June 4th
    re: new RegExp(`\\b(${MONTH_ALT})\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+${YEAR}\\b)?`, 'g'),
    build: (m) => dayOfMonth(m, m[1]!, m[2]!, m[3]),
  },
  {
    // 4 June 2025 / 4 June
    re: new RegExp(
      `\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH_ALT})(?:,?\\s+${YEAR}\\b)?`,
      'g',
    ),
    build: (m) => dayOfMonth(m, m[2]!, m[1]!, m[3]),
  },
  {
    // last December / December 2024 / in December / early December
    re: new RegExp(
      `\\b(?:(${leadWords('last|next|this|early|late|mid-?|in|since|until|till|by|during|before|after')})\\s+)?(${MONTH_ALT})(?:\\s+(?:of\\s+)?${YEAR})?\\b`,
      'g',
    ),
    build: (m) => {
      const lead = m[1]?.toLowerCase();
      const month = monthNumber(m[2]!);
      const hasYear = m[3] !== undefined;
      // "May" alone is usually the verb: only take it with a year or a date word before it.
      // A month alone only with a year or a date word before it ("May" is usually the verb), and never
      // the remains of a day that failed to parse ("February 30").
      if (!hasYear && lead === undefined) return null;
      if (/^\s*\d/.test(m.input.slice(m.index + m[0].length))) return null;
      const modifier: Modifier =
        lead === 'last' || lead === 'next' || lead === 'this' ? lead : null;
      const textStart = modifier ? m.index : m.index + m[0].indexOf(m[2]!);
      const text = m[0].slice(textStart - m.index);
      if (hasYear) {
        return {
          text,
          index: textStart,
          form: { type: 'absolute', date: ym(Number(m[3]), month) },
        };
      }
      return { text, index: textStart, form: { type: 'month', month, modifier } };
    },
  },
  {
    re: new RegExp(`\\b(?:(${leadWords('last|next|this')})\\s+)?(${WEEKDAY_ALT})\\b`, 'g'),
    build: (m) => {
      const lead = m[1]?.toLowerCase();
      const modifier: Modifier =
        lead === 'last' || lead === 'next' || lead === 'this' ? lead : null;
      const weekday = WEEKDAY_NAMES.indexOf(m[2] as (typeof WEEKDAY_NAMES)[number]);
      return { text: m[0], index: m.index, form: { type: 'weekday', weekday, modifier } };
    },
  },
  {
    re: /\b(yesterday|tomorrow)\b/gi,
    build: (m) => ({
      text: m[0],
      index: m.index,
      form: { type: 'relative-day', days: m[1]!.toLowerCase() === 'yesterday' ? -1 : 1 },
    }),
  },
  {
    re: /\b(last|next)\s+(year|month)\b/gi,
    build: (m) => ({
      text: m[0],
      index: m.index,
      form: {
        type: 'relative-unit',
        unit: m[2]!.toLowerCase() as 'year' | 'month',
        delta: m[1]!.toLowerCase() === 'last' ? -1 : 1,
      },
    }),
  },
  {
    re: new RegExp(
      `\\b(?:in|since|by|until|till|during|from|before|after|early|late|mid-?|of)\\s+(?:the\\s+year\\s+)?${YEAR}\\b(?![-–—]\\d)`,
      'g',
    ),
    build: (m) => {
      const year = m[1]!;
      return {
        text: year,
        index: m.index + m[0].lastIndexOf(year),
        form: { type: 'absolute', date: year },
      };
    },
  },
];

/**
 * Finds the temporal expressions of a text, in order, without overlaps (earlier patterns win).
 * Words such as "now", "currently" or "this year" are deliberately not expressions: they date nothing.
 */
export function findTemporalExpressions(text: string): TemporalExpr[] {
  const found: TemporalExpr[] = [];
  for (const pattern of PATTERNS) {
    pattern.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = pattern.re.exec(text))) {
      if (m[0].length === 0) {
        pattern.re.lastIndex++;
        continue;
      }
      const expr = pattern.build(m);
      if (!expr) continue;
      const s = m.index;
      const e = m.index + m[0].length;
      if (found.some((f) => s < f.index + f.text.length && f.index < e)) continue;
      found.push(expr);
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

const FUTURE =
  /\b(?:will|shall|is set to|are set to|is scheduled|are scheduled|plans? to|upcoming|is expected to|are expected to)\b|'ll\b/i;

/** Whether a sentence speaks of the future, so that bare weekdays and months point forward. */
export function isFutureSentence(sentence: string): boolean {
  return FUTURE.test(sentence);
}

/**
 * Resolves an expression against `reference` (the publication date `YYYY-MM-DD`, or null when unknown).
 * `referenceNote` says where the reference came from (used in the basis text).
 */
export function resolveTemporal(
  expr: TemporalExpr,
  reference: string | null,
  options: { future?: boolean; referenceNote?: string } = {},
): Resolution {
  const form = expr.form;
  const quoted = `“${expr.text}”`;
  if (form.type === 'year-range') {
    return {
      ok: true,
      date: {
        start: String(form.from),
        end: String(form.to),
        relative: false,
        basis: `stated: ${quoted}`,
      },
    };
  }
  if (form.type === 'absolute') {
    return { ok: true, date: { start: form.date, relative: false, basis: `stated: ${quoted}` } };
  }
  if (reference === null) {
    return {
      ok: false,
      reason: `relative date ${quoted} cannot be resolved: the article has no publication date`,
    };
  }
  const ref = parseDay(reference);
  const refNote = `the publication date ${reference}${options.referenceNote ? ` (${options.referenceNote})` : ''}`;
  const future = options.future === true;
  const done = (start: PartialDate, how: string): Resolution => ({
    ok: true,
    date: { start, relative: true, basis: `${quoted} read as ${start}: ${how} ${refNote}` },
  });
  switch (form.type) {
    case 'month-day': {
      let year = ref.year;
      const candidate = () =>
        ymd(year, form.month, Math.min(form.day, daysInMonth(year, form.month)));
      if (future) {
        if (candidate() < reference) year++;
      } else if (candidate() > reference) year--;
      if (form.day > daysInMonth(year, form.month))
        return { ok: false, reason: `${quoted} is not a date in ${year}` };
      return done(
        candidate(),
        future
          ? 'no year given, so the first such day on or after'
          : 'no year given, so the latest such day on or before',
      );
    }
    case 'month': {
      let year = ref.year;
      const m = form.month;
      let how: string;
      if (form.modifier === 'last') {
        if (m >= ref.month) year--;
        how = 'the latest such month before the month of';
      } else if (form.modifier === 'next') {
        if (m <= ref.month) year++;
        how = 'the first such month after the month of';
      } else if (form.modifier === 'this') {
        how = 'the same year as';
      } else if (future) {
        if (m < ref.month) year++;
        how = 'the first such month on or after';
      } else {
        if (m > ref.month) year--;
        how = 'the latest such month on or before';
      }
      return done(ym(year, m), how);
    }
    case 'weekday': {
      const refDow = weekdayOf(reference);
      let delta: number;
      let how: string;
      if (form.modifier === 'last') {
        delta = -((refDow - form.weekday + 7) % 7 || 7);
        how = 'the latest such weekday before';
      } else if (form.modifier === 'next') {
        delta = (form.weekday - refDow + 7) % 7 || 7;
        how = 'the first such weekday after';
      } else if (future) {
        delta = (form.weekday - refDow + 7) % 7;
        how = 'the first such weekday on or after';
      } else {
        delta = -((refDow - form.weekday + 7) % 7);
        how = 'the latest such weekday on or before';
      }
      return done(addDays(reference, delta), how);
    }
    case 'relative-day':
      return done(
        addDays(reference, form.days),
        form.days < 0 ? 'the day before' : 'the day after',
      );
    case 'relative-unit': {
      if (form.unit === 'year') return done(String(ref.year + form.delta), 'counted from');
      const total = ref.year * 12 + (ref.month - 1) + form.delta;
      return done(ym(Math.floor(total / 12), (total % 12) + 1), 'counted from');
    }
  }
}
