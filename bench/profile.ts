/**
 * Where does Ties spend its time? A diagnostic companion to `npm run bench`, not part of it.
 *
 *   npx tsx bench/profile.ts --size 5000 [--ref HEAD] [--leader "Lee Jae-myung"]
 *
 * Builds the app unminified (function names kept; when the bundler marks modules with
 * `//#region <path>` or `// <path>` comments, as Vite 8 does unminified, time is also summed by module), loads it with the V8 sampling profiler on from navigation to the first
 * frame with events, then profiles one leader-filter toggle, and prints self time by module and by
 * function. Generates its own corpus of that many events (about 4.8 per article).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { generateCorpus } from './generate-corpus.ts';
import { launchBrowser, measureLoad, newBenchPage } from './lib/measure.ts';
import { WORK, appRoot, exportCommit, removeExport } from './lib/prepare.ts';
import { serveStatic } from './lib/server.ts';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function flag(name: string): string | undefined {
  const args = process.argv.slice(2);
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

/** For each built JS file: sorted [line, module path] of its module markers (`//#region <path>` or `// <path>`). */
function regionIndex(distDir: string): Map<string, Array<[number, string]>> {
  const out = new Map<string, Array<[number, string]>>();
  const assets = join(distDir, 'assets');
  for (const f of readdirSync(assets).filter((x) => x.endsWith('.js'))) {
    const lines = readFileSync(join(assets, f), 'utf8').split('\n');
    const regions: Array<[number, string]> = [];
    lines.forEach((l, i) => {
      const m = l.match(/^\/\/(?:#region | )([\w@./-]+\.(?:js|mjs|cjs|ts|tsx))$/);
      if (m) regions.push([i, m[1]!.replace(/^.*node_modules\//, 'node_modules/')]);
    });
    out.set(f, regions);
  }
  return out;
}

function moduleOf(
  regions: Map<string, Array<[number, string]>>,
  url: string,
  line: number,
): string {
  const file = url.split('/').pop() ?? '';
  const list = regions.get(file);
  if (!list) return url ? file : '(native/program)';
  let mod = file;
  for (const [l, m] of list) {
    if (l > line) break;
    mod = m;
  }
  // Group dependencies by package.
  const pkg = mod.match(/^node_modules\/((?:@[^/]+\/)?[^/]+)/);
  return pkg ? `node_modules/${pkg[1]}` : mod;
}

function summarize(profile: Profile, regions: Map<string, Array<[number, string]>>, title: string) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  const byModule = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let total = 0;
  for (const [id, ms] of self) {
    const n = byId.get(id)!;
    const { functionName, url, lineNumber } = n.callFrame;
    if (functionName === '(idle)') continue;
    total += ms;
    const mod =
      functionName.startsWith('(') && !url ? functionName : moduleOf(regions, url, lineNumber);
    byModule.set(mod, (byModule.get(mod) ?? 0) + ms);
    const fn = `${functionName || '(anonymous)'}  [${mod}]`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + ms);
  }
  const top = (m: Map<string, number>, n: number) =>
    [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, n);
  console.log(`\n## ${title}: ${Math.round(total)} ms of CPU (idle excluded)\n`);
  if ([...regions.values()].some((r) => r.length > 0)) {
    console.log('self time by module:');
    for (const [k, v] of top(byModule, 12)) console.log(`  ${v.toFixed(0).padStart(6)} ms  ${k}`);
  }
  console.log('self time by function:');
  for (const [k, v] of top(byFunction, 20)) console.log(`  ${v.toFixed(0).padStart(6)} ms  ${k}`);
}

async function profiled<T>(page: Page, fn: () => Promise<T>): Promise<[T, Profile]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const result = await fn();
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.detach();
  return [result, profile as unknown as Profile];
}

async function main(): Promise<void> {
  const size = flag('size') ?? '5000';
  const ref = flag('ref');
  if (ref) console.log(`profiling commit ${exportCommit(ref)}`);
  const dir = join(WORK, `profile-${process.pid}`);
  const seeds = size === 'seed' ? join(appRoot(), 'seeds') : join(dir, 'seeds');
  if (size !== 'seed') {
    // About 4.8 events per article with the current ingest (see the bench's calibration).
    generateCorpus({
      articles: Math.round(Number(size) / 4.8),
      outDir: seeds,
      actorsFile: join(appRoot(), 'seeds/actors.json'),
    });
  }
  const dist = join(dir, 'dist');
  const b = spawnSync(
    'npx',
    ['vite', 'build', '--outDir', dist, '--emptyOutDir', '--minify', 'false', '--logLevel', 'warn'],
    { cwd: appRoot(), env: { ...process.env, TIES_SEEDS: seeds }, encoding: 'utf8' },
  );
  if (b.status !== 0) throw new Error(`build failed: ${b.stderr}`);
  const regions = regionIndex(dist);
  const data = JSON.parse(readFileSync(join(dist, 'data/timeline.json'), 'utf8')) as {
    events: Array<{ actors: string[] }>;
    actors: Array<{ id: string; name: string }>;
  };
  const counts = new Map<string, number>();
  for (const e of data.events) for (const a of e.actors) counts.set(a, (counts.get(a) ?? 0) + 1);
  const best = [...counts.entries()].sort((x, y) => y[1] - x[1])[0];
  const leader = flag('leader') ?? data.actors.find((a) => a.id === best?.[0])?.name;

  const server = await serveStatic({ '/ties/': dist });
  const browser = await launchBrowser();
  try {
    const page = await newBenchPage(browser);
    const [load, p1] = await profiled(page, () =>
      measureLoad(page, 'ties', `${server.origin}/ties/`, 120_000),
    );
    console.log(
      `${data.events.length} events; first frame ${Math.round(load.firstFrame)} ms, data arrived ${Math.round(load.dataMs ?? 0)} ms (unminified build, profiler on: slower than the bench)`,
    );
    summarize(p1, regions, 'page load → first frame with events');
    await page.waitForTimeout(1000);
    if (leader) {
      const cb = page.getByRole('checkbox', { name: leader, exact: true }).first();
      const [, p2] = await profiled(page, async () => {
        await cb.click();
        await page.waitForTimeout(1500);
      });
      summarize(p2, regions, `leader filter on (${leader}), 1.5 s window`);
    }
  } finally {
    await browser.close();
    await server.close();
    removeExport();
    rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
