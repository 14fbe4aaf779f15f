import * as v from 'valibot';
import type { ArticleBody, TimelineData } from './timeline-data.ts';
import { ArticleBodySchema, TimelineDataSchema } from './timeline-schema.ts';

/**
 * Validation of the JSON the app loads and the ingest writes, by the one schema
 * (src/lib/timeline-schema.ts). Every problem is reported with its path (`events[3].start should be
 * a date written YYYY, YYYY-MM or YYYY-MM-DD`), so that broken data produces a clear message instead
 * of a crash deep inside the timeline.
 */

export class DataValidationError extends Error {
  readonly problems: string[];
  constructor(what: string, problems: string[]) {
    const shown = problems.slice(0, 8).join('; ');
    super(
      `${what} is invalid: ${shown}${problems.length > 8 ? ` (and ${problems.length - 8} more)` : ''}`,
    );
    this.name = 'DataValidationError';
    this.problems = problems;
  }
}

/** At most this many problems are listed. */
const LIMIT = 200;

/** `events[3].sources[0].offset`: the path of an issue below `root` (`root.key` for a top-level key). */
function pathOf(issue: v.BaseIssue<unknown>, root: string, rootIsPrefix: boolean): string {
  const keys = issue.path?.map((item) => item.key as string | number) ?? [];
  if (keys.length === 0) return root;
  let out = rootIsPrefix || keys.length === 1 ? root : '';
  for (const key of keys) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? key : `.${key}`;
  }
  return out;
}

function problemsOf(
  issues: readonly v.BaseIssue<unknown>[],
  root: string,
  rootIsPrefix: boolean,
): string[] {
  return issues.slice(0, LIMIT).map((i) => `${pathOf(i, root, rootIsPrefix)} ${i.message}`);
}

/**
 * What is wrong with a timeline, each as `path message`; empty when it follows the format. Paths
 * name an element by its list (`events[3].start`) and a top-level field by `timeline.` (`timeline.version`).
 */
export function timelineProblems(value: unknown): string[] {
  const result = v.safeParse(TimelineDataSchema, value);
  return result.success ? [] : problemsOf(result.issues, 'timeline', false);
}

/** What is wrong with an article file `articles/<expectedId>.json`; empty when nothing. */
export function articleProblems(value: unknown, expectedId: string): string[] {
  const result = v.safeParse(ArticleBodySchema, value);
  const root = `article ${expectedId}`;
  const problems = result.success ? [] : problemsOf(result.issues, root, true);
  const id = (value as { id?: unknown } | null)?.id;
  if (typeof id === 'string' && id !== expectedId)
    problems.push(`${root}.id should be “${expectedId}”`);
  return problems;
}

/** The timeline as loaded, checked; older files without `undated`/`unresolved` read as having none. */
export function validateTimelineData(value: unknown): TimelineData {
  const problems = timelineProblems(value);
  if (problems.length > 0) throw new DataValidationError('The timeline data', problems);
  return withListDefaults(value as TimelineData);
}

/** Older files without `undated`/`unresolved` read as having none (the same object when it has both). */
export function withListDefaults(data: TimelineData): TimelineData {
  if (data.undated !== undefined && data.unresolved !== undefined) return data;
  return { ...data, undated: data.undated ?? [], unresolved: data.unresolved ?? [] };
}

export function validateArticleBody(value: unknown, expectedId: string): ArticleBody {
  const problems = articleProblems(value, expectedId);
  if (problems.length > 0) throw new DataValidationError(`The article “${expectedId}”`, problems);
  return value as ArticleBody;
}
