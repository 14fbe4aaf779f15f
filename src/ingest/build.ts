/**
 * From the candidates of every article to the timeline: publication dates inferred across articles,
 * dates resolved, reports of the same event merged, titles and stable ids made.
 */
import type {
  Actor,
  ArticleBody,
  ContextRange,
  DateKind,
  DateMention,
  EventSource,
  PublishedBasis,
  TimelineData,
  TimelineEvent,
  UnresolvedMention,
} from '../lib/timeline-data.ts';
import { DATA_FORMAT_VERSION } from '../lib/timeline-data.ts';
import { DEMONYMS, slugify, type DetectedPerson } from './actor-match.ts';
import type { ReferenceActor } from './actors-file.ts';
import type { ParsedArticle } from './article.ts';
import { comparePartial, firstDay, lastDay, weekdayName, weekdayOf } from './calendar.ts';
import type { ArticleExtraction, Candidate } from './extract.ts';
import { resolveTemporal } from './temporal.ts';
import {
  agreementPhrase,
  joinAnd,
  landName,
  martialLawVerb,
  possessive,
  presentPhrase,
  relationsVerb,
  shortCountry,
  type TitleActor,
} from './titles.ts';
import type { IngestProblem } from './types.ts';

export interface ArticleInput {
  parsed: ParsedArticle;
  extraction: ArticleExtraction;
}

export interface BuildOptions {
  /** Name of the actors file as shown in date bases (e.g. `seeds/actors.json`). */
  actorsFileLabel: string;
}

interface Dated {
  start: string;
  end?: string;
  dateKind: DateKind;
  inferred: boolean;
  basis: string;
  /** 3 stated in the text, 2 relative to the publication date, 1 derived (terms, bounds). */
  strength: number;
}

interface Slot {
  c: Candidate;
  dated: Dated | null;
  reason: string | null;
  /** Expressions resolved for this candidate, for the article's date mentions. */
  mentions: { text: string; offset: number }[];
}

const KIND_NOUN: Record<string, string> = {
  meeting: 'meeting',
  talks: 'talks',
  inauguration: 'inauguration',
  impeachment: 'impeachment',
  'martial-law': 'martial law',
  'colonial-rule': 'colonial rule',
  relations: 'change in relations',
  other: 'event',
};

function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

function placeParts(place: string | null): string[] {
  return place === null ? [] : place.split(/\s*,\s*/).map((p) => p.toLowerCase());
}

function placesCompatible(a: string | null, b: string | null): boolean {
  const pa = placeParts(a);
  const pb = placeParts(b);
  return pa.length > 0 && pb.length > 0 && pa.some((p) => pb.includes(p));
}

function interval(d: Dated): [string, string] {
  return [firstDay(d.start), lastDay(d.end ?? d.start)];
}

function overlaps(a: Dated, b: Dated): boolean {
  const [as, ae] = interval(a);
  const [bs, be] = interval(b);
  return as <= be && bs <= ae;
}

/** FNV-1a, 6 hex digits: a short, stable fingerprint of a text. */
function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0').slice(0, 6);
}

/** "…his impeachment by X following the imposition of martial law last December" → from "following" on. */
function linkPhrase(c: Candidate, target: Candidate): string {
  const from = c.cueOffset - c.offset;
  const targetEnd = Math.max(
    target.cueOffset + (target.cueText.split(' … ').pop() ?? '').length,
    ...target.exprs.map((e) => e.index + e.text.length),
  );
  const to = targetEnd - c.offset;
  const between = c.quote.slice(from, to);
  const link = /\b(?:following|after|in the wake of|in response to|over)\b/i.exec(between);
  const text = link ? between.slice(link.index) : between;
  return text.length <= 120 ? text : `${text.slice(0, 117)}…`;
}

const FAMILY_FIRST = new Set([
  'South Korea',
  'North Korea',
  'Korea',
  'China',
  'Taiwan',
  'Vietnam',
  'Hong Kong',
]);

/** Korean, Chinese and Vietnamese names are written family name first ("Kim Min-jae"). */
function detectedFamilyName(name: string, country: string): string {
  const words = name.split(/\s+/);
  if (words.length > 1 && (FAMILY_FIRST.has(country) || /-/.test(words[words.length - 1]!)))
    return words[0]!;
  return words[words.length - 1] ?? name;
}

export interface BuildResult {
  timeline: TimelineData;
  bodies: ArticleBody[];
  warnings: IngestProblem[];
}

export function buildTimeline(
  articles: ArticleInput[],
  reference: ReferenceActor[],
  options: BuildOptions,
): BuildResult {
  const warnings: IngestProblem[] = [];
  const sorted = [...articles].sort((a, b) =>
    a.parsed.id < b.parsed.id ? -1 : a.parsed.id > b.parsed.id ? 1 : 0,
  );

  // Actors: reference ones plus titled persons the text names.
  const actorInfo = new Map<
    string,
    TitleActor & { terms: ReferenceActor['terms']; ref: ReferenceActor | null }
  >();
  for (const a of reference) actorInfo.set(a.id, { ...a, ref: a });
  const detected = new Map<string, DetectedPerson & { aliases: Set<string> }>();
  for (const { extraction } of sorted) {
    for (const d of extraction.detected) {
      if (actorInfo.has(d.id) && !detected.has(d.id)) continue;
      const known = detected.get(d.id);
      if (known) {
        known.aliases.add(d.alias);
        if (known.country === 'Unknown' && d.country !== 'Unknown') {
          known.country = d.country;
          known.role = d.role;
        }
      } else {
        detected.set(d.id, { ...d, aliases: new Set([d.alias]) });
      }
    }
  }
  // "Prime Minister Kishida" and "Mr. KISHIDA Fumio" in one run: the bare family name joins the full name.
  const remap = new Map<string, string>();
  for (const d of detected.values()) {
    if (/\s/.test(d.name)) continue;
    const word = d.name.toLowerCase();
    const fuller = [...detected.values()].filter(
      (x) => x.id !== d.id && x.name.toLowerCase().split(/\s+/).includes(word),
    );
    if (fuller.length !== 1) continue;
    const full = fuller[0]!;
    remap.set(d.id, full.id);
    for (const alias of d.aliases) full.aliases.add(alias);
    if (full.country === 'Unknown' && d.country !== 'Unknown') full.country = d.country;
    if (/^(?:Mr|Mrs|Ms|Dr)\.?$/.test(full.role)) full.role = d.role;
  }
  for (const id of remap.keys()) detected.delete(id);
  if (remap.size > 0) {
    for (const { extraction } of sorted) {
      for (const c of extraction.candidates) {
        c.actors = [...new Set(c.actors.map((id) => remap.get(id) ?? id))];
        if (c.termOf !== null) c.termOf = remap.get(c.termOf) ?? c.termOf;
      }
    }
  }
  for (const d of detected.values()) {
    actorInfo.set(d.id, {
      id: d.id,
      name: d.name,
      familyName: detectedFamilyName(d.name, d.country),
      country: d.country,
      role: d.role,
      terms: [],
      ref: null,
    });
  }
  const nameOf = (id: string) => actorInfo.get(id)?.name ?? id;
  const familyOf = (id: string) => actorInfo.get(id)?.familyName ?? id;
  const countryOf = (id: string) => actorInfo.get(id)?.country ?? 'Unknown';

  // 1. Publication dates, inferred for undated articles from a dated article reporting the same event.
  const published = new Map<string, { date: string | null; basis: PublishedBasis }>();
  for (const { parsed } of sorted)
    published.set(parsed.id, { date: parsed.published, basis: parsed.publishedBasis });
  const datedIndex = new Map<string, { article: ParsedArticle; c: Candidate }[]>();
  const actorKey = (c: Candidate) => `${c.kind}|${[...c.actors].sort().join(',')}`;
  for (const { parsed, extraction } of sorted) {
    if (parsed.published === null) continue;
    for (const c of extraction.candidates) {
      if ((c.kind !== 'meeting' && c.kind !== 'talks') || c.actors.length < 2) continue;
      const list = datedIndex.get(actorKey(c));
      if (list) list.push({ article: parsed, c });
      else datedIndex.set(actorKey(c), [{ article: parsed, c }]);
    }
  }
  /** The date an event candidate's own expressions give, read against `reference`, if any. */
  const ownDate = (c: Candidate, reference: string): Dated | null => {
    const e = c.exprs[0];
    if (!e) return null;
    const r = resolveTemporal(e, reference, { future: c.future });
    return r.ok
      ? {
          start: r.date.start,
          ...(r.date.end !== undefined ? { end: r.date.end } : {}),
          dateKind: 'point',
          inferred: false,
          basis: '',
          strength: 0,
        }
      : null;
  };
  for (const { parsed, extraction } of sorted) {
    if (parsed.published !== null) continue;
    let donor: { article: ParsedArticle; own: Candidate; other: Candidate; score: number } | null =
      null;
    for (const own of extraction.candidates) {
      if ((own.kind !== 'meeting' && own.kind !== 'talks') || own.actors.length < 2) continue;
      if (own.occasion === null && own.place === null) continue;
      for (const { article, c: oc } of datedIndex.get(actorKey(own)) ?? []) {
        const sameOccasion =
          own.occasion !== null && oc.occasion !== null && own.occasion.key === oc.occasion.key;
        const samePlace = placesCompatible(own.place, oc.place);
        if (!sameOccasion && !samePlace) continue;
        if (own.occasion !== null && oc.occasion !== null && !sameOccasion) continue;
        const date = article.published!;
        const mine = ownDate(own, date);
        const theirs = ownDate(oc, date);
        if (mine && theirs && !overlaps(mine, theirs)) continue;
        if (mine && firstDay(mine.start) > date) continue;
        const score = (sameOccasion ? 2 : 0) + (samePlace ? 1 : 0);
        if (
          donor === null ||
          score > donor.score ||
          (score === donor.score &&
            (date < donor.article.published! ||
              (date === donor.article.published && article.id < donor.article.id)))
        ) {
          donor = { article, own, other: oc, score };
        }
      }
    }
    if (donor === null) {
      warnings.push({
        file: parsed.file,
        line: 1,
        message:
          'no publication date: the article states none and no dated article reports the same event; its relative dates stay unresolved',
      });
      published.set(parsed.id, {
        date: null,
        basis: {
          kind: 'unknown',
          note: 'the article states no date, and no dated article reports the same event',
        },
      });
      continue;
    }
    const date = donor.article.published!;
    const what = `${KIND_NOUN[donor.own.kind]} of ${joinAnd(donor.own.actors.map(nameOf))}${
      donor.own.occasion
        ? ` at the ${donor.own.occasion.display}`
        : donor.own.place
          ? ` in ${donor.own.place}`
          : ''
    }`;
    let note = `inferred from ${donor.article.id} (dated ${date}), which reports the same event: the ${what}`;
    const report = extraction.reportWeekday;
    if (report !== null) {
      if (weekdayOf(date) !== report.weekday) {
        warnings.push({
          file: parsed.file,
          line: 1,
          message: `no publication date: ${donor.article.id} (dated ${date}, a ${weekdayName(date)}) reports the same event, but this article says it reports on ${report.text}`,
        });
        published.set(parsed.id, {
          date: null,
          basis: {
            kind: 'unknown',
            note: `not inferred: ${donor.article.id} reports the same event on ${date}, a ${weekdayName(date)}, but this article reports on ${report.text}`,
          },
        });
        continue;
      }
      note += `; consistent with this article's “reports on ${report.text}” (${date} is a ${weekdayName(date)})`;
    }
    published.set(parsed.id, {
      date,
      basis: { kind: 'inferred', note, fromArticleId: donor.article.id },
    });
  }

  // 2. Dates of each candidate.
  const slotsByArticle = new Map<string, Slot[]>();
  for (const { parsed, extraction } of sorted) {
    const pub = published.get(parsed.id)!;
    const refNote =
      pub.basis.kind === 'inferred'
        ? `inferred from ${pub.basis.fromArticleId}`
        : pub.basis.kind === 'stated'
          ? `stated in ${parsed.file}`
          : undefined;
    const slots: Slot[] = extraction.candidates.map((c) => {
      if (c.future) {
        return {
          c,
          dated: null,
          reason: 'planned, not yet happened (the sentence speaks of the future)',
          mentions: [],
        };
      }
      if (c.exprs.length === 0) return { c, dated: null, reason: null, mentions: [] };
      const resolved = c.exprs.map((e) =>
        resolveTemporal(e, pub.date, {
          future: c.future,
          ...(refNote ? { referenceNote: refNote } : {}),
        }),
      );
      const failed = resolved.find((r) => !r.ok);
      if (failed && !failed.ok) return { c, dated: null, reason: failed.reason, mentions: [] };
      const ok = resolved.map((r) => (r.ok ? r.date : null)).filter((r) => r !== null);
      const mentions = c.exprs.map((e) => ({ text: e.text, offset: e.index }));
      const pick = ok.find((d) => d.end !== undefined) ?? ok[0]!;
      const inferred = pick.relative;
      return {
        c,
        dated: {
          start: pick.start,
          ...(pick.end !== undefined ? { end: pick.end } : {}),
          dateKind: pick.end !== undefined ? 'range' : 'point',
          inferred,
          basis: pick.basis,
          strength: inferred ? 2 : 3,
        },
        reason: null,
        mentions,
      };
    });
    slotsByArticle.set(parsed.id, slots);
  }

  const termAt = (actorId: string, date: string | null) => {
    const terms = actorInfo.get(actorId)?.terms ?? [];
    if (date === null) return terms.length === 1 ? terms[0]! : null;
    return (
      terms.find((t) => t.start <= date && (t.end === null || lastDay(t.end) >= date)) ??
      [...terms].reverse().find((t) => t.start <= date) ??
      null
    );
  };
  const termSource = (_actorId: string, term: { source: string }) =>
    `term in ${options.actorsFileLabel}, source ${term.source}`;

  // Derived dates: terms of office, "following …" links and honest bounds.
  for (const { parsed } of sorted) {
    const slots = slotsByArticle.get(parsed.id)!;
    const pub = published.get(parsed.id)!.date;
    const pubBasis = published.get(parsed.id)!.basis;
    const pubWords = pub
      ? `${pub}, the publication date of ${parsed.id}${pubBasis.kind === 'inferred' ? ` (inferred from ${pubBasis.fromArticleId})` : ''}`
      : '';
    const inaugurationQuote = (actorId: string) => {
      const slot = slots.find(
        (s) => s.c.kind === 'inauguration' && s.c.actors[0] === actorId && s.dated,
      );
      const expr = slot?.c.exprs[0];
      if (!slot || !expr) return null;
      const cueEnd = slot.c.cueOffset + slot.c.cueText.split(' … ')[0]!.length;
      const from = Math.min(slot.c.cueOffset, expr.index) - slot.c.offset;
      const to = Math.max(cueEnd, expr.index + expr.text.length) - slot.c.offset;
      return to - from <= 80 ? slot.c.quote.slice(from, to) : expr.text;
    };
    slots.forEach((slot) => {
      const c = slot.c;
      if (slot.dated !== null || slot.reason !== null) return;
      if (c.kind === 'relations' && c.termOf !== null) {
        const term = termAt(c.termOf, pub);
        if (term) {
          slot.dated = {
            start: term.start,
            ...(term.end !== null ? { end: term.end } : pub ? { end: pub } : {}),
            dateKind: term.end !== null || pub ? 'range' : 'point',
            inferred: true,
            basis: `the text gives no dates (“${c.cueText}” during ${nameOf(c.termOf)}'s administration): the term of ${nameOf(c.termOf)} as ${term.office}, ${term.start} to ${term.end ?? `present (${pub} as published)`} (${termSource(c.termOf, term)})`,
            strength: 1,
          };
          return;
        }
      }
    });
    slots.forEach((slot, index) => {
      const c = slot.c;
      if (slot.dated !== null || slot.reason !== null) return;
      let lower: { date: string; why: string } | null = null;
      let upper: { date: string; why: string } | null = null;
      if (c.after !== null) {
        const target = slots[c.after];
        if (target && target.dated) {
          lower = {
            date: target.dated.start,
            why: `after the ${KIND_NOUN[target.c.kind]} of ${target.dated.start} (the text: “${linkPhrase(c, target.c)}”)`,
          };
        } else if (target && target.reason) {
          slot.reason = `bounded by an event whose date is unresolved: ${target.reason}`;
          return;
        }
      }
      if (c.kind === 'impeachment' && c.actors[0]) {
        const who = c.actors[0];
        const own = termAt(who, pub) ?? actorInfo.get(who)?.terms[0] ?? null;
        if (own) {
          const successors = [...actorInfo.values()]
            .flatMap((a) =>
              a.terms
                .filter((t) => t.office === own.office && t.start > own.start && a.id !== who)
                .map((t) => ({ a, t })),
            )
            .sort((x, y) => comparePartial(x.t.start, y.t.start));
          const next = successors[0];
          if (next) {
            const quote = inaugurationQuote(next.a.id);
            upper = {
              date: next.t.start,
              why: `before ${next.a.name} took office as the next ${own.office} on ${next.t.start} (${quote ? `the text: “${quote}”; ` : ''}${termSource(next.a.id, next.t)})`,
            };
          }
        }
      }
      if ((c.kind === 'meeting' || c.kind === 'talks') && pub) {
        let best: { date: string; why: string } | null = null;
        for (const id of c.actors) {
          const term = termAt(id, pub);
          if (!term || term.start > pub) continue;
          if (best === null || term.start > best.date) {
            const quote = inaugurationQuote(id);
            best = {
              date: term.start,
              why: `on or after ${term.start}, when ${nameOf(id)} took office as ${term.office} (${quote ? `the text: “${quote}”; ` : ''}${termSource(id, term)})`,
            };
          }
        }
        if (best && (lower === null || best.date > lower.date)) lower = best;
      }
      if (lower !== null && pub && (upper === null || pub < upper.date)) {
        upper = { date: pub, why: `on or before ${pubWords}, which reports it` };
      }
      if (lower !== null && upper !== null && comparePartial(lower.date, upper.date) <= 0) {
        slot.dated = {
          start: lower.date,
          end: upper.date,
          dateKind: 'bounded',
          inferred: true,
          basis: `the text gives no date; bounded ${lower.why} and ${upper.why}`,
          strength: 1,
        };
        return;
      }
      void index;
      slot.reason =
        pub === null
          ? 'no date in the text, and the article has no publication date to bound it'
          : 'no date in the text, and nothing that bounds it';
    });
  }

  // 3. Merge reports of the same event.
  const all: Slot[] = sorted.flatMap(({ parsed }) => slotsByArticle.get(parsed.id)!);
  const parent = all.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const canMerge = (a: Slot, b: Slot): boolean => {
    const x = a.c;
    const y = b.c;
    if (x.kind !== y.kind || !sameSet(x.actors, y.actors)) return false;
    if (x.occasion && y.occasion && x.occasion.key !== y.occasion.key) return false;
    if (a.dated && b.dated && !overlaps(a.dated, b.dated)) return false;
    if (x.ruler && y.ruler && x.ruler !== y.ruler) return false;
    if (x.kind === 'other' && (x.change !== y.change || x.agent !== y.agent)) return false;
    if (x.articleId === y.articleId)
      return x.actors.length > 0 || (a.dated !== null && b.dated !== null);
    if (x.kind === 'meeting' || x.kind === 'talks') {
      const sameOccasion =
        x.occasion !== null && y.occasion !== null && x.occasion.key === y.occasion.key;
      const sameDay =
        a.dated?.start.length === 10 &&
        a.dated.start === b.dated?.start &&
        a.dated.dateKind === 'point';
      return sameOccasion || placesCompatible(x.place, y.place) || sameDay;
    }
    return a.dated !== null && b.dated !== null && a.dated.strength >= 2 && b.dated.strength >= 2;
  };
  const buckets = new Map<string, number[]>();
  all.forEach((s, i) => {
    const key = `${s.c.kind}|${[...s.c.actors].sort().join(',')}`;
    const list = buckets.get(key);
    if (list) list.push(i);
    else buckets.set(key, [i]);
  });
  for (const members of buckets.values()) {
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        const a = members[i]!;
        const b = members[j]!;
        if (find(a) !== find(b) && canMerge(all[a]!, all[b]!)) parent[find(b)] = find(a);
      }
    }
  }
  const clusters = new Map<number, Slot[]>();
  all.forEach((s, i) => {
    const list = clusters.get(find(i));
    if (list) list.push(s);
    else clusters.set(find(i), [s]);
  });

  // 4. Events.
  interface Draft {
    event: TimelineEvent;
    members: Slot[];
    idWords: string[];
  }
  const drafts: Draft[] = [];
  const unresolved: UnresolvedMention[] = [];
  const articleOrder = new Map(sorted.map((a, i) => [a.parsed.id, i]));
  const sentencesOf = new Map(sorted.map((a) => [a.parsed.id, a.extraction.sentences]));
  /** Sentence indices that carry an event candidate, per article: a title never borrows from them. */
  const eventSentences = new Map(
    sorted.map((a) => [a.parsed.id, new Set(a.extraction.candidates.map((c) => c.sentenceIndex))]),
  );
  for (const members of clusters.values()) {
    const dated = members.filter((m) => m.dated !== null);
    if (dated.length === 0) {
      const m = members[0]!;
      unresolved.push({
        articleId: m.c.articleId,
        quote: m.c.quote,
        offset: m.c.offset,
        line: m.c.line,
        reason: `${KIND_NOUN[m.c.kind]} (“${m.c.cueText}”): ${m.reason ?? 'no date'}`,
      });
      warnings.push({
        file: m.c.file,
        line: m.c.line,
        message: `unresolved date: ${KIND_NOUN[m.c.kind]} (“${m.c.cueText}”): ${m.reason ?? 'no date'}`,
      });
      continue;
    }
    const rep = [...dated].sort(
      (a, b) =>
        b.dated!.strength - a.dated!.strength ||
        b.dated!.start.length - a.dated!.start.length ||
        Number(published.get(b.c.articleId)!.basis.kind === 'stated') -
          Number(published.get(a.c.articleId)!.basis.kind === 'stated') ||
        articleOrder.get(a.c.articleId)! - articleOrder.get(b.c.articleId)! ||
        a.c.offset - b.c.offset,
    )[0]!;
    const score = (s: Slot) =>
      (s.c.exprs.length > 0 ? 4 : 0) + (s.c.occasion ? 2 : 0) + (s.c.place ? 1 : 0);
    const bestPerArticle = new Map<string, Slot>();
    for (const m of members) {
      const cur = bestPerArticle.get(m.c.articleId);
      if (!cur || score(m) > score(cur) || (score(m) === score(cur) && m.c.offset < cur.c.offset)) {
        bestPerArticle.set(m.c.articleId, m);
      }
    }
    const sources: EventSource[] = [...bestPerArticle.values()]
      .sort((a, b) => articleOrder.get(a.c.articleId)! - articleOrder.get(b.c.articleId)!)
      .map((m) => ({ articleId: m.c.articleId, quote: m.c.quote, offset: m.c.offset }));
    const c = rep.c;
    const place =
      members
        .map((m) => m.c.place)
        .filter((p): p is string => p !== null)
        .sort((a, b) => placeParts(b).length - placeParts(a).length || b.length - a.length)[0] ??
      null;
    const occasion = rep.c.occasion ?? members.find((m) => m.c.occasion)?.c.occasion ?? null;
    const title = makeTitle(c, members, place, occasion?.display ?? null).replace(/’/g, "'");
    const d = rep.dated!;
    const event: TimelineEvent = {
      id: '',
      title,
      kind: c.kind,
      start: d.start,
      ...(d.end !== undefined ? { end: d.end } : {}),
      dateKind: d.dateKind,
      dateInferred: d.inferred,
      dateBasis: d.basis + termCheck(c, d),
      actors: [...c.actors],
      place: c.kind === 'colonial-rule' ? (c.ruled ?? place) : place,
      sources,
    };
    const idWords =
      c.kind === 'colonial-rule'
        ? [c.ruler ?? '', landName(c.ruled ?? '', DEMONYMS)]
        : [
            ...[...c.actors].map(familyOf).sort(),
            ...(c.kind === 'other' ? (c.change ?? '').split(' ').slice(0, 6) : []),
            ...(c.kind === 'relations' && c.agent ? [c.agent] : []),
            ...(c.kind === 'meeting' || c.kind === 'talks'
              ? [occasion?.key ?? place?.split(',')[0] ?? '']
              : []),
          ];
    drafts.push({ event, members, idWords });
  }

  /** An inauguration whose date matches the actors file says so. */
  function termCheck(c: Candidate, d: Dated): string {
    if (c.kind !== 'inauguration' || !c.actors[0]) return '';
    const term = actorInfo.get(c.actors[0])?.terms.find((t) => t.start === d.start);
    return term
      ? `; matches the start of the term in ${options.actorsFileLabel} (${term.source})`
      : '';
  }

  function makeTitle(
    c: Candidate,
    members: Slot[],
    place: string | null,
    occasion: string | null,
  ): string {
    const fam = c.actors.map(familyOf);
    switch (c.kind) {
      case 'meeting': {
        let t = `${joinAnd(fam)} meet`;
        if (occasion) t += ` at ${occasion}`;
        const firstPlace = place?.split(',')[0]?.trim();
        if (firstPlace && !(occasion ?? '').includes(firstPlace)) t += ` in ${firstPlace}`;
        const texts: string[] = [];
        for (const m of members) {
          // The meeting's own sentence and the next two, but never a sentence that reports another event.
          const sentences = sentencesOf.get(m.c.articleId) ?? [];
          const others = eventSentences.get(m.c.articleId);
          texts.push(sentences[m.c.sentenceIndex]?.text ?? '');
          for (let i = m.c.sentenceIndex + 1; i < m.c.sentenceIndex + 3; i++) {
            const next = sentences[i];
            if (!next || others?.has(i)) break;
            texts.push(next.text);
          }
        }
        const agreement = agreementPhrase(texts, c.actors.map(countryOf));
        if (agreement) t += `, ${agreement}`;
        return t;
      }
      case 'talks': {
        const where = place ? ` in ${place.split(',')[0]!.trim()}` : '';
        if (c.subjectActors >= 2) return `${joinAnd(fam)} hold talks${where}`;
        const [host, ...partners] = c.actors;
        const countries = [...new Set(partners.map(countryOf))];
        const names = partners.map(nameOf);
        const who =
          countries.length === 1 && countries[0] !== 'Unknown'
            ? `${possessive(shortCountry(countries[0]!))} ${joinAnd(names)}`
            : joinAnd(
                partners.map((p) =>
                  countryOf(p) === 'Unknown'
                    ? nameOf(p)
                    : `${possessive(shortCountry(countryOf(p)))} ${nameOf(p)}`,
                ),
              );
        return `${familyOf(host!)} holds talks with ${who}${where}`;
      }
      case 'inauguration': {
        const who = c.actors[0]!;
        const term = actorInfo
          .get(who)
          ?.terms.find((t) => members.some((m) => m.dated && m.dated.start === t.start));
        const role = term?.office ?? actorInfo.get(who)?.role;
        return `${nameOf(who)} takes office${role ? ` as ${role}` : ''}`;
      }
      case 'impeachment': {
        const who = nameOf(c.actors[0]!);
        return c.agent ? `${c.agent} impeaches ${who}` : `${who} impeached`;
      }
      case 'martial-law': {
        const country = c.actors.length > 0 ? countryOf(c.actors[0]!) : null;
        return `Martial law ${martialLawVerb(c.change)}${country && country !== 'Unknown' ? ` in ${country}` : ''}`;
      }
      case 'colonial-rule': {
        const ruled = c.ruled ? landName(c.ruled, DEMONYMS) : null;
        if (c.ruler && ruled) return `${possessive(c.ruler)} colonial rule of ${ruled}`;
        if (ruled) return `Colonial rule of ${ruled}`;
        return c.ruler ? `${possessive(c.ruler)} colonial rule` : 'Colonial rule';
      }
      case 'relations': {
        if (c.agent && c.change) {
          const plural = /\band\b|s$/.test(c.agent);
          return `${c.agent} ${presentPhrase(c.change, plural)}`;
        }
        const verb = relationsVerb(c.change);
        if (c.termOf) return `Ties ${verb} under ${nameOf(c.termOf)}`;
        if (c.actors.length >= 2) return `Ties between ${joinAnd(c.actors.map(familyOf))} ${verb}`;
        return `Ties ${verb}`;
      }
      default: {
        const subject =
          c.agent ?? joinAnd(c.actors.slice(0, Math.max(1, c.subjectActors)).map(familyOf));
        const title = `${subject} ${c.change ?? ''}`.trim();
        return title.length > 110 ? `${title.slice(0, 107)}…` : title;
      }
    }
  }

  // 5. Stable ids from each event's own signature (start date, kind, actor and place words), never from
  // article order or counts. Events that still collide get a suffix from their own text.
  const baseId = (d: Draft) =>
    slugify([d.event.start, d.event.kind, ...d.idWords].filter((w) => w !== '').join(' '))
      .slice(0, 90)
      .replace(/-+$/, '');
  const byBase = new Map<string, Draft[]>();
  for (const d of drafts) {
    const list = byBase.get(baseId(d));
    if (list) list.push(d);
    else byBase.set(baseId(d), [d]);
  }
  const used = new Set<string>();
  for (const [base, group] of [...byBase.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const key = (d: Draft) =>
      `${d.event.sources[0]!.articleId}\u0000${String(d.event.sources[0]!.offset).padStart(9, '0')}`;
    group.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
    group.forEach((d, i) => {
      let id =
        i === 0
          ? base
          : `${base}-${d.event.end ? d.event.end.replace(/-/g, '') : shortHash(d.event.sources[0]!.quote)}`;
      let n = 2;
      while (used.has(id)) id = `${base}-${n++}`;
      used.add(id);
      d.event.id = id;
    });
  }
  drafts.sort(
    (a, b) => comparePartial(a.event.start, b.event.start) || (a.event.id < b.event.id ? -1 : 1),
  );
  const events = drafts.map((d) => d.event);

  // 6. Articles, bodies, contexts, actors.
  const eventIdsOf = new Map<string, string[]>();
  const mentionsOf = new Map<string, DateMention[]>();
  const push = <T>(map: Map<string, T[]>, key: string, value: T) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  for (const d of drafts) {
    for (const s of d.event.sources) push(eventIdsOf, s.articleId, d.event.id);
    for (const m of d.members) {
      if (m.dated === null) continue;
      for (const x of m.mentions)
        push(mentionsOf, m.c.articleId, { text: x.text, offset: x.offset, eventId: d.event.id });
    }
  }
  const bodies: ArticleBody[] = sorted.map(({ parsed }) => {
    const pub = published.get(parsed.id)!;
    const eventIds = eventIdsOf.get(parsed.id) ?? [];
    const dateMentions = (mentionsOf.get(parsed.id) ?? []).sort(
      (a, b) => a.offset - b.offset || (a.eventId < b.eventId ? -1 : 1),
    );
    return {
      id: parsed.id,
      file: parsed.file,
      title: parsed.title,
      published: pub.date,
      publishedBasis: pub.basis,
      source: parsed.source,
      eventIds,
      body: parsed.body,
      relatedLabel: parsed.relatedLabel,
      related: parsed.related,
      dateMentions,
    };
  });
  const contexts: ContextRange[] = [];
  for (const e of events) {
    if (e.kind === 'colonial-rule' && e.dateKind === 'range') {
      contexts.push({
        id: `era-${e.id}`,
        kind: 'era',
        title: e.title,
        start: e.start,
        end: e.end ?? null,
        eventId: e.id,
        source: e.sources[0]!.articleId,
      });
    }
  }
  for (const a of reference) {
    for (const t of a.terms) {
      contexts.push({
        id: `term-${a.id}-${t.start}`,
        kind: 'term',
        title: `${a.name}, ${t.office}`,
        start: t.start,
        end: t.end,
        actorId: a.id,
        source: t.source,
      });
    }
  }
  contexts.sort((a, b) => comparePartial(a.start, b.start) || (a.id < b.id ? -1 : 1));
  const actors: Actor[] = [
    ...reference.map((a) => ({
      id: a.id,
      name: a.name,
      country: a.country,
      role: a.role,
      aliases: a.aliases,
      terms: a.terms,
      sources: a.sources,
      detected: false,
    })),
    ...[...detected.values()]
      .filter((d) => events.some((e) => e.actors.includes(d.id)))
      .map((d) => ({
        id: d.id,
        name: d.name,
        country: d.country,
        role: d.role,
        aliases: [...d.aliases].filter((x) => x !== d.name).sort(),
        terms: [],
        sources: [],
        detected: true,
      })),
  ].sort((a, b) => (a.id < b.id ? -1 : 1));
  unresolved.sort((a, b) =>
    a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : a.offset - b.offset,
  );
  warnings.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));

  const timeline: TimelineData = {
    version: DATA_FORMAT_VERSION,
    articles: bodies.map((b) => ({
      id: b.id,
      file: b.file,
      title: b.title,
      published: b.published,
      publishedBasis: b.publishedBasis,
      source: b.source,
      eventIds: b.eventIds,
    })),
    actors,
    events,
    contexts,
    unresolved,
  };
  return { timeline, bodies, warnings };
}
