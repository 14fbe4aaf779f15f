import { formatPartialDate, periodEnd, periodStart, precisionOf } from './partial-date';
import type { TimelineEvent } from './timeline-data';

const intervals = new WeakMap<TimelineEvent, { start: number; end: number }>();

/**
 * The span an event covers on the time axis, in ms (end exclusive, at the precision's end).
 * Cached per event object (loaded data is never mutated): sorting, lanes, the list and the
 * timeline all ask for it.
 */
export function eventInterval(event: TimelineEvent): { start: number; end: number } {
  const cached = intervals.get(event);
  if (cached) return cached;
  const start = startMs(event.start);
  const end = endMs(event.end ?? event.start);
  const value = { start, end: Math.max(end, start) };
  intervals.set(event, value);
  return value;
}

// Many events share a date; local-time Date arithmetic is the slow part of a first load.
const starts = new Map<string, number>();
const ends = new Map<string, number>();

function msOf(cache: Map<string, number>, value: string, period: (v: string) => Date): number {
  let ms = cache.get(value);
  if (ms === undefined) {
    ms = period(value).getTime();
    cache.set(value, ms);
  }
  return ms;
}

const startMs = (value: string) => msOf(starts, value, periodStart);
const endMs = (value: string) => msOf(ends, value, periodEnd);

/** The date as a reader should see it, keeping the precision of the data. */
export function eventDateLabel(event: TimelineEvent): string {
  const start = formatPartialDate(event.start);
  if (event.dateKind === 'bounded' && event.end) {
    return `Between ${start} and ${formatPartialDate(event.end)}`;
  }
  if (event.dateKind === 'range' && event.end) {
    return `${start} – ${formatPartialDate(event.end)}`;
  }
  return start;
}

export function eventPrecisionNote(event: TimelineEvent): string | null {
  if (event.dateKind === 'bounded') return 'exact date unknown; it lies between these bounds';
  if (event.dateKind === 'point') {
    const p = precisionOf(event.start);
    if (p === 'month') return 'known to the month only';
    if (p === 'year') return 'known to the year only';
  }
  return null;
}

/** Chronological order (by start, then end, then id) — the order of keyboard navigation. */
export function sortEvents<T extends TimelineEvent>(events: readonly T[]): T[] {
  const keyed = events.map((e) => {
    const { start, end } = eventInterval(e);
    return { e, start, end };
  });
  keyed.sort(
    (a, b) =>
      a.start - b.start || a.end - b.end || (a.e.id < b.e.id ? -1 : a.e.id > b.e.id ? 1 : 0),
  );
  return keyed.map((k) => k.e);
}
