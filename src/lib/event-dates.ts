import { formatPartialDate, periodEnd, periodStart, precisionOf } from './partial-date';
import type { TimelineEvent } from './timeline-data';

const intervals = new WeakMap<
  TimelineEvent,
  { key: string; value: { start: number; end: number } }
>();

/**
 * The span an event covers on the time axis, in ms (end exclusive, at the precision's end).
 * Cached per event object: the list and the timeline ask for it on every render.
 */
export function eventInterval(event: TimelineEvent): { start: number; end: number } {
  const cached = intervals.get(event);
  if (cached && cached.key === `${event.start}/${event.end ?? ''}`) return cached.value;
  const start = periodStart(event.start).getTime();
  const end = periodEnd(event.end ?? event.start).getTime();
  const value = { start, end: Math.max(end, start) };
  intervals.set(event, { key: `${event.start}/${event.end ?? ''}`, value });
  return value;
}

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
  const keyed = events.map((e) => ({ e, ...eventInterval(e) }));
  keyed.sort(
    (a, b) =>
      a.start - b.start || a.end - b.end || (a.e.id < b.e.id ? -1 : a.e.id > b.e.id ? 1 : 0),
  );
  return keyed.map((k) => k.e);
}
