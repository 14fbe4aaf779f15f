import { useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { useElementWidth } from '../../lib/use-element-width';
import {
  centreOn,
  panWithin,
  yearStart,
  type Band,
  type Span,
  type YearBins,
} from './overview-math';
import './overview.css';

export interface OverviewProps {
  bins: YearBins;
  bands: readonly Band[];
  lanes: number;
  /** The window the timeline shows (or is heading to). */
  window: Span;
  /** Asks for another window (the shell moves the timeline and writes the URL). */
  onWindow: (window: Span) => void;
  /** Back to the first view: the stretch chosen from the data. */
  onLatest: () => void;
}

const BAR_H = 30;
const LANE_H = 5;
const LANE_GAP = 2;
const AXIS_H = 14;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const monthYear = (ms: number) => {
  const d = new Date(ms);
  return `${MONTHS[d.getMonth()]} ${d.getFullYear()}`;
};

function tickStep(years: number, width: number): number {
  for (const step of [1, 2, 5, 10, 20, 25, 50, 100, 200, 500]) {
    if ((width * step) / years >= 52) return step;
  }
  return 1000;
}

/**
 * The whole span of the data in one strip: a bar per year (events that start in it), the eras and
 * the terms of office as bands, and the timeline's window as a rectangle. Drag the rectangle or
 * click the strip to move the window; the rectangle is a slider for the keyboard (arrows move a
 * tenth of the window, Page Up/Down a whole window, Home/End to either end).
 * An SVG drawn from the precomputed bins: one element per year and per band, no timeline library.
 */
export function Overview({ bins, bands, lanes, window, onWindow, onLatest }: OverviewProps) {
  const trackRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(trackRef);
  const extent = useMemo(
    () => ({ start: yearStart(bins.firstYear), end: yearStart(bins.lastYear + 1) }),
    [bins],
  );
  const total = extent.end - extent.start;
  const x = (t: number) => ((t - extent.start) / total) * width;
  const timeAt = (px: number) => extent.start + (px / Math.max(width, 1)) * total;

  const [drag, setDrag] = useState<{ x0: number; from: Span; now: Span } | null>(null);
  const shown = drag?.now ?? window;
  const height = BAR_H + LANE_GAP + lanes * (LANE_H + LANE_GAP);

  const bars = useMemo(() => {
    if (width <= 0) return [];
    const span = extent.end - extent.start;
    const px = (t: number) => ((t - extent.start) / span) * width;
    return bins.counts.flatMap((count, i) => {
      if (count === 0) return [];
      const year = bins.firstYear + i;
      const left = px(yearStart(year));
      const w = Math.max(
        1,
        px(yearStart(year + 1)) - left - (width / bins.counts.length > 4 ? 1 : 0),
      );
      const h = 3 + (BAR_H - 5) * Math.sqrt(count / bins.max);
      return [{ year, count, left, w, h }];
    });
  }, [bins, extent, width]);

  const ticks = useMemo(() => {
    if (width <= 0) return [];
    const years = bins.lastYear + 1 - bins.firstYear;
    const step = tickStep(years, width);
    const out: number[] = [];
    for (let y = Math.ceil(bins.firstYear / step) * step; y <= bins.lastYear + 1; y += step) {
      out.push(y);
    }
    return out;
  }, [bins, width]);

  const left = Math.max(0, Math.min(width, x(shown.start)));
  const right = Math.max(0, Math.min(width, x(shown.end)));
  const brushW = Math.max(8, right - left);
  const brushLeft = Math.min(left, width - brushW);

  const onTrackDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0 || (e.target as HTMLElement).closest('.overview-brush')) return;
    const rect = e.currentTarget.getBoundingClientRect();
    onWindow(centreOn(window, timeAt(e.clientX - rect.left), extent));
  };
  const onBrushDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    setDrag({ x0: e.clientX, from: window, now: window });
  };
  const onBrushMove = (e: PointerEvent<HTMLDivElement>) => {
    if (!drag) return;
    const delta = ((e.clientX - drag.x0) / Math.max(width, 1)) * total;
    setDrag({ ...drag, now: panWithin(drag.from, delta, extent) });
  };
  const onBrushUp = () => {
    if (!drag) return;
    setDrag(null);
    if (drag.now.start !== drag.from.start) onWindow(drag.now);
  };
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const span = window.end - window.start;
    let next: Span | null = null;
    if (e.key === 'ArrowLeft' || e.key === 'ArrowDown')
      next = panWithin(window, -span / 10, extent);
    if (e.key === 'ArrowRight' || e.key === 'ArrowUp') next = panWithin(window, span / 10, extent);
    if (e.key === 'PageUp') next = panWithin(window, -span, extent);
    if (e.key === 'PageDown') next = panWithin(window, span, extent);
    if (e.key === 'Home') next = panWithin(window, extent.start - window.start, extent);
    if (e.key === 'End') next = panWithin(window, extent.end - window.end, extent);
    if (!next) return;
    e.preventDefault();
    if (next.start !== window.start) onWindow(next);
  };

  const startYear = new Date(shown.start).getFullYear();
  return (
    <div className="overview" role="group" aria-labelledby="overview-label">
      <div className="overview-head">
        <span id="overview-label" className="overview-label">
          All years, {bins.firstYear}–{bins.lastYear}: events per year, eras and terms of office
        </span>
        <button type="button" className="button tool" onClick={onLatest}>
          Latest events
        </button>
      </div>
      <div ref={trackRef} className="overview-track" style={{ height }} onPointerDown={onTrackDown}>
        {width > 0 ? (
          <svg
            className="overview-svg"
            width={width}
            height={height}
            viewBox={`0 0 ${width} ${height}`}
            aria-hidden="true"
            focusable="false"
          >
            <g className="overview-bars">
              {bars.map((b) => (
                <rect key={b.year} x={b.left} y={BAR_H - b.h} width={b.w} height={b.h}>
                  <title>{`${b.year}: ${b.count} event${b.count === 1 ? '' : 's'}`}</title>
                </rect>
              ))}
            </g>
            <g className="overview-bands">
              {bands.map((b, i) => (
                <rect
                  key={b.id}
                  className={b.lane === 0 ? 'era' : i % 2 ? 'term' : 'term alt'}
                  x={x(b.start)}
                  y={BAR_H + LANE_GAP + b.lane * (LANE_H + LANE_GAP)}
                  width={Math.max(1, x(b.end) - x(b.start) - 0.5)}
                  height={LANE_H}
                >
                  <title>{b.title}</title>
                </rect>
              ))}
            </g>
          </svg>
        ) : null}
        <div
          className={`overview-brush${drag ? ' dragging' : ''}`}
          style={{ left: brushLeft, width: brushW }}
          role="slider"
          tabIndex={0}
          aria-label="Stretch shown in the timeline"
          aria-orientation="horizontal"
          aria-valuemin={bins.firstYear}
          aria-valuemax={bins.lastYear}
          aria-valuenow={Math.min(Math.max(startYear, bins.firstYear), bins.lastYear)}
          aria-valuetext={`${monthYear(shown.start)} to ${monthYear(shown.end - 1)}`}
          onPointerDown={onBrushDown}
          onPointerMove={onBrushMove}
          onPointerUp={onBrushUp}
          onPointerCancel={() => setDrag(null)}
          onKeyDown={onKey}
        />
      </div>
      {/* Years in HTML below the strip, not SVG text: text can be judged only on a known background. */}
      <div className="overview-axis" style={{ height: AXIS_H }} aria-hidden="true">
        {ticks.map((y) => (
          <span key={y} style={{ left: Math.min(Math.max(x(yearStart(y)), 14), width - 14) }}>
            {y}
          </span>
        ))}
      </div>
    </div>
  );
}
