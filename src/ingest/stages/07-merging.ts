/**
 * Stage 7: merging. Candidates that report the same happening become one event: within an article
 * (the same clause read twice) and across articles (compatible dates, the same kind, and shared
 * participants or shared words of what happened). The most precise date wins and says where it came
 * from; every source is kept. Different happenings of one day stay apart (they differ in kind,
 * participants or words).
 */
import type { DatedCandidate, EventDate } from './06-dating.ts';

export interface MergedEvent {
  /** Candidates in source order; the first is the anchor (title and id come from it). */
  members: DatedCandidate[];
  date: EventDate | null;
}

const STOP = new Set(
  'the a an of to in on at for by with and or from as its their his her it is was were be been has have had that this which who over into about after before during new two both'.split(
    ' ',
  ),
);

export function contentWords(c: DatedCandidate): Set<string> {
  const words = new Set<string>();
  for (const t of c.tokens) {
    if (t.pos !== 'NOUN' && t.pos !== 'PROPN' && t.pos !== 'VERB') continue;
    if (STOP.has(t.lemma) || t.lemma.length < 3) continue;
    words.add(t.lemma.slice(0, 6));
  }
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

function sameHappening(a: DatedCandidate, b: DatedCandidate): boolean {
  if (a.mood !== b.mood) return false;
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
  if (kindsMatch && samePeople && a.date && b.date && shared >= 1) return true;
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

/** Merges candidates of all articles (given in article order) into events. */
export function mergeCandidates(cands: DatedCandidate[]): MergedEvent[] {
  const events: MergedEvent[] = [];
  for (const c of cands) {
    const target = events.find(
      (e) =>
        // Two reports in one sentence are two happenings ("a lower court sided … in 2021, an
        // appellate court overturned … last year").
        !e.members.some((m) => m.sentence === c.sentence && m.trigger.start !== c.trigger.start) &&
        e.members.some((m) => sameHappening(m, c)),
    );
    if (!target) {
      events.push({ members: [c], date: c.date });
      continue;
    }
    target.members.push(c);
    if (precisionRank(c.date) > precisionRank(target.date)) target.date = c.date;
  }
  // The anchor: the report that gives the event its date, then a verb with the most participants,
  // earliest article first.
  for (const e of events) {
    const dates = (m: DatedCandidate) => (m.date === e.date ? 10 : 0);
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
