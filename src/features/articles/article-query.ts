import { queryOptions } from '@tanstack/react-query';
import { dataUrl, fetchJson } from '../../lib/fetch-json';
import { validateArticleBody } from '../../lib/validate-timeline';

export const articleQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['articles', id] as const,
    queryFn: async ({ signal }) =>
      validateArticleBody(
        await fetchJson(dataUrl(`articles/${encodeURIComponent(id)}.json`), signal),
        id,
      ),
    staleTime: Infinity,
  });
