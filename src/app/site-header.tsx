import { memo, useState } from 'react';
import type { ArticleMeta } from '../lib/timeline-data';
import { formatPartialDate } from '../lib/partial-date';
import { CopyLinkButton } from './copy-link-button';

/**
 * Memoised, and the list of source articles is rendered only while its disclosure is open: with
 * 10,000 articles it is over 100,000 DOM nodes that the first frame and every filter click paid for.
 */
export const SiteHeader = memo(function SiteHeader({
  title,
  eventCount,
  articles,
}: {
  /** The relationship's title, e.g. `United States–China relations`. */
  title: string;
  eventCount: number;
  articles: readonly ArticleMeta[];
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
        {open ? <ArticleList articles={articles} /> : null}
        <p className="muted">
          Every event on the timeline comes from a sentence in one of these articles. Dates that
          were worked out rather than stated say so, and how.
        </p>
      </details>
    </header>
  );
});

function ArticleList({ articles }: { articles: readonly ArticleMeta[] }) {
  return (
    <ul>
      {articles.map((a) => (
        <li key={a.id}>
          <span className="bf-title">{a.title}</span>{' '}
          <span className="muted">
            — {a.source ?? 'unknown outlet'},{' '}
            {a.published
              ? `${formatPartialDate(a.published)}${a.publishedBasis.kind === 'inferred' ? ' (inferred)' : ''}`
              : 'undated'}{' '}
            · <code>{a.file}</code>
          </span>
        </li>
      ))}
    </ul>
  );
}
