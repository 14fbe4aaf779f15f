import { useDeferredValue, useMemo, type MouseEvent } from 'react';
import { eventDateLabel, eventInterval, eventPrecisionNote } from '../../lib/event-dates';
import type { TimelineEvent } from '../../lib/timeline-data';
import type { TimeWindow } from './timeline-view';

export interface EventListProps {
  /** Filtered events in chronological order. */
  events: readonly TimelineEvent[];
  window: TimeWindow;
  selectedId: string | null;
  onSelect: (id: string, opener: HTMLElement) => void;
  /** The accessible list is bounded so that very large timelines stay fast. */
  limit?: number;
}

/** Events overlapping the window, in order: the screen-reader and phone view of the timeline. */
export function eventsInWindow(
  events: readonly TimelineEvent[],
  window: TimeWindow,
): TimelineEvent[] {
  return events.filter((e) => {
    const { start, end } = eventInterval(e);
    return start < window.end && end > window.start;
  });
}

/**
 * The list follows filter and window changes one render behind (useDeferredValue): a filter click
 * redraws the timeline first, and the list's rows are rebuilt in a render that input can interrupt.
 * Pass a stable `onSelect` (useCallback), or the rows are rebuilt on every render.
 */
export function EventList(props: EventListProps) {
  const events = useDeferredValue(props.events);
  const window = useDeferredValue(props.window);
  const { selectedId, onSelect, limit = 200 } = props;
  return useMemo(
    () => renderList(events, window, selectedId, limit, onSelect),
    [events, window, selectedId, limit, onSelect],
  );
}

function renderList(
  events: readonly TimelineEvent[],
  window: TimeWindow,
  selectedId: string | null,
  limit: number,
  onSelect: EventListProps['onSelect'],
) {
  const inView = eventsInWindow(events, window);
  const shown = inView.slice(0, limit);
  const onClick = (id: string) => (event: MouseEvent<HTMLButtonElement>) =>
    onSelect(id, event.currentTarget);
  return (
    <section className="event-list" aria-labelledby="event-list-heading">
      <h2 id="event-list-heading" className="section-title">
        Events in view{' '}
        <span className="count">
          {inView.length === events.length
            ? `${events.length}`
            : `${inView.length} of ${events.length}`}
        </span>
      </h2>
      {inView.length === 0 ? (
        <p className="muted">
          {events.length === 0
            ? 'No event matches the filter.'
            : 'No event in this part of the timeline. Use “Fit all” to see every event.'}
        </p>
      ) : (
        <ol className="event-rows">
          {shown.map((e) => {
            const note = eventPrecisionNote(e);
            const selected = e.id === selectedId;
            return (
              <li key={e.id}>
                <button
                  type="button"
                  className={`event-row${selected ? ' is-selected' : ''} ev-${e.dateKind}`}
                  aria-current={selected ? 'true' : undefined}
                  data-event-id={e.id}
                  onClick={onClick(e.id)}
                >
                  <span className="event-row-date">
                    {eventDateLabel(e)}
                    {note ? <span className="sr-only"> ({note})</span> : null}
                  </span>
                  <span className="event-row-title">{e.title}</span>
                  {e.sources.length > 1 ? (
                    <span className="badge">{e.sources.length} sources</span>
                  ) : null}
                </button>
              </li>
            );
          })}
        </ol>
      )}
      {inView.length > shown.length ? (
        <p className="muted">
          {inView.length - shown.length} more events in this window: zoom in to list them.
        </p>
      ) : null}
    </section>
  );
}
