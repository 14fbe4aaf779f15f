/** The Vite plugin: build emits the data assets, or fails with the full report. */
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingestPlugin } from '../../../scripts/vite-plugin-ingest.ts';
import { SEEDS_DIR } from './helpers.ts';

interface Emitted {
  fileName: string;
  source: string;
}

function runBuildStart(seeds: string): { emitted: Emitted[]; error: string | null } {
  const plugin = ingestPlugin({ seeds });
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
  return { emitted, error };
}

describe('vite plugin', () => {
  const bad = mkdtempSync(join(tmpdir(), 'ties-plugin-'));
  afterAll(() => rmSync(bad, { recursive: true, force: true }));

  it('emits data/timeline.json and one data/articles/<id>.json per article', () => {
    const { emitted, error } = runBuildStart(SEEDS_DIR);
    expect(error).toBeNull();
    expect(emitted.map((e) => e.fileName).sort()).toEqual([
      'data/articles/000_86a969139ba81000.json',
      'data/articles/001_2187417dd207f657.json',
      'data/timeline.json',
    ]);
    const timeline = JSON.parse(emitted.find((e) => e.fileName === 'data/timeline.json')!.source);
    expect(timeline.events.length).toBeGreaterThan(0);
  });

  it('fails the build with every problem listed', () => {
    writeFileSync(join(bad, 'one.txt'), '');
    writeFileSync(join(bad, 'two.txt'), ' date 2025-02-30 Nope\nText.\n');
    const { emitted, error } = runBuildStart(bad);
    expect(emitted).toEqual([]);
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
