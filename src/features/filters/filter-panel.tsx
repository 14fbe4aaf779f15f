import { memo, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import {
  findLeaders,
  FIND_LEADER_ABOVE,
  groupActorsByCountry,
  partitionByEvents,
  type CountryGroup,
} from '../../lib/filter-events';
import { SearchIcon } from '../../lib/icons';
import type { Relationship } from '../../lib/relationship';
import type { Actor } from '../../lib/timeline-data';
import type { MatchMode } from '../../lib/url-search-params';
import { normalizeQuery } from '../../lib/url-search-params';
import './filters.css';

export interface FilterChange {
  leaders?: string[];
  match?: MatchMode;
  q?: string;
  /**
   * How the change enters the browser history. Each pause while typing one search updates the
   * same entry ('replace'), so Back leaves the search instead of walking back through "kan",
   * "kanana"…; the first change of a search, and every other change, adds an entry ('push').
   */
  history?: 'push' | 'replace';
}

export interface FilterPanelProps {
  actors: readonly Actor[];
  /** Its two countries' groups come first. */
  relationship: Relationship;
  /** Events per actor under the current search words. */
  counts: ReadonlyMap<string, number>;
  /** Events per actor in the whole data: actors with none are listed apart, collapsed. */
  allCounts: ReadonlyMap<string, number>;
  leaders: readonly string[];
  match: MatchMode;
  q: string;
  shown: number;
  total: number;
  onChange: (change: FilterChange) => void;
}

const SEARCH_DELAY_MS = 400;

/** Memoised: the explorer re-renders on every zoom and selection, the filter only on its props. */
export const FilterPanel = memo(function FilterPanel({
  actors,
  relationship,
  counts,
  allCounts,
  leaders,
  match,
  q,
  shown,
  total,
  onChange,
}: FilterPanelProps) {
  const id = useId();
  const { groups, idleGroups, idleCount } = useMemo(() => {
    const { active, idle } = partitionByEvents(actors, allCounts, leaders);
    return {
      groups: groupActorsByCountry(active, relationship),
      idleGroups: groupActorsByCountry(idle, relationship),
      idleCount: idle.length,
    };
  }, [actors, allCounts, leaders, relationship]);
  // "Find a leader": narrows the list of checkboxes only (not the events, not the URL).
  const [find, setFind] = useState('');
  const findable = actors.length > FIND_LEADER_ABOVE;
  const shownGroups = useMemo(
    () => (findable ? findLeaders(groups, find, leaders) : groups),
    [findable, groups, find, leaders],
  );
  const shownIdle = useMemo(
    () => (findable ? findLeaders(idleGroups, find, leaders) : idleGroups),
    [findable, idleGroups, find, leaders],
  );
  const [text, setText] = useState(q);
  const [open, setOpen] = useState(false);
  const [seenQ, setSeenQ] = useState(q);
  if (q !== seenQ) {
    // The URL changed (Back/Forward, clear-all): show its words unless they are what is typed.
    setSeenQ(q);
    if (normalizeQuery(text) !== q) setText(q);
  }

  // True once this search (focus to blur, or to Enter) has put its words in the URL.
  const searchingRef = useRef(false);
  const sendSearch = useCallback(
    (words: string) => {
      // What we send counts as seen: if Back moves the URL on before React renders these words,
      // the next render still sees a change and shows the URL's words instead of the typed ones.
      setSeenQ(words);
      onChange({ q: words, history: searchingRef.current ? 'replace' : 'push' });
      searchingRef.current = true;
    },
    [onChange],
  );

  useEffect(() => {
    const normalized = normalizeQuery(text);
    if (normalized === q) return;
    const timer = window.setTimeout(() => sendSearch(normalized), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [text, q, sendSearch]);

  const toggle = (actorId: string, checked: boolean) => {
    const next = checked ? [...leaders, actorId] : leaders.filter((l) => l !== actorId);
    onChange({ leaders: next });
  };
  const active = leaders.length > 0 || q !== '';
  const renderGroup = (group: CountryGroup) => (
    <fieldset key={group.country} className="leader-group">
      <legend>{group.country}</legend>
      {group.actors.map((actor) => {
        const count = counts.get(actor.id) ?? 0;
        const checked = leaders.includes(actor.id);
        return (
          <div
            key={actor.id}
            className={`leader${checked ? ' is-checked' : ''}${count === 0 ? ' is-empty' : ''}`}
          >
            <input
              type="checkbox"
              id={`${id}-${actor.id}`}
              checked={checked}
              onChange={(e) => toggle(actor.id, e.target.checked)}
              aria-describedby={`${id}-${actor.id}-count`}
            />
            <label htmlFor={`${id}-${actor.id}`}>{actor.name}</label>
            <span
              className="leader-count"
              id={`${id}-${actor.id}-count`}
              title={`${count} ${count === 1 ? 'event' : 'events'}`}
            >
              {count}
              <span className="sr-only"> {count === 1 ? 'event' : 'events'}</span>
            </span>
          </div>
        );
      })}
    </fieldset>
  );

  return (
    <section className={`filters${open ? ' is-open' : ''}`} aria-labelledby={`${id}-heading`}>
      <div className="filters-bar">
        <h2 id={`${id}-heading`} className="sr-only">
          Filter events
        </h2>
        <form
          className="search"
          role="search"
          aria-label="Events"
          onSubmit={(e) => {
            e.preventDefault();
            const normalized = normalizeQuery(text);
            if (normalized !== q) sendSearch(normalized);
            searchingRef.current = false;
          }}
        >
          <label htmlFor={`${id}-q`} className="sr-only">
            Search titles and quotes
          </label>
          <SearchIcon size={16} />
          <input
            id={`${id}-q`}
            type="search"
            value={text}
            placeholder="Search titles and quotes"
            autoComplete="off"
            spellCheck={false}
            maxLength={200}
            onChange={(e) => setText(e.target.value)}
            onFocus={() => {
              searchingRef.current = false;
            }}
            onBlur={() => {
              searchingRef.current = false;
            }}
          />
        </form>
        <button
          type="button"
          className="button filters-toggle"
          aria-expanded={open}
          aria-controls={`${id}-body`}
          onClick={() => setOpen((o) => !o)}
        >
          Leaders{leaders.length > 0 ? ` (${leaders.length})` : ''}
        </button>
        <div className="filters-options">
          <label className="switch">
            <input
              type="checkbox"
              checked={match === 'all'}
              onChange={(e) => onChange({ match: e.target.checked ? 'all' : 'any' })}
            />
            <span>Only events with all of them</span>
          </label>
          <button
            type="button"
            className="button subtle"
            disabled={!active && match === 'any'}
            onClick={() => {
              setText('');
              onChange({ leaders: [], match: 'any', q: '' });
            }}
          >
            Clear all
          </button>
        </div>
        <p className="filters-summary">
          {active ? (
            <>
              <strong>{shown}</strong> of {total} events
            </>
          ) : (
            `All ${total} events`
          )}
        </p>
      </div>

      <div className="leader-groups" id={`${id}-body`}>
        {findable ? (
          <div className="leader-find">
            <label htmlFor={`${id}-find`}>Find a leader</label>
            <input
              id={`${id}-find`}
              type="search"
              value={find}
              autoComplete="off"
              spellCheck={false}
              maxLength={80}
              onChange={(e) => setFind(e.target.value)}
            />
            {shownGroups.length === 0 && shownIdle.length === 0 ? (
              <p className="muted" role="status">
                No leader matches “{find}”.
              </p>
            ) : null}
          </div>
        ) : null}
        {shownGroups.map((group) => renderGroup(group))}
        {idleCount > 0 && shownIdle.length > 0 ? (
          <details className="leaders-idle" open={find.trim() !== '' ? true : undefined}>
            <summary>No events yet ({idleCount})</summary>
            {shownIdle.map((group) => renderGroup(group))}
          </details>
        ) : null}
      </div>
    </section>
  );
});
