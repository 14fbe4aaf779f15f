/**
 * Stage 6: dating. Each candidate's date expression is resolved against the article's reference time
 * (its publication date, stated or inferred), anaphora ("that year", "the previous year") against the
 * last date the article gave, and bounds ("since", "before", "following …", "during X's
 * administration") into ranges or bounded spans. What cannot be dated stays undated, with the reason;
 * nothing is guessed: a month stays a month.
 */
import type { PartialDate } from '../../lib/timeline-data.ts';
import type { ReferenceActor } from '../actors-file.ts';
import {
  addDays,
  daysInMonth,
  parseDay,
  SEASONS,
  weekdayOf,
  ym,
  ymd,
} from '../../lib/partial-date.ts';
import type { Candidate } from './05-candidates.ts';
import type { TemporalExpr } from './03-temporal.ts';

export interface EventDate {
  start: PartialDate;
  end?: PartialDate;
  dateKind: 'point' | 'range' | 'bounded';
  inferred: boolean;
  basis: string;
}

export interface DatedCandidate extends Candidate {
  date: EventDate | null;
  /** Why there is no date (for the report), when `date` is null. */
  undatedReason: string | null;
  /** Actor ids, ambiguous family names settled by terms of office at the event's date. */
  actorIds: string[];
}

export interface Reference {
  /** `YYYY-MM-DD` or null. */
  date: string | null;
  /** How the reference was obtained (stated, inferred from …). */
  note: string;
  inferred: boolean;
}

type Resolution = { ok: true; date: EventDate } | { ok: false; reason: string };

function quote(expr: TemporalExpr) {
  return `“${expr.text}”`;
}

/** One resolved date: a point, or a range or bounded span when `end` is given. */
function resolved(
  start: PartialDate,
  inferred: boolean,
  basis: string,
  end?: PartialDate,
  dateKind: EventDate['dateKind'] = 'point',
): Resolution {
  return { ok: true, date: { start, ...(end ? { end } : {}), dateKind, inferred, basis } };
}

/** Resolves one expression. `last` is the last absolute date the article gave (for anaphora). */
export function resolveExpression(
  expr: TemporalExpr,
  ref: Reference,
  options: { future: boolean; last: PartialDate | null },
): Resolution {
  const form = expr.form;
  const q = quote(expr);
  const stated = (start: PartialDate, end?: PartialDate, kind?: EventDate['dateKind']) =>
    resolved(start, false, `stated: ${q}`, end, kind);
  switch (form.type) {
    case 'year-range':
      return stated(String(form.from), String(form.to), 'range');
    case 'date':
      if (form.day !== undefined) return stated(ymd(form.year, form.month!, form.day));
      if (form.month !== undefined) return stated(ym(form.year, form.month));
      return stated(String(form.year));
    case 'vague':
      return { ok: false, reason: form.reason };
    case 'event-relative':
      return {
        ok: false,
        reason: `${q} counts from “${form.anchor}”, which the article does not date`,
      };
    case 'anniversary': {
      // The anniversary's year: its own expression's, or the reference time's.
      let year: number | null = null;
      let how = '';
      if (form.of) {
        const at = resolveExpression(form.of, ref, options);
        if (at.ok) {
          year = Number(at.date.start.slice(0, 4));
          how = `${quote(form.of)} (${at.date.start.slice(0, 4)})`;
        }
      }
      if (year === null && ref.date) {
        year = Number(ref.date.slice(0, 4));
        how = `the publication year ${year}${ref.inferred ? ` (${ref.note})` : ''}`;
      }
      if (year === null)
        return { ok: false, reason: `${q} needs the year of the anniversary, which is not given` };
      const start = String(year - form.years);
      return resolved(start, true, `derived: ${q} in ${how}, so ${start}`);
    }
    case 'anaphoric': {
      const last = options.last;
      if (!last) return { ok: false, reason: `${q} refers to a date the article has not given` };
      const counted = (v: PartialDate) =>
        resolved(
          v,
          true,
          `${q} read as ${v}: counted from ${last}, the date the article gave before`,
        );
      const year = Number(last.slice(0, 4));
      if (form.unit === 'year') return counted(String(year + form.delta));
      if (form.unit === 'month' && last.length >= 7) {
        const total = year * 12 + Number(last.slice(5, 7)) - 1 + form.delta;
        return counted(ym(Math.floor(total / 12), (total % 12) + 1));
      }
      if (form.unit === 'day' && last.length === 10) return counted(addDays(last, form.delta));
      return { ok: false, reason: `${q} is finer than the date it refers to (${last})` };
    }
    case 'season': {
      const [a, b] = SEASONS[form.season];
      let year = form.year;
      if (year === null) {
        if (!ref.date)
          return {
            ok: false,
            reason: `${q} needs the publication date, which the article does not give`,
          };
        const r = parseDay(ref.date);
        year =
          form.modifier === 'last' ? r.year - 1 : form.modifier === 'next' ? r.year + 1 : r.year;
      }
      const end = b > 12 ? ym(year + 1, b - 12) : ym(year, b);
      return resolved(
        ym(year, a),
        form.year === null,
        `${q}: some time in ${ym(year, a)}–${end}`,
        end,
        'bounded',
      );
    }
    default:
      break;
  }
  if (!ref.date)
    return {
      ok: false,
      reason: `relative date ${q} cannot be resolved: the article has no publication date`,
    };
  const reference = ref.date;
  const r = parseDay(reference);
  const refNote = `the publication date ${reference}${ref.inferred ? ` (${ref.note})` : ''}`;
  const done = (start: PartialDate, how: string, end?: PartialDate, kind?: EventDate['dateKind']) =>
    resolved(
      start,
      true,
      `${q} read as ${start}${end ? `–${end}` : ''}: ${how} ${refNote}`,
      end,
      kind,
    );
  const future = options.future;
  switch (form.type) {
    case 'month-day': {
      let year = r.year;
      const at = () => ymd(year, form.month, Math.min(form.day, daysInMonth(year, form.month)));
      if (future) {
        if (at() < reference) year++;
      } else if (at() > reference) year--;
      if (form.day > daysInMonth(year, form.month))
        return { ok: false, reason: `${q} is not a date in ${year}` };
      return done(
        at(),
        future
          ? 'no year given, so the first such day on or after'
          : 'no year given, so the latest such day on or before',
      );
    }
    case 'month': {
      let year = r.year;
      const m = form.month;
      let how: string;
      if (form.modifier === 'last') {
        if (m >= r.month) year--;
        how = 'the latest such month before the month of';
      } else if (form.modifier === 'next') {
        if (m <= r.month) year++;
        how = 'the first such month after the month of';
      } else if (form.modifier === 'this') how = 'the same year as';
      else if (future) {
        if (m < r.month) year++;
        how = 'the first such month on or after';
      } else {
        if (m > r.month) year--;
        how = 'the latest such month on or before';
      }
      if (form.part) {
        const dim = daysInMonth(year, m);
        const [a, b] = form.part === 'early' ? [1, 10] : form.part === 'mid' ? [11, 20] : [21, dim];
        return done(ymd(year, m, a), `“${form.part}” ${how}`, ymd(year, m, b), 'bounded');
      }
      return done(ym(year, m), how);
    }
    case 'weekday': {
      const dow = weekdayOf(reference);
      let delta: number;
      let how: string;
      if (form.modifier === 'last') {
        delta = -((dow - form.weekday + 7) % 7 || 7);
        how = 'the latest such weekday before';
      } else if (form.modifier === 'next') {
        delta = (form.weekday - dow + 7) % 7 || 7;
        how = 'the first such weekday after';
      } else if (future) {
        delta = (form.weekday - dow + 7) % 7;
        how = 'the first such weekday on or after';
      } else {
        delta = -((dow - form.weekday + 7) % 7);
        how = 'the latest such weekday on or before';
      }
      return done(addDays(reference, delta), how);
    }
    case 'relative-day':
      return done(
        addDays(reference, form.days),
        form.days === 0
          ? 'the day of'
          : form.days < 0
            ? `${-form.days} day(s) before`
            : `${form.days} day(s) after`,
      );
    case 'relative': {
      if (form.unit === 'year') return done(String(r.year + form.delta), 'counted from');
      if (form.unit === 'week') {
        const from = addDays(reference, form.delta * 7 - weekdayOf(reference));
        return done(from, 'the week counted from', addDays(from, 6), 'bounded');
      }
      const total = r.year * 12 + (r.month - 1) + form.delta;
      return done(ym(Math.floor(total / 12), (total % 12) + 1), 'counted from');
    }
  }
}

/** The term of `actor` that contains `date` (or, without a date, the one in force at `ref`). */
export function termAt(actor: ReferenceActor, date: string | null) {
  const terms = actor.terms;
  if (date === null) return terms.length === 1 ? terms[0]! : null;
  return (
    terms.find(
      (t) =>
        t.start.slice(0, date.length) <= date &&
        (t.end === null || date <= t.end.padEnd(date.length, '9')),
    ) ?? null
  );
}

/** Dates the candidates of one article, in order. */
export function dateArticle(
  cands: Candidate[],
  ref: Reference,
  reference: ReadonlyMap<string, ReferenceActor>,
  actorsLabel: string,
): DatedCandidate[] {
  const out: DatedCandidate[] = [];
  const datedOf = new Map<Candidate, DatedCandidate>();
  let last: PartialDate | null = null;
  for (const c of cands) {
    let date: EventDate | null = null;
    let reason: string | null = null;
    const future = c.mood === 'planned';
    if (c.temporal) {
      const res = resolveExpression(c.temporal, ref, { future, last });
      if (res.ok) {
        date = res.date;
        // "35-year colonisation … up to 1945": a stated length and end give the start (said so).
      } else reason = res.reason;
    }
    if (!date) {
      for (const b of c.bounds) {
        const res = resolveExpression(b, ref, { future, last });
        if (!res.ok) {
          reason = res.reason;
          continue;
        }
        const d = res.date;
        const clauseText = c.sentence.text;
        const years = /\b(\d{1,3})[- ]years?\b/i.exec(
          clauseText.slice(0, c.clause.end - c.sentence.start),
        );
        if (b.role === 'since')
          date = { ...d, basis: `${d.basis} (“since”: the event began then)` };
        else if (b.role === 'until' && years && d.start.length === 4) {
          const start = String(Number(d.start) - Number(years[1]));
          date = {
            start,
            end: d.start,
            dateKind: 'range',
            inferred: true,
            basis: `derived: “${years[0]}” up to ${d.start}, so ${start}–${d.start}`,
          };
        } else if (b.role === 'before' || b.role === 'until')
          date = {
            start: d.start,
            dateKind: 'bounded',
            inferred: true,
            basis: `only bounded: before ${quote(b)}`,
          };
        else if (b.role === 'after' && ref.date)
          date = {
            start: d.start,
            end: ref.date,
            dateKind: 'bounded',
            inferred: true,
            basis: `only bounded: after ${quote(b)} and on or before the publication date`,
          };
        if (date && date.dateKind === 'bounded' && date.end === undefined) {
          // A bound with no other side: keep the one side as the span's end, the start unknown.
          date = null;
          reason = `only bounded (${b.role} ${quote(b)}): no start`;
        }
        if (date) break;
      }
    }
    const actorIds = settleActors(c, date, ref, reference);
    if (!date && c.duringTermOf) {
      const actor = reference.get(c.duringTermOf.actorId);
      const term = actor
        ? (termAt(actor, ref.date) ?? actor.terms[actor.terms.length - 1] ?? null)
        : null;
      if (actor && term) {
        date = {
          start: term.start,
          ...(term.end ? { end: term.end } : {}),
          dateKind: term.end ? 'range' : 'point',
          inferred: true,
          basis: `“during ${actor.name}'s …”: ${actor.name}'s term as ${term.office} (${term.start}–${term.end ?? 'present'}) from ${actorsLabel}, source ${term.source}`,
        };
      }
    }
    if (date && !date.inferred && date.dateKind === 'point') last = date.start;
    if (!date && !reason) reason = 'the text gives no date for it';
    const d: DatedCandidate = { ...c, date, undatedReason: date ? null : reason, actorIds };
    datedOf.set(c, d);
    out.push(d);
  }
  // Order links: "X following Y" → X after Y; "X's administration, which ended after Y" → Y before its end.
  out.forEach((c) => {
    if (c.date) return;
    const followed = c.follows.map((f) => datedOf.get(f)).find((o) => o?.date);
    const lower: string | null = followed?.date ? followed.date.start : null;
    let upper: string | null = null;
    let upperBasis = '';
    const before = c.sentence.text.slice(0, c.trigger.start - c.sentence.start);
    const ended =
      /\b(\p{Lu}[\p{L}-]+(?:\s\p{Lu}[\p{L}-]+)*)['’]s\s+(?:administration|government|presidency|tenure|term|premiership)\b,?\s+which\s+ended\s+(?:after|following)\b[^,;]*$/u.exec(
        before,
      );
    if (ended) {
      const owner = out
        .flatMap((o) => o.persons.concat(o.duringTermOf ? [o.duringTermOf] : []))
        .find((p) => ended[1]!.includes(p.text) || p.text.includes(ended[1]!.split(' ').pop()!));
      const actor = owner ? reference.get(owner.actorId) : undefined;
      const term = actor
        ? (termAt(actor, lower) ?? actor.terms[actor.terms.length - 1])
        : undefined;
      if (actor && term?.end) {
        upper = term.end;
        upperBasis = `before the end of ${actor.name}'s term (${term.end}, ${actorsLabel}, source ${term.source}), which “ended after” it`;
      }
    }
    if (lower && upper) {
      c.date = {
        start: lower,
        end: upper,
        dateKind: 'bounded',
        inferred: true,
        basis: `only bounded: after ${followed!.trigger.text} (${lower}) and ${upperBasis}`,
      };
      c.undatedReason = null;
    } else if (lower && ref.date && lower <= ref.date) {
      c.date = {
        start: lower,
        end: ref.date,
        dateKind: 'bounded',
        inferred: true,
        basis: `only bounded: after ${followed!.trigger.text} (${lower}) and on or before the publication date ${ref.date}`,
      };
      c.undatedReason = null;
    }
  });
  // "the day before the reception": counted from the article's dated event of that name (the nearest
  // one told before, else after), at the precision of the unit.
  out.forEach((c, i) => {
    const form = c.temporal?.form;
    if (c.date || form?.type !== 'event-relative') return;
    const anchorWord = form.anchor.toLowerCase();
    const names = (o: DatedCandidate) =>
      o !== c &&
      o.date !== null &&
      o.date.dateKind === 'point' &&
      o.tokens.some((t) => t.lower === anchorWord);
    const anchor = out.slice(0, i).reverse().find(names) ?? out.slice(i + 1).find(names);
    if (!anchor?.date) return;
    const from = anchor.date.start;
    let start: PartialDate | null = null;
    if (form.unit === 'day' && from.length === 10) start = addDays(from, form.delta);
    else if (form.unit === 'week' && from.length === 10) start = addDays(from, 7 * form.delta);
    else if (form.unit === 'month' && from.length >= 7) {
      const total = Number(from.slice(0, 4)) * 12 + Number(from.slice(5, 7)) - 1 + form.delta;
      start = ym(Math.floor(total / 12), (total % 12) + 1);
    } else if (form.unit === 'year') start = String(Number(from.slice(0, 4)) + form.delta);
    if (start === null) return;
    c.date = {
      start,
      dateKind: 'point',
      inferred: true,
      basis: `derived: ${quote(c.temporal!)} counted from “${anchor.trigger.text}” (${from}), told in this article`,
    };
    c.undatedReason = null;
  });
  // An office-holder's undated acts in an article that states when their term began: within the term.
  const termStart = new Map<string, { date: string; basis: string }>();
  for (const c of out)
    if (c.kind === 'election' && c.date?.dateKind === 'point' && c.date.start.length === 10)
      for (const id of c.actorIds) termStart.set(id, { date: c.date.start, basis: c.trigger.text });
  for (const c of out) {
    if (c.date || !ref.date || c.mood === 'planned') continue;
    if (c.kind !== 'meeting' && c.kind !== 'visit' && c.kind !== 'agreement') continue;
    const starts = c.actorIds
      .map((id) => termStart.get(id))
      .filter((s) => s && s.date <= ref.date!);
    if (starts.length === 0) continue;
    const latest = starts.reduce((a, b) => (a!.date > b!.date ? a : b))!;
    c.date = {
      start: latest.date,
      end: ref.date,
      dateKind: 'bounded',
      inferred: true,
      basis: `only bounded: after the article's “${latest.basis}” (${latest.date}) and on or before the publication date ${ref.date}`,
    };
    c.undatedReason = null;
  }
  return out;
}

/** Actor ids of the candidate; a shared family name is settled by terms of office at the date. */
function settleActors(
  c: Candidate,
  date: EventDate | null,
  ref: Reference,
  reference: ReadonlyMap<string, ReferenceActor>,
): string[] {
  const at = date ? date.start : ref.date;
  const ids: string[] = [];
  for (const p of c.persons) {
    let id = p.actorId;
    if (p.candidates.length > 1) {
      const inOffice = p.candidates.filter((cid) => {
        const a = reference.get(cid);
        return a && at && termAt(a, at.length === 10 ? at : at) !== null;
      });
      if (inOffice.length !== 1) continue;
      id = inOffice[0]!;
    }
    if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}
