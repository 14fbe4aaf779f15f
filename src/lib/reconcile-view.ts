import { eventDateLabel } from './event-dates';
import { filterEvents } from './filter-events';
import type { TimelineEvent } from './timeline-data';
import type { ViewState } from './url-search-params';

/**
 * Keeps a view consistent with the data: a selected event that the filter hides is deselected,
 * with a notice saying so (never left dangling).
 */
export function reconcileView(
  state: ViewState,
  events: readonly TimelineEvent[],
): { state: ViewState; notices: string[] } {
  if (!state.event) return { state, notices: [] };
  const selected = events.find((e) => e.id === state.event);
  if (!selected) {
    return { state: { ...state, event: null }, notices: [`No event “${state.event}” exists.`] };
  }
  if (filterEvents([selected], state).length === 1) return { state, notices: [] };
  return {
    state: { ...state, event: null },
    notices: [
      `“${selected.title}” (${eventDateLabel(selected)}) is hidden by the filter, so it was deselected.`,
    ],
  };
}
