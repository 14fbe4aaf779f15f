/** The Vite plugin: build emits the data assets, or fails with the full report. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
