import { useId, useRef, useState, type KeyboardEvent, type ReactNode, type Ref } from 'react';
import { CloseIcon } from '../../lib/icons';
import { eventDateLabel, eventPrecisionNote } from '../../lib/event-dates';
import { kindLabel } from '../../lib/event-kinds';
import {
  outletOf,
  publishedBasisLabel,
  publishedLabel,
  sourceCountLabel,
} from '../../lib/source-outlets';
import type { Actor, ArticleMeta, EventSource, TimelineEvent } from '../../lib/timeline-data';
import { ArticleView } from './article-view';
import './articles.css';
import './source-list.css';

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

/**
 * The selected event: its date and leaders, then every source named (headline, outlet, publication
 * date and how it was found, the supporting sentence), then the chosen source's article, lazily
 * loaded, with the sentence marked. With several sources the list is a vertical tablist.
 */
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
  // Choosing a source, even the one shown, brings its marked sentence into view.
  const [reveal, setReveal] = useState(0);
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const baseId = useId();
  const sources = event.sources;
  const active = Math.min(tab, Math.max(sources.length - 1, 0));
  const note = eventPrecisionNote(event);
  const source = sources[active];
  const edits = event.edited ?? [];

  const onTabKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    let next = active;
    if (e.key === 'ArrowRight' || e.key === 'ArrowDown') next = (active + 1) % sources.length;
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp')
      next = (active - 1 + sources.length) % sources.length;
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
        <p className="sources-count">{sourceCountLabel(sources.length)}</p>
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

        {sources.length > 0 ? (
          <section className="source-list" aria-labelledby={`${baseId}-sources`}>
            <h3 id={`${baseId}-sources`} className="source-list-title">
              {sources.length === 1 ? 'Source' : `Sources (${sources.length})`}
            </h3>
            {sources.length > 1 ? (
              <div
                role="tablist"
                aria-orientation="vertical"
                aria-labelledby={`${baseId}-sources`}
                className="source-cards"
              >
                {sources.map((s, i) => (
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
                    aria-labelledby={`${baseId}-tab-${i}-num ${baseId}-tab-${i}-name`}
                    aria-describedby={`${baseId}-tab-${i}-more`}
                    tabIndex={i === active ? 0 : -1}
                    className="source-card"
                    onClick={() => {
                      setTab(i);
                      setReveal((r) => r + 1);
                    }}
                    onKeyDown={onTabKey}
                  >
                    <SourceCard
                      idBase={`${baseId}-tab-${i}`}
                      number={i + 1}
                      source={s}
                      meta={articles.get(s.articleId)}
                    />
                  </button>
                ))}
              </div>
            ) : (
              <div className="source-card is-single">
                <SourceCard
                  idBase={`${baseId}-src`}
                  number={null}
                  source={sources[0]!}
                  meta={articles.get(sources[0]!.articleId)}
                />
              </div>
            )}
          </section>
        ) : null}

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
              revealKey={reveal}
            />
          </div>
        ) : (
          <p className="muted">This event lists no source.</p>
        )}
      </div>
    </aside>
  );
}

/** A source named: headline and outlet (the tab's name), then its date, how it was found, the sentence. */
function SourceCard({
  idBase,
  number,
  source,
  meta,
}: {
  idBase: string;
  number: number | null;
  source: EventSource;
  meta: ArticleMeta | undefined;
}) {
  const outlet = outletOf(meta);
  return (
    <>
      {number !== null ? (
        <span className="source-num" id={`${idBase}-num`}>
          Source {number}
        </span>
      ) : null}
      <span id={`${idBase}-name`}>
        <span className="source-headline">{meta?.title ?? source.articleId}</span>
        <span className="sr-only">, </span>
        <span className={meta?.source ? 'source-outlet' : 'source-outlet is-unknown'}>
          {outlet}
        </span>
      </span>
      <span id={`${idBase}-more`} className="source-more">
        <span className="source-date">
          <span className="sr-only">. </span>
          {publishedLabel(meta)}
        </span>
        {meta ? (
          <span className="source-basis">
            <span className="sr-only">. </span>
            {publishedBasisLabel(meta.publishedBasis)}
          </span>
        ) : null}
        <span className="source-quote">
          <span className="sr-only">. Supporting sentence: </span>“{source.quote}”
        </span>
      </span>
    </>
  );
}
