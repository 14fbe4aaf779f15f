import { useState } from 'react';
import type { Actor, ArticleMeta, UndatedEvent } from '../../lib/timeline-data';

export interface UndatedListProps {
  undated: readonly UndatedEvent[];
  articles: ReadonlyMap<string, ArticleMeta>;
  actors: ReadonlyMap<string, Actor>;
}

/**
 * Events the articles report without a date the timeline could place: listed apart, with their
 * sources and the reason, never guessed onto the axis. Closed by default; rows are rendered only
 * while it is open, so a large data set costs nothing until a reader asks.
 */
export function UndatedList({ undated, articles, actors }: UndatedListProps) {
  const [open, setOpen] = useState(false);
  if (undated.length === 0) return null;
  return (
    <details className="undated-list" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        Reported without a date ({undated.length} {undated.length === 1 ? 'event' : 'events'})
      </summary>
      {open ? (
        <>
          <p className="muted">
            The articles report these, but give no date the timeline could place, so they are listed
            here rather than guessed.
          </p>
          <ul className="undated-rows">
            {undated.map((u) => (
              <li key={u.id} className="undated-row">
                <span className="event-row-title">{u.title}</span>
                {u.actors.length > 0 ? (
                  <span className="muted">
                    {' '}
                    · {u.actors.map((id) => actors.get(id)?.name ?? id).join(', ')}
                  </span>
                ) : null}
                <span className="undated-meta">
                  {u.sources
                    .map((s) => {
                      const a = articles.get(s.articleId);
                      return a ? `“${a.title}”${a.source ? ` (${a.source})` : ''}` : s.articleId;
                    })
                    .join('; ')}
                  . Why no date: {u.reason}.
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </details>
  );
}
