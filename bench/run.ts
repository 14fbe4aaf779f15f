/**
 * `npm run bench` / `npm run bench:smoke`: Ties side by side with TimelineJS and bare vis-timeline.
 *
 * Flags:
 *   --sizes seed,10,1000,5000,50000   event counts ("seed" = the real seeds/ folder)
 *   --runs N                          page loads per page and size (alternating the three); default
 *                                     9 up to 1,000 events, 5 above (TimelineJS takes seconds there)
 *   --targets ties,tjs,bare
 *   --peers-max 5000                  largest size the peers run at (50,000 is Ties only)
 *   --timeout 60                      seconds one page may take to show its first events
 *   --ref <git ref>                   measure the ingest and app of that commit (exported with
 *                                     git archive), not this working tree
 *   --app-dir <path>                  measure the ingest and app of another checkout
 *   --keep                            keep this run's corpora and builds (bench/.work/run-<pid>)
 *   --smoke                           a few hundred events, one run each, exit 1 if a page or an
 *                                     interaction cannot be measured (never on timing)
 *   --outside-runs N                  loads per page for the outside clock (default 7; smoke 1)
 *   --no-interactions                 page loads only (first frame, outside clock), no heap, pan,
 *                                     filter or selection: for targeted first-frame runs
 *
 * Output: a Markdown table on stdout, bench/results/<timestamp>.json and .md.
 */
import { execSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import type { TimelineData } from '../src/lib/timeline-data.ts';
import type { Target } from './lib/measure.ts';
import {
  TARGET_NAMES,
  launchBrowser,
  measureHeap,
  measureLoad,
  measureOutside,
  measurePan,
  measureSelect,
  measureToggle,
  newBenchPage,
} from './lib/measure.ts';
import type { Prepared } from './lib/prepare.ts';
import {
  ROOT,
  appRoot,
  calibrate,
  exportCommit,
  prepare,
  RUN_WORK,
  removeExport,
  setAppDir,
  timeIngestOf,
} from './lib/prepare.ts';
import { waitForQuiet } from './lib/quiet.ts';
import type { IngestTiming, OutsideRecord, RunRecord, SizeResult } from './lib/report.ts';
import { budgets, markdown, sizeLabel, summarize } from './lib/report.ts';
import { serveStatic } from './lib/server.ts';

/**
 * A pause after each page is closed, so that the next load does not share the two cores with the
 * previous renderer's teardown (which fell on whichever page came next in the rotation).
 */
function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 300));
}

function flag(name: string): string | undefined {
  const args = process.argv.slice(2);
  const i = args.indexOf(`--${name}`);
  if (i >= 0) return args[i + 1];
  const eq = args.find((a) => a.startsWith(`--${name}=`));
  return eq?.slice(name.length + 3);
}
const smoke = process.argv.includes('--smoke');
const sizes = (flag('sizes') ?? (smoke ? '300' : 'seed,10,1000,5000,50000'))
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
for (const s of sizes) {
  if (s !== 'seed' && !(Number.isInteger(Number(s)) && Number(s) > 0)) {
    throw new Error(`--sizes: "${s}" is neither "seed" nor a positive event count`);
  }
}
const runsFlag = flag('runs');
/**
 * Page loads per page and size: 9 where a load takes well under a second (the seed budget's
 * "bare + 150 ms" leaves the least room for this machine's load-to-load swings of ±25 %), 5 where
 * TimelineJS takes seconds. `--runs` sets one number for all.
 */
function runsFor(size: string): number {
  if (runsFlag) return Number(runsFlag);
  if (smoke) return 1;
  return size === 'seed' || Number(size) <= 1000 ? 9 : 5;
}
const runsLabel = runsFlag ?? (smoke ? '1' : '9 (up to 1,000 events) or 5');
const targets = (flag('targets') ?? 'ties,tjs,bare').split(',') as Target[];
const peersMax = Number(flag('peers-max') ?? 5000);
const timeoutMs = Number(flag('timeout') ?? 60) * 1000;
const ref = flag('ref');
const appDir = flag('app-dir');
const keep = process.argv.includes('--keep');
/** The outside clock's loads per page (medians of 7, issue 13). */
const outsideRuns = Number(flag('outside-runs') ?? (smoke ? 1 : 7));
const interactions = !process.argv.includes('--no-interactions');

const log = (s: string) => process.stderr.write(s + '\n');

function sh(cmd: string): string {
  try {
    return execSync(cmd, {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return '';
  }
}

/** The actor with the most events that does not cover them all, so that filtering changes the view. */
function pickLeader(data: TimelineData): string | null {
  const counts = new Map<string, number>();
  for (const e of data.events) for (const a of e.actors) counts.set(a, (counts.get(a) ?? 0) + 1);
  const total = data.events.length;
  let best: [string, number] | null = null;
  for (const [id, n] of counts) {
    if (n < total && (!best || n > best[1])) best = [id, n];
  }
  if (!best) return null;
  return data.actors.find((a) => a.id === best[0])?.name ?? null;
}

async function main(): Promise<void> {
  const started = new Date();
  const loadAtStart = loadavg()[0]!;
  const wall0 = performance.now();
  log(`bench: sizes ${sizes.join(', ')}; ${runsLabel} run(s); targets ${targets.join(', ')}`);
  // Resolved now: HEAD may move while the run goes on (others commit meanwhile).
  const measured = ref ? exportCommit(ref) : sh('git rev-parse --short HEAD') || 'unknown';
  if (ref) log(`measuring commit ${measured} (exported to ${appRoot()})`);
  else if (appDir) {
    setAppDir(appDir);
    log(`measuring the checkout in ${appRoot()}`);
  }
  const needsCalibration = sizes.some((s) => s !== 'seed');
  const cal = needsCalibration ? calibrate() : { eventsPerArticle: 5, source: 'planted' as const };
  if (needsCalibration) {
    log(`calibration: ${cal.eventsPerArticle.toFixed(2)} events per article (${cal.source})`);
  }

  const browser = await launchBrowser();
  const chromium = `Chromium ${browser.version()}`;
  const results: SizeResult[] = [];
  let failures = 0;
  let measuredAll = false;
  try {
    for (const size of sizes) {
      log(`\n== ${sizeLabel(size)}`);
      let p: Prepared;
      try {
        p = prepare(size, {
          eventsPerArticle: cal.eventsPerArticle,
          log,
          ingestTimeoutMs: 600_000,
        });
      } catch (e) {
        const msg = e instanceof Error ? e.message : String(e);
        log(`  ${msg}`);
        failures++;
        results.push({
          size,
          label: sizeLabel(size),
          articles: 0,
          events: 0,
          dataSource: 'none',
          leader: null,
          ingest: { ok: false, ms: 0, error: msg },
          build: { ok: false, ms: 0, hasData: false },
          bundle: null,
          notes: [msg],
          targets: {},
          runs: [],
        });
        continue;
      }
      const leader = pickLeader(p.data);
      // This size's ingest and build just kept both cores busy: let the machine settle first.
      const quiet = await waitForQuiet();
      log(
        `  quiet wait: ${(quiet.waitedMs / 1000).toFixed(1)} s (CPU ${Math.round(quiet.busy * 100)} % busy at the end)`,
      );
      const server = await serveStatic({
        '/ties/': p.distDir,
        '/peers/': p.peersDir,
        '/lib/tjs/': join(ROOT, 'node_modules/@knight-lab/timelinejs/dist'),
        '/lib/vis/': join(ROOT, 'node_modules/vis-timeline'),
      });
      const url: Record<Target, string> = {
        ties: `${server.origin}/ties/`,
        tjs: `${server.origin}/peers/tjs.html`,
        bare: `${server.origin}/peers/vis.html`,
      };
      const active = targets.filter((t) => {
        if (t === 'ties') return p.build.hasData;
        return size === 'seed' || Number(size) <= peersMax;
      });
      if (targets.includes('ties') && !p.build.hasData) {
        log('  Ties skipped: its build has no data for this corpus');
        failures++;
      }
      const records: RunRecord[] = [];
      const outside: OutsideRecord[] = [];
      const gaveUp = new Set<Target>();
      try {
        // One load of each page first, not counted: the first navigation of a fresh browser, and
        // the first read of this size's files, pay one-time costs that belong to no page (and
        // run 1 always loads Ties first, so they fell on Ties).
        for (const target of active) {
          const page = await newBenchPage(browser);
          try {
            await measureLoad(page, target, url[target], timeoutMs);
          } catch {
            // The measured runs below report any failure.
          } finally {
            await page.context().close();
            await settle();
          }
        }
        log(`  warm-up: one uncounted load of each page`);
        const runs = runsFor(size);
        for (let run = 0; run < runs; run++) {
          const order = active.map((_, i) => active[(i + run) % active.length]!);
          for (const target of order) {
            if (gaveUp.has(target)) continue;
            const rec: RunRecord = { target, run, ok: false };
            const page = await newBenchPage(browser);
            const pageErrors: string[] = [];
            page.on('pageerror', (e) => pageErrors.push(e.message));
            try {
              rec.load = await measureLoad(page, target, url[target], timeoutMs);
              rec.ok = true;
              if (interactions) {
                await page.waitForTimeout(500);
                rec.heap = await measureHeap(page);
                rec.pan = await measurePan(page, target);
                if (target === 'ties') {
                  if (leader) rec.toggle = await measureToggle(page, leader);
                  rec.select = await measureSelect(page);
                }
              }
            } catch (e) {
              const msg = e instanceof Error ? e.message.split('\n')[0]! : String(e);
              rec.error = rec.ok ? `after load: ${msg}` : msg;
              if (!rec.ok && /Timeout/i.test(msg)) {
                rec.error = `no event on screen within ${timeoutMs / 1000} s`;
                gaveUp.add(target);
              }
            } finally {
              if (pageErrors.length) {
                rec.error = [rec.error, `page errors: ${pageErrors.slice(0, 3).join(' | ')}`]
                  .filter(Boolean)
                  .join('; ');
              }
              await page.context().close();
              await settle();
            }
            records.push(rec);
            log(
              `  run ${run + 1} ${TARGET_NAMES[target].padEnd(22)} ${
                rec.load ? `first frame ${Math.round(rec.load.firstFrame)} ms` : 'no first frame'
              }${rec.pan ? `, pan longest ${Math.round(rec.pan.longestFrameMs)} ms` : ''}${
                rec.toggle ? `, filter ${fmt(rec.toggle.onMs)}/${fmt(rec.toggle.offMs)} ms` : ''
              }${
                rec.select
                  ? `, select cold ${rec.select.coldMs.map(fmt).join('/')} cached ${rec.select.cachedMs.map(fmt).join('/')} ms`
                  : ''
              }${rec.error ? `  [${rec.error.slice(0, 200)}]` : ''}`,
            );
          }
        }
        // The outside clock, after the in-page loads: the three pages alternate, a fresh context
        // each, wall time on this process's clock from page.goto to two frames after the first
        // event element is in the DOM.
        for (let run = 0; run < outsideRuns; run++) {
          const order = active.map((_, i) => active[(i + run) % active.length]!);
          for (const target of order) {
            if (gaveUp.has(target)) continue;
            const page = await newBenchPage(browser);
            const rec: OutsideRecord = { target, run, ms: null };
            try {
              rec.ms = await measureOutside(page, target, url[target], timeoutMs);
            } catch (e) {
              rec.error = e instanceof Error ? e.message.split('\n')[0]! : String(e);
            } finally {
              await page.context().close();
              await settle();
            }
            outside.push(rec);
            log(
              `  outside ${run + 1} ${TARGET_NAMES[target].padEnd(22)} ${rec.ms === null ? `failed [${rec.error ?? ''}]` : `${Math.round(rec.ms)} ms`}`,
            );
          }
        }
      } finally {
        await server.close();
      }
      const summary: SizeResult = {
        size,
        label: sizeLabel(size),
        articles: p.articles,
        events: p.data.events.length,
        dataSource: p.dataSource,
        leader,
        ingest: p.ingest,
        build: p.build,
        bundle: p.bundle,
        notes: p.notes,
        targets: {},
        runs: records,
        outside,
      };
      for (const t of active) {
        summary.targets[t] = summarize(
          records.filter((r) => r.target === t),
          outside.filter((r) => r.target === t),
        );
      }
      for (const t of active) {
        const s = summary.targets[t]!;
        if (s.okRuns === 0) failures++;
        // Smoke: an interaction that never produced a figure means the harness or a hook broke.
        if (outsideRuns > 0 && s.outsideMs === null) failures++;
        if (t === 'ties' && smoke && s.okRuns > 0 && interactions) {
          if (s.toggleOnMs === null || (s.selectColdMs === null && s.selectCachedMs === null)) {
            failures++;
          }
        }
      }
      if (!p.ingest.ok) failures++;
      results.push(summary);
    }
    measuredAll = true;
  } finally {
    await browser.close();
    if (!measuredAll) {
      removeExport();
      if (!keep) rmSync(RUN_WORK, { recursive: true, force: true, maxRetries: 5 });
    }
  }

  // "Ingest of 10,000 articles under 60 s", measured on exactly that many when a large size runs:
  // after the page loads, so that its 13 s of full CPU does not slow the loads measured next.
  let ingest10k: IngestTiming | null = null;
  try {
    if (sizes.some((s) => s !== 'seed' && Number(s) >= 20_000)) {
      ingest10k = timeIngestOf(10_000, 600_000);
      log(
        `\ningest of 10,000 articles: ${ingest10k.ok ? `${(ingest10k.ms / 1000).toFixed(1)} s, ${ingest10k.events} events` : `FAILED: ${ingest10k.error}`}`,
      );
    }
  } finally {
    removeExport();
    if (!keep) rmSync(RUN_WORK, { recursive: true, force: true, maxRetries: 5 });
    else log(`kept the corpora and builds in ${RUN_WORK}`);
  }

  const commit = appDir ? `checkout ${appDir}` : measured;
  // With --ref the app is an exact export of that commit; otherwise this working tree as it is.
  const dirty = ref || appDir ? false : sh('git status --porcelain') !== '';
  const cpu = cpus();
  const meta = {
    date: started.toISOString().replace(/\.\d+Z$/, 'Z'),
    commit,
    dirty,
    machine: `${cpu.length} × ${cpu[0]?.model.trim() ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    node: process.versions.node,
    chromium,
    runs: runsLabel,
    sizes,
    smoke,
    wallSeconds: 0,
    /** 1-minute load average at start and end: other work on the machine makes figures noisy. */
    loadAverage: `${loadAtStart.toFixed(1)} → ${loadavg()[0]!.toFixed(1)}`,
  };
  const bs = budgets(results, ingest10k);
  meta.wallSeconds = Math.round((performance.now() - wall0) / 1000);
  const md = `${markdown(meta, results, bs, ingest10k)}\nTotal wall time ${meta.wallSeconds} s.\n`;
  process.stdout.write('\n' + md);
  const outDir = join(ROOT, 'bench/results');
  mkdirSync(outDir, { recursive: true });
  const stamp = meta.date.replace(/[:]/g, '-');
  const base = join(outDir, `${stamp}${smoke ? '-smoke' : ''}`);
  writeFileSync(
    `${base}.json`,
    JSON.stringify({ meta, budgets: bs, ingest10k, sizes: results }, null, 2),
  );
  writeFileSync(`${base}.md`, md);
  log(`\nwrote ${base}.json and .md`);
  if (smoke && failures > 0) {
    log(`bench:smoke: ${failures} part(s) could not be measured (see above)`);
    process.exitCode = 1;
  }
}

function fmt(v: number | null): string {
  return v === null ? '–' : String(Math.round(v));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
