import { queryOptions } from '@tanstack/react-query';
import { dataUrl, fetchJson } from '../../lib/fetch-json';
import { validateTimelineData } from '../../lib/validate-timeline';

type Settled = { ok: true; value: unknown } | { ok: false; error: unknown };

/**
 * The timeline data is requested as soon as this module is evaluated, before the rest of the
 * bundle (vis-timeline, the explorer) has been evaluated and before React's first render: the
 * first frame needs it, and the request then overlaps with script evaluation. The first query
 * takes this response (or its error); any later fetch (Try again, a retry) makes a new request.
 */
let early: Promise<Settled> | null =
  typeof window !== 'undefined' && typeof fetch === 'function'
    ? fetchJson(dataUrl('timeline.json')).then(
        (value): Settled => ({ ok: true, value }),
        (error: unknown): Settled => ({ ok: false, error }),
      )
    : null;

async function loadTimelineJson(signal: AbortSignal): Promise<unknown> {
  const pending = early;
  early = null;
  if (pending) {
    const settled = await pending;
    if (settled.ok) return settled.value;
    throw settled.error;
  }
  return fetchJson(dataUrl('timeline.json'), signal);
}

export const timelineQueryOptions = () =>
  queryOptions({
    queryKey: ['timeline'] as const,
    queryFn: async ({ signal }) => validateTimelineData(await loadTimelineJson(signal)),
    staleTime: Infinity,
  });
