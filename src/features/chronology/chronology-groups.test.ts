import { describe, expect, it } from 'vitest';
import type { TimelineEvent, UndatedEvent } from '../../lib/timeline-data';
import { groupChronology, ROWS_ABOVE_SELECTED, rowRange, windowFor } from './chronology-groups';

function ev(id: string, start: string, extra: Partial<TimelineEvent> = {}): TimelineEvent {
  return {
    id,
    title: `Event ${id}`,
    kind: 'meeting',
    start,
    dateKind: 'point',
    dateInferred: false,
    dateBasis: 'stated',
    actors: [],
    place: null,
    sources: [{ articleId: 'a', quote: 'q', offset: 0 }],
    ...extra,
  };
}

const undated: UndatedEvent = {
  id: 'u1',
  title: 'Talks at some point',
  kind: 'meeting',
  actors: [],
  place: null,
  sources: [{ articleId: 'a', quote: 'q', offset: 0 }],
  reason: 'no date in the text',
};

describe('groupChronology', () => {
  it('groups by start year, years ascending, events in timeline order within a year', () => {
    const result = groupChronology([
      ev('c', '2025-06-17'),
      ev('a', '1910', { end: '1945', dateKind: 'range' }),
      ev('b', '2025-06'),
      ev('d', '2024-12', { end: '2025-06-04', dateKind: 'bounded' }),
      ev('e', '2025'),
    ]);
    expect(result.years.map((g) => g.year)).toEqual([1910, 2024, 2025]);
    // A year-precision event starts on 1 January, before a month, before a day in that month.
    expect(result.years[2]!.events.map((e) => e.id)).toEqual(['e', 'b', 'c']);
    // A bounded span goes under the year it may start in.
    expect(result.years[1]!.events.map((e) => e.id)).toEqual(['d']);
    expect(result.datedCount).toBe(5);
    expect(result.undated).toEqual([]);
  });

  it('puts undated events in their own group after the years', () => {
    const result = groupChronology([ev('x', '2001-02-03')], [undated]);
    expect(result.years).toHaveLength(1);
    expect(result.undated.map((u) => u.id)).toEqual(['u1']);
  });

  it('lists an event whose date cannot be read as undated, saying why', () => {
    const result = groupChronology([ev('bad', '20xx'), ev('ok', '1999')]);
    expect(result.years.map((g) => g.year)).toEqual([1999]);
    expect(result.undated).toHaveLength(1);
    expect(result.undated[0]!.id).toBe('bad');
    expect(result.undated[0]!.reason).toContain('20xx');
    expect(result.datedCount).toBe(1);
  });

  it('gives no groups for no events', () => {
    expect(groupChronology([])).toEqual({ years: [], undated: [], datedCount: 0 });
  });
});

describe('windowFor and rowRange', () => {
  it('starts at the top, or a few rows above a selected event beyond the first page', () => {
    expect(windowFor(-1, 300)).toEqual({ start: 0, count: 300 });
    expect(windowFor(299, 300)).toEqual({ start: 0, count: 300 });
    expect(windowFor(9000, 300)).toEqual({ start: 9000 - ROWS_ABOVE_SELECTED, count: 300 });
  });

  it('renders the window within the data, always with the selected row', () => {
    expect(rowRange({ start: 0, count: 300 }, -1, 1000, false)).toEqual({ from: 0, to: 300 });
    expect(rowRange({ start: 0, count: 300 }, -1, 120, false)).toEqual({ from: 0, to: 120 });
    expect(rowRange({ start: 0, count: 300 }, 450, 1000, false)).toEqual({ from: 0, to: 451 });
    expect(rowRange({ start: 500, count: 300 }, 20, 1000, false)).toEqual({ from: 20, to: 800 });
    // A window left beyond the data by a narrower filter shrinks to what is there.
    expect(rowRange({ start: 900, count: 300 }, -1, 50, false)).toEqual({ from: 50, to: 50 });
    expect(rowRange({ start: 0, count: 300 }, 5000, 1000, false)).toEqual({ from: 0, to: 300 });
  });

  it('renders everything for print', () => {
    expect(rowRange({ start: 500, count: 300 }, 600, 10000, true)).toEqual({ from: 0, to: 10000 });
  });
});
