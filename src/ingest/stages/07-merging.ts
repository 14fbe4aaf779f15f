/**
 * Stage 7: merging. Candidates that report the same happening become one event: within an article
 * (the same clause read twice) and across articles (compatible dates, the same kind, and shared
 * participants or shared words of what happened). The most precise date wins and says where it came
 * from; every source is kept. Different happenings of one day stay apart (they differ in kind,
 * participants or words).
 */
import { placeAfter } from './04-mentions.ts';
import type { DatedCandidate, EventDate } from './06-dating.ts';

export interface MergedEvent {
  /** Candidates in source order; the first is the anchor (title and id come from it). */
  members: DatedCandidate[];
  date: EventDate | null;
  /** Whether every report so far is a passing mention (its date yields to a fuller report's). */
  passingOnly?: boolean;
}

const STOP = new Set(
  'the a an of to in on at for by with and or from as its their his her it is was were be been has have had that this which who over into about after before during new two both'.split(
    ' ',
  ),
);

const wordsOf = new WeakMap<object, Set<string>>();

/** The candidate's content words (noun, name and verb lemmas, cut to six letters), computed once. */
export function contentWords(c: DatedCandidate): Set<string> {
  const cached = wordsOf.get(c.tokens);
  if (cached) return cached;
  const words = new Set<string>();
  for (const t of c.tokens) {
    if (t.pos !== 'NOUN' && t.pos !== 'PROPN' && t.pos !== 'VERB') continue;
    if (STOP.has(t.lemma) || t.lemma.length < 3) continue;
    words.add(t.lemma.slice(0, 6));
  }
  wordsOf.set(c.tokens, words);
  return words;
}

function interval(d: EventDate): [string, string] {
  const end = d.end ?? d.start;
  return [d.start, end.length === 4 ? `${end}-12-31` : end.length === 7 ? `${end}-31` : end];
}

export function datesCompatible(a: EventDate | null, b: EventDate | null): boolean {
  if (!a || !b) return true;
  const [as, ae] = interval(a);
  const [bs, be] = interval(b);
  if (a.dateKind === 'range' || b.dateKind === 'range')
    return a.start === b.start && (a.end ?? '') === (b.end ?? '');
  return as <= be && bs <= ae && Math.abs(Number(as.slice(0, 4)) - Number(bs.slice(0, 4))) <= 1;
}

function precisionRank(d: EventDate | null): number {
  if (!d) return 0;
  const base = d.dateKind === 'bounded' ? 1 : d.start.length;
  return d.inferred ? base - 0.5 : base;
}

const placeOfCandidate = new WeakMap<object, string | null>();

/** Where the candidate's clause says it happened (an event noun: its sentence), computed once. */
export function candidatePlace(c: DatedCandidate): string | null {
  if (placeOfCandidate.has(c.tokens)) return placeOfCandidate.get(c.tokens)!;
  const place = placeAfter(
    c.sentence,
    c.trigger.start,
    c.trigger.nominal ? c.sentence.end : c.clause.end,
  );
  placeOfCandidate.set(c.tokens, place);
  return place;
}

/**
 * A passing mention: an event noun named in a short phrase with no one in it and no date but a year
 * ("since the 2016 ruling", "that 1990 treaty", "at the time of the 1990 coup", "the 30th
 * anniversary of the restoration of ties"). It refers to
 * a happening told elsewhere; it joins that event and never gives it its title or date.
 */
export function isPassingMention(c: DatedCandidate): boolean {
  // "the 30th anniversary of the restoration of ties" names its event in passing too.
  if (c.trigger.nominal && c.temporal?.form.type === 'anniversary' && c.date) return true;
  if (!c.trigger.nominal || c.actorIds.length > 0 || c.date?.start.length !== 4) return false;
  if (c.date.dateKind !== 'point') return false;
  if (c.tokens.some((t) => t.pos === 'VERB' || t.pos === 'AUX')) return false;
  return contentWords(c).size <= 3;
}

function sameHappening(
  a: DatedCandidate,
  b: DatedCandidate,
  twins: ReadonlyMap<string, readonly string[]> = NO_TWINS,
): boolean {
  if (a.mood !== b.mood) return false;
  // A passing mention is the event of its kind that its year contains.
  if ((isPassingMention(a) || isPassingMention(b)) && a.kind === b.kind && a.date && b.date)
    return a.date.start.slice(0, 4) === b.date.start.slice(0, 4) && datesCompatible(a.date, b.date);
  // Two places named ("in Riyadh", "in Geneva") are two happenings.
  const pa = candidatePlace(a);
  const pb = candidatePlace(b);
  if (pa && pb && !pa.includes(pb) && !pb.includes(pa)) return false;
  if (!datesCompatible(a.date, b.date)) return false;
  if (!a.date && !b.date) return false;
  const kindsMatch = a.kind === b.kind;
  const wa = contentWords(a);
  const wb = contentWords(b);
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  const people = a.actorIds.filter((id) => b.actorIds.includes(id));
  const samePeople =
    a.actorIds.length > 0 &&
    people.length === a.actorIds.length &&
    people.length === b.actorIds.length;
  const exactDay = a.date && b.date && a.date.start === b.date.start && a.date.start.length === 10;
  // Twin articles (one took its date from the other) telling the same kind of thing in the same
  // words: one happening, which takes the dated report's date.
  if (kindsMatch && twins.get(a.articleId)?.includes(b.articleId) && shared >= 3) return true;
  // The same people doing the same kind of thing: on the same date, or, when one date only
  // contains the other ("in 1962", "on March 3, 1962"), told in more of the same words.
  if (kindsMatch && samePeople && a.date && b.date) {
    const sameDate = a.date.start === b.date.start && (a.date.end ?? '') === (b.date.end ?? '');
    if (sameDate ? shared >= 1 : shared >= 3) return true;
  }
  if (kindsMatch && exactDay && shared >= 2) return true;
  if (
    kindsMatch &&
    a.date &&
    b.date &&
    a.date.start === b.date.start &&
    (a.date.end ?? '') === (b.date.end ?? '') &&
    // Bounds the ingest derived (a term of office, the publication date) are no evidence.
    !a.date.inferred &&
    !b.date.inferred &&
    shared >= 2
  )
    return true;
  if (samePeople && shared >= 3) return true;
  return false;
}

/**
 * The keys under which a candidate is filed, and those under which it looks for its happening.
 * Every rule of `sameHappening` needs the same people (all of them) with compatible dates (a year
 * apart at most, or one undated), or the same kind on the same start date.
 */
/**
 * Where on the calendar a candidate is filed: a day or month date by its month, anything coarser
 * (a year, a range, a bounded span) by its start year as "wide", undated as "u".
 */
function slotOf(c: DatedCandidate): string {
  const d = c.date;
  if (!d) return 'u';
  if (d.dateKind === 'point' && d.start.length >= 7) return d.start.slice(0, 7);
  return `${d.start.slice(0, 4)}:wide`;
}

/** The slots whose dates can be compatible with `c`'s (see `datesCompatible`). */
function slotsNear(c: DatedCandidate): string[] {
  const d = c.date;
  if (!d) return [];
  const year = Number(d.start.slice(0, 4));
  const out: string[] = ['u'];
  for (const y of [year - 1, year, year + 1]) out.push(`${y}:wide`);
  if (d.dateKind === 'point' && d.start.length >= 7) out.push(d.start.slice(0, 7));
  else
    for (const y of [year - 1, year, year + 1])
      for (let m = 1; m <= 12; m++) out.push(`${y}-${String(m).padStart(2, '0')}`);
  return out;
}

const NO_TWINS: ReadonlyMap<string, readonly string[]> = new Map();

function fileKeys(c: DatedCandidate, twins: ReadonlyMap<string, readonly string[]>): string[] {
  const keys: string[] = [];
  if (twins.has(c.articleId)) keys.push(`t:${c.articleId}:${c.kind}`);
  const people = c.actorIds.length > 0 ? [...c.actorIds].sort().join(' ') : null;
  if (people !== null) keys.push(`p:${people}:${slotOf(c)}`, `p:${people}`);
  if (c.date) {
    keys.push(`d:${c.kind}:${c.date.start}`, `y:${c.kind}:${c.date.start.slice(0, 4)}`);
    if (isPassingMention(c)) keys.push(`py:${c.kind}:${c.date.start.slice(0, 4)}`);
  }
  return keys;
}

function lookupKeys(c: DatedCandidate, twins: ReadonlyMap<string, readonly string[]>): string[] {
  const keys: string[] = [];
  for (const twin of twins.get(c.articleId) ?? []) keys.push(`t:${twin}:${c.kind}`);
  const people = c.actorIds.length > 0 ? [...c.actorIds].sort().join(' ') : null;
  if (people !== null) {
    if (!c.date) keys.push(`p:${people}`);
    else for (const slot of slotsNear(c)) keys.push(`p:${people}:${slot}`);
  }
  if (c.date) keys.push(`d:${c.kind}:${c.date.start}`);
  // A passing mention looks for any event of its kind in its year; every event looks for an earlier
  // passing mention of its kind and year.
  if (c.date)
    keys.push(`${isPassingMention(c) ? 'y' : 'py'}:${c.kind}:${c.date.start.slice(0, 4)}`);
  return keys;
}

/**
 * The reports an event is compared by: its first, the one that gives its date, and its latest. An
 * event told by thousands of articles is not compared report by report.
 */
function representatives(e: MergedEvent): DatedCandidate[] {
  const { members } = e;
  if (members.length <= 3) return members;
  const dating = members.find((m) => m.date === e.date) ?? members[0]!;
  return [members[0]!, dating, members[members.length - 1]!];
}

/** Merges candidates of all articles (given in article order) into events. */
export function mergeCandidates(
  cands: DatedCandidate[],
  twins: ReadonlyMap<string, readonly string[]> = NO_TWINS,
): MergedEvent[] {
  const events: MergedEvent[] = [];
  const order = new Map<MergedEvent, number>();
  const sentencesOf = new Map<MergedEvent, Set<object>>();
  const index = new Map<string, Set<MergedEvent>>();
  for (const c of cands) {
    // Only events that share a key can hold the same happening: of those, the first made.
    let target: MergedEvent | null = null;
    for (const key of lookupKeys(c, twins))
      for (const e of index.get(key) ?? []) {
        if (target !== null && order.get(e)! >= order.get(target)!) continue;
        // Two reports in one sentence are two happenings ("a lower court sided … in 2021, an
        // appellate court overturned … last year").
        // A passing mention may name the event of its own sentence ("The 1990 treaty - Ruiz
        // agreed in 1990 to …").
        if (sentencesOf.get(e)!.has(c.sentence) && !isPassingMention(c) && !e.passingOnly) continue;
        // An undated report in the event does not let two dates that exclude each other meet.
        if (!datesCompatible(e.date, c.date)) continue;
        // A passing mention that joined a fuller report no longer draws others in.
        const reps = e.passingOnly
          ? representatives(e)
          : representatives(e).filter((m) => !isPassingMention(m));
        if (reps.some((m) => sameHappening(m, c, twins))) target = e;
      }
    const event = target ?? { members: [], date: c.date };
    if (!target) {
      order.set(event, events.length);
      sentencesOf.set(event, new Set());
      events.push(event);
    }
    event.members.push(c);
    sentencesOf.get(event)!.add(c.sentence);
    const passing = isPassingMention(c);
    if (!passing && (precisionRank(c.date) > precisionRank(event.date) || event.passingOnly))
      event.date = c.date;
    event.passingOnly = passing && (target === null || event.passingOnly === true);
    for (const key of fileKeys(c, twins)) {
      const set = index.get(key) ?? new Set<MergedEvent>();
      set.add(event);
      index.set(key, set);
    }
  }
  // The anchor: the report that gives the event its date, then a verb with the most participants,
  // earliest article first.
  for (const e of events) {
    const dates = (m: DatedCandidate) =>
      (m.date === e.date ? 10 : 0) - (isPassingMention(m) && !e.passingOnly ? 20 : 0);
    e.members.sort((a, b) => {
      const va = dates(a) + (a.trigger.nominal ? 0 : 2) + a.actorIds.length;
      const vb = dates(b) + (b.trigger.nominal ? 0 : 2) + b.actorIds.length;
      return (
        vb - va ||
        (a.articleId < b.articleId
          ? -1
          : a.articleId > b.articleId
            ? 1
            : a.clause.start - b.clause.start)
      );
    });
  }
  return events;
}
