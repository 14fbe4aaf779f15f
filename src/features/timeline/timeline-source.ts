import { imported, loadImported } from 'virtual:ties/timeline';
import { dataUrl, fetchJson } from '../../lib/fetch-json';

/**
 * The one way the app gets the timeline index (docs/decisions/0014-data-import.md): through the
 * module graph when the build imported it (a chunk of its own that index.html preloads, checked
 * by the ingest against the data format before it was written), or by fetching
 * `data/timeline.json` at run time when the build left it out (a very large index is parsed
 * faster by `response.json()` than as a module).
 */
export type LoadedTimeline =
  /** Made and checked by this build's ingest. */
  | { from: 'build'; value: unknown }
  /** Read at run time: not checked yet. */
  | { from: 'fetch'; value: unknown };

export const timelineIsImported: boolean = imported;

export async function loadTimeline(signal?: AbortSignal): Promise<LoadedTimeline> {
  if (loadImported) return { from: 'build', value: await loadImported() };
  return { from: 'fetch', value: await fetchJson(dataUrl('timeline.json'), signal) };
}
