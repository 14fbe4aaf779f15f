/**
 * Reading and validating the relationship file (`relationship.json`): the two countries the app
 * presents and how. Every problem names file and line; every optional field gets its default here,
 * so the app reads a complete {@link Relationship}.
 */
import {
  RELATIONSHIP_VERSION,
  type OtherCountry,
  type Party,
  type Relationship,
} from '../lib/relationship.ts';
import { fieldOf, readSeedsJson, stringListOf, type JsonNode } from './json-lines.ts';
import type { IngestProblem } from './types.ts';

export interface RelationshipFileResult {
  relationship: Relationship | null;
  problems: IngestProblem[];
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const COLOR = /^#[0-9a-fA-F]{6}$/;
const TOP_KEYS = ['version', 'title', 'parties', 'lanes', 'others'];
const PARTY_KEYS = [
  'id',
  'name',
  'shortName',
  'adjective',
  'adjectives',
  'aliases',
  'color',
  'colorDark',
];
const LANE_KEYS = ['pair', 'international', 'termsOther'];
const OTHER_KEYS = ['id', 'name', 'adjectives', 'aliases'];

const get = fieldOf;

export function readRelationshipFile(file: string, text: string): RelationshipFileResult {
  const problems: IngestProblem[] = [];
  const problem = (line: number, message: string) => problems.push({ file, line, message });
  const parsed = readSeedsJson(text);
  if (!parsed.ok) {
    problem(parsed.line, parsed.message);
    return { relationship: null, problems };
  }
  const root = parsed.root;
  if (root.kind !== 'object') {
    problem(root.line, 'expected an object with "version", "title" and "parties"');
    return { relationship: null, problems };
  }

  const unknownKeys = (node: JsonNode, allowed: string[], what: string) => {
    if (node.kind !== 'object') return;
    for (const [key, value] of node.entries)
      if (!allowed.includes(key))
        problem(value.line, `unknown ${what} key "${key}" (known: ${allowed.join(', ')})`);
  };
  const str = (node: JsonNode, key: string, what: string, required: boolean): string | null => {
    const v = get(node, key);
    if (v === undefined || v.kind === 'null') {
      if (required) problem(node.line, `${what} is missing "${key}"`);
      return null;
    }
    if (v.kind !== 'string' || v.value.trim() === '') {
      problem(v.line, `"${key}" must be a non-empty string`);
      return null;
    }
    return v.value.trim();
  };
  const strList = (node: JsonNode, key: string): string[] => stringListOf(node, key, problem);
  const slug = (node: JsonNode, what: string): string | null => {
    const id = str(node, 'id', what, true);
    if (id !== null && !SLUG.test(id)) {
      problem(get(node, 'id')!.line, `id “${id}” must be lower-case letters, digits and hyphens`);
      return null;
    }
    return id;
  };
  const color = (node: JsonNode, key: string, required: boolean): string | null => {
    const value = str(node, key, 'party', required);
    if (value !== null && !COLOR.test(value)) {
      problem(get(node, key)!.line, `"${key}" “${value}” must be a colour written #rrggbb`);
      return null;
    }
    return value;
  };

  unknownKeys(root, TOP_KEYS, 'relationship');
  const version = get(root, 'version');
  if (version === undefined) problem(root.line, 'relationship is missing "version"');
  else if (version.kind !== 'number' || version.value !== RELATIONSHIP_VERSION)
    problem(version.line, `"version" must be ${RELATIONSHIP_VERSION}`);
  const title = str(root, 'title', 'relationship', true);

  const parties: Party[] = [];
  const partiesNode = get(root, 'parties');
  if (partiesNode === undefined) problem(root.line, 'relationship is missing "parties"');
  else if (partiesNode.kind !== 'array' || partiesNode.items.length !== 2)
    problem(partiesNode.line, '"parties" must be an array of exactly two countries');
  else {
    for (const node of partiesNode.items) {
      if (node.kind !== 'object') {
        problem(node.line, 'each party must be an object');
        continue;
      }
      const before = problems.length;
      unknownKeys(node, PARTY_KEYS, 'party');
      const id = slug(node, 'party');
      const name = str(node, 'name', 'party', true);
      const adjective = str(node, 'adjective', 'party', true);
      const shortName = str(node, 'shortName', 'party', false);
      const c = color(node, 'color', true);
      const cDark = color(node, 'colorDark', false);
      const adjectives = strList(node, 'adjectives');
      const aliases = strList(node, 'aliases');
      if (problems.length > before || !id || !name || !adjective || !c) continue;
      parties.push({
        id,
        name,
        shortName: shortName ?? name,
        adjective,
        adjectives,
        aliases,
        color: c,
        colorDark: cDark,
      });
    }
    const [a, b] = parties;
    if (a && b) {
      if (a.id === b.id)
        problem(partiesNode.items[1]!.line, `the two parties have the same id “${a.id}”`);
      const namesA = [a.name, ...a.aliases].map((n) => n.toLowerCase());
      for (const n of [b.name, ...b.aliases])
        if (namesA.includes(n.toLowerCase()))
          problem(partiesNode.items[1]!.line, `“${n}” names both parties`);
    }
  }

  const lanesNode = get(root, 'lanes');
  if (lanesNode !== undefined && lanesNode.kind !== 'object')
    problem(lanesNode.line, '"lanes" must be an object');
  if (lanesNode) unknownKeys(lanesNode, LANE_KEYS, 'lanes');
  const lane = (key: string) =>
    lanesNode?.kind === 'object' ? str(lanesNode, key, 'lanes', false) : null;
  const pairLabel = lane('pair');
  const internationalLabel = lane('international');
  const termsOtherLabel = lane('termsOther');

  const others: OtherCountry[] = [];
  const othersNode = get(root, 'others');
  if (othersNode !== undefined && othersNode.kind !== 'array')
    problem(othersNode.line, '"others" must be an array of countries');
  for (const node of othersNode?.kind === 'array' ? othersNode.items : []) {
    if (node.kind !== 'object') {
      problem(node.line, 'each of "others" must be an object');
      continue;
    }
    const before = problems.length;
    unknownKeys(node, OTHER_KEYS, 'country');
    const id = slug(node, 'country');
    const name = str(node, 'name', 'country', true);
    const adjectives = strList(node, 'adjectives');
    const aliases = strList(node, 'aliases');
    if (problems.length > before || !id || !name) continue;
    const party = parties.find((p) => p.id === id || p.name.toLowerCase() === name.toLowerCase());
    if (party) {
      problem(node.line, `“${name}” is one of the parties, not another country`);
      continue;
    }
    others.push({ id, name, adjectives, aliases });
  }

  if (problems.length > 0 || title === null || parties.length !== 2)
    return { relationship: null, problems };
  const [a, b] = parties as [Party, Party];
  return {
    relationship: {
      version: RELATIONSHIP_VERSION,
      title,
      parties: [a, b],
      lanes: {
        pair: pairLabel ?? `${a.shortName}–${b.shortName}`,
        international: internationalLabel ?? 'With other countries',
        termsOther: termsOtherLabel ?? 'In office · others',
      },
      others,
    },
    problems,
  };
}
