/**
 * Arithmetic of the overview strip and of the first window: per-year density bins, the bands of
 * eras and terms, and the stretch of time the timeline opens on when the URL names no window.
 * Pure: times are ms since the epoch (end exclusive), years are local calendar years, as the
 * timeline draws them.
 */

export interface Span {
  start: number;
  end: number;
}

const DAY_MS = 24 * 3600 * 1000;
const YEAR_MS = 365.2425 * DAY_MS;

/** Events per calendar year from `firstYear` to `lastYear` (both included), by start year. */
export interface YearBins {
  firstYear: number;
  lastYear: number;
  counts: number[];
  max: number;
}

const yearOf = (ms: number) => new Date(ms).getFullYear();
export const yearStart = (year: number) => new Date(year, 0, 1).getTime();

/** Counts each event once, in the year it starts. Null for no events. */
export function yearBins(spans: readonly Span[]): YearBins | null {
  if (spans.length === 0) return null;
  let firstYear = Infinity;
  let lastYear = -Infinity;
  for (const s of spans) {
    firstYear = Math.min(firstYear, yearOf(s.start));
    lastYear = Math.max(lastYear, yearOf(Math.max(s.start, s.end - 1)));
  }
  const counts = new Array<number>(lastYear - firstYear + 1).fill(0);
  for (const s of spans) counts[yearOf(s.start) - firstYear]! += 1;
  return { firstYear, lastYear, counts, max: Math.max(...counts) };
}

/** Gap between consecutive event starts above which two stretches of events are apart. */
export function clusterGap(spans: readonly Span[]): number {
  if (spans.length === 0) return YEAR_MS;
  let start = Infinity;
  let end = -Infinity;
  for (const s of spans) {
    start = Math.min(start, s.start);
    end = Math.max(end, s.end);
  }
  return Math.max(YEAR_MS, (end - start) / 40);
}

export interface FirstStretchOptions {
  /** At most this many events (the most recent of the stretch) are put in the first window. */
  maxEvents?: number;
  /** The stretch is never narrower than this (ms), so a lone event is not drawn across the page. */
  minSpan?: number;
}

/**
 * The stretch the timeline opens on: the most recent cluster of events (consecutive starts no
 * further apart than {@link clusterGap}), cut to its `maxEvents` latest events, padded by 4% on
 * the left and never ending after the last event's end. Null for no events.
 * Range events that began before the stretch and still run in it do not widen it (they are drawn
 * from its left edge); their start is one click away in the overview.
 */
export function firstStretch(
  spans: readonly Span[],
  options: FirstStretchOptions = {},
): Span | null {
  if (spans.length === 0) return null;
  const maxEvents = options.maxEvents ?? 30;
  const minSpan = options.minSpan ?? 90 * DAY_MS;
  const byStart = [...spans].sort((a, b) => b.start - a.start || b.end - a.end);
  const gap = clusterGap(spans);
  const lastEnd = Math.max(...spans.map((s) => s.end));
  let first = byStart[0]!.start;
  let taken = 1;
  for (let i = 1; i < byStart.length && taken < maxEvents; i++) {
    const s = byStart[i]!;
    if (first - s.start > gap) break;
    first = s.start;
    taken += 1;
  }
  // Points of the stretch end where they end; a range reaching past the stretch's last start (the
  // term that is still running) ends the stretch at its end, the data's last moment.
  let end = 0;
  for (const s of spans) if (s.start >= first) end = Math.max(end, s.end);
  end = Math.min(end, lastEnd);
  let start = first - (end - first) * 0.04;
  if (end - start < minSpan) start = end - minSpan;
  return { start, end };
}

export interface Band {
  id: string;
  title: string;
  start: number;
  end: number;
  /** Lane index: 0 for eras, then one per group of terms (e.g. one country's offices). */
  lane: number;
}

export interface BandInput {
  id: string;
  title: string;
  kind: 'era' | 'term';
  start: number;
  end: number;
  /** Terms in the same group share a lane (e.g. the office holder's country). */
  group?: string | undefined;
}

/** Eras in lane 0, terms in one lane per group (in order of first appearance), clipped to `extent`. */
export function bandLanes(
  inputs: readonly BandInput[],
  extent: Span,
): { bands: Band[]; lanes: number } {
  const groups = new Map<string, number>();
  const bands: Band[] = [];
  for (const b of inputs) {
    const start = Math.max(b.start, extent.start);
    const end = Math.min(b.end, extent.end);
    if (end <= start) continue;
    let lane = 0;
    if (b.kind === 'term') {
      const key = b.group ?? '';
      if (!groups.has(key)) groups.set(key, groups.size + 1);
      lane = groups.get(key)!;
    }
    bands.push({ id: b.id, title: b.title, start, end, lane });
  }
  return { bands, lanes: groups.size + 1 };
}

/** Moves `window` by `delta` ms, keeping its span and keeping it inside `extent` where it fits. */
export function panWithin(window: Span, delta: number, extent: Span): Span {
  const span = window.end - window.start;
  let start = window.start + delta;
  if (span <= extent.end - extent.start) {
    start = Math.min(Math.max(start, extent.start), extent.end - span);
  }
  return { start, end: start + span };
}

/** The window of the same span centred on `time`, kept inside `extent` where it fits. */
export function centreOn(window: Span, time: number, extent: Span): Span {
  const span = window.end - window.start;
  return panWithin(window, time - span / 2 - window.start, extent);
}
