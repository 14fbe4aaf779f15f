import { useQuery } from '@tanstack/react-query';
import { timelineQueryOptions } from './timeline-query';

export function useTimeline() {
  return useQuery(timelineQueryOptions());
}
