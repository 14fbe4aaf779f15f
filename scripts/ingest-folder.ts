import { join } from 'node:path';
import { ingest } from '../src/ingest/ingest.ts';
import { readSeedsFolder } from '../src/ingest/read-folder.ts';
import type { IngestResult } from '../src/ingest/types.ts';

/**
 * The ingest of a seeds folder, for the command-line scripts: the project's `seeds/actors.json` and
 * `seeds/relationship.json` stand in for files the folder lacks; a folder that cannot be read ends
 * the process with `folder:1: …` and exit code 1.
 */
export function ingestFolderOrExit(seeds: string, root: string): IngestResult {
  let folder;
  try {
    folder = readSeedsFolder(
      seeds,
      join(root, 'seeds', 'actors.json'),
      join(root, 'seeds', 'relationship.json'),
    );
  } catch (error) {
    console.error(
      `${seeds}:1: cannot read the seeds folder: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(1);
  }
  return ingest(folder.input, { actorsLabel: folder.actorsLabel });
}
