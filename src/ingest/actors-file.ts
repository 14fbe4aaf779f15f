/** Reading and validating the reference actors file (`actors.json`). Every problem names file and line. */
import type { Actor, Term } from '../lib/timeline-data.ts';
import { comparePartial, isValidPartialDate } from '../lib/partial-date.ts';
import { fieldOf, readSeedsJson, stringListOf } from './json-lines.ts';
import type { IngestProblem } from './types.ts';

/** A reference actor plus what the matcher needs. */
export interface ReferenceActor extends Actor {
  /** The family name as written in `name` (e.g. `Lee`, `von der Leyen`); used for "President Lee", "Lee's office". */
  familyName: string;
  /** Line of the actor's entry in the actors file. */
  line: number;
}

export interface ActorsFileResult {
  actors: ReferenceActor[];
  problems: IngestProblem[];
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const URL = /^https?:\/\/\S+$/;

const get = fieldOf;

export function readActorsFile(file: string, text: string): ActorsFileResult {
  const problems: IngestProblem[] = [];
  const problem = (line: number, message: string) => problems.push({ file, line, message });
  const parsed = readSeedsJson(text);
  if (!parsed.ok) {
    problem(parsed.line, parsed.message);
    return { actors: [], problems };
  }
  const root = parsed.root;
  const list = root.kind === 'array' ? root : get(root, 'actors');
  if (!list || list.kind !== 'array') {
    problem(root.line, 'expected an object with an "actors" array');
    return { actors: [], problems };
  }
  const actors: ReferenceActor[] = [];
  const seen = new Map<string, number>();
  for (const node of list.items) {
    if (node.kind !== 'object') {
      problem(node.line, 'each actor must be an object');
      continue;
    }
    const before = problems.length;
    const str = (key: string, required: boolean): string | null => {
      const v = get(node, key);
      if (v === undefined || v.kind === 'null') {
        if (required) problem(node.line, `actor is missing "${key}"`);
        return null;
      }
      if (v.kind !== 'string' || v.value.trim() === '') {
        problem(v.line, `"${key}" must be a non-empty string`);
        return null;
      }
      return v.value;
    };
    const strList = (key: string, check?: (s: string, line: number) => void): string[] =>
      stringListOf(node, key, problem, check);
    const id = str('id', true);
    const name = str('name', true);
    const country = str('country', true);
    const role = str('role', true);
    const familyNameRaw = str('familyName', false);
    const aliases = strList('aliases');
    const sources = strList('sources', (s, line) => {
      if (!URL.test(s)) problem(line, `source “${s}” is not an http(s) URL`);
    });
    if (id !== null) {
      if (!SLUG.test(id))
        problem(get(node, 'id')!.line, `id “${id}” must be lower-case letters, digits and hyphens`);
      const dup = seen.get(id);
      if (dup !== undefined)
        problem(get(node, 'id')!.line, `duplicate actor id “${id}” (first at line ${dup})`);
      seen.set(id, get(node, 'id')!.line);
    }
    if (sources.length === 0 && get(node, 'sources') === undefined)
      problem(node.line, 'actor is missing "sources"');
    const terms: Term[] = [];
    const termsNode = get(node, 'terms');
    if (termsNode !== undefined && termsNode.kind !== 'array')
      problem(termsNode.line, '"terms" must be an array');
    for (const t of termsNode?.kind === 'array' ? termsNode.items : []) {
      if (t.kind !== 'object') {
        problem(t.line, 'each term must be an object');
        continue;
      }
      const field = (key: string, nullable: boolean): string | null | undefined => {
        const v = get(t, key);
        if (v === undefined || v.kind === 'null') {
          if (!nullable) problem(t.line, `term is missing "${key}"`);
          return v === undefined && !nullable ? undefined : null;
        }
        if (v.kind !== 'string' || v.value.trim() === '') {
          problem(v.line, `term "${key}" must be a non-empty string`);
          return undefined;
        }
        return v.value;
      };
      const office = field('office', false);
      const start = field('start', false);
      const end = field('end', true);
      const source = field('source', false);
      const dateOk = (key: string, value: string | null | undefined) => {
        if (typeof value === 'string' && !isValidPartialDate(value)) {
          problem(
            get(t, key)!.line,
            `term ${key} “${value}” is not a valid YYYY, YYYY-MM or YYYY-MM-DD date`,
          );
          return false;
        }
        return true;
      };
      const okStart = dateOk('start', start);
      const okEnd = dateOk('end', end);
      if (typeof source === 'string' && !URL.test(source))
        problem(get(t, 'source')!.line, `term source “${source}” is not an http(s) URL`);
      if (
        okStart &&
        okEnd &&
        typeof start === 'string' &&
        typeof end === 'string' &&
        comparePartial(end, start) < 0
      ) {
        problem(get(t, 'end')!.line, `term ends (${end}) before it starts (${start})`);
      }
      if (
        typeof office === 'string' &&
        typeof start === 'string' &&
        typeof source === 'string' &&
        end !== undefined
      ) {
        terms.push({ office, start, end, source });
      }
    }
    let familyName = familyNameRaw ?? name?.split(/\s+/).pop() ?? '';
    if (name !== null && familyNameRaw !== null && !name.includes(familyNameRaw)) {
      problem(
        get(node, 'familyName')!.line,
        `familyName “${familyNameRaw}” does not occur in name “${name}”`,
      );
      familyName = name.split(/\s+/).pop() ?? '';
    }
    if (
      problems.length > before ||
      id === null ||
      name === null ||
      country === null ||
      role === null
    )
      continue;
    actors.push({
      id,
      name,
      country,
      role,
      aliases,
      terms,
      sources,
      detected: false,
      familyName,
      line: node.line,
    });
  }
  return { actors, problems };
}
