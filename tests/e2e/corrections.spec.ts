import {
  copyFileSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { parseCsv } from '../../src/features/export/parse-csv';
import { expect, test } from './fixtures';
import { startSeedsServer, type SeedsServer } from './seeds-server';

/**
 * Editor's corrections (seeds/corrections.json), end to end: a build from a copy of the seeds with a
 * corrections file shows the corrected title with an "Edited" badge and the editor's note, a link
 * to the hidden event says it was hidden and why, and the CSV export carries the edit.
 */

const MARTIAL = '2024-12-martial-law-yoon';
const COLONIAL = '1910-colonial-rule-japan-korea';
const TITLE = 'Imposition of martial law';
const SET_NOTE = 'Title in the article’s own words (“the imposition of martial law”).';
const HIDE_NOTE = 'Background history, not an event the article reports.';

test.describe('corrections', () => {
  test.describe.configure({ mode: 'serial' });
  const port = Number(process.env.E2E_CORRECTIONS_PORT ?? 4179);
  const url = `http://127.0.0.1:${port}`;
  let seeds = '';
  let server: SeedsServer | null = null;

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    seeds = mkdtempSync(join(tmpdir(), 'ties-corrected-seeds-'));
    for (const name of readdirSync('seeds'))
      if (name.endsWith('.txt') || name.endsWith('.json'))
        copyFileSync(join('seeds', name), join(seeds, name));
    writeFileSync(
      join(seeds, 'corrections.json'),
      `${JSON.stringify(
        {
          version: 1,
          corrections: [
            // By an alias: corrections key on every id that opens the event.
            { event: '2024-12-martial-law', set: { title: TITLE }, note: SET_NOTE },
            { event: COLONIAL, hide: true, note: HIDE_NOTE },
          ],
        },
        null,
        2,
      )}\n`,
    );
    server = await startSeedsServer(seeds, port, 'corrected');
  });

  test.afterAll(() => {
    server?.stop();
    if (seeds) rmSync(seeds, { recursive: true, force: true });
  });

  test('a corrected event shows its new title, an Edited badge and the note; the export carries it', async ({
    page,
  }) => {
    await page.goto(`${url}/`);
    await expect(page.getByRole('heading', { name: 'Ties', level: 1 })).toBeVisible();
    const list = page.getByRole('region', { name: /Events in view/ });
    await list.getByRole('button', { name: new RegExp(TITLE) }).click();
    expect(new URL(page.url()).searchParams.get('event')).toBe(MARTIAL);

    const panel = page.getByTestId('article-panel');
    await expect(panel.getByRole('heading', { level: 2 })).toHaveText(TITLE);
    await expect(panel.getByText('Edited', { exact: true })).toBeVisible();
    const note = panel.getByRole('definition').filter({ hasText: SET_NOTE });
    await expect(note).toBeVisible();
    await expect(note).toContainText(`title: “Martial law is imposed” → “${TITLE}”`);

    // The badge and the note are accessible (contrast in light and dark, structure).
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      const results = await new AxeBuilder({ page })
        .include('[data-testid="article-panel"]')
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
        .analyze();
      expect(
        results.violations.map(
          (v) => `${scheme}: ${v.id} ${v.nodes.map((n) => n.target).join(' ')}`,
        ),
      ).toEqual([]);
    }

    // The uncorrected events have no badge.
    await list.getByRole('button', { name: /G7/ }).click();
    await expect(panel.getByRole('heading', { level: 2 })).toContainText('G7');
    await expect(panel.getByText('Edited', { exact: true })).toHaveCount(0);

    // The CSV export has the edit in its "edited" column.
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const menu = page.getByRole('group', { name: 'Export events' });
    await menu.getByRole('radio', { name: /^All events/ }).check();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      menu.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    const rows = parseCsv(readFileSync(await download.path(), 'utf8'));
    const header = rows[0]!;
    const row = rows.find((r) => r[header.indexOf('id')] === MARTIAL)!;
    expect(row[header.indexOf('title')]).toBe(TITLE);
    expect(row[header.indexOf('edited')]).toBe(
      `${SET_NOTE} (title: “Martial law is imposed” → “${TITLE}”)`,
    );
    expect(rows.some((r) => r[header.indexOf('id')] === COLONIAL)).toBe(false);
  });

  test('a link to a hidden event says it was hidden by an editor, with the note', async ({
    page,
  }) => {
    await page.goto(`${url}/?event=${COLONIAL}`);
    await expect(page.getByRole('heading', { name: 'Ties', level: 1 })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'hidden by an editor' })).toContainText(
      `was hidden by an editor: ${HIDE_NOTE}`,
    );
    await expect(page.getByTestId('article-panel')).toHaveCount(0);
    expect(new URL(page.url()).searchParams.get('event')).toBeNull();
  });
});
