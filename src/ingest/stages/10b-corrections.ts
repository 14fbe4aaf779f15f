/**
 * Stage 10b: corrections. An editor fixes what the ingest got wrong without touching an article, in
 * `corrections.json` of the seeds folder (format: docs/data-format.md, "The corrections file"):
 *
 *   { "event": "<id>", "set": { "title", "start", "end", "leaders", "kind" }, "note": "why" }
 *   { "event": "<id>", "hide": true, "note": "…" }
 *   { "merge": ["<id>", "<id>"], "note": "…" }      the second folds into the first (its id an alias)
 *   { "event": "<id>", "split": "<article id>", "note": "…" }
 *
 * They apply to the built output (stage 10), after ids are assigned (stage 9) and before the output is
 * checked, in file order, so they key on stable ids (an alias works too). Each applied correction is
 * recorded on its event (`edited`), a hidden event is listed in `hidden` so a link to it can say why.
 *
 * Two outcomes besides applying (docs/decisions/0013-corrections.md):
 * - a problem (file:line, fails the build): a malformed file or value, an id that names nothing and
 *   never did, an actor or article that does not exist, end before start, two corrections in conflict;
 * - stale (reported, not fatal): the correction names things that exist, or existed (an id recorded in
 *   `event-ids.json`), but what it acts on is gone after a re-ingest: the event is no longer produced,
 *   the article is no longer one of its sources, the two events are already one, or every value it
 *   sets is already what the ingest gives.
 */
import type {
  ArticleBody,
  EventEdit,
  HiddenEvent,
  TimelineData,
  TimelineEvent,
  UndatedEvent,
} from '../../lib/timeline-data.ts';
import { isEventKind } from '../../lib/event-kinds.ts';
import { comparePartial, firstDay, lastDay, parsePartialDate } from '../../lib/partial-date.ts';
import { slugify } from '../actor-match.ts';
import { readSeedsJson, type JsonNode } from '../json-lines.ts';
import type { IngestProblem } from '../types.ts';
import type { EventDate } from './06-dating.ts';
import { hash8 } from './09-ids.ts';

/** What `set` may change. */
export interface SetFields {
  title?: string;
  start?: string;
  /** Null: the event becomes a point in time. */
  end?: string | null;
  leaders?: string[];
  kind?: TimelineEvent['kind'];
}

type SetField = keyof SetFields;
const SET_FIELDS: readonly SetField[] = ['title', 'start', 'end', 'leaders', 'kind'];

export type Correction = { line: number; note: string } & (
  | { op: 'set'; event: string; set: SetFields; lines: Partial<Record<SetField, number>> }
  | { op: 'hide'; event: string }
  | { op: 'merge'; events: [string, string] }
  | { op: 'split'; event: string; article: string; articleLine: number }
);

/** What the ingest knew of each event's sources, for `split` (the split source's own date). */
export interface SourceFacts {
  date: EventDate | null;
  undatedReason: string | null;
  actorIds: string[];
}

export interface CorrectionsInput {
  /** The file name as problems name it (`corrections.json`). */
  file: string;
  corrections: Correction[];
  timeline: TimelineData;
  bodies: ArticleBody[];
  /** Every id ever published (the values of `event-ids.json`): such an id is stale, not unknown. */
  published: ReadonlySet<string>;
  /** Event id → article id → what that article's report of it said. */
  sourceFacts?: ReadonlyMap<string, ReadonlyMap<string, SourceFacts>>;
}

export interface CorrectionsResult {
  timeline: TimelineData;
  bodies: ArticleBody[];
  problems: IngestProblem[];
  /** Corrections that no longer apply, each as file:line and why. */
  stale: IngestProblem[];
  applied: number;
}

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Reads `corrections.json`: `{ "version": 1, "corrections": [ … ] }`. Every problem names the file and
 * the line of the offending value. Absent (null) reads as no corrections.
 */
export function readCorrections(
  file: string,
  text: string | null,
): { corrections: Correction[]; problems: IngestProblem[] } {
  const corrections: Correction[] = [];
  const problems: IngestProblem[] = [];
  if (text === null) return { corrections, problems };
  const fail = (line: number, message: string) => problems.push({ file, line, message });
  const parsed = readSeedsJson(text);
  if (!parsed.ok) {
    fail(parsed.line, parsed.message);
    return { corrections, problems };
  }
  const root = parsed.root;
  const field = (node: JsonNode, key: string) =>
    node.kind === 'object' ? node.entries.find(([k]) => k === key)?.[1] : undefined;
  if (root.kind !== 'object') {
    fail(root.line, 'should be an object with "version" and "corrections"');
    return { corrections, problems };
  }
  const version = field(root, 'version');
  if (version?.kind !== 'number' || version.value !== 1)
    fail(version?.line ?? root.line, '"version" should be 1');
  const list = field(root, 'corrections');
  if (list?.kind !== 'array') {
    fail(list?.line ?? root.line, '"corrections" should be a list');
    return { corrections, problems };
  }
  const idAt = (node: JsonNode | undefined, what: string, at: number): string | null => {
    if (node?.kind === 'string' && ID.test(node.value)) return node.value;
    fail(node?.line ?? at, `${what} should be an event id such as "2025-06-17-meeting-lee"`);
    return null;
  };
  for (const c of list.items) {
    if (c.kind !== 'object') {
      fail(c.line, 'a correction should be an object');
      continue;
    }
    const ops = (['set', 'hide', 'merge', 'split'] as const).filter((k) => field(c, k));
    const unknown = c.entries.find(
      ([k]) => !['event', 'set', 'hide', 'merge', 'split', 'note'].includes(k),
    );
    if (unknown)
      fail(
        unknown[1].line,
        `unknown key "${unknown[0]}": a correction has "event", one of "set", "hide", "merge", "split", and "note"`,
      );
    if (ops.length !== 1) {
      fail(
        c.line,
        ops.length === 0
          ? 'a correction needs one of "set", "hide", "merge" or "split"'
          : `a correction does one thing, not ${ops.map((o) => `"${o}"`).join(' and ')}`,
      );
      continue;
    }
    const noteNode = field(c, 'note');
    if (noteNode?.kind !== 'string' || noteNode.value.trim() === '') {
      fail(noteNode?.line ?? c.line, '"note" should say why, as non-empty text');
      continue;
    }
    const note = noteNode.value.trim();
    const op = ops[0]!;
    const eventNode = field(c, 'event');
    if (op === 'merge') {
      const m = field(c, 'merge')!;
      if (eventNode) fail(eventNode.line, '"merge" names its events in its list, not in "event"');
      if (m.kind !== 'array' || m.items.length !== 2) {
        fail(
          m.line,
          '"merge" should list two event ids: the event to keep, then the one to fold in',
        );
        continue;
      }
      const a = idAt(m.items[0], '"merge"[0]', m.line);
      const b = idAt(m.items[1], '"merge"[1]', m.line);
      if (a === null || b === null) continue;
      if (a === b) {
        fail(m.line, `"merge" names "${a}" twice: an event cannot be merged with itself`);
        continue;
      }
      corrections.push({ op, line: c.line, note, events: [a, b] });
      continue;
    }
    const event = idAt(eventNode, '"event"', c.line);
    if (event === null) continue;
    if (op === 'hide') {
      const h = field(c, 'hide')!;
      if (h.kind !== 'boolean' || !h.value) fail(h.line, '"hide" should be true');
      else corrections.push({ op, line: c.line, note, event });
      continue;
    }
    if (op === 'split') {
      const s = field(c, 'split')!;
      if (s.kind !== 'string' || s.value === '') {
        fail(s.line, '"split" should be the id of an article (its file name without .txt)');
        continue;
      }
      corrections.push({ op, line: c.line, note, event, article: s.value, articleLine: s.line });
      continue;
    }
    const s = field(c, 'set')!;
    if (s.kind !== 'object' || s.entries.length === 0) {
      fail(s.line, `"set" should be an object with one or more of ${SET_FIELDS.join(', ')}`);
      continue;
    }
    const set: SetFields = {};
    const lines: Partial<Record<SetField, number>> = {};
    let ok = true;
    const bad = (line: number, message: string) => {
      fail(line, message);
      ok = false;
    };
    for (const [key, value] of s.entries) {
      if (!(SET_FIELDS as readonly string[]).includes(key)) {
        bad(value.line, `"set" cannot change "${key}": only ${SET_FIELDS.join(', ')}`);
        continue;
      }
      const k = key as SetField;
      if (lines[k] !== undefined) bad(value.line, `"set" gives "${k}" twice`);
      lines[k] = value.line;
      if (k === 'title') {
        if (value.kind !== 'string' || value.value.trim() === '')
          bad(value.line, '"title" should be non-empty text');
        else set.title = value.value.trim();
      } else if (k === 'start' || k === 'end') {
        if (k === 'end' && value.kind === 'null') set.end = null;
        else if (value.kind !== 'string' || parsePartialDate(value.value) === null)
          bad(
            value.line,
            `"${k}" should be a real date written YYYY, YYYY-MM or YYYY-MM-DD${k === 'end' ? ', or null' : ''}`,
          );
        else set[k] = value.value;
      } else if (k === 'leaders') {
        if (value.kind !== 'array' || value.items.some((x) => x.kind !== 'string'))
          bad(value.line, '"leaders" should be a list of actor ids');
        else set.leaders = value.items.map((x) => (x.kind === 'string' ? x.value : ''));
      } else if (value.kind !== 'string' || !isEventKind(value.value))
        bad(value.line, '"kind" should be an event kind, e.g. "meeting" (docs/data-format.md)');
      else set.kind = value.value;
    }
    if (
      ok &&
      set.start !== undefined &&
      typeof set.end === 'string' &&
      lastDay(set.end) < firstDay(set.start)
    ) {
      bad(lines.end!, `"end" ${set.end} is before "start" ${set.start}`);
    }
    if (ok) corrections.push({ op, line: c.line, note, event, set, lines });
  }
  return { corrections, problems };
}

type AnyEvent = TimelineEvent | UndatedEvent;
const isDated = (e: AnyEvent): e is TimelineEvent => 'start' in e;
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const q = (s: string) => `“${s}”`;

/** Applies the corrections in file order. With any problem, the timeline returned is unusable. */
export function applyCorrections(input: CorrectionsInput): CorrectionsResult {
  const { file } = input;
  if (input.corrections.length === 0)
    return { timeline: input.timeline, bodies: input.bodies, problems: [], stale: [], applied: 0 };
  const problems: IngestProblem[] = [];
  const stale: IngestProblem[] = [];
  const fail = (line: number, message: string) => problems.push({ file, line, message });
  const staleAt = (line: number, message: string) =>
    stale.push({ file, line, message: `correction no longer applies: ${message}` });
  let events: AnyEvent[] = [
    ...input.timeline.events.map((e) => ({ ...e })),
    ...input.timeline.undated.map((e) => ({ ...e })),
  ];
  const hidden: HiddenEvent[] = [...(input.timeline.hidden ?? [])];
  /** Bodies' date mentions: event id → the id they now belong to. */
  const renamed = new Map<string, string>();
  /** Split sources: `${articleId}\n${old event id}` → new event id. */
  const moved = new Map<string, string>();
  const actorIds = new Set(input.timeline.actors.map((a) => a.id));
  const articleIds = new Set(input.timeline.articles.map((a) => a.id));
  const dropUnresolved = new Set<string>();
  /** Which correction (line) touched an event, and how: for conflicts. */
  const touched = new Map<string, { line: number; op: Correction['op']; fields?: SetField[] }>();
  let applied = 0;

  const find = (id: string): AnyEvent | undefined =>
    events.find((e) => e.id === id) ?? events.find((e) => e.aliases?.includes(id));
  const hiddenAs = (id: string) => hidden.find((h) => h.id === id || h.aliases?.includes(id));
  /** The event, or null after reporting why not (unknown: problem; hidden: conflict; gone: stale). */
  const locate = (id: string, line: number, c: Correction): AnyEvent | null => {
    const e = find(id);
    if (e) return e;
    const h = hiddenAs(id);
    if (h) {
      const by = touched.get(h.id);
      fail(
        line,
        `conflicts with the correction at line ${by?.line ?? '?'}, which hides ${q(h.id)}: it cannot also be ${{ set: 'changed', hide: 'hidden again', merge: 'merged', split: 'split' }[c.op]}`,
      );
    } else if (input.published.has(id))
      staleAt(
        line,
        `event ${q(id)} (recorded in event-ids.json) is no longer in the ingest's output`,
      );
    else
      fail(
        line,
        `unknown event ${q(id)}: no event has this id or alias${c.op === 'set' ? ' (corrections apply in file order: a split event exists only after its split)' : ''}`,
      );
    return null;
  };
  const edit = (e: AnyEvent, record: EventEdit) => {
    e.edited = [...(e.edited ?? []), record];
  };
  const conflict = (id: string, c: Correction): boolean => {
    const before = touched.get(id);
    if (!before) return false;
    if (before.op === 'hide' || c.op === 'hide') {
      fail(
        c.line,
        `conflicts with the correction at line ${before.line}: ${q(id)} is both ${DONE[before.op]} and ${DONE[c.op]}`,
      );
      return true;
    }
    if (c.op === 'set' && before.fields) {
      const both = before.fields.filter((f) => f in c.set);
      if (both.length > 0) {
        fail(
          c.line,
          `conflicts with the correction at line ${before.line}: both set ${both.map((f) => `"${f}"`).join(', ')} of ${q(id)}`,
        );
        return true;
      }
    }
    return false;
  };
  const touch = (id: string, c: Correction) => {
    const before = touched.get(id);
    const fields = c.op === 'set' ? (Object.keys(c.set) as SetField[]) : [];
    touched.set(id, { line: c.line, op: c.op, fields: [...(before?.fields ?? []), ...fields] });
  };

  for (const c of input.corrections) {
    if (c.op === 'merge') {
      const [a, b] = c.events.map((id) => locate(id, c.line, c));
      if (!a || !b) continue;
      if (a === b) {
        staleAt(c.line, `${q(c.events[0])} and ${q(c.events[1])} are already one event`);
        continue;
      }
      if (conflict(a.id, c) || conflict(b.id, c)) continue;
      const merged = mergeEvents(a, b, c.note);
      if (!isDated(a) && isDated(b)) for (const s of a.sources) dropUnresolved.add(key(s));
      if (isDated(a) || isDated(b)) for (const s of b.sources) dropUnresolved.add(key(s));
      events = events.filter((e) => e !== b).map((e) => (e === a ? merged : e));
      renamed.set(b.id, a.id);
      for (const [from, to] of renamed) if (to === b.id) renamed.set(from, a.id);
      touch(a.id, c);
      touch(b.id, c);
      applied++;
      continue;
    }
    const e = locate(c.event, c.line, c);
    if (!e) continue;
    if (conflict(e.id, c)) continue;
    if (c.op === 'hide') {
      hidden.push({
        id: e.id,
        ...(e.aliases && e.aliases.length > 0 ? { aliases: e.aliases } : {}),
        title: e.title,
        note: c.note,
      });
      for (const s of e.sources) dropUnresolved.add(key(s));
      events = events.filter((x) => x !== e);
      touch(e.id, c);
      applied++;
      continue;
    }
    if (c.op === 'split') {
      if (!articleIds.has(c.article)) {
        fail(c.articleLine, `unknown article ${q(c.article)}: no article has this id`);
        continue;
      }
      const source = e.sources.find((s) => s.articleId === c.article);
      if (!source) {
        staleAt(
          c.articleLine,
          `article ${q(c.article)} is not a source of ${q(e.id)} (its sources: ${e.sources.map((s) => s.articleId).join(', ')})`,
        );
        continue;
      }
      if (e.sources.length === 1) {
        staleAt(c.articleLine, `article ${q(c.article)} is the only source of ${q(e.id)}`);
        continue;
      }
      let id = `${e.id}-${slugify(c.article)}`;
      if (find(id) || hiddenAs(id)) id = `${id}-${hash8(`${e.id}\n${c.article}`).slice(0, 6)}`;
      const facts = input.sourceFacts?.get(e.id)?.get(c.article);
      const split = splitEvent(e, source, id, facts, c.note);
      e.sources = e.sources.filter((s) => s !== source);
      edit(e, {
        action: 'split',
        changes: [`the source ${c.article} was split off into the event ${id}`],
        note: c.note,
      });
      events.push(split);
      moved.set(`${c.article}\n${e.id}`, id);
      touch(e.id, c);
      applied++;
      continue;
    }
    // set
    const unknownActors = (c.set.leaders ?? []).filter((id) => !actorIds.has(id));
    for (const id of unknownActors) fail(c.lines.leaders!, `unknown actor ${q(id)} in "leaders"`);
    if (unknownActors.length > 0) continue;
    const start = c.set.start ?? (isDated(e) ? e.start : undefined);
    const end = c.set.end === undefined ? (isDated(e) ? e.end : undefined) : c.set.end;
    if (start === undefined && c.set.end !== undefined) {
      fail(c.lines.end!, `${q(e.id)} has no date: set "start" along with "end"`);
      continue;
    }
    if (start !== undefined && typeof end === 'string' && lastDay(end) < firstDay(start)) {
      fail(
        c.lines.end ?? c.lines.start!,
        `"end" ${end} would be before "start" ${start} of ${q(e.id)}`,
      );
      continue;
    }
    const result = setFields(e, c.set, c.note);
    if (result === null) {
      staleAt(c.line, `${q(e.id)} already has every value this correction sets`);
      continue;
    }
    if (!isDated(e) && isDated(result)) for (const s of e.sources) dropUnresolved.add(key(s));
    events = events.map((x) => (x === e ? result : x));
    touch(e.id, c);
    applied++;
  }

  const timeline = finish(input.timeline, events, hidden, dropUnresolved);
  const eventIdsOf = new Map(timeline.articles.map((a) => [a.id, a.eventIds]));
  const bodies = input.bodies.map((b) => ({
    ...b,
    eventIds: eventIdsOf.get(b.id) ?? [],
    dateMentions: b.dateMentions
      .map((m) => {
        const id = moved.get(`${b.id}\n${m.eventId}`) ?? renamed.get(m.eventId) ?? m.eventId;
        return id === m.eventId ? m : { ...m, eventId: id };
      })
      .filter((m) => !hidden.some((h) => h.id === m.eventId)),
  }));
  return { timeline, bodies, problems, stale, applied };
}

const DONE = { set: 'changed', hide: 'hidden', merge: 'merged', split: 'split' } as const;

const key = (s: { articleId: string; offset: number }) => `${s.articleId}\n${s.offset}`;

function mergeEvents(a: AnyEvent, b: AnyEvent, note: string): AnyEvent {
  const sources = [...a.sources];
  for (const s of b.sources) if (!sources.some((x) => x.articleId === s.articleId)) sources.push(s);
  sources.sort((x, y) => cmp(x.articleId, y.articleId) || x.offset - y.offset);
  const aliases = [...new Set([...(a.aliases ?? []), b.id, ...(b.aliases ?? [])])]
    .filter((x) => x !== a.id)
    .sort();
  const actors = [...a.actors, ...b.actors.filter((x) => !a.actors.includes(x))];
  const edited: EventEdit[] = [
    ...(a.edited ?? []),
    ...(b.edited ?? []),
    {
      action: 'merge',
      changes: [`the event ${q(b.title)} (${b.id}) was merged into this one`],
      note,
    },
  ];
  const base = { ...a, aliases, actors, sources, edited };
  if (isDated(a) || !isDated(b)) return base;
  // The kept event had no date: it takes the merged one's.
  const { reason: _reason, ...rest } = base as UndatedEvent;
  void _reason;
  return {
    ...rest,
    start: b.start,
    ...(b.end ? { end: b.end } : {}),
    dateKind: b.dateKind,
    dateInferred: b.dateInferred,
    dateBasis: b.dateBasis,
  };
}

function splitEvent(
  e: AnyEvent,
  source: AnyEvent['sources'][number],
  id: string,
  facts: SourceFacts | undefined,
  note: string,
): AnyEvent {
  const actors = facts ? e.actors.filter((a) => facts.actorIds.includes(a)) : e.actors;
  const base = {
    id,
    ...(e.planned ? { planned: true } : {}),
    title: e.title,
    kind: e.kind,
    actors,
    place: e.place,
    sources: [source],
    edited: [
      {
        action: 'split' as const,
        changes: [
          `split off from the event ${q(e.title)} (${e.id}): the source ${source.articleId}`,
        ],
        note,
      },
    ],
  };
  const date: EventDate | null =
    facts !== undefined
      ? facts.date
      : isDated(e)
        ? {
            start: e.start,
            ...(e.end ? { end: e.end } : {}),
            dateKind: e.dateKind,
            inferred: e.dateInferred,
            basis: e.dateBasis,
          }
        : null;
  if (date === null)
    return { ...base, reason: facts?.undatedReason ?? 'the text gives no date for it' };
  return {
    ...base,
    start: date.start,
    ...(date.end ? { end: date.end } : {}),
    dateKind: date.dateKind,
    dateInferred: date.inferred,
    dateBasis: date.basis,
  };
}

/** The event with the fields set, or null when nothing changes. */
function setFields(e: AnyEvent, set: SetFields, note: string): AnyEvent | null {
  const changes: string[] = [];
  const next: AnyEvent = { ...e };
  if (set.title !== undefined && set.title !== e.title) {
    changes.push(`title: ${q(e.title)} → ${q(set.title)}`);
    next.title = set.title;
  }
  if (set.kind !== undefined && set.kind !== e.kind) {
    changes.push(`kind: ${e.kind} → ${set.kind}`);
    next.kind = set.kind;
  }
  if (set.leaders !== undefined && set.leaders.join(',') !== e.actors.join(',')) {
    changes.push(
      `leaders: ${e.actors.join(', ') || '(none)'} → ${set.leaders.join(', ') || '(none)'}`,
    );
    next.actors = [...set.leaders];
  }
  const was = isDated(e) ? (e.end ? `${e.start}–${e.end}` : e.start) : 'undated';
  const start = set.start ?? (isDated(e) ? e.start : undefined);
  const end = set.end === undefined ? (isDated(e) ? e.end : undefined) : (set.end ?? undefined);
  const now = start === undefined ? 'undated' : end ? `${start}–${end}` : start;
  let out: AnyEvent = next;
  if (now !== was && start !== undefined) {
    changes.push(`date: ${was} → ${now}`);
    const { reason: _reason, ...rest } = next as UndatedEvent & Partial<TimelineEvent>;
    void _reason;
    const dateKind = end ? (isDated(e) && e.dateKind !== 'point' ? e.dateKind : 'range') : 'point';
    const { end: _end, ...withoutEnd } = rest;
    void _end;
    out = {
      ...withoutEnd,
      start,
      ...(end ? { end } : {}),
      dateKind,
      dateInferred: false,
      dateBasis: `set by an editor (corrections.json); the ingest read ${was}${isDated(e) ? `: ${e.dateBasis}` : ''}`,
    } as TimelineEvent;
  }
  if (changes.length === 0) return null;
  out.edited = [...(e.edited ?? []), { action: 'set', changes, note }];
  return out;
}

/** The corrected lists in output order, with what depends on them rebuilt. */
function finish(
  before: TimelineData,
  events: AnyEvent[],
  hidden: HiddenEvent[],
  dropUnresolved: ReadonlySet<string>,
): TimelineData {
  const dated = events
    .filter(isDated)
    .sort((a, b) => comparePartial(a.start, b.start) || cmp(a.id, b.id));
  const undated = events
    .filter((e): e is UndatedEvent => !isDated(e))
    .sort((a, b) => cmp(a.id, b.id));
  const idsByArticle = new Map<string, string[]>();
  for (const e of [...dated, ...undated])
    for (const articleId of new Set(e.sources.map((s) => s.articleId))) {
      const list = idsByArticle.get(articleId) ?? [];
      list.push(e.id);
      idsByArticle.set(articleId, list);
    }
  // Eras come from period events with a range (as stage 10 builds them); terms are kept.
  const contexts = [
    ...before.contexts.filter((c) => c.kind !== 'era'),
    ...dated
      .filter((e) => e.kind === 'period' && e.dateKind === 'range' && e.end)
      .map((e) => ({
        id: `era:${e.id}`,
        kind: 'era' as const,
        title: e.title,
        start: e.start,
        end: e.end!,
        eventId: e.id,
        source: e.sources[0]!.articleId,
      })),
  ].sort((a, b) => comparePartial(a.start, b.start) || cmp(a.id, b.id));
  return {
    ...before,
    articles: before.articles.map((a) => ({ ...a, eventIds: idsByArticle.get(a.id) ?? [] })),
    events: dated,
    undated,
    ...(hidden.length > 0 ? { hidden: [...hidden].sort((a, b) => cmp(a.id, b.id)) } : {}),
    contexts,
    unresolved: before.unresolved.filter((u) => !dropUnresolved.has(key(u))),
  };
}
