/**
 * Stage 9: ids. Every candidate has a key that depends only on its own article and clause (article id,
 * a hash of its sentence, its trigger), and a readable signature id from its own date, trigger and
 * people. An event takes the id recorded for any of its keys in the published-ids file
 * (`seeds/event-ids.json`), else the signature of its anchor; every other signature of its members is
 * kept as an alias, so a link made when the event had fewer sources still opens it. Adding, removing
 * or editing other articles never changes a recorded id.
 */
import type { ReferenceActor } from '../actors-file.ts';
import { slugify } from '../actor-match.ts';
import type { DatedCandidate } from './06-dating.ts';
import type { DetectedActor } from './04-mentions.ts';
import type { MergedEvent } from './07-merging.ts';
import { readSeedsJson, type JsonNode } from '../json-lines.ts';
import type { IngestProblem } from '../types.ts';

export interface PublishedIds {
  /** Key → id, and id → every key recorded for it. */
  byKey: Map<string, string>;
}

/** FNV-1a, 32 bits, as 8 hex digits: stable across runs and machines. */
export function hash8(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

export function candidateKey(c: DatedCandidate): string {
  const sentence = c.sentence.text.replace(/\s+/g, ' ').trim().toLowerCase();
  return `${c.articleId}:${hash8(sentence)}:${slugify(c.trigger.text)}`;
}

export function signatureId(
  c: DatedCandidate,
  reference: ReadonlyMap<string, ReferenceActor>,
  detected: ReadonlyMap<string, DetectedActor>,
): string {
  const date = c.date ? c.date.start : 'undated';
  const trigger = slugify(c.trigger.nominal ? c.trigger.text : c.trigger.lemma)
    .split('-')
    .slice(-2)
    .join('-');
  const people = c.actorIds
    .map((id) =>
      slugify(reference.get(id)?.familyName ?? detected.get(id)?.name.split(' ').pop() ?? id),
    )
    .sort()
    .slice(0, 3);
  return [date, trigger, ...people].filter((s) => s !== '').join('-');
}

export interface IdAssignment {
  id: string;
  aliases: string[];
}

export function assignIds(
  events: MergedEvent[],
  published: PublishedIds,
  reference: ReadonlyMap<string, ReferenceActor>,
  detected: ReadonlyMap<string, DetectedActor>,
): IdAssignment[] {
  const used = new Set<string>();
  const out: IdAssignment[] = events.map((e) => {
    const recorded = e.members
      .map((m) => published.byKey.get(candidateKey(m)))
      .filter((x): x is string => x !== undefined);
    const signatures = e.members.map((m) => signatureId(m, reference, detected));
    const id = recorded[0] ?? signatures[0]!;
    const aliases = [...new Set([...recorded.slice(1), ...signatures])]
      .filter((a) => a !== id)
      .sort();
    return { id, aliases };
  });
  // Two different events with the same id: the later gets a fingerprint of its anchor's key.
  out.forEach((a, i) => {
    if (used.has(a.id)) {
      let fresh = `${a.id}-${hash8(candidateKey(events[i]!.members[0]!)).slice(0, 6)}`;
      // The same anchor key twice (an article that repeats a sentence word for word): a counter.
      for (let n = 2; used.has(fresh); n++)
        fresh = `${a.id}-${hash8(candidateKey(events[i]!.members[0]!)).slice(0, 6)}-${n}`;
      a.aliases = a.aliases.filter((x) => x !== fresh);
      a.id = fresh;
    }
    used.add(a.id);
  });
  const ids = new Set(out.map((a) => a.id));
  for (const a of out) a.aliases = a.aliases.filter((x) => !ids.has(x));
  return out;
}

/**
 * Reads `event-ids.json`: `{ "version": 1, "events": [ { "id": "…", "keys": ["…"] } ] }`. Every
 * problem names the file and the line of the offending value; an empty or absent file records nothing.
 */
export function readPublishedIds(
  file: string,
  text: string | null,
): { ids: PublishedIds; problems: IngestProblem[] } {
  const byKey = new Map<string, string>();
  const problems: IngestProblem[] = [];
  if (text === null) return { ids: { byKey }, problems };
  const fail = (line: number, message: string) => problems.push({ file, line, message });
  const parsed = readSeedsJson(text);
  if (!parsed.ok) {
    fail(parsed.line, parsed.message);
    return { ids: { byKey }, problems };
  }
  const root = parsed.root;
  const field = (node: JsonNode, key: string) =>
    node.kind === 'object' ? node.entries.find(([k]) => k === key)?.[1] : undefined;
  const version = field(root, 'version');
  if (root.kind !== 'object') fail(root.line, 'should be an object with "version" and "events"');
  else if (version?.kind !== 'number' || version.value !== 1)
    fail(version?.line ?? root.line, '"version" should be 1');
  const events = field(root, 'events');
  if (root.kind === 'object' && events?.kind !== 'array')
    fail(events?.line ?? root.line, '"events" should be a list');
  const seen = new Set<string>();
  for (const e of events?.kind === 'array' ? events.items : []) {
    const id = field(e, 'id');
    const keys = field(e, 'keys');
    if (id?.kind !== 'string' || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id.value)) {
      fail(id?.line ?? e.line, '"id" should be a readable slug such as "2025-06-17-meeting-lee"');
      continue;
    }
    if (seen.has(id.value)) fail(id.line, `id "${id.value}" is recorded twice`);
    seen.add(id.value);
    if (keys?.kind !== 'array' || keys.items.some((k) => k.kind !== 'string')) {
      fail(keys?.line ?? e.line, '"keys" should be a list of strings');
      continue;
    }
    for (const k of keys.items) {
      if (k.kind !== 'string') continue;
      const other = byKey.get(k.value);
      if (other !== undefined && other !== id.value)
        fail(k.line, `key "${k.value}" is recorded for both "${other}" and "${id.value}"`);
      else byKey.set(k.value, id.value);
    }
  }
  return { ids: { byKey }, problems };
}
