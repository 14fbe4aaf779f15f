/** Reading a seeds folder from disk for the ingest (used by the CLI and the Vite plugin). */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { IngestInput, InputFile } from './types.ts';

export interface FolderInput {
  input: IngestInput;
  /** How date bases name the actors file. */
  actorsLabel: string;
}

/**
 * Reads every `*.txt` of `folder` and its `actors.json`, `event-ids.json` and `corrections.json`. When the folder has no actors file,
 * `fallbackActors` (the project's `seeds/actors.json`) is used if given.
 */
export function readSeedsFolder(folder: string, fallbackActors?: string): FolderInput {
  const dir = resolve(folder);
  const articles: InputFile[] = readdirSync(dir)
    .filter((name) => name.toLowerCase().endsWith('.txt') && statSync(join(dir, name)).isFile())
    .sort()
    .map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(dir, name))) }));
  const idsPath = join(dir, 'event-ids.json');
  const eventIds = existsSync(idsPath)
    ? { name: 'event-ids.json', bytes: new Uint8Array(readFileSync(idsPath)) }
    : null;
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
        corrections,
      },
      actorsLabel: `${basename(dir)}/actors.json`,
    };
  }
  if (fallbackActors && existsSync(fallbackActors)) {
    const path = resolve(fallbackActors);
    return {
      input: {
        articles,
        actors: { name: 'actors.json', bytes: new Uint8Array(readFileSync(path)) },
        eventIds,
        corrections,
      },
      actorsLabel: `${basename(resolve(path, '..'))}/actors.json`,
    };
  }
  return { input: { articles, actors: null, eventIds, corrections }, actorsLabel: 'actors.json' };
}
