/** Internal types of the build-time ingest. The output format lives in src/lib/timeline-data.ts. */
import type { ArticleBody, TimelineData } from '../lib/timeline-data.ts';

/** A problem that makes the ingest fail. `line` is 1-based in the named file. */
export interface IngestProblem {
  file: string;
  line: number;
  message: string;
}

/** A file handed to the ingest: its name inside the seeds folder and its raw bytes. */
export interface InputFile {
  name: string;
  bytes: Uint8Array;
}

export interface IngestInput {
  /** The `*.txt` articles. */
  articles: InputFile[];
  /** The reference actors file (`actors.json`), or null when there is none. */
  actors: InputFile | null;
  /** The published-ids file (`event-ids.json`): ids already published, kept stable. */
  eventIds?: InputFile | null;
  /** The relationship file (`relationship.json`): the two countries and how the app shows them. */
  relationship?: InputFile | null;
  /** The corrections file (`corrections.json`): an editor's fixes, by event id. */
  corrections?: InputFile | null;
}

export interface IngestResult {
  /** Null when any problem was found: the ingest never drops an article silently. */
  timeline: TimelineData | null;
  bodies: ArticleBody[];
  problems: IngestProblem[];
  /** Not fatal: unresolved dates and the like, each naming file:line. */
  warnings: IngestProblem[];
  /** Corrections applied, and those that no longer apply (file:line, why): not fatal. */
  corrections?: { applied: number; stale: IngestProblem[] };
}

/** Largest article accepted, in bytes. */
export const MAX_ARTICLE_BYTES = 1024 * 1024;
