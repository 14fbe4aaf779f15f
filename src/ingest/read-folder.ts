/** Reading a seeds folder from disk for the ingest (used by the CLI and the Vite plugin). */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { IngestInput, InputFile } from './types.ts';

export interface FolderInput {
  input: IngestInput;
  /** How date bases name the actors file. */
  actorsLabel: string;
  /** Where the relationship file was read from, e.g. `seeds/relationship.json`, or null. */
  relationshipLabel: string | null;
}

/**
 * Reads every `*.txt` of `folder`, its `actors.json`, `relationship.json`, `event-ids.json` and
 * `corrections.json`. When the folder has no actors or relationship file, `fallbackActors` /
 * `fallbackRelationship` (the project's `seeds/actors.json`, `seeds/relationship.json`) are used if
 * given.
 */
export function readSeedsFolder(
  folder: string,
  fallbackActors?: string,
  fallbackRelationship?: string,
): FolderInput {
  const dir = resolve(folder);
  const articles: InputFile[] = readdirSync(dir)
    .filter((name) => name.toLowerCase().endsWith('.txt') && statSync(join(dir, name)).isFile())
    .sort()
    .map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(dir, name))) }));
  const idsPath = join(dir, 'event-ids.json');
  const eventIds = existsSync(idsPath)
    ? { name: 'event-ids.json', bytes: new Uint8Array(readFileSync(idsPath)) }
    : null;
  let relationship: InputFile | null = null;
  let relationshipLabel: string | null = null;
  for (const path of [join(dir, 'relationship.json'), fallbackRelationship]) {
    if (path === undefined || !existsSync(path)) continue;
    relationship = { name: 'relationship.json', bytes: new Uint8Array(readFileSync(path)) };
    relationshipLabel = `${basename(resolve(path, '..'))}/relationship.json`;
    break;
  }
  const correctionsPath = join(dir, 'corrections.json');
  const corrections = existsSync(correctionsPath)
    ? { name: 'corrections.json', bytes: new Uint8Array(readFileSync(correctionsPath)) }
    : null;
  const own = join(dir, 'actors.json');
  if (existsSync(own)) {
    return {
      input: {
        articles,
        actors: { name: 'actors.json', bytes: new Uint8Array(readFileSync(own)) },
        eventIds,
        relationship,
        corrections,
      },
      actorsLabel: `${basename(dir)}/actors.json`,
      relationshipLabel,
    };
  }
  if (fallbackActors && existsSync(fallbackActors)) {
    const path = resolve(fallbackActors);
    return {
      input: {
        articles,
        actors: { name: 'actors.json', bytes: new Uint8Array(readFileSync(path)) },
        eventIds,
        relationship,
        corrections,
      },
      actorsLabel: `${basename(resolve(path, '..'))}/actors.json`,
      relationshipLabel,
    };
  }
  return {
    input: { articles, actors: null, eventIds, relationship, corrections },
    actorsLabel: 'actors.json',
    relationshipLabel,
  };
}
