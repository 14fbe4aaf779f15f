import { DAY_MS, fromIsoDay, toIsoDay } from '../../lib/partial-date';

/** A time window in ms since the epoch (end exclusive). */
export interface Span {
  start: number;
  end: number;
}

const MIN_SPAN = 14 * DAY_MS;

/** Smallest span covering all the given spans, or null for none. */
export function extentOf(spans: readonly Span[]): Span | null {
  if (spans.length === 0) return null;
  let start = Infinity;
  let end = -Infinity;
  for (const s of spans) {
    start = Math.min(start, s.start);
    end = Math.max(end, s.end);
  }
  return { start, end };
}

/**
 * The window that shows `extent` in a timeline `widthPx` wide, leaving room on the right for the
 * labels of the latest items (labels run to the right of their date).
 */
export function fitWindow(extent: Span, widthPx: number, labelRoomPx = 440): Span {
  let { start, end } = extent;
  if (end - start < MIN_SPAN) {
    const mid = (start + end) / 2;
    start = mid - MIN_SPAN / 2;
    end = mid + MIN_SPAN / 2;
  }
  const width = Math.max(widthPx, 200);
  const leftPx = 16;
  const room = Math.min(labelRoomPx, width * 0.42);
  const usable = Math.max(width - room - leftPx, width * 0.4);
  const msPerPx = (end - start) / usable;
  return { start: start - leftPx * msPerPx, end: end + room * msPerPx };
}

/**
 * The width vis-timeline leaves for the time axis in a holder `holderWidth` wide: the lane labels
 * take about 165 px beside it (timeline.css; about 72 px under 600 px, where they wrap).
 */
export function canvasWidth(holderWidth: number): number {
  return Math.max(200, holderWidth - (holderWidth < 600 ? 72 : 165));
}

/** Zooms around the centre: factor < 1 zooms in, > 1 zooms out. */
export function zoomWindow(window: Span, factor: number, minSpan = 7 * DAY_MS): Span {
  const mid = (window.start + window.end) / 2;
  const half = Math.max(((window.end - window.start) * factor) / 2, minSpan / 2);
  return { start: mid - half, end: mid + half };
}

/** Keeps the window when `target` is inside it; otherwise centres it on the target's start. */
export function revealWindow(window: Span, target: Span): Span {
  if (target.start >= window.start && target.start <= window.end) return window;
  const span = window.end - window.start;
  const targetSpan = target.end - target.start;
  if (targetSpan > span * 0.8) {
    const pad = targetSpan * 0.15;
    return { start: target.start - pad, end: target.end + pad };
  }
  const mid = target.start + Math.min(targetSpan / 2, span / 4);
  return { start: mid - span / 2, end: mid + span / 2 };
}

/** The window as URL days: the day containing each end. */
export function windowToDays(window: Span): { from: string; to: string } {
  const from = toIsoDay(new Date(window.start));
  let to = toIsoDay(new Date(window.end));
  if (to <= from) to = toIsoDay(new Date(fromIsoDay(from).getTime() + DAY_MS * 1.5));
  return { from, to };
}

/** The wanted window from the URL's days (either may be missing) and the fitted default. */
export function windowFromDays(from: string | null, to: string | null, fallback: Span): Span {
  const fitSpan = fallback.end - fallback.start;
  if (from && to) return { start: fromIsoDay(from).getTime(), end: fromIsoDay(to).getTime() };
  if (from) {
    const start = fromIsoDay(from).getTime();
    return { start, end: Math.max(fallback.end, start + Math.min(fitSpan, 365 * DAY_MS)) };
  }
  if (to) {
    const end = fromIsoDay(to).getTime();
    return { start: Math.min(fallback.start, end - Math.min(fitSpan, 365 * DAY_MS)), end };
  }
  return fallback;
}
