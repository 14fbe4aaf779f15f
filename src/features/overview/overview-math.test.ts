import { describe, expect, it } from 'vitest';
import {
  bandLanes,
  centreOn,
  firstStretch,
  panWithin,
  yearBins,
  yearStart,
  type Span,
} from './overview-math';

const day = (iso: string) => new Date(`${iso}T00:00:00`).getTime();
const DAY = 24 * 3600 * 1000;
const point = (iso: string): Span => ({ start: day(iso), end: day(iso) + DAY });
const range = (from: string, to: string): Span => ({ start: day(from), end: day(to) + DAY });

// The shape of the seed data: one long era a century back, then a recent bunch.
const seedLike: Span[] = [
  { start: yearStart(1910), end: yearStart(1946) },
  range('2022-05-10', '2025-04-04'),
  { start: day('2024-12-01'), end: day('2025-04-05') },
  { start: day('2024-12-01'), end: day('2025-01-01') },
  point('2025-06-04'),
  range('2025-06-04', '2025-06-18'),
  point('2025-06-17'),
];

describe('yearBins', () => {
  it('counts each event once, in its start year, over every year of the data', () => {
    const bins = yearBins(seedLike)!;
    expect(bins.firstYear).toBe(1910);
    expect(bins.lastYear).toBe(2025);
    expect(bins.counts).toHaveLength(116);
    expect(bins.counts[0]).toBe(1);
    expect(bins.counts[2022 - 1910]).toBe(1);
    expect(bins.counts[2024 - 1910]).toBe(2);
    expect(bins.counts[2025 - 1910]).toBe(3);
    expect(bins.counts.reduce((a, b) => a + b, 0)).toBe(seedLike.length);
    expect(bins.max).toBe(3);
  });

  it('is null for no events', () => {
    expect(yearBins([])).toBeNull();
  });
});

describe('firstStretch', () => {
  it('opens on the recent bunch, not the century before it, and ends with the last event', () => {
    const s = firstStretch(seedLike)!;
    expect(s.end).toBe(day('2025-06-19')); // the talks' range ends after the 18th
    expect(s.start).toBeLessThan(day('2022-05-10'));
    expect(s.start).toBeGreaterThan(day('2022-01-01'));
  });

  it('keeps only the latest events of a long dense stretch', () => {
    const monthly = Array.from({ length: 240 }, (_, i) =>
      point(`${2005 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-15`),
    );
    const s = firstStretch(monthly, { maxEvents: 24 })!;
    const inside = monthly.filter((e) => e.start >= s.start && e.start < s.end);
    expect(inside).toHaveLength(24);
    expect(s.end).toBe(day('2024-12-16'));
  });

  it('never ends after the last event, even when an earlier range runs longer', () => {
    const spans = [range('2000-01-01', '2030-01-01'), point('2020-03-01'), point('2020-04-01')];
    const s = firstStretch(spans)!;
    expect(s.end).toBeLessThanOrEqual(day('2030-01-02'));
    expect(s.start).toBeGreaterThan(day('2019-01-01'));
  });

  it('widens a lone event to the minimum span, ending at the event', () => {
    const s = firstStretch([point('2020-03-01')], { minSpan: 60 * DAY })!;
    expect(s.end - s.start).toBe(60 * DAY);
    expect(s.end).toBe(day('2020-03-02'));
  });

  it('is null for no events', () => {
    expect(firstStretch([])).toBeNull();
  });
});

describe('bandLanes', () => {
  it('puts eras in lane 0 and each group of terms in its own lane, clipped to the extent', () => {
    const extent = { start: yearStart(1910), end: yearStart(2026) };
    const { bands, lanes } = bandLanes(
      [
        { id: 'e', title: 'Era', kind: 'era', start: yearStart(1900), end: yearStart(1945) },
        {
          id: 'a',
          title: 'A',
          kind: 'term',
          start: yearStart(1950),
          end: yearStart(1960),
          group: 'x',
        },
        {
          id: 'b',
          title: 'B',
          kind: 'term',
          start: yearStart(1955),
          end: yearStart(1965),
          group: 'y',
        },
        {
          id: 'c',
          title: 'C',
          kind: 'term',
          start: yearStart(1960),
          end: yearStart(2100),
          group: 'x',
        },
        {
          id: 'd',
          title: 'D',
          kind: 'term',
          start: yearStart(1800),
          end: yearStart(1850),
          group: 'z',
        },
      ],
      extent,
    );
    expect(lanes).toBe(3);
    expect(bands.map((b) => [b.id, b.lane])).toEqual([
      ['e', 0],
      ['a', 1],
      ['b', 2],
      ['c', 1],
    ]);
    expect(bands[0]!.start).toBe(extent.start);
    expect(bands[3]!.end).toBe(extent.end);
  });
});

describe('panWithin and centreOn', () => {
  const extent = { start: 0, end: 1000 };
  it('move the window without changing its span, and stop at the ends', () => {
    expect(panWithin({ start: 100, end: 200 }, 50, extent)).toEqual({ start: 150, end: 250 });
    expect(panWithin({ start: 100, end: 200 }, -500, extent)).toEqual({ start: 0, end: 100 });
    expect(panWithin({ start: 100, end: 200 }, 5000, extent)).toEqual({ start: 900, end: 1000 });
    expect(centreOn({ start: 100, end: 200 }, 500, extent)).toEqual({ start: 450, end: 550 });
    expect(centreOn({ start: 100, end: 200 }, 990, extent)).toEqual({ start: 900, end: 1000 });
  });
  it('leave a window wider than the extent where it is asked to go', () => {
    expect(panWithin({ start: -100, end: 1100 }, 50, extent)).toEqual({ start: -50, end: 1150 });
  });
});
