import type { ArticleMeta } from '../lib/timeline-data';
import { formatPartialDate } from '../lib/partial-date';
import { CopyLinkButton } from './copy-link-button';

export function SiteHeader({
  eventCount,
  articles,
}: {
  eventCount: number;
  articles: readonly ArticleMeta[];
}) {
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
            <p className="tagline">Korea–Japan relations, as the news articles tell them</p>
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
      <details className="built-from">
        <summary>
          Built from {articles.length === 1 ? 'this article' : `these ${articles.length} articles`}
        </summary>
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
        <p className="muted">
          Every event on the timeline comes from a sentence in one of these articles. Dates that
          were worked out rather than stated say so, and how.
        </p>
      </details>
    </header>
  );
}
