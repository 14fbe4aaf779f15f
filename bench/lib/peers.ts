/**
 * The peers, built from the same events Ties shows (its timeline.json):
 *   - TimelineJS 3.9 (`@knight-lab/timelinejs`), one slide per event, loaded from local files;
 *   - bare vis-timeline 8.5 standalone: every event in one DataSet, default options, window fitted.
 * Both pages fetch their JSON (Ties imports its index as a preloaded chunk, or fetches it above 2 MB:
 * docs/decisions/0014-data-import.md), so data transfer and parsing count for all three.
 * Text is escaped: both libraries treat strings as HTML.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { firstDay, lastDay } from '../../src/lib/partial-date.ts';
import type { PartialDate, TimelineData } from '../../src/lib/timeline-data.ts';

export function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

interface TjsDate {
  year: number;
  month?: number;
  day?: number;
}

function tjsDate(d: PartialDate): TjsDate {
  const [y, m, day] = d.split('-').map(Number);
  const out: TjsDate = { year: y ?? 0 };
  if (m) out.month = m;
  if (day) out.day = day;
  return out;
}

/** `YYYY`, `YYYY-MM`, `YYYY-MM-DD` → an ISO day: the first day of the period, or the last for an end. */
export function isoDay(d: PartialDate, asEnd = false): string {
  return asEnd ? lastDay(d) : firstDay(d);
}

export function toTimelineJs(data: TimelineData): unknown {
  return {
    events: data.events.map((e) => ({
      unique_id: e.id.replace(/[^A-Za-z0-9_-]/g, '_'),
      start_date: tjsDate(e.start),
      ...(e.end ? { end_date: tjsDate(e.end) } : {}),
      text: {
        headline: escapeHtml(e.title),
        text: `<p>${escapeHtml(e.sources[0]?.quote ?? '')}</p>`,
      },
    })),
  };
}

export function toVisItems(data: TimelineData): unknown[] {
  return data.events.map((e) => ({
    id: e.id,
    content: escapeHtml(e.title),
    start: isoDay(e.start),
    ...(e.end ? { end: isoDay(e.end, true), type: 'range' } : {}),
  }));
}

const TJS_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>TimelineJS peer</title>
<link rel="stylesheet" href="/lib/tjs/css/timeline.css">
<style>html,body{margin:0;height:100%}#timeline-embed{width:100%;height:100vh}</style>
</head><body><div id="timeline-embed"></div>
<script src="/lib/tjs/js/timeline.js"></script>
<script>
fetch('./tjs-data.json').then(function (r) { return r.json(); }).then(function (data) {
  var tl = new TL.Timeline('timeline-embed', data, {
    script_path: new URL('/lib/tjs/js/', location.href).href,
    hash_bookmark: false,
  });
  window.__timeline = tl;
  tl.on('loaded', function () {
    if (window.__bench) window.__bench.t.loaded = performance.now();
  });
});
</script></body></html>
`;

const VIS_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>bare vis-timeline peer</title>
<link rel="stylesheet" href="/lib/vis/styles/vis-timeline-graph2d.min.css">
<style>html,body{margin:0}#tl{width:100%}</style>
</head><body><div id="tl"></div>
<script src="/lib/vis/standalone/umd/vis-timeline-graph2d.min.js"></script>
<script>
fetch('./vis-items.json').then(function (r) { return r.json(); }).then(function (items) {
  var tl = new vis.Timeline(document.getElementById('tl'), new vis.DataSet(items), { height: '760px' });
  window.__timeline = tl;
});
</script></body></html>
`;

/** Writes tjs.html, tjs-data.json, vis.html and vis-items.json into `dir`. */
export function writePeerPages(data: TimelineData, dir: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'tjs-data.json'), JSON.stringify(toTimelineJs(data)));
  writeFileSync(join(dir, 'vis-items.json'), JSON.stringify(toVisItems(data)));
  writeFileSync(join(dir, 'tjs.html'), TJS_PAGE);
  writeFileSync(join(dir, 'vis.html'), VIS_PAGE);
}
