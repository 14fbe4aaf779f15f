import { useDeferredValue, useMemo, type MouseEvent } from 'react';
import { eventDateLabel, eventInterval, eventPrecisionNote } from '../../lib/event-dates';
import { SourcesBadge } from '../../lib/sources-badge';
import type { ArticleMeta, TimelineEvent } from '../../lib/timeline-data';
import { useAfterFirstPaint } from '../../lib/use-after-first-paint';
import type { TimeWindow } from './timeline-view';

export interface EventListProps {
  /** Filtered events in chronological order. */
  events: readonly TimelineEvent[];
  window: TimeWindow;
  selectedId: string | null;
  onSelect: (id: string, opener: HTMLElement) => void;
  /** The accessible list is bounded so that very large timelines stay fast. */
  limit?: number;
  /** For the outlets behind "2 sources" (shown on hover and focus). */
  articles?: ReadonlyMap<string, Pick<ArticleMeta, 'source'>>;
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
 * On load its rows (up to 200, below the fold) come right after the first painted frame, so that
 * they do not delay the timeline's first frame. Pass a stable `onSelect` (useCallback), or the rows
 * are rebuilt on every render.
 */
export function EventList(props: EventListProps) {
  const events = useDeferredValue(props.events);
  const window = useDeferredValue(props.window);
  const painted = useAfterFirstPaint();
  const { selectedId, onSelect, limit = 200, articles = NO_ARTICLES } = props;
  return useMemo(
    () => renderList(events, window, selectedId, limit, onSelect, painted, articles),
    [events, window, selectedId, limit, onSelect, painted, articles],
  );
}

const NO_ARTICLES: ReadonlyMap<string, Pick<ArticleMeta, 'source'>> = new Map();

function renderList(
  events: readonly TimelineEvent[],
  window: TimeWindow,
  selectedId: string | null,
  limit: number,
  onSelect: EventListProps['onSelect'],
  withRows: boolean,
  articles: ReadonlyMap<string, Pick<ArticleMeta, 'source'>>,
) {
  const inView = eventsInWindow(events, window);
  if (!withRows && inView.length > 0) {
    // Before the first frame: the heading and its count, the rows a frame later.
    return (
      <section className="event-list" aria-labelledby="event-list-heading" aria-busy="true">
        <ListHeading inView={inView.length} total={events.length} />
      </section>
    );
  }
  const shown = inView.slice(0, limit);
  const onClick = (id: string) => (event: MouseEvent<HTMLButtonElement>) =>
    onSelect(id, event.currentTarget);
  return (
    <section className="event-list" aria-labelledby="event-list-heading">
      <ListHeading inView={inView.length} total={events.length} />
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
                  className={`event-row has-sources-tip${selected ? ' is-selected' : ''} ev-${e.dateKind}`}
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
                    <SourcesBadge sources={e.sources} articles={articles} />
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

function ListHeading({ inView, total }: { inView: number; total: number }) {
  return (
    <h2 id="event-list-heading" className="section-title">
      Events in view{' '}
      <span className="count">{inView === total ? `${total}` : `${inView} of ${total}`}</span>
    </h2>
  );
}
