import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

/** `npm run ingest` on a copy of the seeds with a corrections file: it applies, and reports the stale ones. */

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const work = mkdtempSync(join(tmpdir(), 'ties-ingest-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const seeds = join(work, 'seeds');
const out = join(work, 'out');
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'TIES_SEEDS'));
const run = () =>
  spawnSync(tsx, [join(root, 'scripts', 'ingest.ts'), '--seeds', seeds, '--out', out], {
    cwd: root,
    encoding: 'utf8',
    env,
  });

function setUp(corrections: string) {
  rmSync(seeds, { recursive: true, force: true });
  mkdirSync(seeds, { recursive: true });
  for (const name of readdirSync(join(root, 'seeds')))
    if (name.endsWith('.txt') || name.endsWith('.json'))
      copyFileSync(join(root, 'seeds', name), join(seeds, name));
  // An id published once, for an article that is gone: a correction of it no longer applies.
  const ids = JSON.parse(readFileSync(join(seeds, 'event-ids.json'), 'utf8')) as {
    events: { id: string; keys: string[] }[];
  };
  ids.events.push({ id: '2019-07-export-curbs', keys: ['999_gone:00000000:curbs'] });
  writeFileSync(join(seeds, 'event-ids.json'), JSON.stringify(ids, null, 2));
  writeFileSync(join(seeds, 'corrections.json'), corrections);
}

describe('npm run ingest with corrections', { timeout: 60_000 }, () => {
  it('applies them and prints the ones that no longer apply, as file:line', () => {
    setUp(
      [
        '{',
        '  "version": 1,',
        '  "corrections": [',
        '    { "event": "2024-12-martial-law-yoon", "set": { "title": "Imposition of martial law" }, "note": "In the article’s words." },',
        '    { "event": "2019-07-export-curbs", "hide": true, "note": "Not about the two leaders." }',
        '  ]',
        '}',
        '',
      ].join('\n'),
    );
    const r = run();
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('corrections: 1 applied, 1 no longer apply (edit or remove them):');
    expect(r.stdout).toContain(
      `  ${seeds}/corrections.json:5: correction no longer applies: event “2019-07-export-curbs” (recorded in event-ids.json) is no longer in the ingest's output`,
    );
    const timeline = JSON.parse(readFileSync(join(out, 'timeline.json'), 'utf8')) as {
      events: { id: string; title: string; edited?: { note: string }[] }[];
    };
    const e = timeline.events.find((x) => x.id === '2024-12-martial-law-yoon')!;
    expect(e.title).toBe('Imposition of martial law');
    expect(e.edited?.[0]?.note).toBe('In the article’s words.');
  });

  it('fails, writing nothing, on a correction naming an event that never existed', () => {
    setUp(
      '{ "version": 1, "corrections": [\n  { "event": "1965-06-treaty", "hide": true, "note": "x" }\n] }\n',
    );
    rmSync(out, { recursive: true, force: true });
    const r = run();
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      `${seeds}/corrections.json:2: unknown event “1965-06-treaty”: no event has this id or alias`,
    );
    expect(() => readFileSync(join(out, 'timeline.json'))).toThrow();
  });
});
