/**
 * Per size: the corpus, the real ingest (timed), the real app built with that corpus, the peers'
 * pages, and the size of what the app loads first.
 */
import { execSync, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { TimelineData } from '../../src/lib/timeline-data.ts';
import { generateCorpus } from '../generate-corpus.ts';
import { writePeerPages } from './peers.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
export const WORK = join(ROOT, 'bench/.work');

/**
 * Scratch folder of this run: bench/.work/run-<pid>, so that two runs at once (helpers share the
 * machine) never write into each other's corpora. `npm run bench -- --keep` keeps it.
 */
export const RUN_WORK = join(WORK, `run-${process.pid}`);

/**
 * The checkout whose ingest and app are measured: this one by default, or (with --ref) a copy of
 * a commit exported by `git archive` into <tmpdir>/ties-bench-app-<sha>/ (outside the repository,
 * so that tsc and eslint never see a second copy), sharing this node_modules.
 * The harness itself always runs from this checkout.
 */
let APP = ROOT;
export function appRoot(): string {
  return APP;
}
function seedsOf(): string {
  return join(APP, 'seeds');
}

export function exportCommit(ref: string): string {
  const sha = execSync(`git rev-parse --short ${JSON.stringify(ref + '^{commit}')}`, {
    cwd: ROOT,
    encoding: 'utf8',
  }).trim();
  const dir = join(tmpdir(), `ties-bench-app-${sha}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execSync(`git archive ${sha} | tar -x -C ${JSON.stringify(dir)}`, { cwd: ROOT });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  APP = dir;
  exported = true;
  return sha;
}

/** Measure another checkout (with its own node_modules or a link to this one). */
export function setAppDir(dir: string): void {
  APP = resolve(dir);
}

let exported = false;
export function removeExport(): void {
  if (exported) rmSync(APP, { recursive: true, force: true });
}

export interface StepResult {
  ok: boolean;
  ms: number;
  error?: string;
}

export interface BundleInfo {
  /**
   * Initial JS (entry + modulepreloads named in index.html), gzipped bytes: the app's code, without
   * the timeline chunk (below).
   */
  jsGzip: number;
  /**
   * The imported timeline index (`assets/timeline-data-*.js`, preloaded by index.html), gzipped
   * bytes; 0 when the build fetches data/timeline.json instead (docs/decisions/0014-data-import.md).
   */
  dataChunkGzip: number;
  dataChunkRaw: number;
  cssGzip: number;
  jsRaw: number;
  files: string[];
  /** timeline.json, gzipped bytes (data, not counted as JS). */
  timelineJsonGzip: number;
  timelineJsonRaw: number;
  articleFiles: number;
  /** Sentences from article bodies found in the initial JS/CSS (should be none). */
  bodiesInInitialBundle: number;
  probes: number;
}

export interface Prepared {
  size: string;
  dir: string;
  seedsDir: string;
  articles: number;
  /** Where the events shown by all three came from. */
  dataSource: 'ties-build' | 'ingest' | 'planted';
  data: TimelineData;
  ingest: StepResult & { articlesPerSec?: number; events?: number };
  build: StepResult & { hasData: boolean };
  bundle: BundleInfo | null;
  peersDir: string;
  distDir: string;
  notes: string[];
}

function run(
  cmd: string,
  args: string[],
  env: Record<string, string> = {},
  timeoutMs = 600_000,
): StepResult & { stdout: string } {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, {
    cwd: APP,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: timeoutMs,
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = performance.now() - t0;
  const ok = r.status === 0;
  const tail = `${r.stderr ?? ''}\n${r.stdout ?? ''}`.trim().split('\n').slice(-15).join('\n');
  return {
    ok,
    ms,
    stdout: r.stdout ?? '',
    ...(ok ? {} : { error: r.error ? String(r.error) : `exit ${r.status}: ${tail}` }),
  };
}

function ingestAvailable(): boolean {
  const pkg = JSON.parse(readFileSync(join(APP, 'package.json'), 'utf8')) as {
    scripts?: Record<string, string>;
  };
  const script = pkg.scripts?.ingest;
  if (!script) return false;
  const file = script.match(/(\S+\.ts)\b/)?.[1];
  return file ? existsSync(join(APP, file)) : true;
}

/** `npm run ingest -- --seeds <dir> --out <dir>`, timed as the wall time of the whole command. */
export function runIngest(seedsDir: string, outDir: string, timeoutMs = 600_000): StepResult {
  if (!ingestAvailable()) return { ok: false, ms: 0, error: 'no ingest CLI in this checkout' };
  const r = run(
    'npm',
    ['run', '--silent', 'ingest', '--', '--seeds', seedsDir, '--out', outDir],
    {},
    timeoutMs,
  );
  return { ok: r.ok, ms: r.ms, ...(r.error ? { error: r.error } : {}) };
}

function readData(file: string): TimelineData | null {
  if (!existsSync(file)) return null;
  try {
    const d = JSON.parse(readFileSync(file, 'utf8')) as TimelineData;
    return Array.isArray(d.events) ? d : null;
  } catch {
    return null;
  }
}

/** Events per article the real ingest finds in the synthetic corpus, from a 200-article sample. */
export function calibrate(): { eventsPerArticle: number; source: 'ingest' | 'planted' } {
  const dir = join(RUN_WORK, 'calibrate');
  const n = 200;
  const corpus = generateCorpus({
    articles: n,
    outDir: join(dir, 'seeds'),
    actorsFile: join(seedsOf(), 'actors.json'),
  });
  const r = runIngest(join(dir, 'seeds'), join(dir, 'out'));
  const data = r.ok ? readData(join(dir, 'out/timeline.json')) : null;
  if (data && data.events.length > 0) {
    return { eventsPerArticle: data.events.length / n, source: 'ingest' };
  }
  return { eventsPerArticle: corpus.plantedEvents / n, source: 'planted' };
}

function gz(buf: Buffer | string): number {
  return gzipSync(buf, { level: 9 }).length;
}

export function bundleInfo(distDir: string, probes: string[]): BundleInfo | null {
  const indexFile = join(distDir, 'index.html');
  if (!existsSync(indexFile)) return null;
  const html = readFileSync(indexFile, 'utf8');
  const refs = new Set<string>();
  for (const m of html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)) refs.add(m[1]!);
  for (const m of html.matchAll(/<link[^>]*rel="(?:modulepreload|stylesheet)"[^>]*href="([^"]+)"/g))
    refs.add(m[1]!);
  for (const m of html.matchAll(/<link[^>]*href="([^"]+)"[^>]*rel="(?:modulepreload|stylesheet)"/g))
    refs.add(m[1]!);
  let jsGzip = 0;
  let cssGzip = 0;
  let jsRaw = 0;
  let dataChunkGzip = 0;
  let dataChunkRaw = 0;
  const files: string[] = [];
  let initialText = '';
  for (const ref of refs) {
    if (/^https?:/.test(ref)) continue;
    const file = join(distDir, ref.replace(/^\.?\//, ''));
    if (!existsSync(file)) continue;
    const buf = readFileSync(file);
    files.push(ref);
    // The timeline index as a module: data (what timeline.json holds), reported apart.
    if (/(^|\/)timeline-data-[\w-]+\.js$/.test(ref)) {
      dataChunkGzip += gz(buf);
      dataChunkRaw += buf.length;
      continue;
    }
    initialText += buf.toString('utf8');
    if (file.endsWith('.css')) cssGzip += gz(buf);
    else {
      jsGzip += gz(buf);
      jsRaw += buf.length;
    }
  }
  // Inline <script>/<style> count too.
  for (const m of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
    jsGzip += m[1]!.trim() ? gz(m[1]!) : 0;
  }
  const tl = join(distDir, 'data/timeline.json');
  const tlBuf = existsSync(tl) ? readFileSync(tl) : null;
  const articlesDir = join(distDir, 'data/articles');
  return {
    jsGzip,
    dataChunkGzip,
    dataChunkRaw,
    cssGzip,
    jsRaw,
    files,
    timelineJsonGzip: tlBuf ? gz(tlBuf) : 0,
    timelineJsonRaw: tlBuf?.length ?? 0,
    articleFiles: existsSync(articlesDir) ? readdirSync(articlesDir).length : 0,
    bodiesInInitialBundle: probes.filter((p) => initialText.includes(p)).length,
    probes: probes.length,
  };
}

/** Filler sentences of the seed articles that are in no event: body text only. */
function seedProbes(): string[] {
  const out: string[] = [];
  for (const f of readdirSync(seedsOf()).filter((x) => x.endsWith('.txt'))) {
    const lines = readFileSync(join(seedsOf(), f), 'utf8').split('\n');
    const line = lines.find((l) => l.length > 80 && !/\d/.test(l));
    if (line) out.push(line.slice(0, 60));
  }
  return out;
}

export function prepare(
  size: string,
  opts: { eventsPerArticle: number; log: (s: string) => void; ingestTimeoutMs: number },
): Prepared {
  const dir = join(RUN_WORK, size);
  const notes: string[] = [];
  let seedsDir: string;
  let articles: number;
  let planted: TimelineData | null = null;
  let probes: string[] = [];
  /** Writes `articles` synthetic articles into seedsDir (replacing any earlier corpus there). */
  function makeCorpus(): void {
    const t0 = performance.now();
    const corpus = generateCorpus({
      articles,
      outDir: seedsDir,
      actorsFile: join(seedsOf(), 'actors.json'),
    });
    planted = corpus.truth;
    probes = corpus.bodyProbes;
    opts.log(
      `  corpus: ${articles} articles, ${corpus.plantedEvents} planted events, ${(corpus.bytes / 1e6).toFixed(1)} MB in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
  }
  if (size === 'seed') {
    seedsDir = seedsOf();
    articles = readdirSync(seedsOf()).filter((f) => f.endsWith('.txt')).length;
    probes = seedProbes();
  } else {
    const events = Number(size);
    articles = Math.max(1, Math.round(events / opts.eventsPerArticle));
    seedsDir = join(dir, 'seeds');
    makeCorpus();
  }

  const ingestOut = join(dir, 'ingest');
  let ingest: Prepared['ingest'] = runIngest(seedsDir, ingestOut, opts.ingestTimeoutMs);
  let ingested = ingest.ok ? readData(join(ingestOut, 'timeline.json')) : null;
  // Reports of the same meeting merge more often in a larger corpus: when the ingest finds more than
  // 10 % too few or too many events, scale the article count once and ingest again.
  const target = Number(size);
  if (size !== 'seed' && ingested && ingested.events.length > 0) {
    const ratio = target / ingested.events.length;
    if (Math.abs(ratio - 1) > 0.1) {
      opts.log(
        `  ${ingested.events.length} events is ${((ratio - 1) * -100).toFixed(0)} % off ${target}: regenerating`,
      );
      articles = Math.max(1, Math.round(articles * ratio));
      makeCorpus();
      ingest = runIngest(seedsDir, ingestOut, opts.ingestTimeoutMs);
      ingested = ingest.ok ? readData(join(ingestOut, 'timeline.json')) : null;
    }
  }
  if (ingest.ok && ingested) {
    ingest.articlesPerSec = articles / (ingest.ms / 1000);
    ingest.events = ingested.events.length;
    opts.log(
      `  ingest: ${(ingest.ms / 1000).toFixed(2)} s, ${ingested.events.length} events from ${articles} articles`,
    );
  } else {
    notes.push(`ingest: ${ingest.error ?? 'no timeline.json written'}`);
    opts.log(`  ingest FAILED: ${ingest.error ?? 'no timeline.json'}`);
  }

  const distDir = join(dir, 'dist');
  const b = run(
    'npx',
    ['vite', 'build', '--outDir', distDir, '--emptyOutDir', '--logLevel', 'warn'],
    { TIES_SEEDS: seedsDir },
    opts.ingestTimeoutMs + 300_000,
  );
  let built = b.ok ? readData(join(distDir, 'data/timeline.json')) : null;
  if (built && built.articles.length !== articles) {
    notes.push(
      `the build's data/timeline.json has ${built.articles.length} articles, not the corpus's ${articles}: the app build did not ingest TIES_SEEDS`,
    );
    built = null;
  }
  const build: Prepared['build'] = {
    ok: b.ok,
    ms: b.ms,
    hasData: built !== null,
    ...(b.error ? { error: b.error } : {}),
  };
  opts.log(
    `  vite build: ${b.ok ? 'ok' : 'FAILED'} in ${(b.ms / 1000).toFixed(1)} s${built ? `, ${built.events.length} events in data/timeline.json` : ', no data/timeline.json in the build'}`,
  );
  if (!b.ok) notes.push(`build: ${b.error}`);
  else if (!built) notes.push('the build has no data/timeline.json: Ties cannot show these events');

  let data: TimelineData;
  let dataSource: Prepared['dataSource'];
  if (built) {
    data = built;
    dataSource = 'ties-build';
  } else if (ingested) {
    data = ingested;
    dataSource = 'ingest';
  } else if (planted) {
    data = planted;
    dataSource = 'planted';
    notes.push('peers show the events planted by the generator (no ingest output)');
  } else {
    throw new Error(`size ${size}: no events at all (ingest and build both failed)`);
  }
  const peersDir = join(dir, 'peers');
  writePeerPages(data, peersDir);
  writeFileSync(join(dir, 'timeline.json'), JSON.stringify(data));
  const bundle = b.ok ? bundleInfo(distDir, probes) : null;
  return {
    size,
    dir,
    seedsDir,
    articles,
    dataSource,
    data,
    ingest,
    build,
    bundle,
    peersDir,
    distDir,
    notes,
  };
}

/** The ingest budget of issue 5, measured as stated: exactly `articles` articles of the same corpus. */
export function timeIngestOf(
  articles: number,
  timeoutMs: number,
): StepResult & { articles: number; events?: number } {
  const dir = join(RUN_WORK, `ingest-${articles}`);
  generateCorpus({
    articles,
    outDir: join(dir, 'seeds'),
    actorsFile: join(seedsOf(), 'actors.json'),
  });
  const r = runIngest(join(dir, 'seeds'), join(dir, 'out'), timeoutMs);
  const data = r.ok ? readData(join(dir, 'out/timeline.json')) : null;
  return { ...r, articles, ...(data ? { events: data.events.length } : {}) };
}
