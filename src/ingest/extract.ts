/**
 * Event candidates of one article: sentence by sentence, cue words give the kind, the clause around a cue
 * gives its actors, dates, place and occasion. Dates stay symbolic here: they are resolved once the
 * article's publication date is known (it may be inferred from another article).
 */
import type { EventKind } from '../lib/timeline-data.ts';
import type { ActorMatcher, ActorMention, DetectedPerson } from './actor-match.ts';
import { DEMONYMS } from './actor-match.ts';
import { lineOf, type ParsedArticle } from './article.ts';
import { WEEKDAY_NAMES } from './calendar.ts';
import { findCues, type Cue } from './cues.ts';
import { splitSentences, type Sentence } from './sentences.ts';
import { findTemporalExpressions, isFutureSentence, type TemporalExpr } from './temporal.ts';

export interface Occasion {
  /** Comparison key, e.g. `g7`. */
  key: string;
  /** As shown in titles, e.g. `G7 summit`. */
  display: string;
}

export interface Candidate {
  articleId: string;
  file: string;
  sentenceIndex: number;
  /** The sentence, verbatim, and its offset in the body. */
  quote: string;
  offset: number;
  line: number;
  kind: EventKind;
  cueText: string;
  /** Offset of the first cue word in the body. */
  cueOffset: number;
  /** Actor ids, the acting/main one first. */
  actors: string[];
  /** Date expressions of this event; `index` is an offset in the body. */
  exprs: TemporalExpr[];
  future: boolean;
  occasion: Occasion | null;
  /** Where, as the text names it (`Kananaskis, Alberta, Canada`). */
  place: string | null;
  /** Impeachment: who impeached ("South Korea's National Assembly"). */
  agent: string | null;
  /** Colonial rule: the ruling power and the ruled land as named. */
  ruler: string | null;
  ruled: string | null;
  /** Relations: the change word ("improvement"). Martial law: the noun ("imposition"). */
  change: string | null;
  /** Relations "during X's administration": X's actor id. */
  termOf: string | null;
  /** Index (in the article's candidates) of an event this one follows ("following the imposition of …"). */
  after: number | null;
  /** `other` events: how many of `actors` are the subject (the rest are objects). */
  subjectActors: number;
}

export interface ArticleExtraction {
  sentences: Sentence[];
  candidates: Candidate[];
  detected: DetectedPerson[];
  /** "according to local reports on Wednesday": the weekday the article says it reports on. */
  reportWeekday: { text: string; weekday: number } | null;
}

const BOUNDARY = /[,;:]|\s(?:which|where|who|while|after|following|before|when|amid|as)\s/g;
const PRONOUN = /\b(?:he|she|his|her|him)\b/gi;
const REPORT_BEFORE =
  /\b(?:reports?|reported|reporting|said|announced|stated|told reporters|according to)\s+(?:on\s+)?$/i;
const AFTER_LINK = /\b(?:following|after|in the wake of|in response to|over)\b/i;
const OCCASION =
  /\b(?:on the sidelines of|on the margins of|at the margins of|at|during|ahead of|for)\s+(?:the\s+|a\s+|an\s+)?((?:(?:[A-Z][\p{L}\p{N}-]*|\([A-Z][A-Z0-9-]*\)|of)\s+){1,6})(summit|meeting|forum|conference|gathering|talks)\b/u;
const PLACE =
  /\b(?:in|at|visited)\s+((?:[A-Z][\p{L}'’.-]+)(?:\s+[A-Z][\p{L}'’.-]+)*(?:,\s*[A-Z][\p{L}'’.-]+(?:\s+[A-Z][\p{L}'’.-]+)*)*)/gu;
const MONTH_OR_DAY =
  /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/;

export function occasionOf(segment: string): Occasion | null {
  const re = new RegExp(OCCASION.source, 'gu');
  let m: RegExpExecArray | null;
  while ((m = re.exec(segment))) {
    const words = m[1]!
      .trim()
      .split(/\s+/)
      .filter((w) => !MONTH_OR_DAY.test(w));
    const noun = m[2]!;
    if (words.length === 0) continue;
    const joined = words.join(' ');
    const acronym =
      /\(([A-Z][A-Z0-9-]*)\)/.exec(joined)?.[1] ??
      words.find((w) => /^[A-Z][A-Z0-9-]*\d[A-Z0-9-]*$|^[A-Z]{2,}$/.test(w));
    if (acronym)
      return {
        key: acronym.toLowerCase(),
        display: `${acronym} ${noun === 'meeting' ? 'summit' : noun}`,
      };
    const clean = joined.replace(/\s*\([^)]*\)/g, '').replace(/\s+of$/, '');
    if (!/^[A-Z]/.test(clean)) continue;
    return { key: clean.toLowerCase(), display: `${clean} ${noun}` };
  }
  return null;
}

export function placeOf(
  segment: string,
  exclude: (start: number, end: number) => boolean,
): string | null {
  PLACE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PLACE.exec(segment))) {
    const text = m[1]!.replace(/[’']s$/, '').replace(/\.$/, '');
    const start = m.index + m[0].length - m[1]!.length;
    if (MONTH_OR_DAY.test(text)) continue;
    if (/^[A-Z0-9-]{2,}$/.test(text.split(/\s+/)[0]!)) continue;
    if (exclude(start, start + text.length)) continue;
    if (/^(?:Addition|Particular|Fact|Order|Response|Turn|Total|General|Short|Brief)$/.test(text))
      continue;
    return text;
  }
  return null;
}

interface Group {
  kind: EventKind;
  start: number;
  end: number;
  cues: Cue[];
}

function groupCues(cues: Cue[]): Group[] {
  const groups: Group[] = [];
  for (const cue of cues) {
    const last = groups[groups.length - 1];
    if (last && last.kind === cue.kind) {
      last.end = cue.end;
      last.cues.push(cue);
    } else groups.push({ kind: cue.kind, start: cue.start, end: cue.end, cues: [cue] });
  }
  return groups;
}

export function extractArticle(article: ParsedArticle, matcher: ActorMatcher): ArticleExtraction {
  const sentences = splitSentences(article.body, article.contentStart, article.contentEnd);
  const candidates: Candidate[] = [];
  const detected: DetectedPerson[] = [];
  const named = new Set<string>();
  let prevMain: string | null = null;
  let reportWeekday: ArticleExtraction['reportWeekday'] = null;

  // Line numbers, counted once along the body as the sentences advance (they come in order).
  let lineCursor = 0;
  let lineAtCursor = 1;
  sentences.forEach((sentence, sentenceIndex) => {
    const text = sentence.text;
    for (; lineCursor < sentence.start; lineCursor++) {
      if (article.body.charCodeAt(lineCursor) === 10) lineAtCursor++;
    }
    // The line of this sentence, where every candidate of it stands. (Candidates are built with
    // literal fields, not by spreading a shared record: spread objects took a slower shape and
    // made the whole ingest twice as slow.)
    const line =
      lineCursor === sentence.start ? lineAtCursor : lineOf(article.body, sentence.start);
    const { mentions, detected: found } = matcher.find(text, named);
    detected.push(...found);
    const main = mentions.find((m) => !m.object)?.actorId ?? null;
    const pronounRef = main ?? prevMain;
    const pronouns: { start: number; id: string }[] = [];
    if (pronounRef !== null) {
      PRONOUN.lastIndex = 0;
      let p: RegExpExecArray | null;
      while ((p = PRONOUN.exec(text))) pronouns.push({ start: p.index, id: pronounRef });
    }
    const exprs = findTemporalExpressions(text).filter((e) => {
      const before = text.slice(Math.max(0, e.index - 60), e.index);
      if (REPORT_BEFORE.test(before)) {
        if (e.form.type === 'weekday' && reportWeekday === null) {
          reportWeekday = { text: e.text, weekday: e.form.weekday };
        }
        return false;
      }
      return true;
    });
    const groups = groupCues(findCues(text));
    const boundaries: number[] = [];
    BOUNDARY.lastIndex = 0;
    let b: RegExpExecArray | null;
    while ((b = BOUNDARY.exec(text))) boundaries.push(b.index);
    const firstIndexInSentence = candidates.length;
    const byGroup: (number | null)[] = [];
    groups.forEach((group, gi) => {
      const prev = groups[gi - 1];
      const next = groups[gi + 1];
      const left = prev
        ? ([...boundaries].reverse().find((x) => x >= prev.end && x < group.start) ?? prev.end)
        : 0;
      const right = next
        ? (boundaries.find((x) => x >= group.end && x < next.start) ?? next.start)
        : text.length;
      const segment = text.slice(left, right);
      const inSeg = (m: { start: number }) => m.start >= left && m.start < right;
      const segMentions = mentions.filter(inSeg);
      const ids: string[] = [];
      const add = (id: string | null) => {
        if (id !== null && !ids.includes(id)) ids.push(id);
      };
      const ordered = [
        ...segMentions.filter((m) => !m.object),
        ...segMentions.filter((m) => m.object),
      ];
      const items = [
        ...ordered.map((m) => ({ start: m.start, id: m.actorId, object: m.object })),
        ...pronouns.filter(inSeg).map((p) => ({ start: p.start, id: p.id, object: false })),
      ];
      const kind = group.kind;
      let actors: string[] = [];
      if (kind === 'meeting' || kind === 'talks') {
        if (segMentions.length === 0) {
          byGroup.push(null);
          return;
        }
        for (const m of ordered) add(m.actorId);
        for (const p of pronouns.filter(inSeg)) add(p.id);
        const hasSubject = segMentions.some((m) => !m.object);
        const firstObject = segMentions[0]!;
        const introducedByWith = /\bwith\s*$/i.test(
          text.slice(Math.max(0, firstObject.phraseStart - 12), firstObject.phraseStart),
        );
        if (!hasSubject && introducedByWith) {
          const implied = main ?? prevMain;
          if (implied !== null && !ids.includes(implied)) ids.unshift(implied);
        }
        if (ids.length < 2) {
          byGroup.push(null);
          return;
        }
        actors = ids;
      } else if (kind === 'inauguration' || kind === 'impeachment') {
        const agentAt = /\bby\s/.exec(text.slice(group.end, right));
        const limit = agentAt ? group.end + agentAt.index : right;
        for (const it of items
          .filter((x) => x.start < limit)
          .sort((a, c) => Number(a.object) - Number(c.object)))
          add(it.id);
        if (ids.length === 0) add(main ?? prevMain);
        if (ids.length === 0) {
          byGroup.push(null);
          return;
        }
        actors = [ids[0]!];
      } else if (kind === 'martial-law') {
        for (const it of items) add(it.id);
        if (ids.length === 0) add(main);
        actors = ids;
      } else if (kind === 'colonial-rule') {
        // An era, not something the persons of the sentence did ("Kishida spoke of … colonial rule").
        actors = [];
      } else {
        for (const it of items) add(it.id);
        actors = ids;
      }
      const candidate: Candidate = {
        articleId: article.id,
        file: article.file,
        sentenceIndex,
        quote: text,
        offset: sentence.start,
        line,
        kind,
        cueText: group.cues.map((c) => c.text).join(' … '),
        cueOffset: sentence.start + group.start,
        actors,
        exprs: [],
        future: isFutureSentence(segment),
        occasion: kind === 'meeting' || kind === 'talks' ? occasionOf(segment) : null,
        place: null,
        agent: null,
        ruler: null,
        ruled: null,
        change: null,
        termOf: null,
        after: null,
        subjectActors: new Set(
          segMentions.filter((m) => !m.object && m.start < group.start).map((m) => m.actorId),
        ).size,
      };
      const mentionAt = (s: number, e: number) =>
        mentions.some((m) => s + left < m.end && m.phraseStart < e + left);
      if (kind === 'meeting' || kind === 'talks') candidate.place = placeOf(segment, mentionAt);
      if (kind === 'impeachment') {
        const agent = /\bby\s+(?:the\s+)?((?:[A-Z][\p{L}]+(?:['’]s)?\s+)*[A-Z][\p{L}]+)/u.exec(
          text.slice(group.start, right),
        );
        candidate.agent = agent ? agent[1]! : null;
      }
      if (kind === 'colonial-rule') {
        const ruler = /((?:[A-Z][\p{L}]+\s+)*[A-Z][\p{L}]+)['’]s\s+(?:\w+\s+)?$/u.exec(
          text.slice(Math.max(0, group.start - 60), group.start),
        );
        candidate.ruler = ruler ? ruler[1]! : null;
        const ruled = /^\s*(?:over|of|in)\s+(?:the\s+)?((?:[A-Z][\p{L}]+\s+)*[A-Z][\p{L}]+)/u.exec(
          text.slice(group.end, right),
        );
        candidate.ruled = ruled ? ruled[1]! : null;
        candidate.place = candidate.ruled;
      }
      if (kind === 'relations') {
        const change =
          /(?:improv|warm|thaw|deteriorat|sour|normali[sz]|restor|worsen|fray|strain|ruptur|sever)\w*/i.exec(
            group.cues[0]!.text,
          );
        candidate.change = change ? change[0].toLowerCase() : null;
        // "Japan and South Korea normalized diplomatic relations": a subject that acts.
        if (change && change.index === 0) {
          const before = text.slice(left, group.start);
          const clause = before
            .slice(Math.max(before.lastIndexOf(','), before.lastIndexOf(';')) + 1)
            .trim();
          const words = clause
            .replace(/^(?:the|both)\s+/i, '')
            .split(/\s+/)
            .filter((w) => w !== '');
          if (
            words.length >= 1 &&
            words.length <= 6 &&
            /^[A-Z]/.test(words[0]!) &&
            !/\b(?:have|has|had|were|was)$/.test(clause)
          ) {
            candidate.agent = words.join(' ');
            candidate.change = group.cues[0]!.text;
          }
        }
        for (const m of segMentions) {
          const afterName = text.slice(m.end, m.end + 40);
          const beforeName = text.slice(Math.max(0, m.phraseStart - 12), m.phraseStart);
          const possessiveTerm =
            /^['’]s\s+(?:\w+\s+)?(?:administration|presidency|government|tenure|term|premiership|rule)\b/.test(
              afterName,
            );
          if (
            /\b(?:during|under|in)\s+(?:the\s+)?$/i.test(beforeName) &&
            (possessiveTerm || /^\s*[,.;]|^\s+(?:who|when)\b/.test(afterName))
          ) {
            candidate.termOf = m.actorId;
            break;
          }
        }
      }
      if (kind === 'martial-law') {
        const noun =
          /\b(imposition|declaration|lifting|proclamation|imposed|declared|lifted|proclaimed)\s+(?:of\s+)?$/i.exec(
            text.slice(Math.max(0, group.start - 30), group.start),
          );
        candidate.change = noun ? noun[1]!.toLowerCase() : null;
      }
      byGroup.push(candidates.length);
      candidates.push(candidate);
    });
    // A dated sentence with no cue but an event verb ("signed", "opened", …) becomes an `other` event.
    if (exprs.length > 0 && !byGroup.some((x) => x !== null)) {
      const made = otherEvent(text, mentions, exprs);
      if (made) {
        const groupIndex = groups.length;
        groups.push({ kind: 'other', start: made.verbStart, end: made.verbEnd, cues: [] });
        byGroup[groupIndex] = candidates.length;
        candidates.push({
          articleId: article.id,
          file: article.file,
          sentenceIndex,
          quote: text,
          offset: sentence.start,
          line,
          kind: 'other',
          cueText: made.verb,
          cueOffset: sentence.start + made.verbStart,
          actors: made.actors,
          exprs: [],
          future: isFutureSentence(text),
          occasion: null,
          place: made.place,
          agent: made.subject,
          ruler: null,
          ruled: null,
          change: made.summary,
          termOf: null,
          after: null,
          subjectActors: made.subjectActors,
        });
      }
    }
    // Dates go to the nearest cue group that became a candidate.
    for (const expr of exprs) {
      let best: { index: number; distance: number } | null = null;
      groups.forEach((g, gi) => {
        const ci = byGroup[gi];
        if (ci === null || ci === undefined) return;
        const e = expr.index + expr.text.length;
        const distance = e <= g.start ? g.start - e : expr.index >= g.end ? expr.index - g.end : 0;
        if (best === null || distance < best.distance) best = { index: ci, distance };
      });
      if (best !== null) {
        const target = candidates[(best as { index: number }).index]!;
        target.exprs.push({ ...expr, index: expr.index + sentence.start });
      }
    }
    // "X following Y": X happened after Y.
    groups.forEach((g, gi) => {
      const next = groups[gi + 1];
      const ci = byGroup[gi];
      const ni = byGroup[gi + 1];
      if (!next || ci === null || ci === undefined || ni === null || ni === undefined) return;
      if (AFTER_LINK.test(text.slice(g.end, next.start))) candidates[ci]!.after = ni;
    });
    void firstIndexInSentence;
    prevMain = main ?? prevMain;
  });
  return { sentences, candidates, detected, reportWeekday };
}

const EVENT_VERBS: Record<string, string> = {
  signed: 'sign',
  proposed: 'propose',
  opened: 'open',
  launched: 'launch',
  announced: 'announce',
  visited: 'visit',
  declared: 'declare',
  established: 'establish',
  concluded: 'conclude',
  hosted: 'host',
  unveiled: 'unveil',
  approved: 'approve',
  ratified: 'ratify',
  resigned: 'resign',
  apologized: 'apologize',
  apologised: 'apologise',
  suspended: 'suspend',
  resumed: 'resume',
  expelled: 'expel',
  recalled: 'recall',
  travelled: 'travel',
  traveled: 'travel',
  won: 'win',
  elected: 'elect',
  normalized: 'normalize',
  normalised: 'normalise',
  restored: 'restore',
  severed: 'sever',
  withdrew: 'withdraw',
  adopted: 'adopt',
  agreed: 'agree',
};
const EVENT_VERB = new RegExp(`\\b(${Object.keys(EVENT_VERBS).join('|')})\\b`);
const CLAUSE_END = /[,;:]|\s(?:which|though|but|while|after|before|amid|as|and the|when)\s/;

function thirdPerson(base: string): string {
  if (/(?:s|sh|ch|x|z)$/.test(base)) return `${base}es`;
  if (/[^aeiou]y$/.test(base)) return `${base.slice(0, -1)}ies`;
  return `${base}s`;
}

/**
 * "The two governments opened a direct air route between Brussels and Seoul on September 17, 1999."
 * → subject "Two governments", summary "open direct air route between Brussels and Seoul".
 */
export function otherEvent(
  text: string,
  mentions: ActorMention[],
  exprs: TemporalExpr[],
): {
  verb: string;
  verbStart: number;
  verbEnd: number;
  actors: string[];
  subject: string | null;
  summary: string;
  place: string | null;
  subjectActors: number;
} | null {
  const m = EVENT_VERB.exec(text);
  if (!m) return null;
  const verb = m[1]!;
  const verbStart = m.index;
  const verbEnd = m.index + verb.length;
  if (/\b(?:was|were|is|are|been|be|had|has|have)\s+$/.test(text.slice(0, verbStart))) return null;
  const before = text.slice(0, verbStart);
  const clauseStart = Math.max(before.lastIndexOf(','), before.lastIndexOf(';')) + 1;
  const subjectMentions = mentions.filter(
    (x) => x.end <= verbStart && x.start >= clauseStart && !x.object,
  );
  const actors: string[] = [];
  for (const x of subjectMentions) if (!actors.includes(x.actorId)) actors.push(x.actorId);
  let subject: string | null = null;
  if (actors.length === 0) {
    const words = before
      .slice(clauseStart)
      .replace(/^\s*(?:On|In|Later|Separately|Meanwhile)\b[^,]*,?/, '')
      .trim()
      .replace(/^(?:the|a|an|both)\s+/i, '')
      .split(/\s+/)
      .filter((w) => w !== '');
    if (
      words.length === 0 ||
      words.length > 5 ||
      exprs.some(
        (e) => e.index < verbStart && e.index >= clauseStart && words.join(' ').includes(e.text),
      )
    ) {
      return null;
    }
    subject = words.join(' ');
    subject = subject[0]!.toUpperCase() + subject.slice(1);
  }
  const subjectActors = actors.length;
  const rest = text.slice(verbEnd);
  let stop = rest.length;
  const clause = CLAUSE_END.exec(rest);
  if (clause) stop = Math.min(stop, clause.index);
  const clauseEnd = verbEnd + stop;
  for (const x of mentions) {
    if (x.start > verbEnd && x.start < clauseEnd && !actors.includes(x.actorId))
      actors.push(x.actorId);
  }
  for (const e of exprs) {
    const at = e.index - verbEnd;
    if (at >= 0) {
      const lead = /\s+(?:on|in|at|during|from|since|by|of)\s*$/.exec(rest.slice(0, at));
      stop = Math.min(stop, lead ? lead.index : at);
    }
  }
  const objectWords = rest
    .slice(0, stop)
    .replace(/[.!?]+\s*$/, '')
    .trim()
    .split(/\s+/)
    .filter((w) => w !== '' && !/^(?:a|an|the)$/i.test(w))
    .slice(0, 9);
  while (
    objectWords.length > 0 &&
    /^(?:on|in|at|to|for|of|and|with|by|from|that|its|their|his|her)$/i.test(
      objectWords[objectWords.length - 1]!,
    )
  ) {
    objectWords.pop();
  }
  const base = EVENT_VERBS[verb]!;
  const plural =
    subjectActors > 1 || (subject !== null && /s$/.test(subject) && !/ss$/.test(subject));
  const summary = [plural ? base : thirdPerson(base), ...objectWords].join(' ');
  const place = placeOf(rest.slice(0, clauseEnd - verbEnd), () => false);
  if (subject === null && subjectActors === 0) return null;
  return { verb, verbStart, verbEnd, actors, subject, summary, place, subjectActors };
}

export function weekdayWord(n: number): string {
  return WEEKDAY_NAMES[n] ?? '';
}

export const COUNTRY_OF_DEMONYM = DEMONYMS;
export type { ActorMention };
