import { memo, useState } from 'react';
import { eventDateLabel } from '../lib/event-dates';
import type { ArticleMeta, TimelineEvent, UndatedEvent } from '../lib/timeline-data';
import { formatPartialDate } from '../lib/partial-date';
import { outletOf } from '../lib/source-outlets';
import { CopyLinkButton } from './copy-link-button';
import './site-header.css';

/**
 * Memoised, and the list of source articles is rendered only while its disclosure is open: with
 * 10,000 articles it is over 100,000 DOM nodes that the first frame and every filter click paid for.
 */
export const SiteHeader = memo(function SiteHeader({
  title,
  eventCount,
  articles,
  events,
  undated,
  onSelectEvent,
}: {
  /** The relationship's title, e.g. `United States–China relations`. */
  title: string;
  eventCount: number;
  articles: readonly ArticleMeta[];
  /** Dated events by id: each article links to those it is a source of. */
  events: ReadonlyMap<string, TimelineEvent>;
  /** Undated events by id: named under their article, without a link (they have no place in time). */
  undated: ReadonlyMap<string, UndatedEvent>;
  /** Pass a stable callback (the header is memoised). */
  onSelectEvent: (id: string, opener: HTMLElement) => void;
}) {
  const [open, setOpen] = useState(false);
  return (
    <header className="masthead">
      <div className="masthead-main">
        <div className="brand">
          <span className="logo" aria-hidden="true">
            <span />
            <span />
          </span>
          <div>
            <h1>Ties</h1>
            <p className="tagline">{title}, as the news articles tell them</p>
          </div>
        </div>
        <div className="masthead-side">
          <p className="stats">
            <strong>{eventCount}</strong> {eventCount === 1 ? 'event' : 'events'} ·{' '}
            <strong>{articles.length}</strong> {articles.length === 1 ? 'article' : 'articles'}
          </p>
          <CopyLinkButton />
        </div>
      </div>
      <details className="built-from" onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>
          Built from {articles.length === 1 ? 'this article' : `these ${articles.length} articles`}
        </summary>
        {open ? (
          <ArticleList
            articles={articles}
            events={events}
            undated={undated}
            onSelectEvent={onSelectEvent}
          />
        ) : null}
        <p className="muted">
          Every event on the timeline comes from a sentence in one of these articles. Dates that
          were worked out rather than stated say so, and how.
        </p>
      </details>
    </header>
  );
});

function ArticleList({
  articles,
  events,
  undated,
  onSelectEvent,
}: {
  articles: readonly ArticleMeta[];
  events: ReadonlyMap<string, TimelineEvent>;
  undated: ReadonlyMap<string, UndatedEvent>;
  onSelectEvent: (id: string, opener: HTMLElement) => void;
}) {
  return (
    <ul className="bf-articles">
      {articles.map((a) => (
        <li key={a.id}>
          <span className="bf-title">{a.title}</span>{' '}
          <span className="muted">
            — {outletOf(a)},{' '}
            {a.published
              ? `${formatPartialDate(a.published)}${a.publishedBasis.kind === 'inferred' ? ' (inferred)' : ''}`
              : 'undated'}{' '}
            · <code>{a.file}</code>
          </span>
          <ArticleEvents
            article={a}
            events={events}
            undated={undated}
            onSelectEvent={onSelectEvent}
          />
        </li>
      ))}
    </ul>
  );
}

function ArticleEvents({
  article,
  events,
  undated,
  onSelectEvent,
}: {
  article: ArticleMeta;
  events: ReadonlyMap<string, TimelineEvent>;
  undated: ReadonlyMap<string, UndatedEvent>;
  onSelectEvent: (id: string, opener: HTMLElement) => void;
}) {
  const dated = article.eventIds
    .map((id) => events.get(id))
    .filter((e): e is TimelineEvent => e !== undefined);
  const without = article.eventIds
    .map((id) => undated.get(id))
    .filter((e): e is UndatedEvent => e !== undefined);
  if (dated.length === 0 && without.length === 0) return null;
  return (
    <ul className="bf-events" aria-label={`Events from “${article.title}”`}>
      {dated.map((e) => (
        <li key={e.id}>
          <button
            type="button"
            className="date-link"
            onClick={(click) => onSelectEvent(e.id, click.currentTarget)}
          >
            {e.title}
          </button>{' '}
          <span className="muted">({eventDateLabel(e)})</span>
        </li>
      ))}
      {without.map((e) => (
        <li key={e.id}>
          {e.title} <span className="muted">(reported without a date)</span>
        </li>
      ))}
    </ul>
  );
}
