import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ingest } from '../../../src/ingest/ingest.ts';
import type { IngestInput, IngestResult, InputFile } from '../../../src/ingest/types.ts';

export const SEEDS_DIR = resolve(import.meta.dirname, '../../../seeds');
export const ARTICLE_000 = '000_86a969139ba81000';
export const ARTICLE_001 = '001_2187417dd207f657';

const encoder = new TextEncoder();

export function file(name: string, content: string | Uint8Array): InputFile {
  return { name, bytes: typeof content === 'string' ? encoder.encode(content) : content };
}

export function seedArticles(): InputFile[] {
  return readdirSync(SEEDS_DIR)
    .filter((n) => n.endsWith('.txt'))
    .sort()
    .map((n) => ({ name: n, bytes: new Uint8Array(readFileSync(join(SEEDS_DIR, n))) }));
}

export function seedActors(): InputFile {
  return {
    name: 'actors.json',
    bytes: new Uint8Array(readFileSync(join(SEEDS_DIR, 'actors.json'))),
  };
}

export function seedText(id: string): string {
  return readFileSync(join(SEEDS_DIR, `${id}.txt`), 'utf8');
}

export function seedEventIds(): InputFile {
  return {
    name: 'event-ids.json',
    bytes: new Uint8Array(readFileSync(join(SEEDS_DIR, 'event-ids.json'))),
  };
}

export function seedRelationship(): InputFile {
  return {
    name: 'relationship.json',
    bytes: new Uint8Array(readFileSync(join(SEEDS_DIR, 'relationship.json'))),
  };
}

export function run(articles: InputFile[], actors: InputFile | null = seedActors()): IngestResult {
  const input: IngestInput = {
    articles,
    actors,
    eventIds: seedEventIds(),
    relationship: seedRelationship(),
  };
  return ingest(input, { actorsLabel: 'seeds/actors.json' });
}
