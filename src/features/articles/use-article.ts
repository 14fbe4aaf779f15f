import { useQuery } from '@tanstack/react-query';
import { articleQueryOptions } from './article-query';

export function useArticle(id: string) {
  return useQuery(articleQueryOptions(id));
}
