/** Bad input: every problem is reported in one run, naming file and line; nothing is dropped silently. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_ARTICLE_BYTES } from '../../../src/ingest/types.ts';
import { ingest } from '../../../src/ingest/ingest.ts';
import {
  ARTICLE_001,
  file,
  run,
  seedActors,
  seedArticles,
  seedRelationship,
  seedText,
  SEEDS_DIR,
} from './helpers.ts';

const root = resolve(import.meta.dirname, '../../..');
const enc = (s: string) => new TextEncoder().encode(s);

const GOOD_CRLF_BOM = new Uint8Array([
  0xef,
  0xbb,
  0xbf,
  ...enc(
    ' date 2025-07-01 Lee Meets Carney\r\nPresident Lee Jae-myung met Prime Minister Mark Carney in Ottawa on June 30.\r\n',
  ),
]);

function badFiles() {
  return [
    file('a_empty.txt', ''),
    file(
      'b_binary.txt',
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]),
    ),
    file('c_latin1.txt', new Uint8Array([...enc('Title\nCaf'), 0xe9, ...enc(' au lait\n')])),
    file('d_bad_date.txt', ' date 2025-13-45 Bad Date\nPresident Lee met Prime Minister Ishiba.\n'),
    file('e_duplicate.txt', seedText(ARTICLE_001).replace(/\n/g, '\r\n')),
    file('f_huge.txt', new Uint8Array(3 * 1024 * 1024).fill(0x61)),
    file('g_crlf_bom.txt', GOOD_CRLF_BOM),
  ];
}

describe('bad input', () => {
  const result = run([...seedArticles(), ...badFiles()]);

  it('reports every problem in one run, each naming its file and line', () => {
    expect(result.timeline).toBeNull();
    const byFile = Object.fromEntries(result.problems.map((p) => [p.file, p]));
    expect(Object.keys(byFile).sort()).toEqual([
      'a_empty.txt',
      'b_binary.txt',
      'c_latin1.txt',
      'd_bad_date.txt',
      'e_duplicate.txt',
      'f_huge.txt',
    ]);
    expect(byFile['a_empty.txt']).toMatchObject({
      line: 1,
      message: expect.stringMatching(/empty/),
    });
    expect(byFile['b_binary.txt']!.message).toMatch(/UTF-8|binary/);
    expect(byFile['c_latin1.txt']).toMatchObject({
      line: 2,
      message: expect.stringMatching(/UTF-8/),
    });
    expect(byFile['d_bad_date.txt']).toMatchObject({
      line: 1,
      message: expect.stringContaining('2025-13-45'),
    });
    expect(byFile['e_duplicate.txt']).toMatchObject({
      line: 1,
      message: expect.stringContaining(`${ARTICLE_001}.txt`),
    });
    expect(byFile['f_huge.txt']).toMatchObject({ line: 1, message: expect.stringMatching(/MB/) });
  });

  it('ingests CRLF line endings and a byte-order mark, with offsets into the normalised body', () => {
    const ok = run([file('g_crlf_bom.txt', GOOD_CRLF_BOM)]);
    expect(ok.problems).toEqual([]);
    const body = ok.bodies[0]!;
    expect(body.body.startsWith(' date 2025-07-01')).toBe(true);
    expect(body.body).not.toMatch(/\r|\uFEFF/);
    const e = ok.timeline!.events.find((x) => x.kind === 'meeting')!;
    expect(e).toMatchObject({ start: '2025-06-30' });
    const s = e.sources[0]!;
    expect(body.body.slice(s.offset, s.offset + s.quote.length)).toBe(s.quote);
  });

  it('rejects an invalid published-ids file with file:line problems, all in one run', () => {
    const r = ingest(
      {
        articles: seedArticles(),
        actors: seedActors(),
        relationship: seedRelationship(),
        eventIds: file(
          'event-ids.json',
          '{\n  "version": 1,\n  "events": [\n    { "id": "Not A Slug", "keys": [] },\n    { "id": "a-b", "keys": [1] },\n    { "id": "c-d", "keys": ["k"] },\n    { "id": "e-f", "keys": ["k"] }\n  ]\n}\n',
        ),
      },
      { actorsLabel: 'seeds/actors.json' },
    );
    expect(r.timeline).toBeNull();
    expect(r.problems.map((p) => `${p.file}:${p.line}`)).toEqual([
      'event-ids.json:4',
      'event-ids.json:5',
      'event-ids.json:7',
    ]);
    const broken = ingest(
      {
        articles: seedArticles(),
        actors: seedActors(),
        relationship: seedRelationship(),
        eventIds: file('event-ids.json', '{\n  "version": 1,\n  oops\n}'),
      },
      {},
    );
    expect(broken.problems).toEqual([
      expect.objectContaining({
        file: 'event-ids.json',
        line: 3,
        message: expect.stringMatching(/invalid JSON/),
      }),
    ]);
  });

  it('rejects an invalid actors file with file:line problems', () => {
    const r = run(
      seedArticles(),
      file('actors.json', '{\n  "actors": [\n    { "id": "x" }\n  ]\n}\n'),
    );
    expect(r.timeline).toBeNull();
    expect(r.problems.every((p) => p.file === 'actors.json' && p.line === 3)).toBe(true);
    expect(r.problems.map((p) => p.message)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/missing "name"/),
        expect.stringMatching(/missing "sources"/),
      ]),
    );
  });

  describe('CLI', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ties-bad-'));
    const out = mkdtempSync(join(tmpdir(), 'ties-out-'));
    afterAll(() => {
      rmSync(dir, { recursive: true, force: true });
      rmSync(out, { recursive: true, force: true });
    });

    it('exits non-zero and prints file:line: message for every problem', () => {
      for (const f of [...seedArticles(), ...badFiles()]) writeFileSync(join(dir, f.name), f.bytes);
      writeFileSync(join(dir, 'actors.json'), readFileSync(join(SEEDS_DIR, 'actors.json')));
      let status = 0;
      let stderr = '';
      try {
        execFileSync(
          process.execPath,
          ['--import', 'tsx', 'scripts/ingest.ts', '--seeds', dir, '--out', out],
          {
            cwd: root,
            stdio: 'pipe',
          },
        );
      } catch (error) {
        const e = error as { status: number; stderr: Buffer };
        status = e.status;
        stderr = e.stderr.toString();
      }
      expect(status).toBe(1);
      for (const name of [
        'a_empty.txt:1:',
        'c_latin1.txt:2:',
        'd_bad_date.txt:1:',
        'e_duplicate.txt:1:',
        'f_huge.txt:1:',
      ]) {
        expect(stderr).toContain(`${dir}/${name}`);
      }
      expect(stderr).toMatch(/b_binary\.txt:\d+: /);
      expect(existsSync(join(out, 'timeline.json'))).toBe(false);
    });
  });

  it('keeps the size limit well above real articles', () => {
    expect(MAX_ARTICLE_BYTES).toBeGreaterThanOrEqual(1024 * 1024);
  });
});
