import { describe, expect, it } from 'vitest';
import { DAY_MS, fromIsoDay } from '../../lib/partial-date';
import {
  extentOf,
  fitWindow,
  revealWindow,
  windowFromDays,
  windowToDays,
  zoomWindow,
} from './window-math';

const day = (s: string) => fromIsoDay(s).getTime();

describe('window math', () => {
  it('fits an extent with room for labels on the right', () => {
    const ext = { start: day('1910-01-01'), end: day('2025-07-01') };
    const w = fitWindow(ext, 1000);
    expect(w.start).toBeLessThan(ext.start);
    expect(w.end).toBeGreaterThan(ext.end);
    expect(w.end - ext.end).toBeGreaterThan(ext.start - w.start);
  });

  it('widens a tiny extent', () => {
    const w = fitWindow({ start: day('2025-06-17'), end: day('2025-06-18') }, 800);
    expect(w.end - w.start).toBeGreaterThanOrEqual(14 * DAY_MS);
  });

  it('zooms around the centre and never below the minimum', () => {
    const w = { start: day('2025-01-01'), end: day('2025-12-31') };
    const z = zoomWindow(w, 0.5);
    expect((z.start + z.end) / 2).toBeCloseTo((w.start + w.end) / 2);
    expect(z.end - z.start).toBeCloseTo((w.end - w.start) / 2);
    const tiny = zoomWindow({ start: day('2025-01-01'), end: day('2025-01-03') }, 0.1);
    expect(tiny.end - tiny.start).toBe(7 * DAY_MS);
  });

  it('moves the window to an event outside it and leaves it alone otherwise', () => {
    const w = { start: day('2025-06-01'), end: day('2025-07-01') };
    const inside = { start: day('2025-06-17'), end: day('2025-06-18') };
    expect(revealWindow(w, inside)).toBe(w);
    const outside = { start: day('2024-12-10'), end: day('2024-12-11') };
    const moved = revealWindow(w, outside);
    expect(moved.start).toBeLessThanOrEqual(outside.start);
    expect(moved.end).toBeGreaterThanOrEqual(outside.end);
    expect(moved.end - moved.start).toBe(w.end - w.start);
    const long = { start: day('1910-01-01'), end: day('1946-01-01') };
    const fitted = revealWindow(w, long);
    expect(fitted.start).toBeLessThan(long.start);
    expect(fitted.end).toBeGreaterThan(long.end);
  });

  it('round-trips windows through URL days', () => {
    const w = { start: day('2025-05-01') + 5 * 3600_000, end: day('2025-07-01') + 3600_000 };
    expect(windowToDays(w)).toEqual({ from: '2025-05-01', to: '2025-07-01' });
    const fallback = { start: day('1900-01-01'), end: day('2030-01-01') };
    expect(windowFromDays('2025-05-01', '2025-07-01', fallback)).toEqual({
      start: day('2025-05-01'),
      end: day('2025-07-01'),
    });
    expect(windowFromDays(null, null, fallback)).toBe(fallback);
    expect(windowFromDays('2025-05-01', null, fallback).start).toBe(day('2025-05-01'));
  });

  it('computes extents', () => {
    expect(extentOf([])).toBeNull();
    expect(
      extentOf([
        { start: 5, end: 9 },
        { start: 1, end: 3 },
      ]),
    ).toEqual({ start: 1, end: 9 });
  });
});
