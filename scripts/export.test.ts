import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../src/features/export/parse-csv.ts';
import type { JsonExport } from '../src/features/export/to-json.ts';
import { ingest } from '../src/ingest/ingest.ts';
import { readSeedsFolder } from '../src/ingest/read-folder.ts';

/** `npm run export` on the real seeds: each format, checked against a direct ingest of the same folder. */

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const work = mkdtempSync(join(tmpdir(), 'ties-export-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// The default seeds folder, whatever the caller's environment says.
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'TIES_SEEDS'));
const run = (...args: string[]) =>
  spawnSync(tsx, [join(root, 'scripts', 'export.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env,
  });

const data = ingest(readSeedsFolder(join(root, 'seeds')).input).timeline!;

describe('npm run export', { timeout: 60_000 }, () => {
  it('writes every event and the undated ones as JSON, with links on --base-url', () => {
    const out = join(work, 'events.json');
    const r = run(
      '--seeds',
      'seeds',
      '--format',
      'json',
      '--out',
      out,
      '--base-url',
      'https://ties.example/app/',
    );
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain(
      `${data.events.length} event(s) and ${data.undated.length} undated as json`,
    );
    const doc = JSON.parse(readFileSync(out, 'utf8')) as JsonExport;
    expect(doc.counts).toEqual({ dated: data.events.length, undated: data.undated.length });
    expect(doc.events.map((e) => e.id).sort()).toEqual(
      [...data.events, ...data.undated].map((e) => e.id).sort(),
    );
    const first = data.events[0]!;
    expect(doc.events.find((e) => e.id === first.id)?.link).toBe(
      `https://ties.example/app/?event=${first.id}`,
    );
  });

  it('writes CSV with a BOM, one row per event', () => {
    const out = join(work, 'events.csv');
    const r = run('--format', 'csv', '--out', out);
    expect(r.status, r.stderr).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = parseCsv(text);
    expect(rows).toHaveLength(1 + data.events.length + data.undated.length);
    expect(rows[1]![rows[0]!.indexOf('link')]).toMatch(/^http:\/\/127\.0\.0\.1:4173\/\?event=/);
  });

  it('writes a calendar of the dated events and says how many undated ones it left out', () => {
    const r = run('--format', 'ics', '--out', '-');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.match(/\r\nBEGIN:VEVENT\r\n/g)).toHaveLength(data.events.length);
    if (data.undated.length > 0)
      expect(r.stderr).toContain(`${data.undated.length} undated event(s) left out`);
  });

  it('refuses bad arguments with a usage message', () => {
    for (const args of [
      ['--format', 'xml', '--out', '-'],
      ['--format', 'csv'],
      ['--format', 'csv', '--out', '-', '--base-url', 'javascript:alert(1)'],
      ['--bogus'],
    ]) {
      const r = run(...args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toContain('usage: npm run export');
    }
  });

  it('fails naming the file and line when an article is broken', () => {
    const seeds = join(work, 'broken');
    spawnSync('mkdir', ['-p', seeds]);
    writeFileSync(join(seeds, 'bad.txt'), ' date 2025-13-45 A title\nText.\n');
    const r = run('--seeds', seeds, '--format', 'csv', '--out', join(work, 'never.csv'));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/bad\.txt:1:/);
  });
});
