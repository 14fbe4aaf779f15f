import { QueryClient } from '@tanstack/react-query';
import { DataValidationError } from '../lib/validate-timeline';

/** The one QueryClient configuration: data files never change while the page is open. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: Infinity,
        gcTime: 30 * 60 * 1000,
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
        // One quick retry for network hiccups; invalid data will not get better by retrying.
        retry: (failureCount, error) => !(error instanceof DataValidationError) && failureCount < 1,
        retryDelay: 400,
      },
    },
  });
}
