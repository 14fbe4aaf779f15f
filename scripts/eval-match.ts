/**
 * Pure matching functions of `npm run eval` (scripts/eval.ts): how an ingest output event is compared with
 * an expected event of the development corpus (`../shared/corpus/*.expect.json`, described in its README).
 * No I/O here; unit-tested in scripts/eval-match.test.ts.
 */

// ---------------------------------------------------------------------------------------------------------
// Types: the expectation files, and the ingest output as the eval reads it (kept local on purpose, so the
// eval compiles whether or not the ingest's own types have gained `undated`, `aliases` or `planned` yet).

export type ExpectedPrecision = 'year' | 'month' | 'day' | 'range' | 'bounded' | 'unknown';

export interface ExpectedEvent {
  summary: string;
  date: string | null;
  end?: string | null;
  precision: ExpectedPrecision;
  leaders: string[];
  supporting_sentence: string;
  date_basis?: string;
}

export interface ExpectFile {
  file: string;
  title?: string;
  shape?: string;
  publication_date?: string;
  expected_published: string | null;
  twin?: string;
  events: ExpectedEvent[];
  should_not_extract?: string[];
}

export interface OutSource {
  articleId: string;
  quote: string;
  offset: number;
}

/** A dated or undated output event, flattened to what the comparison needs. */
export interface OutEvent {
  id: string;
  title: string;
  /** Null for an undated event (or a dated one without a start). */
  start: string | null;
  end: string | null;
  /** `point` | `range` | `bounded` for dated events, null for undated ones. */
  dateKind: string | null;
  /** True when the event came from `timeline.undated`. */
  undated: boolean;
  actors: string[];
  sources: OutSource[];
  planned?: boolean;
}

export interface ActorNames {
  id: string;
  name: string;
  aliases?: string[];
}

// ---------------------------------------------------------------------------------------------------------
// Sentences

/**
 * Normalises a quote or sentence for comparison: Unicode NFKC (so `…` becomes `...` and no-break spaces become
 * spaces), curly and other single quotes/apostrophes to `'`, curly double quotes to `"`, every dash to `-`,
 * whitespace collapsed, trimmed, lowercased.
 */
export function normaliseText(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201A\u201B\u2032\u02BC`\u00B4]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"')
    .replace(/[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Length of the longest common substring of `a` and `b` (dynamic programming, one row at a time). */
export function longestCommonSubstring(a: string, b: string): number {
  if (a.length === 0 || b.length === 0) return 0;
  let prev = new Uint32Array(b.length + 1);
  let cur = new Uint32Array(b.length + 1);
  let best = 0;
  for (let i = 1; i <= a.length; i++) {
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      if (ca === b.charCodeAt(j - 1)) {
        const v = (prev[j - 1] ?? 0) + 1;
        cur[j] = v;
        if (v > best) best = v;
      } else cur[j] = 0;
    }
    [prev, cur] = [cur, prev];
  }
  return best;
}

/** How a quote relates to a supporting sentence. */
export type SentenceMatch = 'contains' | 'contained' | 'partial';

/** Share of the shorter text's characters that must overlap (as one common run) for a `partial` match. */
export const PARTIAL_OVERLAP = 0.6;

/**
 * `contains`: the quote contains the sentence; `contained`: the quote is contained in the sentence;
 * `partial`: neither, but their longest common run of characters is at least 60% of the shorter one;
 * null: none of these (after {@link normaliseText}).
 */
export function matchSentence(quote: string, sentence: string): SentenceMatch | null {
  const q = normaliseText(quote);
  const s = normaliseText(sentence);
  if (q.length === 0 || s.length === 0) return null;
  if (q.includes(s)) return 'contains';
  if (s.includes(q)) return 'contained';
  const shorter = Math.min(q.length, s.length);
  return longestCommonSubstring(q, s) >= PARTIAL_OVERLAP * shorter ? 'partial' : null;
}

/**
 * The best way one of the event's sources from article `articleId` matches `sentence`
 * (`contains`/`contained` beat `partial`), or null when no source of that article does.
 */
export function eventSentenceMatch(
  event: Pick<OutEvent, 'sources'>,
  articleId: string,
  sentence: string,
): SentenceMatch | null {
  let best: SentenceMatch | null = null;
  for (const source of event.sources) {
    if (source.articleId !== articleId) continue;
    const m = matchSentence(source.quote, sentence);
    if (m === 'contains' || m === 'contained') return m;
    if (m === 'partial') best = 'partial';
  }
  return best;
}

// ---------------------------------------------------------------------------------------------------------
// Dates

/** `YYYY` year, `YYYY-MM` month, `YYYY-MM-DD` day; anything else null. */
export function partialPrecision(date: string | null | undefined): 'year' | 'month' | 'day' | null {
  if (date == null) return null;
  if (/^\d{4}$/.test(date)) return 'year';
  if (/^\d{4}-\d{2}$/.test(date)) return 'month';
  if (/^\d{4}-\d{2}-\d{2}$/.test(date)) return 'day';
  return null;
}

export function isUndatedOutput(event: Pick<OutEvent, 'undated' | 'start'>): boolean {
  return event.undated || event.start === null || event.start === '';
}

/**
 * Right date at the right precision:
 * - day/month/year: a `point` whose start equals the expected date exactly (so the string length, i.e. the
 *   precision, is the same);
 * - range: a `range` with the same start and end;
 * - bounded: a `bounded` event whose start equals the expected lower bound and whose end equals the upper
 *   bound, a null expected bound accepting anything;
 * - unknown: the event is undated (in `timeline.undated`, or without a start).
 */
export function dateRight(
  expected: Pick<ExpectedEvent, 'date' | 'end' | 'precision'>,
  event: Pick<OutEvent, 'start' | 'end' | 'dateKind' | 'undated'>,
): boolean {
  if (expected.precision === 'unknown') return isUndatedOutput(event);
  if (isUndatedOutput(event)) return false;
  switch (expected.precision) {
    case 'day':
    case 'month':
    case 'year':
      return event.dateKind === 'point' && event.start === expected.date;
    case 'range':
      return (
        event.dateKind === 'range' &&
        event.start === expected.date &&
        (event.end ?? null) === (expected.end ?? null)
      );
    case 'bounded':
      return (
        event.dateKind === 'bounded' &&
        (expected.date == null || event.start === expected.date) &&
        (expected.end == null || event.end === expected.end)
      );
  }
}

/** The expected date in words: `1965`, `1910..1945`, `between 1961 and ?`, `undated`. */
export function describeExpectedDate(expected: Pick<ExpectedEvent, 'date' | 'end' | 'precision'>) {
  switch (expected.precision) {
    case 'unknown':
      return 'undated';
    case 'range':
      return `${expected.date ?? '?'}..${expected.end ?? '?'} (range)`;
    case 'bounded':
      return `between ${expected.date ?? '?'} and ${expected.end ?? '?'} (bounded)`;
    default:
      return `${expected.date ?? '?'} (${expected.precision})`;
  }
}

/** The output date in words, in the same style as {@link describeExpectedDate}. */
export function describeOutputDate(
  event: Pick<OutEvent, 'start' | 'end' | 'dateKind' | 'undated'>,
) {
  if (isUndatedOutput(event)) return 'undated';
  if (event.dateKind === 'range') return `${event.start}..${event.end ?? '?'} (range)`;
  if (event.dateKind === 'bounded')
    return `between ${event.start} and ${event.end ?? '?'} (bounded)`;
  return `${event.start} (${partialPrecision(event.start) ?? event.dateKind ?? '?'})`;
}

/**
 * Invented day: the output carries a day-precision date (start or end) although the expected precision is
 * not `day`, and that day is not one of the expected bounds (a `bounded`/`range` expectation may itself have
 * day bounds, which are then right, not invented).
 */
export function inventsDay(
  expected: Pick<ExpectedEvent, 'date' | 'end' | 'precision'>,
  event: Pick<OutEvent, 'start' | 'end' | 'dateKind' | 'undated'>,
): boolean {
  if (expected.precision === 'day' || isUndatedOutput(event)) return false;
  const allowed = new Set([expected.date, expected.end].filter((d): d is string => d != null));
  return [event.start, event.end].some(
    (d) => partialPrecision(d) === 'day' && !allowed.has(d as string),
  );
}

/** The output dates an event the text leaves undated. */
export function datesUndated(
  expected: Pick<ExpectedEvent, 'precision'>,
  event: Pick<OutEvent, 'start' | 'undated'>,
): boolean {
  return expected.precision === 'unknown' && !isUndatedOutput(event);
}

// ---------------------------------------------------------------------------------------------------------
// Leaders

/** Lowercase, diacritics stripped, spaces and hyphens (any dash) removed: `Kim Dae-jung` → `kimdaejung`. */
export function normaliseName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[\s\-\u2010-\u2015\u2212]+/g, '');
}

export interface LeaderComparison {
  /** The expected set equals the output actors' set. */
  exact: boolean;
  /** Every expected leader is among the output actors, and there are extra actors. */
  superset: boolean;
  /** Expected leaders no output actor matches. */
  missing: string[];
  /** Names of output actors that match no expected leader. */
  extra: string[];
  /** Names of all output actors. */
  got: string[];
}

/**
 * Compares the expected leaders (canonical full names) with the event's actors. An actor matches a leader when
 * the normalised leader name equals the actor's normalised name or one of its normalised aliases. Unknown
 * actor ids are compared by the id itself.
 */
export function compareLeaders(
  expected: string[],
  actorIds: string[],
  actorsById: ReadonlyMap<string, ActorNames>,
): LeaderComparison {
  const actors = [...new Set(actorIds)].map((id) => {
    const actor = actorsById.get(id);
    const name = actor?.name ?? id;
    const keys = new Set([name, ...(actor?.aliases ?? [])].map(normaliseName));
    return { name, keys };
  });
  const wanted = [...new Map(expected.map((n) => [normaliseName(n), n])).entries()];
  const used = new Set<number>();
  const missing: string[] = [];
  for (const [key, name] of wanted) {
    const index = actors.findIndex((a, i) => !used.has(i) && a.keys.has(key));
    if (index < 0) missing.push(name);
    else used.add(index);
  }
  const extra = actors.filter((_, i) => !used.has(i)).map((a) => a.name);
  return {
    exact: missing.length === 0 && extra.length === 0,
    superset: missing.length === 0 && extra.length > 0,
    missing,
    extra,
    got: actors.map((a) => a.name),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Title proxy

/** Function words a title must not end in (a sign of a cut title). */
export const FUNCTION_WORDS = new Set([
  'the',
  'a',
  'an',
  'of',
  'to',
  'and',
  'in',
  'on',
  'at',
  'with',
  'for',
  'by',
  'from',
  'as',
  'or',
]);

/** Words never taken as content words for the stem overlap. */
export const STOP_WORDS = new Set([
  ...FUNCTION_WORDS,
  'about',
  'after',
  'also',
  'been',
  'before',
  'being',
  'between',
  'both',
  'does',
  'during',
  'each',
  'from',
  'have',
  'having',
  'into',
  'last',
  'more',
  'most',
  'only',
  'other',
  'over',
  'said',
  'same',
  'says',
  'since',
  'some',
  'such',
  'than',
  'that',
  'their',
  'them',
  'then',
  'there',
  'these',
  'they',
  'this',
  'those',
  'through',
  'under',
  'until',
  'upon',
  'very',
  'were',
  'what',
  'when',
  'where',
  'which',
  'while',
  'will',
  'with',
  'would',
  'year',
  'years',
  'day',
  'days',
  'text',
  'date',
  'dated',
  'stated',
]);

/**
 * Verb forms the suffix rule misses: common irregular past tenses and base forms of verbs frequent in news
 * titles. Deliberately short, and without words that are as often nouns (`rule`, `ban`, `visit`, `end`);
 * `-ing` forms are not verbs here (`Meeting` is a noun in a title).
 */
export const VERB_WORDS = new Set([
  'agree',
  'annex',
  'arrest',
  'beat',
  'became',
  'began',
  'begin',
  'broke',
  'brought',
  'came',
  'cancel',
  'condemn',
  'detain',
  'die',
  'fell',
  'fought',
  'gave',
  'held',
  'hold',
  'invade',
  'join',
  'kept',
  'kidnap',
  'led',
  'lift',
  'lost',
  'made',
  'meet',
  'met',
  'oppose',
  'oust',
  'paid',
  'ran',
  'rose',
  'said',
  'sat',
  'saw',
  'say',
  'says',
  'seize',
  'sent',
  'sign',
  'sought',
  'spoke',
  'struck',
  'sue',
  'took',
  'told',
  'uphold',
  'upheld',
  'went',
  'won',
  'wrote',
]);

function words(text: string): string[] {
  return (
    text
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .match(/\p{L}+/gu) ?? []
  ).map((w) => w.toLowerCase());
}

/**
 * Verb-like: in {@link VERB_WORDS}, or ends in `-ed`, or in `-s`/`-es` with at least 4 letters and not in
 * `-ss`/`-us`/`-is` (`lifts`, `passes`, `signed`; also plural nouns such as `curbs`: it is a proxy).
 */
export function isVerbLike(word: string): boolean {
  const w = word.toLowerCase();
  if (VERB_WORDS.has(w)) return true;
  if (STOP_WORDS.has(w)) return false;
  if (w.length >= 4 && w.endsWith('ed')) return true;
  return w.length >= 4 && w.endsWith('s') && !/(ss|us|is)$/.test(w);
}

/** The summary's first clause: up to the first `(` or `;`. */
export function firstClause(summary: string): string {
  return summary.split(/[(;]/, 1)[0] ?? '';
}

/** Content word stems: the first 5 letters of each word of at least 4 letters that is not a stop word. */
export function contentStems(text: string): Set<string> {
  return new Set(
    words(text)
      .filter((w) => w.length >= 4 && !STOP_WORDS.has(w))
      .map((w) => w.slice(0, 5)),
  );
}

export interface TitleVerdict {
  ok: boolean;
  /** Why the title failed (empty when ok). */
  reasons: string[];
  /** Shared content stems with the summary's first clause. */
  shared: string[];
}

/**
 * The summary's verbs: its verb-like words ({@link isVerbLike}) plus the lowercase word after each `to` that is
 * not a stop word (an infinitive: `agreed to normalise` gives `normalise`).
 */
export function summaryVerbs(summary: string): Set<string> {
  const verbs = new Set(words(summary).filter(isVerbLike));
  for (const m of summary.normalize('NFD').matchAll(/\bto\s+(\p{Ll}+)/gu)) {
    const w = (m[1] ?? '').replace(/\p{M}+/gu, '');
    if (w.length > 0 && !STOP_WORDS.has(w)) verbs.add(w);
  }
  return verbs;
}

/**
 * PROXY for "the title says what happened" (a script cannot judge it; a human reviews the printed titles):
 * 1. non-empty; 2. no `…`/`...` cut; 3. does not end in a function word ({@link FUNCTION_WORDS});
 * 4. has a verb-like word ({@link isVerbLike}) or one of the summary's verbs ({@link summaryVerbs}), unless
 *    the summary's first clause has no verb either (a state or era named by a noun phrase, e.g.
 *    `Japan's colonial rule over the Korean peninsula, 1910 to 1945.`);
 * 5. shares a content stem ({@link contentStems}) with the summary's first clause.
 */
export function titleProxy(title: string, summary: string): TitleVerdict {
  const reasons: string[] = [];
  const t = title.trim();
  const titleWords = words(t);
  if (t.length === 0 || titleWords.length === 0) reasons.push('empty');
  if (t.includes('…') || t.includes('...')) reasons.push('cut (ellipsis)');
  const last = titleWords[titleWords.length - 1];
  if (last !== undefined && FUNCTION_WORDS.has(last)) reasons.push(`ends in "${last}"`);
  const verbs = summaryVerbs(summary);
  const summaryIsState = summaryVerbs(firstClause(summary)).size === 0;
  if (!summaryIsState && !titleWords.some((w) => isVerbLike(w) || verbs.has(w)))
    reasons.push('no verb');
  const summaryStems = contentStems(firstClause(summary));
  const shared = [...contentStems(t)].filter((s) => summaryStems.has(s));
  if (shared.length === 0) reasons.push('no content word shared with the summary');
  return { ok: reasons.length === 0, reasons, shared };
}

// ---------------------------------------------------------------------------------------------------------
// Assignment

export interface Candidate {
  event: OutEvent;
  match: SentenceMatch;
}

/** Output events with a source in `articleId` whose quote matches `sentence`, in output order. */
export function candidatesFor(
  events: readonly OutEvent[],
  articleId: string,
  sentence: string,
): Candidate[] {
  const out: Candidate[] = [];
  for (const event of events) {
    const match = eventSentenceMatch(event, articleId, sentence);
    if (match) out.push({ event, match });
  }
  return out;
}

export interface Assignment {
  /** Index into the expected events. */
  expectedIndex: number;
  candidate: Candidate | null;
  /** How many output events came from the right sentence. */
  candidates: number;
}

function leaderRank(
  expected: ExpectedEvent,
  c: Candidate,
  actors: ReadonlyMap<string, ActorNames>,
) {
  const l = compareLeaders(expected.leaders, c.event.actors, actors);
  return l.exact ? 2 : l.superset ? 1 : 0;
}

/**
 * Assigns output events to the expected events of one file. Candidates are the events from the right
 * sentence. Pass 1 gives every expected event that has a candidate with the right date such a candidate;
 * pass 2 gives the others their best candidate. Within a pass: not yet used first, then leaders (exact, then
 * superset), then a full sentence match before a partial one, then output order. Several expected events may
 * end up with the same output event when there are not enough candidates.
 */
export function assignEvents(
  expected: readonly ExpectedEvent[],
  articleId: string,
  events: readonly OutEvent[],
  actors: ReadonlyMap<string, ActorNames>,
): Assignment[] {
  const used = new Set<string>();
  const cands = expected.map((e) => candidatesFor(events, articleId, e.supporting_sentence));
  const chosen: (Candidate | null)[] = expected.map(() => null);
  const pick = (i: number, pool: Candidate[]) => {
    const e = expected[i] as ExpectedEvent;
    const ranked = pool
      .map((c, order) => ({ c, order }))
      .sort(
        (a, b) =>
          Number(used.has(a.c.event.id)) - Number(used.has(b.c.event.id)) ||
          leaderRank(e, b.c, actors) - leaderRank(e, a.c, actors) ||
          Number(a.c.match === 'partial') - Number(b.c.match === 'partial') ||
          a.order - b.order,
      );
    const best = ranked[0]?.c ?? null;
    if (best) {
      chosen[i] = best;
      used.add(best.event.id);
    }
  };
  expected.forEach((e, i) => {
    const right = (cands[i] ?? []).filter((c) => dateRight(e, c.event));
    if (right.length > 0) pick(i, right);
  });
  expected.forEach((_, i) => {
    if (chosen[i] === null && (cands[i] ?? []).length > 0) pick(i, cands[i] ?? []);
  });
  return expected.map((_, i) => ({
    expectedIndex: i,
    candidate: chosen[i] ?? null,
    candidates: (cands[i] ?? []).length,
  }));
}

/** Whether the summary marks the event as planned (the corpus writes `planned` in the summary). */
export function summarySaysPlanned(summary: string): boolean {
  return /\bplanned\b/i.test(summary);
}
