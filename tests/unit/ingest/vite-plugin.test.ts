/**
 * The Vite plugin: build emits the data assets and the timeline's own chunk, or fails with the
 * full report; the app's module `virtual:ties/timeline` says whether the data is imported.
 */
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  DATA_ID,
  dataModule,
  decideImport,
  IMPORT_MAX_BYTES,
  ingestPlugin,
  SOURCE_ID,
  sourceModule,
  type TimelineLoad,
} from '../../../scripts/vite-plugin-ingest.ts';
import { SEEDS_DIR } from './helpers.ts';

interface Emitted {
  type: 'asset' | 'chunk';
  fileName?: string;
  source?: string;
  id?: string;
  name?: string;
}

function runBuildStart(
  seeds: string,
  load: TimelineLoad = 'auto',
): { emitted: Emitted[]; error: string | null; module: (id: string) => string | null } {
  const plugin = ingestPlugin({ seeds, load });
  const emitted: Emitted[] = [];
  let error: string | null = null;
  const configResolved = plugin.configResolved as (c: unknown) => void;
  configResolved({ command: 'build', mode: 'production', root: '/' });
  const buildStart = plugin.buildStart as (this: unknown) => void;
  const log = console.log;
  console.log = () => {};
  try {
    buildStart.call({
      emitFile: (f: Emitted) => emitted.push(f),
      error: (message: string) => {
        throw new Error(message);
      },
    });
  } catch (e) {
    error = (e as Error).message;
  } finally {
    console.log = log;
  }
  const resolveId = plugin.resolveId as (id: string) => string | null;
  const loadHook = plugin.load as (this: unknown, id: string) => string | null;
  const module = (id: string) => {
    const resolved = resolveId(id);
    return resolved === null ? null : loadHook.call({}, resolved);
  };
  return { emitted, error, module };
}

/** What a module's `export default JSON.parse(…)` evaluates to. */
function evaluateDefault(code: string): unknown {
  const match = /^export default (JSON\.parse\(.*\));\n$/s.exec(code);
  if (!match) throw new Error(`not a JSON.parse module: ${code.slice(0, 80)}`);
  return new Function(`return ${match[1]}`)() as unknown;
}

describe('vite plugin', () => {
  const bad = mkdtempSync(join(tmpdir(), 'ties-plugin-'));
  afterAll(() => rmSync(bad, { recursive: true, force: true }));

  it('emits data/timeline.json and one data/articles/<id>.json per article', () => {
    const { emitted, error } = runBuildStart(SEEDS_DIR);
    expect(error).toBeNull();
    const assets = emitted.filter((e) => e.type === 'asset');
    expect(assets.map((e) => e.fileName).sort()).toEqual([
      'data/articles/000_86a969139ba81000.json',
      'data/articles/001_2187417dd207f657.json',
      'data/timeline.json',
    ]);
    const timeline = JSON.parse(emitted.find((e) => e.fileName === 'data/timeline.json')!.source!);
    expect(timeline.events.length).toBeGreaterThan(0);
  });

  it('puts the seeds timeline into the module graph as a chunk of its own, the same data as timeline.json', () => {
    const { emitted, module } = runBuildStart(SEEDS_DIR);
    expect(emitted.filter((e) => e.type === 'chunk')).toEqual([
      { type: 'chunk', id: DATA_ID, name: 'timeline-data' },
    ]);
    expect(module(SOURCE_ID)).toBe(sourceModule(true));
    const json = emitted.find((e) => e.fileName === 'data/timeline.json')!.source!;
    expect(evaluateDefault(module(DATA_ID)!)).toEqual(JSON.parse(json));
  });

  it('leaves the timeline out of the graph when told to fetch it', () => {
    const { emitted, module } = runBuildStart(SEEDS_DIR, 'fetch');
    expect(emitted.filter((e) => e.type === 'chunk')).toEqual([]);
    expect(emitted.map((e) => e.fileName)).toContain('data/timeline.json');
    expect(module(SOURCE_ID)).toBe(sourceModule(false));
  });

  it('imports up to IMPORT_MAX_BYTES of JSON and fetches above, unless told', () => {
    expect(decideImport('auto', IMPORT_MAX_BYTES)).toBe(true);
    expect(decideImport('auto', IMPORT_MAX_BYTES + 1)).toBe(false);
    expect(decideImport('import', IMPORT_MAX_BYTES * 10)).toBe(true);
    expect(decideImport('fetch', 10)).toBe(false);
  });

  it('keeps any string intact through the generated module', () => {
    const json = JSON.stringify({ t: 'quote " backslash \\ line\u2028sep </script> \u0000 ✓' });
    expect(evaluateDefault(dataModule(json))).toEqual(JSON.parse(json));
  });

  it('fails the build with every problem listed', () => {
    writeFileSync(join(bad, 'one.txt'), '');
    writeFileSync(join(bad, 'two.txt'), ' date 2025-02-30 Nope\nText.\n');
    const { emitted, error, module } = runBuildStart(bad);
    expect(emitted).toEqual([]);
    // Nothing to import: the app would fetch (and, in dev, get the report as HTTP 500).
    expect(module(SOURCE_ID)).toBe(sourceModule(false));
    expect(error).toContain(`one.txt:1: empty article`);
    expect(error).toContain(`two.txt:1: malformed date line`);
  });
});

describe('vite plugin, dev server', () => {
  const seeds = mkdtempSync(join(tmpdir(), 'ties-plugin-dev-'));
  afterAll(() => rmSync(seeds, { recursive: true, force: true }));

  it('re-ingests when seeds/corrections.json changes and serves the corrected data', () => {
    for (const name of readdirSync(SEEDS_DIR))
      if (name.endsWith('.txt') || name.endsWith('.json'))
        copyFileSync(join(SEEDS_DIR, name), join(seeds, name));
    const plugin = ingestPlugin({ seeds });
    (plugin.configResolved as (c: unknown) => void)({
      command: 'serve',
      mode: 'development',
      root: '/',
    });
    const on = new Map<string, (file: string) => void>();
    const watched: string[] = [];
    let middleware: ((req: unknown, res: unknown, next: () => void) => void) | null = null;
    const sent: { type: string }[] = [];
    const logged: string[] = [];
    (plugin.configureServer as (s: unknown) => void)({
      watcher: {
        add: (dir: string) => watched.push(dir),
        on: (event: string, fn: (file: string) => void) => on.set(event, fn),
      },
      middlewares: { use: (fn: typeof middleware) => (middleware = fn) },
      ws: { send: (m: { type: string }) => sent.push(m) },
      moduleGraph: { getModuleById: () => undefined, invalidateModule: () => {} },
      config: {
        logger: { info: (m: string) => logged.push(m), error: (m: string) => logged.push(m) },
      },
    });
    const get = (): { status: number; body: string } => {
      let status = 200;
      let body = '';
      middleware!(
        { url: '/data/timeline.json' },
        {
          set statusCode(n: number) {
            status = n;
          },
          setHeader: () => {},
          end: (b: string) => (body = b),
        },
        () => {},
      );
      return { status, body };
    };
    expect(watched).toEqual([seeds]);
    const title = (body: string) =>
      (JSON.parse(body) as { events: { id: string; title: string }[] }).events.find(
        (e) => e.id === '2024-12-martial-law-yoon',
      )?.title;
    expect(title(get().body)).toBe('Martial law is imposed');

    const file = join(seeds, 'corrections.json');
    writeFileSync(
      file,
      JSON.stringify({
        version: 1,
        corrections: [
          {
            event: '2024-12-martial-law-yoon',
            set: { title: 'Imposition of martial law' },
            note: 'x',
          },
        ],
      }),
    );
    on.get('add')!(file);
    expect(sent.at(-1)).toEqual({ type: 'full-reload' });
    expect(logged.at(-1)).toContain('corrections: 1 applied, 0 no longer apply');
    expect(title(get().body)).toBe('Imposition of martial law');

    // A broken corrections file: the overlay and HTTP 500 name corrections.json and the line.
    writeFileSync(
      file,
      '{ "version": 1,\n  "corrections": [ { "event": "nope-nope", "hide": true, "note": "x" } ] }',
    );
    on.get('change')!(file);
    expect(sent.at(-1)?.type).toBe('error');
    const failed = get();
    expect(failed.status).toBe(500);
    expect(failed.body).toContain(
      `${seeds}/corrections.json:2: unknown event “nope-nope”: no event has this id or alias`,
    );
  });
});
