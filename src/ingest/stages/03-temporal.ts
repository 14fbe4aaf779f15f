/**
 * Stage 3: temporal expressions. chrono-node finds the dates it knows (weekdays, "June 4",
 * "Feb. 22", "yesterday", "last year", "this month", "June 1950"); custom chrono parsers add what it
 * misses in news text (year ranges "1910-45" and "from 1910 to 1945", bare years "in 1998",
 * seasons, anaphora such as "that year" or "the following month"), and a refiner drops what is not a
 * date (durations, ages, amounts, approximate spans such as "nearly a year ago").
 *
 * This stage never needs the publication date: relative expressions keep their shape (a weekday, a
 * delta in days) and are resolved in the dating stage against the article's reference time.
 */
import * as chrono from 'chrono-node';
import { SEASONS, SEASON_SYNONYMS, type Season } from '../../lib/partial-date.ts';
import type { Sentence } from './02-sentences.ts';

export type Modifier = 'last' | 'next' | 'this' | null;
export type { Season };

/** Season words as the text writes them: the seasons and their synonyms ("fall"). */
const SEASON_WORDS = [...Object.keys(SEASONS), ...Object.keys(SEASON_SYNONYMS)].join('|');

export type TemporalForm =
  /** A calendar date with a year: `month`/`day` present only when the text gives them. */
  | { type: 'date'; year: number; month?: number; day?: number }
  | { type: 'year-range'; from: number; to: number }
  | { type: 'month-day'; month: number; day: number }
  | { type: 'month'; month: number; modifier: Modifier; part: 'early' | 'mid' | 'late' | null }
  | { type: 'weekday'; weekday: number; modifier: Modifier }
  | { type: 'relative-day'; days: number }
  | { type: 'relative'; unit: 'year' | 'month' | 'week'; delta: number }
  /** "that year", "the following month": relative to the last date the article gave. */
  | { type: 'anaphoric'; unit: 'year' | 'month' | 'day'; delta: number }
  | { type: 'season'; season: Season; year: number | null; modifier: Modifier }
  /**
   * "the 30th anniversary of the restoration of ties": the event named after it happened `years`
   * before the anniversary, which is at `of` (another expression of the sentence, "This year",
   * "On June 19") or, without one, at the reference time.
   */
  | { type: 'anniversary'; years: number; of: TemporalExpr | null }
  /**
   * "the day before the reception": counted from another event of the article, named by the head
   * noun of the phrase after it (`anchor`, as written).
   */
  | {
      type: 'event-relative';
      unit: 'day' | 'week' | 'month' | 'year';
      delta: number;
      anchor: string;
    }
  /** Looks like a date but gives none that can be placed ("nearly a year ago", "the late 1990s"). */
  | { type: 'vague'; reason: string };

/** How the expression relates to the event: at it, or a bound ("since 1954", "until 1945", "before 2019"). */
export type TemporalRole = 'at' | 'since' | 'until' | 'before' | 'after';

export interface TemporalExpr {
  /** As written. */
  text: string;
  /** Offsets in the article body. */
  start: number;
  end: number;
  form: TemporalForm;
  role: TemporalRole;
}

const YEAR = '(1[5-9]\\d\\d|20\\d\\d|21\\d\\d)';
/** A year is not a year when it is part of an amount or a measure ("1910 people", "$2000", "2019-year"). */
const NOT_AFTER_YEAR =
  /^(?:[-‐‑]?(?:year|day|month|week|strong|metre|meter|km|ton)|,\d|\.\d|\s*(?:%|percent|per cent|people|persons|won|yen|dollars|troops|soldiers|workers|victims|tons|tonnes|km|kilometres|kilometers|meters|metres|feet|miles|units|cases|votes|seats|won\b|hours|minutes|kg|years?\s+(?:old|ago|of|later|earlier|after|before)|\s*years?\b))/i;
const NOT_BEFORE_YEAR = /(?:[$€£¥₩#№]|No\.\s*|[\d,.]|\bpage\s|\bp\.\s?|\bat\s+)$/i;

type ParsingContext = Parameters<chrono.Parser['extract']>[0];

/** Custom chrono parsers; each tags its result so the refiner can tell the form. */
function tagged(
  context: ParsingContext,
  index: number,
  text: string,
  tag: string,
  start: Record<string, number>,
  end?: Record<string, number>,
) {
  const result = context.createParsingResult(index, text, start, end);
  result.addTag(tag);
  return result;
}

const yearRange: chrono.Parser = {
  pattern: () =>
    new RegExp(
      `(?:\\b(?:from|between)\\s+)?(?<![\\d$])${YEAR}\\s*(?:[-–—]|to|and|until|through|till)\\s*(1[5-9]\\d\\d|20\\d\\d|21\\d\\d|\\d\\d)(?![\\d-])`,
      'i',
    ),
  extract: (context, match) => {
    const from = Number(match[1]);
    let to = Number(match[2]);
    if (match[2]!.length === 2) to = Math.floor(from / 100) * 100 + to;
    if (!(to > from) || to - from > 150) return null;
    return tagged(context, match.index!, match[0], 'ties/year-range', { year: from }, { year: to });
  },
};

const bareYear: chrono.Parser = {
  pattern: () => new RegExp(`(?<![\\d.,$€£¥₩-])${YEAR}(?![\\d])(?!s\\b)`, 'i'),
  extract: (context, match) => {
    const after = context.text.slice(
      match.index! + match[0].length,
      match.index! + match[0].length + 24,
    );
    const before = context.text.slice(Math.max(0, match.index! - 6), match.index!);
    if (NOT_AFTER_YEAR.test(after) || NOT_BEFORE_YEAR.test(before)) return null;
    return tagged(context, match.index!, match[0], 'ties/year', { year: Number(match[1]) });
  },
};

const anaphora: chrono.Parser = {
  pattern: () =>
    /\b(?:(that|the same)\s+(year|month|day)|the\s+(following|next|previous|preceding|prior)\s+(year|month|day)|a\s+(year|month|day)\s+(later|earlier|after|before))\b/i,
  extract: (context, match) => {
    const unit = (match[2] ?? match[4] ?? match[5])!.toLowerCase();
    const word = (match[1] ?? match[3] ?? match[6])!.toLowerCase();
    const delta = /follow|next|later|after/.test(word)
      ? 1
      : /previous|preceding|prior|earlier|before/.test(word)
        ? -1
        : 0;
    // "a day after the vote" relates to another event, not to the last date given: not handled here.
    if (
      match[5] &&
      /^\s+(?:the|his|her|its|their|a)\b/i.test(context.text.slice(match.index! + match[0].length))
    )
      return null;
    return tagged(context, match.index!, match[0], `ties/anaphoric/${unit}/${delta}`, {
      year: 2000,
    });
  },
};

const season: chrono.Parser = {
  pattern: () =>
    new RegExp(`\\b(?:(last|this|next)\\s+)?(${SEASON_WORDS})(?:\\s+(?:of\\s+)?${YEAR})?\\b`, 'i'),
  extract: (context, match) => {
    const before = context.text.slice(Math.max(0, match.index! - 12), match.index!);
    const hasYear = match[3] !== undefined;
    if (!hasYear && !match[1] && !/\b(?:in|the|during|by|until|since)\s+(?:the\s+)?$/i.test(before))
      return null;
    const word = match[2]!.toLowerCase();
    const name = SEASON_SYNONYMS[word] ?? word;
    const mod = match[1]?.toLowerCase() ?? 'none';
    return tagged(context, match.index!, match[0], `ties/season/${name}/${mod}`, {
      year: hasYear ? Number(match[3]) : 2000,
    });
  },
};

const decade: chrono.Parser = {
  pattern: () => /\b(?:the\s+)?(?:(early|mid|late)[-\s])?(1[5-9]\d0|20\d0)s\b/i,
  extract: (context, match) =>
    tagged(context, match.index!, match[0], 'ties/vague/decade', { year: Number(match[2]) }),
};

const APPROXIMATE =
  /\b(?:nearly|almost|about|around|some|roughly|more than|over|less than|at least|up to)\s+$/i;

let parser: chrono.Chrono | null = null;

function chronoParser(): chrono.Chrono {
  if (parser) return parser;
  const c = chrono.casual.clone();
  // Clock times ("at 19:05" would swallow the year 1905), durations ("for four years", "within a
  // week") and spans counted from another event ("three days later") are not dates of the event.
  const DROP = new Set([
    'ENTimeExpressionParser',
    'ENTimeUnitWithinFormatParser',
    'ENTimeUnitLaterFormatParser',
    'ENEndOfCurrentMonthParser',
  ]);
  c.parsers = c.parsers.filter((p) => !DROP.has(p.constructor.name));
  // chrono's unlikely-format filters drop a bare year ("in 1905"); the refiner below does that job.
  c.refiners = c.refiners.filter((r) => !/UnlikelyFormatFilter$/.test(r.constructor.name));
  c.parsers.unshift(yearRange, anaphora, season, decade);
  c.parsers.push(bareYear);
  c.refiners.push({
    refine: (context, results) =>
      results.filter((r) => {
        const tags = r.tags();
        const ours = [...tags].some((t) => t.startsWith('ties/'));
        if (ours) return true;
        const known = ['year', 'month', 'day', 'weekday'].some((k) =>
          r.start.isCertain(k as never),
        );
        const casual = [...tags].some(
          (t) => t.startsWith('casualReference') || t === 'result/relativeDate',
        );
        // Times of day alone ("1.03pm") and numbers chrono reads as dates are not dates.
        if (!known && !casual) return false;
        // A month name that is a word ("May", "march") needs a day or a year, or a modifier.
        if (
          /^(?:may|march)$/i.test(r.text) &&
          !/\b(?:in|last|next|this|early|late|mid|since|until|of)\s+$/i.test(
            context.text.slice(0, r.index),
          )
        )
          return false;
        return true;
      }),
  });
  parser = c;
  return c;
}

/** The reference instant handed to chrono: relative results are read back as deltas from it. */
const REF = new Date(Date.UTC(2000, 5, 15, 12));
const REF_DAY = Date.UTC(2000, 5, 15);

function modifierBefore(textBefore: string): Modifier {
  const m = /\b(last|next|this|coming|past)\s+(?:(?:early|mid|late)\s+)?$/i.exec(textBefore);
  if (!m) return null;
  const w = m[1]!.toLowerCase();
  return w === 'last' || w === 'past' ? 'last' : w === 'next' || w === 'coming' ? 'next' : 'this';
}

function roleBefore(textBefore: string): TemporalRole {
  // "hours before Wednesday's vote": the same day, not merely a bound.
  if (/\b(?:hours|minutes|moments)\s+(?:before|after)\s+$/i.test(textBefore)) return 'at';
  const m =
    /\b(since|until|till|up to|through|by|before|prior to|after|following|from)\s+(?:(?:the|late|early|mid|last|this)\s+)*$/i.exec(
      textBefore,
    );
  if (!m) return 'at';
  const w = m[1]!.toLowerCase();
  if (w === 'since' || w === 'from') return 'since';
  if (w === 'before' || w === 'prior to') return 'before';
  if (w === 'after' || w === 'following') return 'after';
  return 'until';
}

function formOf(r: chrono.ParsedResult, textBefore: string): TemporalForm | null {
  const tags = [...r.tags()];
  const ours = tags.find((t) => t.startsWith('ties/'));
  if (ours) {
    const parts = ours.split('/');
    switch (parts[1]) {
      case 'year-range':
        return { type: 'year-range', from: r.start.get('year')!, to: r.end!.get('year')! };
      case 'year':
        return { type: 'date', year: r.start.get('year')! };
      case 'anaphoric':
        return {
          type: 'anaphoric',
          unit: parts[2] as 'year' | 'month' | 'day',
          delta: Number(parts[3]),
        };
      case 'season': {
        const mod = parts[3] === 'none' ? null : (parts[3] as Modifier);
        const year = r.start.get('year')!;
        const hasYear = /\d{4}/.test(r.text);
        return {
          type: 'season',
          season: parts[2] as Season,
          year: hasYear ? year : null,
          modifier: mod,
        };
      }
      default:
        return { type: 'vague', reason: `“${r.text}” names no date that can be placed` };
    }
  }
  if (/^(?:now|currently|at present)$/i.test(r.text.trim())) return null;
  // A count of units is a duration ("after 14 years", "over the last 5 years"), unless it says "ago".
  if (
    /\b(?:\d+|a few|several|two|three|four|five|six|seven|eight|nine|ten|\w+teen|\w+ty)\s+(?:years?|months?|weeks?|days?)\b/i.test(
      r.text,
    ) &&
    !/\bago\b/i.test(r.text)
  )
    return null;
  if (
    r.start.isCertain('weekday') &&
    !r.start.isCertain('day') &&
    !/(?:sun|mon|tues|wednes|thurs|fri|satur)day/i.test(r.text)
  )
    return null;
  if (APPROXIMATE.test(textBefore))
    return {
      type: 'vague',
      reason: `“${r.text}” is approximate (“${APPROXIMATE.exec(textBefore)![0].trim()}”)`,
    };
  const s = r.start;
  const certain = (k: 'year' | 'month' | 'day' | 'weekday') => s.isCertain(k);
  if (/^(?:the\s+)?(?:day|week|month|year)\s+(?:before|after)$/i.test(r.text))
    return { type: 'vague', reason: `“${r.text}” counts from another event` };
  const casual =
    tags.some((t) => t.startsWith('casualReference') || t === 'result/relativeDate') ||
    /\b(?:this|last|next|past|coming)\s+(?:year|month|week)\b|\bago\b/i.test(r.text);
  if (casual || (!certain('year') && !certain('month') && !certain('day') && !certain('weekday'))) {
    const y = s.get('year')!;
    const m = s.get('month')!;
    const d = s.get('day')!;
    if (/\b(?:year)\b/i.test(r.text)) return { type: 'relative', unit: 'year', delta: y - 2000 };
    if (/\bmonth\b/i.test(r.text))
      return { type: 'relative', unit: 'month', delta: (y - 2000) * 12 + m - 6 };
    if (/\bweek\b/i.test(r.text))
      return {
        type: 'relative',
        unit: 'week',
        delta: Math.round((Date.UTC(y, m - 1, d) - REF_DAY) / 604800000),
      };
    return { type: 'relative-day', days: Math.round((Date.UTC(y, m - 1, d) - REF_DAY) / 86400000) };
  }
  if (certain('year')) {
    const form: TemporalForm = { type: 'date', year: s.get('year')! };
    if (certain('month')) form.month = s.get('month')!;
    if (certain('month') && certain('day')) form.day = s.get('day')!;
    return form;
  }
  if (certain('month') && certain('day'))
    return { type: 'month-day', month: s.get('month')!, day: s.get('day')! };
  if (certain('month')) {
    const part =
      /\b(early|mid|late)[-\s]+(?:last\s+|this\s+|next\s+)?$/i
        .exec(textBefore)?.[1]
        ?.toLowerCase() ?? null;
    return {
      type: 'month',
      month: s.get('month')!,
      modifier: modifierBefore(textBefore),
      part: part as 'early' | 'mid' | 'late' | null,
    };
  }
  if (certain('weekday'))
    return { type: 'weekday', weekday: s.get('weekday')!, modifier: modifierBefore(textBefore) };
  return null;
}

/** A number that reads as a duration or an ordinal around it is not a date ("35 years", "three-day"). */
function isDuration(text: string, after: string): boolean {
  return /^\s*[-‐‑]?(?:years?|months?|days?|weeks?)\b/i.test(after) && /^\d+$/.test(text.trim());
}

/** Every temporal expression of a sentence, in order, with body offsets. */
export function findTemporal(sentence: Sentence): TemporalExpr[] {
  const text = sentence.text;
  const results = chronoParser().parse(text, { instant: REF, timezone: 0 }, { forwardDate: false });
  const out: TemporalExpr[] = [];
  for (const r of results) {
    const before = text.slice(0, r.index);
    const after = text.slice(r.index + r.text.length);
    if (isDuration(r.text, after)) continue;
    // "designated May 9 as 'Unity Day'": a day named by the clause, not the time of it.
    if (
      /^\s+as\s/i.test(after) &&
      /\b(?:designat|declar|nam|proclaim|set|observ|mak|fix)\w*\s+$/i.test(before)
    )
      continue;
    const form = formOf(r, before);
    if (!form) continue;
    // chrono's match may start with "on"/"in"/"from": keep the quoted date itself.
    let lead = /^(?:on|in|at|from|since|by|the)\s+/i.exec(r.text)?.[0].length ?? 0;
    // The modifier is part of the expression as written: "last December", "late last October".
    const mod = /(?:\b(?:early|mid|late)[-\s]+)?(?:\b(?:last|next|this|coming|past)\s+)?$/i.exec(
      before,
    );
    if (
      lead === 0 &&
      mod &&
      mod[0].length > 0 &&
      (form.type === 'month' || form.type === 'weekday')
    )
      lead = -mod[0].length;
    const trail = /[\s,.;:]+$/.exec(r.text)?.[0].length ?? 0;
    const start = sentence.start + r.index + lead;
    const end = sentence.start + r.index + r.text.length - trail;
    if (out.some((o) => start < o.end && o.start < end)) continue;
    const exprBefore = text.slice(0, r.index + lead);
    const role = form.type === 'year-range' ? 'at' : roleBefore(exprBefore);
    if (form.type === 'vague') {
      const relative = eventRelative(sentence, r.text, end);
      if (relative) {
        out.push({
          text: text.slice(r.index + lead, relative.end - sentence.start),
          start,
          end: relative.end,
          form: relative.form,
          role: 'at',
        });
        continue;
      }
    }
    out.push({
      text: text.slice(r.index + lead, r.index + r.text.length - trail),
      start,
      end,
      form,
      role,
    });
  }
  out.sort((a, b) => a.start - b.start);
  for (const m of text.matchAll(ANNIVERSARY)) {
    const years = ordinalValue(m[1]!);
    if (years === null || years < 1) continue;
    const start = sentence.start + m.index;
    const end = start + m[0].length;
    if (out.some((o) => start < o.end && o.start < end)) continue;
    // The anniversary's own date: the first other expression of the sentence that places a day,
    // month or year ("This year marks …", "On June 19, … the 60th Anniversary of …").
    const of = out.find((o) => o.form.type !== 'vague' && o.form.type !== 'anniversary') ?? null;
    out.push({ text: m[0], start, end, form: { type: 'anniversary', years, of }, role: 'at' });
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * "the day before the reception", "a week after the vote": the unit, the direction and the event
 * noun it counts from. A clause after it ("a day after the ministry announced …") is not read.
 */
function eventRelative(
  sentence: Sentence,
  exprText: string,
  exprEnd: number,
): { form: TemporalForm; end: number } | null {
  const m = /\b(day|week|month|year)\s+(before|after)\s*$/i.exec(exprText.trim());
  if (!m) return null;
  const tokens = sentence.tokens;
  let k = tokens.findIndex((t) => t.start >= exprEnd);
  if (k < 0 || !/^(?:the|his|her|its|their)$/i.test(tokens[k]!.lower)) return null;
  k++;
  let head: number | null = null;
  while (k < tokens.length && /^(?:ADJ|NOUN|PROPN)$/.test(tokens[k]!.pos)) {
    if (tokens[k]!.pos !== 'ADJ') head = k;
    k++;
  }
  if (head === null) return null;
  if (tokens[k] && (tokens[k]!.pos === 'VERB' || tokens[k]!.pos === 'AUX')) return null;
  const unit = m[1]!.toLowerCase() as 'day' | 'week' | 'month' | 'year';
  return {
    form: {
      type: 'event-relative',
      unit,
      delta: m[2]!.toLowerCase() === 'before' ? -1 : 1,
      anchor: tokens[head]!.text,
    },
    end: tokens[head]!.end,
  };
}

const ORDINAL_WORDS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  fifteenth: 15,
  twentieth: 20,
  twenty_fifth: 25,
  thirtieth: 30,
  fortieth: 40,
  fiftieth: 50,
  sixtieth: 60,
  seventieth: 70,
  seventy_fifth: 75,
  eightieth: 80,
  ninetieth: 90,
  hundredth: 100,
  centennial: 100,
};
const ANNIVERSARY =
  /\b(\d{1,3}(?:st|nd|rd|th)|(?:twenty|seventy)[- ]fifth|[a-z]+th|first|second|third)\s+anniversary\s+of\b/gi;

function ordinalValue(word: string): number | null {
  const digits = /^(\d{1,3})/.exec(word);
  if (digits) return Number(digits[1]);
  return ORDINAL_WORDS[word.toLowerCase().replace(/[- ]/g, '_')] ?? null;
}
