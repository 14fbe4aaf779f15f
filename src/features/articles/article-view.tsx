import { useEffect, useRef, type ReactNode } from 'react';
import type { ArticleMeta, EventSource } from '../../lib/timeline-data';
import { formatPartialDate } from '../../lib/partial-date';
import { OUTLET_NOT_STATED } from '../../lib/source-outlets';
import { layoutArticle, type Paragraph } from './article-segments';
import { useArticle } from './use-article';

export interface ArticleViewProps {
  meta: ArticleMeta | undefined;
  source: EventSource;
  eventId: string;
  eventTitles: ReadonlyMap<string, string>;
  onSelectEvent: (id: string) => void;
  /** Changing it scrolls the marked sentence into view again (the reader chose this source again). */
  revealKey?: number;
}

function renderParagraph(
  paragraph: Paragraph,
  eventTitles: ReadonlyMap<string, string>,
  onSelectEvent: (id: string) => void,
): ReactNode {
  // Group consecutive marked pieces in one <mark>, keeping links inside it.
  const out: ReactNode[] = [];
  let markGroup: ReactNode[] | null = null;
  const flush = () => {
    if (markGroup) {
      out.push(<mark key={`m${out.length}`}>{markGroup}</mark>);
      markGroup = null;
    }
  };
  paragraph.pieces.forEach((piece, i) => {
    const title = piece.eventId ? eventTitles.get(piece.eventId) : undefined;
    const node =
      piece.eventId && title ? (
        <button
          key={i}
          type="button"
          className="date-link"
          title={`Show on the timeline: ${title}`}
          onClick={() => onSelectEvent(piece.eventId!)}
        >
          {piece.text}
          <span className="sr-only"> (show event: {title})</span>
        </button>
      ) : (
        <span key={i}>{piece.text}</span>
      );
    if (piece.marked) {
      markGroup = markGroup ?? [];
      markGroup.push(node);
    } else {
      flush();
      out.push(node);
    }
  });
  flush();
  return <p key={paragraph.offset}>{out}</p>;
}

/** One source article: lazily loaded, with the supporting sentence marked and scrolled into view. */
export function ArticleView({
  meta,
  source,
  eventId,
  eventTitles,
  onSelectEvent,
  revealKey = 0,
}: ArticleViewProps) {
  const query = useArticle(source.articleId);
  const rootRef = useRef<HTMLElement>(null);

  const article = query.data;
  useEffect(() => {
    const mark = rootRef.current?.querySelector('mark');
    if (!article || !mark) return;
    const scroller = mark.closest<HTMLElement>('[data-scroll-container]');
    if (!scroller) return;
    const markTop = mark.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
    scroller.scrollTo({
      top: Math.max(0, scroller.scrollTop + markTop - scroller.clientHeight / 3),
      // Instant: the reader should land on the sentence, not watch the text fly by.
      behavior: 'instant',
    });
  }, [article, source.offset, revealKey]);

  const title = article?.title ?? meta?.title ?? source.articleId;
  const outlet = article?.source ?? meta?.source ?? null;
  const published = article?.published ?? meta?.published ?? null;
  const basis = article?.publishedBasis ?? meta?.publishedBasis;

  return (
    <article className="article" aria-busy={query.isPending} ref={rootRef}>
      <header className="article-head">
        <h3 className="article-title">{title}</h3>
        <p className="article-meta">
          <span className={outlet ? 'outlet' : 'outlet unknown'}>
            {outlet ?? OUTLET_NOT_STATED}
          </span>
          <span aria-hidden="true"> · </span>
          <span>
            {published ? `Published ${formatPartialDate(published)}` : 'Publication date unknown'}
          </span>
        </p>
        {basis ? (
          <p className="basis">
            {basis.kind === 'inferred' ? <span className="tag">inferred</span> : null}
            {basis.kind === 'stated'
              ? `Publication date stated in the article: ${basis.note}`
              : basis.kind === 'unknown'
                ? `No publication date: ${basis.note}`
                : basis.note}
          </p>
        ) : null}
      </header>

      {query.isPending ? (
        <div className="article-loading" role="status">
          <span className="spinner" aria-hidden="true" />
          Loading the article…
        </div>
      ) : query.isError ? (
        <div className="article-error" role="alert">
          <p>
            <strong>The article could not be loaded.</strong> {query.error.message}
          </p>
          <p className="muted">The supporting sentence, from the timeline data:</p>
          <blockquote>
            <mark>{source.quote}</mark>
          </blockquote>
          <button type="button" className="button" onClick={() => void query.refetch()}>
            Retry
          </button>
        </div>
      ) : (
        <ArticleText
          article={query.data}
          source={source}
          eventId={eventId}
          eventTitles={eventTitles}
          onSelectEvent={onSelectEvent}
        />
      )}
    </article>
  );
}

function ArticleText({
  article,
  source,
  eventId,
  eventTitles,
  onSelectEvent,
}: {
  article: NonNullable<ReturnType<typeof useArticle>['data']>;
  source: EventSource;
  eventId: string;
  eventTitles: ReadonlyMap<string, string>;
  onSelectEvent: (id: string) => void;
}) {
  const quoteFound =
    article.body.slice(source.offset, source.offset + source.quote.length) === source.quote;
  const layout = layoutArticle(
    article,
    quoteFound ? { offset: source.offset, length: source.quote.length } : null,
    eventId,
  );
  return (
    <>
      {quoteFound ? null : (
        <p className="notice-inline">
          The supporting sentence was not found at its recorded place in this text:{' '}
          <mark>{source.quote}</mark>
        </p>
      )}
      <div className="article-body">
        {layout.paragraphs.map((p) => renderParagraph(p, eventTitles, onSelectEvent))}
      </div>
      {layout.related ? (
        <section className="related" aria-labelledby={`related-${article.id}`}>
          <h4 id={`related-${article.id}`}>Related reading (not a source)</h4>
          <p className="muted">
            {layout.related.label
              ? `Listed under “${layout.related.label}” at the end of the article. `
              : ''}
            These headlines are not used as sources for any event.
          </p>
          <ul>
            {layout.related.headlines.map((h, i) => (
              <li key={i}>{h}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
