import type { ArticleMeta, EventSource } from './timeline-data';
import { outletsLabel, sourceCountLabel } from './source-outlets';
import './sources-badge.css';

/**
 * `2 sources`, naming the outlets when the row it sits in is hovered or focused. Put it inside an
 * element with the class `has-sources-tip` (a row button). The outlets are always part of the
 * row's accessible name; only their visual display waits for hover or focus.
 */
export function SourcesBadge({
  sources,
  articles,
}: {
  sources: readonly Pick<EventSource, 'articleId'>[];
  articles: ReadonlyMap<string, Pick<ArticleMeta, 'source'>>;
}) {
  return (
    <span className="badge sources-badge">
      {sourceCountLabel(sources.length)}
      <span className="sources-tip">
        <span className="sr-only">: </span>
        {outletsLabel(sources, articles)}
      </span>
    </span>
  );
}
