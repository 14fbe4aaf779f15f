import { memo, useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import { eventDateLabel, eventPrecisionNote } from '../../lib/event-dates';
import { outletOf, publishedLabel, sourceCountLabel } from '../../lib/source-outlets';
import { SourcesBadge } from '../../lib/sources-badge';
import type {
  Actor,
  ArticleMeta,
  EventSource,
  TimelineEvent,
  UndatedEvent,
} from '../../lib/timeline-data';
import { groupChronology, rowRange, windowFor, type RowWindow } from './chronology-groups';
import './chronology.css';

/** Rows rendered at first, and added by each "Show more": a large data set stays quick to open. */
export const CHRONOLOGY_PAGE = 300;

export interface ChronologyProps {
  /** The filtered dated events. */
  events: readonly TimelineEvent[];
  /** The filtered undated events. */
  undated: readonly UndatedEvent[];
  /** Every event, dated and undated, before the filter (for "3 of 12"). */
  total: number;
  actors: ReadonlyMap<string, Actor>;
  articles: ReadonlyMap<string, ArticleMeta>;
  selectedId: string | null;
  onSelect: (id: string, opener: HTMLElement) => void;
  /** Print: every event, each with its sources written out. */
  printing: boolean;
  /** The filter in words (`Leaders: …; search: “…”`), printed above the list; null when none. */
  filterNote: string | null;
}

/**
 * The events as a chronology read top to bottom: a heading per year, then the events reported
 * without a date. Each dated event is a button that selects it (its sources open in the panel).
 */
export function Chronology({
  events,
  undated,
  total,
  actors,
  articles,
  selectedId,
  onSelect,
  printing,
  filterNote,
}: ChronologyProps) {
  const groups = useMemo(() => groupChronology(events, undated), [events, undated]);
  const shownCount = groups.datedCount + groups.undated.length;

  // The selected event is always rendered, however far down it is.
  const selectedIndex = useMemo(() => {
    if (!selectedId) return -1;
    let i = 0;
    for (const group of groups.years) {
      for (const e of group.events) {
        if (e.id === selectedId) return i;
        i += 1;
      }
    }
    return -1;
  }, [groups, selectedId]);

  // Which rows are rendered: a page from the top, or around an event selected beyond it. A new
  // filter, or a selection outside the rows shown, starts a new page (state adjusted in render).
  const [rows, setRows] = useState<RowWindow>(() => windowFor(selectedIndex, CHRONOLOGY_PAGE));
  const [rowsFor, setRowsFor] = useState({ groups, selectedId });
  if (rowsFor.groups !== groups || rowsFor.selectedId !== selectedId) {
    setRowsFor({ groups, selectedId });
    const outside =
      selectedIndex >= 0 &&
      (selectedIndex < rows.start || selectedIndex >= rows.start + rows.count);
    if (rowsFor.groups !== groups || outside) setRows(windowFor(selectedIndex, CHRONOLOGY_PAGE));
  }
  const { from, to } = rowRange(rows, selectedIndex, groups.datedCount, printing);

  // A selection made elsewhere (a link, a date in an article) brings its row into view.
  const rootRef = useRef<HTMLElement>(null);
  useEffect(() => {
    if (!selectedId || printing) return;
    const row = rootRef.current?.querySelector<HTMLElement>(
      `[data-event-id="${CSS.escape(selectedId)}"]`,
    );
    if (!row) return;
    const box = row.getBoundingClientRect();
    if (box.top < 0 || box.bottom > window.innerHeight) {
      row.scrollIntoView({ block: 'start', behavior: 'instant' });
    }
  }, [selectedId, printing]);

  const yearSections = [];
  let index = 0;
  for (const group of groups.years) {
    const first = index;
    index += group.events.length;
    if (index <= from) continue;
    if (first >= to) break;
    const shown = group.events.slice(Math.max(0, from - first), to - first);
    yearSections.push(
      <section key={group.year} className="chron-year" aria-labelledby={`chron-year-${group.year}`}>
        <h3 id={`chron-year-${group.year}`} className="chron-year-heading">
          {group.year}{' '}
          <span className="count">
            {group.events.length} {group.events.length === 1 ? 'event' : 'events'}
          </span>
        </h3>
        <ol className="chron-rows">
          {shown.map((e) => (
            <ChronologyRow
              key={e.id}
              event={e}
              actors={actors}
              articles={articles}
              selected={e.id === selectedId}
              onSelect={onSelect}
              printing={printing}
            />
          ))}
        </ol>
      </section>,
    );
  }
  const earlier = from;
  const hidden = groups.datedCount - to;
  const showUndated = hidden === 0 && groups.undated.length > 0;

  return (
    <section
      ref={rootRef}
      className="chronology"
      aria-labelledby="chronology-heading"
      id="chronology"
    >
      <h2 id="chronology-heading" className="section-title" tabIndex={-1}>
        Chronology{' '}
        <span className="count">
          {shownCount === total
            ? `${total} ${total === 1 ? 'event' : 'events'}`
            : `${shownCount} of ${total} events`}
        </span>
      </h2>
      {filterNote ? (
        <p className="print-only chron-filter-note">Filtered by {filterNote}.</p>
      ) : null}
      {shownCount === 0 ? <p className="muted">No event matches the filter.</p> : null}
      {earlier > 0 ? (
        <p className="chron-more">
          <button
            type="button"
            className="button"
            onClick={() => {
              const start = Math.max(0, from - CHRONOLOGY_PAGE);
              setRows({ start, count: to - start });
            }}
          >
            Show {Math.min(earlier, CHRONOLOGY_PAGE)} earlier{' '}
            {Math.min(earlier, CHRONOLOGY_PAGE) === 1 ? 'event' : 'events'}
          </button>{' '}
          <span className="muted">({earlier} before these)</span>
        </p>
      ) : null}
      {yearSections}
      {hidden > 0 ? (
        <p className="chron-more">
          <button
            type="button"
            className="button"
            onClick={() => setRows({ start: from, count: to - from + CHRONOLOGY_PAGE })}
          >
            Show {Math.min(hidden, CHRONOLOGY_PAGE)} more{' '}
            {Math.min(hidden, CHRONOLOGY_PAGE) === 1 ? 'event' : 'events'}
          </button>{' '}
          <span className="muted">
            ({hidden} not listed yet
            {groups.undated.length > 0 ? `, then ${groups.undated.length} undated` : ''})
          </span>
        </p>
      ) : null}
      {showUndated ? (
        <section className="chron-year chron-undated" aria-labelledby="chron-year-undated">
          <h3 id="chron-year-undated" className="chron-year-heading">
            Reported without a date{' '}
            <span className="count">
              {groups.undated.length} {groups.undated.length === 1 ? 'event' : 'events'}
            </span>
          </h3>
          <ol className="chron-rows">
            {groups.undated.map((u) => (
              <li key={u.id} className="chron-item">
                <div className="chron-row is-static">
                  <span className="chron-date">No date</span>
                  <span className="chron-title">{u.title}</span>
                  <Leaders ids={u.actors} actors={actors} />
                  <span className="badge">{sourceCountLabel(u.sources.length)}</span>
                </div>
                <p className="chron-reason">Why no date: {u.reason}.</p>
                <SourceList sources={u.sources} articles={articles} />
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </section>
  );
}

/** Memoised: "Show more" and a new selection re-render only the rows that change. */
const ChronologyRow = memo(function ChronologyRow({
  event,
  actors,
  articles,
  selected,
  onSelect,
  printing,
}: {
  event: TimelineEvent;
  actors: ReadonlyMap<string, Actor>;
  articles: ReadonlyMap<string, ArticleMeta>;
  selected: boolean;
  onSelect: ChronologyProps['onSelect'];
  printing: boolean;
}) {
  const note = eventPrecisionNote(event);
  return (
    <li className="chron-item">
      <button
        type="button"
        className={`chron-row has-sources-tip${selected ? ' is-selected' : ''}`}
        aria-current={selected ? 'true' : undefined}
        data-event-id={event.id}
        onClick={(e: MouseEvent<HTMLButtonElement>) => onSelect(event.id, e.currentTarget)}
      >
        <span className="chron-date">
          {eventDateLabel(event)}
          {note ? <span className="sr-only"> ({note})</span> : null}
        </span>
        <span className="chron-title">{event.title}</span>
        <Leaders ids={event.actors} actors={actors} />
        <SourcesBadge sources={event.sources} articles={articles} />
      </button>
      {printing ? <SourceList sources={event.sources} articles={articles} /> : null}
    </li>
  );
});

function Leaders({ ids, actors }: { ids: readonly string[]; actors: ReadonlyMap<string, Actor> }) {
  if (ids.length === 0) return null;
  return (
    <span className="chron-leaders">
      <span className="sr-only">Leaders: </span>
      {ids.map((id) => actors.get(id)?.name ?? id).join(', ')}
    </span>
  );
}

/** Each source written out: headline, outlet, publication date and the supporting sentence. */
function SourceList({
  sources,
  articles,
}: {
  sources: readonly EventSource[];
  articles: ReadonlyMap<string, ArticleMeta>;
}) {
  return (
    <ol className="chron-sources" aria-label="Sources">
      {sources.map((s, i) => {
        const meta = articles.get(s.articleId);
        return (
          <li key={`${s.articleId}-${i}`} className="chron-source">
            <span className="chron-source-headline">{meta?.title ?? s.articleId}</span>
            <span className="chron-source-meta">
              {' '}
              — {outletOf(meta)}, {publishedLabel(meta)}
            </span>
            <blockquote className="chron-source-quote">“{s.quote}”</blockquote>
          </li>
        );
      })}
    </ol>
  );
}
