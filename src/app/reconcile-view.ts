import { eventDateLabel } from '../lib/event-dates';
import { findEvent } from '../lib/event-ids';
import { filterEvents } from '../lib/filter-events';
import type { TimelineEvent } from '../lib/timeline-data';
import type { ViewState } from '../lib/url-search-params';

/**
 * Keeps a view consistent with the data: an event selected by one of its aliases is selected by
 * its own id, and a selected event that the filter hides is deselected, with a notice saying so
 * (never left dangling).
 */
export function reconcileView(
  state: ViewState,
  events: readonly TimelineEvent[],
): { state: ViewState; notices: string[] } {
  if (!state.event) return { state, notices: [] };
  const selected = findEvent(events, state.event);
  if (!selected) {
    return { state: { ...state, event: null }, notices: [`No event “${state.event}” exists.`] };
  }
  const byId = selected.id === state.event ? state : { ...state, event: selected.id };
  if (filterEvents([selected], byId).length === 1) return { state: byId, notices: [] };
  return {
    state: { ...byId, event: null },
    notices: [
      `“${selected.title}” (${eventDateLabel(selected)}) is hidden by the filter, so it was deselected.`,
    ],
  };
}
