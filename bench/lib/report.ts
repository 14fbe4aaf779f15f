/**
 * Medians, ratios, budgets (issue 5) and the Markdown table.
 */
import type {
  HeapResult,
  LoadResult,
  PanResult,
  SelectResult,
  Target,
  ToggleResult,
} from './measure.ts';
import { TARGET_NAMES } from './measure.ts';
import type { BundleInfo, StepResult } from './prepare.ts';

export interface RunRecord {
  target: Target;
  run: number;
  ok: boolean;
  error?: string;
  load?: LoadResult;
  heap?: HeapResult;
  pan?: PanResult | null;
  toggle?: ToggleResult;
  select?: SelectResult;
}

/** One load timed by the outside clock (measureOutside). */
export interface OutsideRecord {
  target: Target;
  run: number;
  /** Wall time from page.goto to two frames after the first event element was in the DOM. */
  ms: number | null;
  error?: string;
}

export interface TargetSummary {
  runs: number;
  okRuns: number;
  errors: string[];
  firstFrameMs: number | null;
  /** The outside clock's median (page.goto → two frames after the first event in the DOM). */
  outsideMs: number | null;
  outsideRuns: number;
  loadedMs: number | null;
  items: number | null;
  dataMs: number | null;
  blockingMs: number | null;
  bytes: number | null;
  heapMB: number | null;
  domNodes: number | null;
  panFrames: number | null;
  panLongestMs: number | null;
  panSlowFrames: number | null;
  panMoved: boolean | null;
  toggleOnMs: number | null;
  toggleOffMs: number | null;
  toggleOnSettledMs: number | null;
  toggleOffSettledMs: number | null;
  selectColdMs: number | null;
  selectCachedMs: number | null;
  cachedArticleRequests: number | null;
}

export interface SizeResult {
  size: string;
  label: string;
  articles: number;
  events: number;
  dataSource: string;
  leader: string | null;
  ingest: StepResult & { articlesPerSec?: number; events?: number };
  build: StepResult & { hasData: boolean };
  bundle: BundleInfo | null;
  notes: string[];
  targets: Partial<Record<Target, TargetSummary>>;
  runs: RunRecord[];
  outside?: OutsideRecord[];
}

export type IngestTiming = StepResult & { articles: number; events?: number };

export interface Budget {
  id: string;
  text: string;
  value: number | null;
  limit: number | null;
  unit: string;
  /** true: pass; false: miss; null: not measured in this run. */
  pass: boolean | null;
  /** e.g. "+412 ms over (1.27x the limit)". */
  by: string;
}

export function median(values: Array<number | null | undefined>): number | null {
  const v = values.filter((x): x is number => typeof x === 'number' && Number.isFinite(x));
  if (v.length === 0) return null;
  v.sort((a, b) => a - b);
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
}

export function summarize(records: RunRecord[], outside: OutsideRecord[] = []): TargetSummary {
  const ok = records.filter((r) => r.ok && r.load);
  const errors = [
    ...new Set([
      ...records.flatMap((r) => [r.error, r.toggle?.error, r.select?.error]),
      ...outside.map((r) => (r.error ? `outside clock: ${r.error}` : undefined)),
    ]),
  ]
    .filter((e): e is string => Boolean(e))
    .slice(0, 6);
  const moved = ok.map((r) => r.pan).filter((p): p is PanResult => Boolean(p));
  return {
    runs: records.length,
    okRuns: ok.length,
    errors,
    firstFrameMs: median(ok.map((r) => r.load?.firstFrame)),
    outsideMs: median(outside.map((r) => r.ms)),
    outsideRuns: outside.filter((r) => r.ms !== null).length,
    loadedMs: median(ok.map((r) => r.load?.loaded)),
    items: median(ok.map((r) => r.load?.items)),
    dataMs: median(ok.map((r) => r.load?.dataMs)),
    blockingMs: median(ok.map((r) => r.load?.blockingMs)),
    bytes: median(ok.map((r) => r.load?.bytes)),
    heapMB: median(ok.map((r) => (r.heap ? r.heap.jsHeapUsed / 1e6 : null))),
    domNodes: median(ok.map((r) => r.heap?.domNodes)),
    panFrames: median(moved.map((p) => p.frames)),
    panLongestMs: median(moved.map((p) => p.longestFrameMs)),
    panSlowFrames: median(moved.map((p) => p.slowFrames)),
    panMoved: moved.length ? moved.every((p) => p.mutations > 0) : null,
    toggleOnMs: median(ok.map((r) => r.toggle?.onMs)),
    toggleOffMs: median(ok.map((r) => r.toggle?.offMs)),
    toggleOnSettledMs: median(ok.map((r) => r.toggle?.onSettledMs)),
    toggleOffSettledMs: median(ok.map((r) => r.toggle?.offSettledMs)),
    selectColdMs: median(ok.flatMap((r) => r.select?.coldMs ?? [])),
    selectCachedMs: median(ok.flatMap((r) => r.select?.cachedMs ?? [])),
    cachedArticleRequests: median(ok.map((r) => r.select?.cachedArticleRequests)),
  };
}

function maxOrNull(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.max(a, b);
}

function upper(
  id: string,
  text: string,
  value: number | null,
  limit: number | null,
  unit: string,
  strict = false,
): Budget {
  if (value === null || limit === null) return { id, text, value, limit, unit, pass: null, by: '' };
  if (unit === 'count') {
    const ok = value <= limit;
    return {
      id,
      text,
      value,
      limit,
      unit,
      pass: ok,
      by: value === 0 ? 'none found' : `${value} found`,
    };
  }
  const pass = strict ? value < limit : value <= limit;
  const diff = value - limit;
  const fmt = (n: number) =>
    unit === 'ms'
      ? `${Math.round(n)} ms`
      : unit === 'kB'
        ? `${n.toFixed(1)} kB`
        : unit === 's'
          ? `${n.toFixed(1)} s`
          : n.toFixed(2);
  const by = pass
    ? `${fmt(-diff)} under (${(value / limit).toFixed(2)}x the limit)`
    : `${fmt(diff)} over (${(value / limit).toFixed(2)}x the limit)`;
  return { id, text, value, limit, unit, pass, by };
}

function lower(
  id: string,
  text: string,
  value: number | null,
  limit: number,
  unit: string,
): Budget {
  if (value === null) return { id, text, value, limit, unit, pass: null, by: '' };
  const pass = value >= limit;
  return {
    id,
    text,
    value,
    limit,
    unit,
    pass,
    by: pass
      ? `${value.toFixed(1)}x (needs ${limit}x)`
      : `only ${value.toFixed(2)}x (needs ${limit}x, ${(limit / value).toFixed(2)}x short)`,
  };
}

export function budgets(sizes: SizeResult[], ingest10k: IngestTiming | null = null): Budget[] {
  const at = (s: string) => sizes.find((x) => x.size === s);
  const seed = at('seed');
  const k5 = at('5000');
  const k50 = at('50000');
  const anyBundle = seed?.bundle ?? sizes.find((s) => s.bundle)?.bundle ?? null;
  const t = (s: SizeResult | undefined, target: Target) => s?.targets[target];
  const out: Budget[] = [];
  const seedBare = t(seed, 'bare')?.firstFrameMs ?? null;
  out.push(
    upper(
      'seed-first-frame',
      'Seed data: first frame ≤ 1.0x bare vis-timeline + 150 ms',
      t(seed, 'ties')?.firstFrameMs ?? null,
      seedBare === null ? null : seedBare + 150,
      'ms',
    ),
  );
  out.push(
    upper(
      'initial-js',
      seed?.bundle
        ? 'Initial JS ≤ 250 kB gzipped (kB = 1000 bytes; the code and the seed build’s imported timeline chunk)'
        : 'Initial JS ≤ 250 kB gzipped (kB = 1000 bytes; the code only, no seed build in this run)',
      anyBundle ? (anyBundle.jsGzip + (seed?.bundle ? anyBundle.dataChunkGzip : 0)) / 1000 : null,
      250,
      'kB',
    ),
  );
  out.push(
    upper(
      'bodies-not-initial',
      'Article bodies never in the initial bundle (body sentences found in initial JS/CSS)',
      anyBundle ? anyBundle.bodiesInInitialBundle : null,
      anyBundle ? 0 : null,
      'count',
    ),
  );
  const tiesFF = t(k5, 'ties')?.firstFrameMs ?? null;
  const tjsFF = t(k5, 'tjs')?.firstFrameMs ?? null;
  const bareFF = t(k5, 'bare')?.firstFrameMs ?? null;
  out.push(upper('5k-first-frame', '5,000 events: first frame ≤ 1.5 s', tiesFF, 1500, 'ms'));
  out.push(
    lower(
      '5k-vs-timelinejs',
      '5,000 events: at least 7x faster than TimelineJS',
      tiesFF !== null && tjsFF !== null ? tjsFF / tiesFF : null,
      7,
      'x',
    ),
  );
  out.push(
    upper(
      '5k-vs-bare',
      '5,000 events: first frame ≤ 1.25x bare vis-timeline',
      tiesFF,
      bareFF === null ? null : bareFF * 1.25,
      'ms',
    ),
  );
  const k5t = t(k5, 'ties');
  out.push(
    upper(
      '5k-filter',
      '5,000 events: filter toggle < 100 ms (input → filtered items drawn; worse of on/off medians)',
      k5t ? maxOrNull(k5t.toggleOnMs, k5t.toggleOffMs) : null,
      100,
      'ms',
      true,
    ),
  );
  out.push(
    upper(
      '5k-select-cached',
      '5,000 events: selection → highlighted sentence < 150 ms cached',
      k5t?.selectCachedMs ?? null,
      150,
      'ms',
      true,
    ),
  );
  out.push(
    upper(
      '5k-select-cold',
      '5,000 events: selection → highlighted sentence < 300 ms cold',
      k5t?.selectColdMs ?? null,
      300,
      'ms',
      true,
    ),
  );
  out.push(
    upper(
      '5k-pan',
      '5,000 events: panning without frames over 50 ms (longest frame)',
      k5t?.panLongestMs ?? null,
      50,
      'ms',
    ),
  );
  const k50t = t(k50, 'ties');
  out.push(
    upper(
      '50k-first-frame',
      '50,000 events: first frame ≤ 3 s',
      k50t?.firstFrameMs ?? null,
      3000,
      'ms',
    ),
  );
  out.push(
    upper(
      '50k-pan',
      '50,000 events: panning still smooth (no frame over 50 ms)',
      k50t?.panLongestMs ?? null,
      50,
      'ms',
    ),
  );
  out.push(
    upper(
      '10k-ingest',
      'Ingest of 10,000 articles < 60 s (npm run ingest, wall time)',
      ingest10k?.ok ? ingest10k.ms / 1000 : null,
      60,
      's',
      true,
    ),
  );
  return out;
}

// ---------- Markdown ----------

const fmtMs = (v: number | null) =>
  v === null ? '–' : v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : `${Math.round(v)}`;
const fmtNum = (v: number | null, d = 0) => (v === null ? '–' : v.toFixed(d));
const ratio = (a: number | null, b: number | null) =>
  a === null || b === null || b === 0 ? '–' : `${(a / b).toFixed(2)}`;

export function sizeLabel(size: string): string {
  return size === 'seed' ? 'seed articles' : `${Number(size).toLocaleString('en-US')} events`;
}

export function markdown(
  meta: Record<string, unknown>,
  sizes: SizeResult[],
  bs: Budget[],
  ingest10k: IngestTiming | null = null,
): string {
  const lines: string[] = [];
  lines.push(
    `Ran ${meta.date} on commit \`${meta.commit}\`${meta.dirty ? ' (with uncommitted changes)' : ''}; ${meta.machine}; Node ${meta.node}; ${meta.chromium}; ${meta.runs} run(s) per page, medians; viewport 1280x800, headless; load average ${meta.loadAverage}.`,
  );
  lines.push('');
  lines.push(
    '| size | articles | events | ingest (s) | articles/s | app build (s) | initial JS gz (kB) | imported timeline chunk gz (kB) | initial CSS gz (kB) | timeline.json gz (kB) |',
  );
  lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const s of sizes) {
    const b = s.bundle;
    lines.push(
      `| ${sizeLabel(s.size)} | ${s.articles.toLocaleString('en-US')} | ${s.events.toLocaleString('en-US')} | ${s.ingest.ok ? (s.ingest.ms / 1000).toFixed(2) : 'failed'} | ${s.ingest.articlesPerSec ? Math.round(s.ingest.articlesPerSec) : '–'} | ${s.build.ok ? (s.build.ms / 1000).toFixed(1) : 'failed'} | ${b ? (b.jsGzip / 1000).toFixed(1) : '–'} | ${b ? (b.dataChunkGzip ? (b.dataChunkGzip / 1000).toFixed(1) : 'fetched') : '–'} | ${b ? (b.cssGzip / 1000).toFixed(1) : '–'} | ${b && b.timelineJsonGzip ? (b.timelineJsonGzip / 1000).toFixed(1) : '–'} |`,
    );
  }
  if (ingest10k) {
    lines.push('');
    lines.push(
      ingest10k.ok
        ? `Ingest of exactly ${ingest10k.articles.toLocaleString('en-US')} articles (the budget's figure): ${(ingest10k.ms / 1000).toFixed(1)} s, ${Math.round(ingest10k.articles / (ingest10k.ms / 1000))} articles/s, ${ingest10k.events?.toLocaleString('en-US') ?? '?'} events.`
        : `Ingest of ${ingest10k.articles.toLocaleString('en-US')} articles failed: ${ingest10k.error ?? ''}`,
    );
  }
  for (const s of sizes) {
    lines.push('');
    lines.push(
      `**${sizeLabel(s.size)}** (${s.articles.toLocaleString('en-US')} articles, ${s.events.toLocaleString('en-US')} events from ${s.dataSource === 'ties-build' ? 'the Ties build' : s.dataSource})`,
    );
    lines.push('');
    const T = s.targets;
    const ties = T.ties ?? null;
    const tjs = T.tjs ?? null;
    const bare = T.bare ?? null;
    lines.push(
      `| median | Ties | ${TARGET_NAMES.tjs} | ${TARGET_NAMES.bare} | Ties/TimelineJS | Ties/bare |`,
    );
    lines.push('| --- | ---: | ---: | ---: | ---: | ---: |');
    const row = (
      name: string,
      f: (x: TargetSummary) => number | null,
      fmt = fmtMs,
      ratios = true,
    ) => {
      const a = ties ? f(ties) : null;
      const b = tjs ? f(tjs) : null;
      const c = bare ? f(bare) : null;
      lines.push(
        `| ${name} | ${fmt(a)} | ${fmt(b)} | ${fmt(c)} | ${ratios ? ratio(a, b) : ''} | ${ratios ? ratio(a, c) : ''} |`,
      );
    };
    row('page load → first frame with events (ms)', (x) => x.firstFrameMs);
    row(
      `outside clock: page.goto → two frames after the first event is in the DOM (ms, ${Math.max(0, ...Object.values(T).map((x) => x.outsideRuns))} runs)`,
      (x) => x.outsideMs,
    );
    row('… of which: events JSON arrived at (ms)', (x) => x.dataMs);
    row('… of which: data arrived → first frame (ms)', (x) =>
      x.dataMs === null || x.firstFrameMs === null ? null : x.firstFrameMs - x.dataMs,
    );
    row('blocking time before it (ms, long tasks over 50 ms)', (x) => x.blockingMs);
    row(
      'JS heap after load, after GC (MB)',
      (x) => x.heapMB,
      (v) => fmtNum(v, 1),
    );
    row(
      'DOM nodes after load',
      (x) => x.domNodes,
      (v) => fmtNum(v),
    );
    row(
      'pan 1 s: frames rendered',
      (x) => x.panFrames,
      (v) => fmtNum(v),
      false,
    );
    row('pan 1 s: longest frame (ms)', (x) => x.panLongestMs);
    if (ties) {
      lines.push(
        `| leader filter on / off → filtered items drawn (ms)${s.leader ? `, ${s.leader}` : ''} | ${fmtMs(ties.toggleOnMs)} / ${fmtMs(ties.toggleOffMs)} | n/a | n/a | | |`,
      );
      lines.push(
        `| leader filter on / off → timeline settled, incl. any window animation (ms) | ${fmtMs(ties.toggleOnSettledMs)} / ${fmtMs(ties.toggleOffSettledMs)} | n/a | n/a | | |`,
      );
      lines.push(
        `| select event → highlighted sentence visible, cold / cached (ms) | ${fmtMs(ties.selectColdMs)} / ${fmtMs(ties.selectCachedMs)} | n/a | n/a | | |`,
      );
    }
    const problems = [
      ...s.notes,
      ...Object.entries(T).flatMap(([k, v]) =>
        v.errors.map((e) => `${TARGET_NAMES[k as Target]}: ${e}`),
      ),
      ...Object.entries(T)
        .filter(([, v]) => v.panMoved === false)
        .map(([k]) => `${TARGET_NAMES[k as Target]}: the drag did not move the timeline`),
    ];
    if (problems.length) {
      lines.push('');
      for (const p of problems) lines.push(`- ${p.replace(/\n/g, ' ').slice(0, 400)}`);
    }
  }
  lines.push('');
  lines.push('**Budgets (issue 5)**');
  lines.push('');
  lines.push('| budget | measured | limit | result |');
  lines.push('| --- | ---: | ---: | --- |');
  for (const b of bs) {
    const v =
      b.value === null
        ? '–'
        : b.unit === 'ms'
          ? `${Math.round(b.value)} ms`
          : b.unit === 'x'
            ? `${b.value.toFixed(2)}x`
            : b.unit === 'kB'
              ? `${b.value.toFixed(1)} kB`
              : b.unit === 's'
                ? `${b.value.toFixed(1)} s`
                : String(b.value);
    const l =
      b.limit === null
        ? '–'
        : b.unit === 'ms'
          ? `${Math.round(b.limit)} ms`
          : b.unit === 'x'
            ? `${b.limit}x`
            : b.unit === 'kB'
              ? `${b.limit} kB`
              : b.unit === 's'
                ? `${b.limit} s`
                : String(b.limit);
    lines.push(
      `| ${b.text} | ${v} | ${l} | ${b.pass === null ? 'not measured' : `${b.pass ? 'pass' : '**MISS**'}: ${b.by}`} |`,
    );
  }
  return lines.join('\n') + '\n';
}
