import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { TimelineData } from '../../lib/timeline-data';
import type { DataValidationError } from '../../lib/validate-timeline';
import { checkImportedTimeline, needsLaterCheck, timelineQueryOptions } from './timeline-query';

export function useTimeline() {
  return useQuery(timelineQueryOptions());
}

/**
 * The page's own check of imported timeline data, after the first frame: the problems it finds (as
 * a DataValidationError, like a fetched file's), or null. The check runs in an idle period after
 * the frame that drew the data (at most 2 s later), so it never delays that frame; data that came
 * through the module graph was checked by the ingest with the same schema when it was built.
 */
export function useImportedTimelineCheck(
  data: TimelineData | undefined,
): DataValidationError | null {
  const [found, setFound] = useState<{ data: TimelineData; error: DataValidationError } | null>(
    null,
  );
  useEffect(() => {
    if (data === undefined || !needsLaterCheck(data)) return;
    let idle: number | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = () => {
      const error = checkImportedTimeline(data);
      if (error) setFound({ data, error });
    };
    const frame = requestAnimationFrame(() => {
      if (typeof requestIdleCallback === 'function')
        idle = requestIdleCallback(run, { timeout: 2000 });
      else timer = setTimeout(run, 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (idle !== undefined) cancelIdleCallback(idle);
      clearTimeout(timer);
    };
  }, [data]);
  if (data === undefined) return null;
  if (found?.data === data) return found.error;
  // Checked before (a remount, or Try again on the same data): the kept outcome.
  return needsLaterCheck(data) ? null : checkImportedTimeline(data);
}
