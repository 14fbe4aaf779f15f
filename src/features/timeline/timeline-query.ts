import { queryOptions } from '@tanstack/react-query';
import type { TimelineData } from '../../lib/timeline-data';
import {
  DataValidationError,
  validateTimelineData,
  withListDefaults,
} from '../../lib/validate-timeline';
import { loadTimeline, type LoadedTimeline } from './timeline-source';

type Settled = { ok: true; value: LoadedTimeline } | { ok: false; error: unknown };

/**
 * The timeline data is requested as soon as this module is evaluated, before the rest of the
 * bundle (vis-timeline, the explorer) has been evaluated and before React's first render: the
 * first frame needs it, and the request then overlaps with script evaluation. The first query
 * takes this response (or its error); any later fetch (Try again, a retry) makes a new request.
 */
let early: Promise<Settled> | null =
  typeof window !== 'undefined' && typeof fetch === 'function'
    ? loadTimeline().then(
        (value): Settled => ({ ok: true, value }),
        (error: unknown): Settled => ({ ok: false, error }),
      )
    : null;

async function load(signal: AbortSignal): Promise<LoadedTimeline> {
  const pending = early;
  early = null;
  if (pending) {
    const settled = await pending;
    if (settled.ok) return settled.value;
    throw settled.error;
  }
  return loadTimeline(signal);
}

/**
 * Imported data the app has not checked itself yet, with the outcome once it has (null: fine).
 * The ingest checked it with the same schema before the build wrote it, so the check is not on the
 * first frame's path: `checkImportedTimeline` runs it after the first frame.
 */
const laterChecks = new WeakMap<TimelineData, DataValidationError | null | 'pending'>();

export const timelineQueryOptions = () =>
  queryOptions({
    queryKey: ['timeline'] as const,
    queryFn: async ({ signal }): Promise<TimelineData> => {
      const loaded = await load(signal);
      // Fetched at run time: checked before anything is drawn, as any outside input.
      if (loaded.from === 'fetch') return validateTimelineData(loaded.value);
      const data = withListDefaults(loaded.value as TimelineData);
      if (!laterChecks.has(data)) laterChecks.set(data, 'pending');
      return data;
    },
    staleTime: Infinity,
  });

/** Whether `data` came through the module graph and has not been checked in the page yet. */
export function needsLaterCheck(data: TimelineData): boolean {
  return laterChecks.get(data) === 'pending';
}

/** Checks imported data once (the outcome is kept): its problems, as the fetched path reports them. */
export function checkImportedTimeline(data: TimelineData): DataValidationError | null {
  const known = laterChecks.get(data);
  if (known === undefined) return null;
  if (known !== 'pending') return known;
  let outcome: DataValidationError | null = null;
  try {
    validateTimelineData(data);
  } catch (error) {
    if (!(error instanceof DataValidationError)) throw error;
    outcome = error;
  }
  laterChecks.set(data, outcome);
  return outcome;
}
