/**
 * The layer rules of eslint.config.js, run through ESLint's own Node API on small source texts
 * placed (virtually) at the paths where they would live: each forbidden import must be reported
 * by the rule that guards it, and each allowed one must lint clean.
 */
import { ESLint } from 'eslint';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

async function lint(
  path: string,
  code: string,
): Promise<{ ruleId: string | null; message: string }[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, path) });
  return (result?.messages ?? []).map(({ ruleId, message }) => ({ ruleId, message }));
}

/** One import of `specifier`, used, so that nothing but the layer rules can object. */
const importing = (specifier: string) => `import { used } from '${specifier}';\nexport { used };\n`;

describe('layer rules: forbidden imports are reported', () => {
  const forbidden: [what: string, path: string, specifier: string, says: RegExp][] = [
    [
      'a feature importing another feature',
      'src/features/timeline/probe.ts',
      '../filters/filter-panel',
      /another feature/,
    ],
    [
      '… by a longer path',
      'src/features/filters/probe.tsx',
      '../../features/timeline/window-math',
      /another feature/,
    ],
    [
      '… its stylesheet',
      'src/features/articles/probe.tsx',
      '../timeline/timeline.css',
      /another feature/,
    ],
    [
      'a feature importing the app shell',
      'src/features/filters/probe.ts',
      '../../app/explorer',
      /app shell/,
    ],
    [
      'a feature importing the entry point',
      'src/features/timeline/probe.ts',
      '../../main.tsx',
      /app shell/,
    ],
    [
      'src/lib importing a feature',
      'src/lib/probe.ts',
      '../features/filters/filter-panel',
      /src\/lib is shared/,
    ],
    [
      'src/lib importing the app shell',
      'src/lib/probe.ts',
      '../app/reconcile-view',
      /src\/lib is shared/,
    ],
    [
      'the ingest importing the app',
      'src/ingest/probe.ts',
      '../app/explorer',
      /must not import browser code/,
    ],
    [
      'a stage importing a feature',
      'src/ingest/stages/probe.ts',
      '../../features/timeline/timeline-items',
      /browser code/,
    ],
    [
      'the ingest importing lib outside the contract',
      'src/ingest/probe.ts',
      '../lib/url-search-params',
      /only the shared contract/,
    ],
    [
      'a stage importing lib outside the contract',
      'src/ingest/stages/probe.ts',
      '../../lib/icons',
      /only the shared contract/,
    ],
    ['the ingest importing a browser library', 'src/ingest/probe.ts', 'react', /browser libraries/],
    [
      'the app importing the ingest',
      'src/app/probe.ts',
      '../ingest/ingest.ts',
      /build-time Node code/,
    ],
    [
      'a feature importing the ingest',
      'src/features/timeline/probe.ts',
      '../../ingest/ingest.ts',
      /build-time Node code/,
    ],
  ];
  it.each(forbidden)('%s (%s imports %s)', async (_what, path, specifier, says) => {
    const messages = await lint(path, importing(specifier));
    expect(messages).toEqual([
      { ruleId: 'no-restricted-imports', message: expect.stringMatching(says) },
    ]);
  });

  it('reports the browser globals in the ingest', async () => {
    const messages = await lint(
      'src/ingest/stages/probe.ts',
      'export const title = document.title;\n',
    );
    expect(messages).toEqual([
      { ruleId: 'no-restricted-globals', message: expect.stringMatching(/no browser/) },
    ]);
  });
});

describe('layer rules: allowed imports lint clean', () => {
  const allowed: [what: string, path: string, specifier: string][] = [
    ['the app importing a feature', 'src/app/probe.ts', '../features/filters/filter-panel'],
    ['the app importing lib', 'src/app/probe.ts', '../lib/partial-date'],
    ['the entry point importing a feature', 'src/main.tsx', './features/timeline/timeline-query'],
    ['a feature importing itself', 'src/features/timeline/probe.ts', './timeline-items'],
    ['a feature importing its stylesheet', 'src/features/timeline/probe.tsx', './timeline.css'],
    ['a feature importing lib', 'src/features/filters/probe.ts', '../../lib/url-search-params'],
    ['src/lib importing src/lib', 'src/lib/probe.ts', './partial-date'],
    ['the ingest importing the contract', 'src/ingest/probe.ts', '../lib/timeline-data.ts'],
    ['a stage importing the contract', 'src/ingest/stages/probe.ts', '../../lib/event-kinds.ts'],
    ['a stage importing the ingest', 'src/ingest/stages/probe.ts', '../ingest.ts'],
    [
      'a test importing a feature',
      'tests/unit/probe.test.ts',
      '../../src/features/timeline/window-math',
    ],
    ['a test importing the ingest', 'tests/unit/probe.test.ts', '../../src/ingest/ingest.ts'],
    ['a script importing the ingest', 'scripts/probe.ts', '../src/ingest/ingest.ts'],
    ['a script importing the app', 'scripts/probe.ts', '../src/app/explorer'],
  ];
  it.each(allowed)('%s (%s imports %s)', async (_what, path, specifier) => {
    expect(await lint(path, importing(specifier))).toEqual([]);
  });
});

describe('file names', () => {
  it.each([
    'src/lib/FilterEvents.ts',
    'src/features/timeline/timeline_view.tsx',
    'tests/unit/someTest.test.ts',
  ])('reports %s, which is not kebab-case', async (path) => {
    const messages = await lint(path, 'export const one = 1;\n');
    expect(messages.map((m) => m.ruleId)).toEqual(['check-file/filename-naming-convention']);
  });

  it('reports a folder that is not kebab-case', async () => {
    const messages = await lint('src/features/eventList/probe.ts', 'export const one = 1;\n');
    expect(messages.map((m) => m.ruleId)).toContain('check-file/folder-naming-convention');
  });

  it.each([
    'src/ingest/stages/01-read.ts',
    'src/features/filters/filter-events.test.ts',
    'vite.config.ts',
  ])('accepts %s', async (path) => {
    expect(await lint(path, 'export const one = 1;\n')).toEqual([]);
  });
});
