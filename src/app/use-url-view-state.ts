import { useCallback, useEffect, useRef, useState } from 'react';
import {
  parseViewState,
  serializeViewState,
  type KnownIds,
  type ViewState,
} from '../lib/url-search-params';

export type Reconcile = (state: ViewState) => { state: ViewState; notices: string[] };
export type HistoryMode = 'push' | 'replace';

function currentQuery(): string {
  return window.location.search.replace(/^\?/, '');
}

function urlFor(query: string): string {
  return `${window.location.pathname}${query ? `?${query}` : ''}${window.location.hash}`;
}

function readUrl(known: KnownIds, reconcile: Reconcile): { state: ViewState; notices: string[] } {
  const parsed = parseViewState(window.location.search, known);
  const reconciled = reconcile(parsed.state);
  return { state: reconciled.state, notices: [...parsed.notices, ...reconciled.notices] };
}

/**
 * The view state, kept in the URL: read on load and on Back/Forward (popstate), written on every
 * change. Selection and filter changes push a history entry; window changes replace it. A URL
 * that needed repairs is replaced by its canonical form, and each repair becomes a notice.
 */
export function useUrlViewState(
  known: KnownIds,
  reconcile: Reconcile,
  onNotices: (notices: string[]) => void,
) {
  const [initial] = useState(() => readUrl(known, reconcile));
  const [view, setView] = useState<ViewState>(initial.state);
  const viewRef = useRef(view);
  const depsRef = useRef({ known, reconcile, onNotices });
  useEffect(() => {
    depsRef.current = { known, reconcile, onNotices };
  });

  useEffect(() => {
    const canonical = serializeViewState(initial.state);
    if (canonical !== currentQuery()) window.history.replaceState(null, '', urlFor(canonical));
    if (initial.notices.length > 0) depsRef.current.onNotices(initial.notices);
  }, [initial]);

  useEffect(() => {
    const onPopState = () => {
      const { known: k, reconcile: r, onNotices: notify } = depsRef.current;
      const next = readUrl(k, r);
      const canonical = serializeViewState(next.state);
      if (canonical !== currentQuery()) window.history.replaceState(null, '', urlFor(canonical));
      viewRef.current = next.state;
      setView(next.state);
      if (next.notices.length > 0) notify(next.notices);
    };
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, []);

  const commit = useCallback((next: ViewState, mode: HistoryMode) => {
    const { reconcile: r, onNotices: notify } = depsRef.current;
    const reconciled = r(next);
    const query = serializeViewState(reconciled.state);
    if (query !== currentQuery()) {
      if (mode === 'push') window.history.pushState(null, '', urlFor(query));
      else window.history.replaceState(null, '', urlFor(query));
    }
    viewRef.current = reconciled.state;
    setView(reconciled.state);
    if (reconciled.notices.length > 0) notify(reconciled.notices);
  }, []);

  /** The latest state, for handlers that run between renders. */
  const latest = useCallback(() => viewRef.current, []);

  return { view, commit, latest };
}
