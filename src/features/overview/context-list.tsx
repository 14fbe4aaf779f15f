import { useMemo, useState } from 'react';
import type { Span } from './overview-math';
import './overview.css';

export interface ContextItem {
  id: string;
  title: string;
  kind: 'era' | 'term';
  /** As the data gives them, at their precision ("1910", "2022-05-10"). */
  startLabel: string;
  endLabel: string | null;
  span: Span;
  /** Where it comes from: an article's headline, or the actors file's source URL. */
  source: { label: string; href: string | null };
}

export interface ContextListProps {
  items: readonly ContextItem[];
  /** Shows `span` in the timeline (the shell writes the window to the URL). */
  onShow: (span: Span) => void;
  /** Events (under the current filter) that overlap `span`: asked only while the list is open. */
  countIn: (span: Span) => number;
}

/** The span with a little margin on either side (3%, at least a day). */
const padded = ({ start, end }: Span): Span => {
  const pad = Math.max((end - start) * 0.03, 86_400_000);
  return { start: start - pad, end: end + pad };
};

const plural = (n: number) => `${n} event${n === 1 ? '' : 's'}`;

/**
 * The eras and terms of office as a list: choosing one sets the timeline's window to it; each
 * says how many events fall in it and where it comes from. Collapsed by default.
 */
export function ContextList({ items, onShow, countIn }: ContextListProps) {
  const [open, setOpen] = useState(false);
  // Counted only while open: with 50,000 events a filter click need not walk every era.
  const counts = useMemo(
    () => (open ? new Map(items.map((i) => [i.id, countIn(i.span)])) : null),
    [open, items, countIn],
  );
  if (items.length === 0) return null;
  const eras = items.filter((i) => i.kind === 'era');
  const terms = items.filter((i) => i.kind === 'term');
  const row = (item: ContextItem) => (
    <li key={item.id} className="context-item">
      <button type="button" className="button subtle" onClick={() => onShow(padded(item.span))}>
        {item.title}, {item.startLabel}–{item.endLabel ?? 'today'}
      </button>{' '}
      <span className="muted">
        {counts ? `${plural(counts.get(item.id) ?? 0)} · ` : null}source:{' '}
        {item.source.href ? (
          <a href={item.source.href} target="_blank" rel="noopener noreferrer">
            {item.source.label}
          </a>
        ) : (
          item.source.label
        )}
      </span>
    </li>
  );
  return (
    <details className="context-list" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Eras and terms of office ({items.length}): show one in the timeline</summary>
      {eras.length > 0 ? (
        <>
          <h3 className="context-heading">Eras</h3>
          <ul>{eras.map(row)}</ul>
        </>
      ) : null}
      {terms.length > 0 ? (
        <>
          <h3 className="context-heading">Terms of office</h3>
          <ul>{terms.map(row)}</ul>
        </>
      ) : null}
    </details>
  );
}
