import { queryOptions } from '@tanstack/react-query';
import { dataUrl, fetchJson } from '../../lib/fetch-json';
import { validateTimelineData } from '../../lib/validate-timeline';

export const timelineQueryOptions = () =>
  queryOptions({
    queryKey: ['timeline'] as const,
    queryFn: async ({ signal }) =>
      validateTimelineData(await fetchJson(dataUrl('timeline.json'), signal)),
    staleTime: Infinity,
  });
