import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { startSeedsServer, type SeedsServer } from './seeds-server';

/**
 * The relationship is data: a build from another seeds folder (tests/fixtures/other-pair: the
 * United States and China, two short articles, their actors) shows that pair in the tab title, the
 * header, the lanes, the filter groups and the colours, and nothing of the project's own pair.
 */
const port = Number(process.env.E2E_OTHER_PAIR_PORT ?? 4178);
const baseURL = `http://127.0.0.1:${port}`;
let server: SeedsServer | null = null;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  server = await startSeedsServer('tests/fixtures/other-pair', port, 'other-pair');
});

test.afterAll(() => server?.stop());

const laneLabels = (page: Page) =>
  page.getByRole('group', { name: 'Timeline of events' }).locator('.vis-labelset .lane-label');

test('the header, tab title, lanes, filter and colours show the United States and China', async ({
  page,
  request,
}) => {
  // The page as served already names the pair (before any script runs).
  const html = await (await request.get(`${baseURL}/`)).text();
  expect(html).toContain('<title>Ties — United States–China relations, from the articles</title>');
  expect(html).toContain('An interactive timeline of United States–China relations');
  await page.goto(`${baseURL}/`);
  await expect(page.getByRole('heading', { name: 'Ties', level: 1 })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText(
    'United States–China relations, as the news articles tell them',
  );
  await expect(page).toHaveTitle('Ties — United States–China relations, from the articles');

  // Lanes: terms of office of each, the pair's lane, each country's own lane.
  await expect(laneLabels(page)).toHaveText([
    'In office · U.S.',
    'In office · China',
    'U.S.–China',
    'United States',
    'China',
  ]);

  // Filter groups: the two countries, in the relationship's order, each with its actors.
  const groups = page.getByRole('group', { name: /^(United States|China)$/ });
  await expect(groups).toHaveCount(2);
  await expect(groups.nth(0)).toHaveAccessibleName('United States');
  await expect(groups.nth(1)).toHaveAccessibleName('China');
  await expect(groups.nth(0).getByRole('checkbox')).toHaveCount(1);
  await expect(groups.nth(0).getByRole('checkbox', { name: 'Joe Biden' })).toBeVisible();
  // Xi's actors-file country is "PRC": the ingest gives it the party's name.
  await expect(groups.nth(1).getByRole('checkbox', { name: 'Xi Jinping' })).toBeVisible();
  await expect(groups.nth(1).getByRole('checkbox', { name: 'Li Qiang' })).toBeVisible();

  // Colours from the data: each country's lane label is drawn in its colour.
  const color = (text: string) =>
    laneLabels(page)
      .filter({ hasText: new RegExp(`^${text}$`) })
      .evaluate((el) => getComputedStyle(el).color);
  expect(await color('United States')).toBe('rgb(29, 78, 137)');
  expect(await color('China')).toBe('rgb(192, 57, 43)');

  // On the dark theme: the given dark colour, or the colour lightened when there is none.
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await color('United States')).toBe('rgb(141, 180, 234)');
  expect(await color('China')).not.toBe('rgb(192, 57, 43)');
  await page.emulateMedia({ colorScheme: 'light' });

  // Nothing of the project's own pair anywhere.
  await expect(page.locator('body')).not.toContainText(/Korea|Japan/);
});

test('filtering to Li Qiang keeps only China’s lanes and says so in the URL', async ({ page }) => {
  await page.goto(`${baseURL}/`);
  await page.getByRole('checkbox', { name: 'Li Qiang' }).check();
  await expect(page).toHaveURL(/[?&]leaders=li-qiang(&|$)/);
  await expect(laneLabels(page)).toHaveText(['In office · U.S.', 'In office · China', 'China']);
  const rows = page.getByRole('region', { name: /Events in view/ }).getByRole('button');
  await expect(rows.filter({ hasText: 'Li delivers the government work report' })).toHaveCount(1);
  await expect(rows.filter({ hasText: 'Biden' })).toHaveCount(0);
});
