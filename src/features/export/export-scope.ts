import { searchWords, type EventFilter } from '../../lib/filter-events';
import { formatPartialDate, toIsoDay } from '../../lib/partial-date';
import type { Actor } from '../../lib/timeline-data';
import type { ExportScope } from './export-records';

/** The current filter in words: `leaders Lee Jae-myung or Shigeru Ishiba; search “g7”`, or null. */
export function describeFilter(
  filter: EventFilter,
  actors: ReadonlyMap<string, Actor>,
): string | null {
  const parts: string[] = [];
  if (filter.leaders.length > 0) {
    const names = filter.leaders.map((id) => actors.get(id)?.name ?? id);
    const joiner = filter.match === 'all' ? ' and ' : ' or ';
    parts.push(`${names.length === 1 ? 'leader' : 'leaders'} ${names.join(joiner)}`);
  }
  if (searchWords(filter.q).length > 0) parts.push(`search “${filter.q}”`);
  return parts.length > 0 ? parts.join('; ') : null;
}

/** The visible window as days: `1 Jan 2025 – 31 Dec 2025` (its end is exclusive, in ms). */
export function describeWindow(window: { start: number; end: number }): string {
  const first = toIsoDay(new Date(window.start));
  const last = toIsoDay(new Date(Math.max(window.start, window.end - 1)));
  return `${formatPartialDate(first)} – ${formatPartialDate(last)}`;
}

/**
 * What an export holds, in words that go into the file and the menu. Both scopes apply the current
 * filter; "view" also keeps only the events that overlap the visible window.
 */
export function exportScope(
  kind: ExportScope['kind'],
  filter: EventFilter,
  actors: ReadonlyMap<string, Actor>,
  window: { start: number; end: number } | null,
): ExportScope {
  const described = describeFilter(filter, actors);
  const filterText = described ? `filter: ${described}` : 'no filter';
  if (kind === 'view') {
    const detail = `${filterText}${window ? `; window ${describeWindow(window)}` : ''}`;
    return { kind, description: `events in view (${detail})`, detail };
  }
  return { kind, description: `all events (${filterText})`, detail: filterText };
}
