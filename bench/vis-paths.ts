/**
 * Why Ties is slow with many events: which ways of feeding vis-timeline 8.5 are fast, and which are not.
 * A diagnostic for the UI, not part of `npm run bench`.
 *
 *   npx tsx bench/vis-paths.ts [--n 1000] [--variants plain,W,G,GW,GWA,GS,GAS,GSF,GSFP]
 *
 * N synthetic items (dates bunched in recent years, two groups), each variant in a fresh page:
 *   plain  items in the constructor, no window in the options (the bare page of the bench)
 *   W      … with `start`/`end` in the options          G  … with groups
 *   A      items added to the DataSet after construction  S  `setWindow(…, {animation:false})` after construction
 *   F      then a filter-like diff: remove every other item, add them back
 *   P      … with the window parked outside the data during the diff (two setWindow calls, same task)
 * Prints the time to build, the time to the first frame, whether vis-timeline's root is still hidden,
 * and for F the time of the remove and of the add.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, newBenchPage } from './lib/measure.ts';
import { ROOT, WORK } from './lib/prepare.ts';
import { serveStatic } from './lib/server.ts';

const PAGE = `<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="/lib/vis/styles/vis-timeline-graph2d.min.css"></head><body><div id="tl"></div>
<script src="/lib/vis/standalone/umd/vis-timeline-graph2d.min.js"></script>
<script>
const q = new URLSearchParams(location.search);
const variant = q.get('v'), n = Number(q.get('n'));
let seed = 1;
const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
const DAY = 86400000, last = Date.UTC(2025, 10, 30);
const items = Array.from({ length: n }, (_, i) => {
  const daysAgo = rnd() < 0.75 ? rnd() * 700 : rnd() * 40000;
  return { id: 'e' + i, content: 'Event number ' + i + ' with a title', start: new Date(last - daysAgo * DAY),
           group: variant.includes('G') ? (i % 2 ? 'a' : 'b') : undefined };
});
const t0 = performance.now();
const opts = { height: '760px', min: new Date(1800, 0, 1), max: new Date(2200, 0, 1) };
if (variant.includes('W')) { opts.start = new Date(1905, 0, 1); opts.end = new Date(2030, 0, 1); }
const groups = variant.includes('G') ? new vis.DataSet([{ id: 'a', content: 'A' }, { id: 'b', content: 'B' }]) : null;
const ds = new vis.DataSet(variant.includes('A') ? [] : items);
const tl = groups ? new vis.Timeline(document.getElementById('tl'), ds, groups, opts)
                  : new vis.Timeline(document.getElementById('tl'), ds, opts);
if (variant.includes('A')) ds.add(items);
if (variant.includes('S')) tl.setWindow(new Date(1905, 0, 1), new Date(2030, 0, 1), { animation: false });
const t1 = performance.now();
requestAnimationFrame(() => {
  const r = { build: t1 - t0, frame: performance.now() - t0,
              rootHidden: getComputedStyle(document.querySelector('.vis-timeline')).visibility === 'hidden' };
  if (!variant.includes('F')) { window.__result = r; return; }
  setTimeout(() => {
    const half = items.filter((_, i) => i % 2).map((it) => it.id);
    const removed = ds.get(half);
    const park = variant.includes('P'), w = tl.getWindow();
    const away = () => park && tl.setWindow(new Date(2190, 0, 1), new Date(2191, 0, 1), { animation: false });
    const back = () => park && tl.setWindow(w.start, w.end, { animation: false });
    const f0 = performance.now(); away(); ds.remove(half); back();
    const f1 = performance.now(); away(); ds.add(removed); back();
    const f2 = performance.now();
    requestAnimationFrame(() => { window.__result = { ...r, remove: f1 - f0, add: f2 - f1 }; });
  }, 300);
});
</script></body></html>`;

function flag(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

async function main(): Promise<void> {
  const n = Number(flag('n', '1000'));
  const variants = flag('variants', 'plain,W,G,GW,GWA,GS,GAS,GSF,GSFP').split(',');
  const dir = join(WORK, 'vis-paths');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'index.html'), PAGE);
  const server = await serveStatic({
    '/exp/': dir,
    '/lib/vis/': join(ROOT, 'node_modules/vis-timeline'),
  });
  const browser = await launchBrowser();
  try {
    for (const v of variants) {
      const page = await newBenchPage(browser);
      await page.goto(`${server.origin}/exp/?v=${v}&n=${n}`);
      try {
        await page.waitForFunction(() => (window as { __result?: unknown }).__result, undefined, {
          timeout: 120_000,
        });
        const r = (await page.evaluate(
          () => (window as { __result?: unknown }).__result,
        )) as Record<string, number | boolean>;
        const f = (k: string) => (typeof r[k] === 'number' ? `${Math.round(r[k])} ms` : '');
        console.log(
          `${String(n).padStart(6)} ${v.padEnd(6)} build ${f('build').padStart(8)}  first frame ${f('frame').padStart(8)}${r.rootHidden ? '  (root still hidden)' : ''}${'add' in r ? `  diff: remove ${f('remove')}, add back ${f('add')}` : ''}`,
        );
      } catch {
        console.log(`${String(n).padStart(6)} ${v.padEnd(6)} no result within 120 s`);
      }
      await page.context().close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
