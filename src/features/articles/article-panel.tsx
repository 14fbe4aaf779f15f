import { useId, useRef, useState, type KeyboardEvent, type ReactNode, type Ref } from 'react';
import { CloseIcon } from '../../lib/icons';
import { eventDateLabel, eventPrecisionNote } from '../../lib/event-dates';
import { kindLabel } from '../../lib/event-kinds';
import type { Actor, ArticleMeta, TimelineEvent } from '../../lib/timeline-data';
import { ArticleView } from './article-view';
import './articles.css';

export interface ArticlePanelProps {
  event: TimelineEvent;
  articles: ReadonlyMap<string, ArticleMeta>;
  actors: ReadonlyMap<string, Actor>;
  eventTitles: ReadonlyMap<string, string>;
  onSelectEvent: (id: string) => void;
  onClose: () => void;
  headingRef: Ref<HTMLHeadingElement>;
  /** Actions on the event shown under its title (the shell passes "Cite this event"). */
  actions?: ReactNode;
}

/** The selected event's sources: one tab per article, each lazily loaded. */
export function ArticlePanel(props: ArticlePanelProps) {
  // Remount per event so the tab starts at the first source.
  return <ArticlePanelInner key={props.event.id} {...props} />;
}

function ArticlePanelInner({
  event,
  articles,
  actors,
  eventTitles,
  onSelectEvent,
  actions,
  onClose,
  headingRef,
}: ArticlePanelProps) {
  const [tab, setTab] = useState(0);
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const baseId = useId();
  const sources = event.sources;
  const active = Math.min(tab, Math.max(sources.length - 1, 0));
  const note = eventPrecisionNote(event);
  const source = sources[active];
  const edits = event.edited ?? [];

  const onTabKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    let next = active;
    if (e.key === 'ArrowRight') next = (active + 1) % sources.length;
    else if (e.key === 'ArrowLeft') next = (active - 1 + sources.length) % sources.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = sources.length - 1;
    else return;
    e.preventDefault();
    setTab(next);
    tabRefs.current[next]?.focus();
  };

  return (
    <aside className="panel" aria-labelledby={`${baseId}-title`} data-testid="article-panel">
      <header className="panel-head">
        <div className="panel-head-row">
          <p className="eyebrow">
            <span className={`kind kind-${event.kind}`}>{kindLabel(event.kind)}</span>
            <span aria-hidden="true"> · </span>
            <span>{eventDateLabel(event)}</span>
            {edits.length > 0 ? <span className="tag tag-edited">Edited</span> : null}
          </p>
          <button
            type="button"
            className="icon-button"
            onClick={onClose}
            aria-label="Close the article panel"
            title="Close (Escape)"
          >
            <CloseIcon size={18} />
          </button>
        </div>
        <h2 id={`${baseId}-title`} className="panel-title" tabIndex={-1} ref={headingRef}>
          {event.title}
        </h2>
        {actions}
        {sources.length > 1 ? (
          <div className="tabs" role="tablist" aria-label={`${sources.length} sources`}>
            {sources.map((s, i) => {
              const meta = articles.get(s.articleId);
              return (
                <button
                  key={`${s.articleId}-${i}`}
                  ref={(node) => {
                    tabRefs.current[i] = node;
                  }}
                  type="button"
                  role="tab"
                  id={`${baseId}-tab-${i}`}
                  aria-selected={i === active}
                  aria-controls={`${baseId}-tabpanel`}
                  tabIndex={i === active ? 0 : -1}
                  className="tab"
                  onClick={() => setTab(i)}
                  onKeyDown={onTabKey}
                >
                  <span className="tab-num">Source {i + 1}</span>
                  <span className="tab-outlet">{meta?.source ?? 'Unknown outlet'}</span>
                </button>
              );
            })}
          </div>
        ) : (
          <p className="sources-count">1 source</p>
        )}
      </header>
      <div className="panel-scroll" data-scroll-container>
        <dl className="facts">
          <div>
            <dt>Date</dt>
            <dd>
              {eventDateLabel(event)}
              {note ? <span className="muted"> ({note})</span> : null}
              {event.dateInferred ? <span className="tag">inferred</span> : null}
              <div className="basis">
                <span className="sr-only">How the date was found: </span>
                {event.dateBasis}
              </div>
            </dd>
          </div>
          {event.actors.length > 0 ? (
            <div>
              <dt>Leaders</dt>
              <dd className="people">
                {event.actors.map((id) => (
                  <span key={id} className="person">
                    {actors.get(id)?.name ?? id}
                  </span>
                ))}
              </dd>
            </div>
          ) : null}
          {edits.length > 0 ? (
            <div className="edits">
              <dt>Editor’s note</dt>
              <dd>
                <ul className="edit-list">
                  {edits.map((edit, i) => (
                    <li key={i}>
                      {edit.note}
                      <span className="basis">
                        <span className="sr-only">What the editor changed: </span>
                        {edit.changes.join('; ')}
                      </span>
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
          ) : null}
          {event.place ? (
            <div>
              <dt>Place</dt>
              <dd>{event.place}</dd>
            </div>
          ) : null}
        </dl>

        {source ? (
          <div
            role={sources.length > 1 ? 'tabpanel' : undefined}
            id={`${baseId}-tabpanel`}
            aria-labelledby={sources.length > 1 ? `${baseId}-tab-${active}` : undefined}
            className="tabpanel"
          >
            <ArticleView
              key={`${source.articleId}-${active}`}
              meta={articles.get(source.articleId)}
              source={source}
              eventId={event.id}
              eventTitles={eventTitles}
              onSelectEvent={onSelectEvent}
            />
          </div>
        ) : (
          <p className="muted">This event lists no source.</p>
        )}
      </div>
    </aside>
  );
}
