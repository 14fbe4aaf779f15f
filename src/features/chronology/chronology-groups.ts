import { sortEvents } from '../../lib/event-dates';
import { parsePartialDate } from '../../lib/partial-date';
import type { TimelineEvent, UndatedEvent } from '../../lib/timeline-data';

export interface YearGroup {
  year: number;
  events: TimelineEvent[];
}

export interface Chronology {
  /** Years in ascending order, each with its events in timeline order. */
  years: YearGroup[];
  /** Events reported without a date, in data order: their own group, after every year. */
  undated: UndatedEvent[];
  /** Dated events in all the groups. */
  datedCount: number;
}

/**
 * Groups events by the year they start in (a range or a bounded span goes under its first year),
 * in the timeline's order. Pure: the same input gives the same groups.
 */
export function groupChronology(
  events: readonly TimelineEvent[],
  undated: readonly UndatedEvent[] = [],
): Chronology {
  const years: YearGroup[] = [];
  let current: YearGroup | null = null;
  const extraUndated: UndatedEvent[] = [];
  let datedCount = 0;
  for (const event of sortEvents(events)) {
    const year = parsePartialDate(event.start)?.year;
    if (year === undefined) {
      // Validated data never gets here; an unreadable date is listed as undated, not guessed.
      extraUndated.push({
        id: event.id,
        title: event.title,
        kind: event.kind,
        actors: event.actors,
        place: event.place,
        sources: event.sources,
        reason: `its date “${event.start}” cannot be read`,
      });
      continue;
    }
    if (!current || current.year !== year) {
      current = { year, events: [] };
      years.push(current);
    }
    current.events.push(event);
    datedCount += 1;
  }
  return { years, undated: [...undated, ...extraUndated], datedCount };
}

/** The dated rows a reader has asked to see: `count` rows from index `start` (in the groups' order). */
export interface RowWindow {
  start: number;
  count: number;
}

/** Rows of context shown above an event opened far down the list. */
export const ROWS_ABOVE_SELECTED = 10;

/**
 * The first rows; or, when the selected event lies beyond them, a page that starts a few rows
 * above it (so a link to the 9,000th event does not render the 8,999 before it).
 */
export function windowFor(selectedIndex: number, page: number): RowWindow {
  return selectedIndex >= page
    ? { start: selectedIndex - ROWS_ABOVE_SELECTED, count: page }
    : { start: 0, count: page };
}

/**
 * The rows to render, `[from, to)`: the window, within the data, always including the selected
 * row; everything when printing.
 */
export function rowRange(
  window: RowWindow,
  selectedIndex: number,
  datedCount: number,
  printing: boolean,
): { from: number; to: number } {
  if (printing) return { from: 0, to: datedCount };
  let from = Math.min(Math.max(window.start, 0), datedCount);
  let to = Math.min(Math.max(window.start + window.count, from), datedCount);
  if (selectedIndex >= 0 && selectedIndex < datedCount) {
    from = Math.min(from, selectedIndex);
    to = Math.max(to, selectedIndex + 1);
  }
  return { from, to };
}
