/**
 * The embed (`?embed=1`) in a page that frames it, on the page's own origin, as another site would
 * paste the snippet of embed.html. Two builds (playwright.config.ts): the default one refuses to be
 * framed (frame-ancestors 'none'); the one built with TIES_FRAME_ANCESTORS="'self'" lets its own
 * origin frame it, and there selection, filters, the window and Back all work inside the frame.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Frame, Page } from '@playwright/test';
import { articlePanel, eventList, expect, g7Event, literal, test } from './fixtures';

const embedServer = `http://127.0.0.1:${Number(process.env.E2E_EMBED_PORT ?? 4176)}`;
const TEST_PAGE = 'framing-test-page.html';

/**
 * Opens `server`'s embed.html, takes its snippet (the text a site would copy), points it at
 * `query`, and serves it as a page of the same origin. Returns the snippet's frame.
 */
async function framingPage(page: Page, server: string, query: string): Promise<Frame> {
  await page.goto(`${server}/embed.html`);
  const snippet = (await page.locator('#snippet').textContent()) ?? '';
  // The page's script put its own address into the snippet.
  expect(snippet).toContain(`<iframe src="${server}/?embed=1"`);
  expect(snippet).toContain(`<a href="${server}/chronology.html">`);
  const html = snippet.replace('?embed=1"', `?embed=1${query ? `&${query}` : ''}"`);
  await page.route(`${server}/${TEST_PAGE}`, (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><html lang="en"><head><title>A page that embeds Ties</title></head><body><h1>Someone's article</h1>${html}</body></html>`,
    }),
  );
  await page.goto(`${server}/${TEST_PAGE}`);
  const frame = await page
    .locator('iframe')
    .elementHandle()
    .then((h) => h!.contentFrame());
  return frame!;
}

test('by default the app refuses to be framed, even by its own origin', async ({
  page,
  baseURL,
  allowConsole,
}) => {
  allowConsole(/frame-ancestors/);
  const refused: string[] = [];
  page.on('console', (m) => {
    if (/frame-ancestors 'none'/.test(m.text())) refused.push(m.text());
  });
  await framingPage(page, baseURL!, '');
  await expect.poll(() => refused.length).toBeGreaterThan(0);
  const frame = page.frameLocator('iframe');
  await expect(frame.locator('#root')).toHaveCount(0);
  // embed.html says why.
  await page.goto(`${baseURL}/embed.html`);
  await expect(page.getByText('This build refuses to be framed')).toBeVisible();
});

test('framed where the build allows it: selection, window and Back work inside the frame', async ({
  page,
  data,
}) => {
  const g7 = g7Event(data);
  const frame = await framingPage(page, embedServer, 'leaders=shigeru-ishiba');
  const inFrame = page.frameLocator('iframe');
  await expect(inFrame.getByRole('heading', { name: /^Timeline/ })).toBeVisible();
  // No site header: no tagline, no Copy link, no list of source articles; the frame is filled.
  await expect(inFrame.getByRole('button', { name: 'Copy link' })).toHaveCount(0);
  await expect(inFrame.getByText(/^Built from/)).toHaveCount(0);
  const box = await page.locator('iframe').boundingBox();
  const app = await inFrame.locator('.app').boundingBox();
  expect(app!.width).toBeGreaterThan(box!.width - 20);

  // The filter of the frame's src applies.
  await expect(inFrame.getByRole('checkbox', { name: 'Shigeru Ishiba' })).toBeChecked();
  const ishiba = data.events.filter((e) => e.actors.includes('shigeru-ishiba'));
  await expect(eventList(inFrame).getByRole('button')).toHaveCount(ishiba.length);

  // Select an event inside the frame: the frame's own URL carries it, the page's does not change.
  await eventList(inFrame)
    .getByRole('button', { name: literal(g7.title) })
    .click();
  await expect(articlePanel(inFrame).getByRole('heading', { level: 2 })).toHaveText(g7.title);
  await expect.poll(() => new URL(frame.url()).searchParams.get('event')).toBe(g7.id);
  let params = new URL(frame.url()).searchParams;
  expect(params.get('embed')).toBe('1');
  expect(params.get('leaders')).toBe('shigeru-ishiba');
  expect(page.url()).toBe(`${embedServer}/${TEST_PAGE}`);

  // The window, inside the frame.
  await inFrame.getByRole('button', { name: 'Zoom in' }).click();
  await expect.poll(() => new URL(frame.url()).searchParams.get('from')).not.toBeNull();
  params = new URL(frame.url()).searchParams;
  expect(params.get('to')).not.toBeNull();
  expect(params.get('event')).toBe(g7.id);

  // 'Open in Ties': the same view, outside the frame, in a new tab.
  const link = inFrame.getByRole('link', { name: /Open in Ties/ });
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', 'noopener');
  const expected = new URL(frame.url());
  expected.searchParams.delete('embed');
  const href = new URL((await link.getAttribute('href'))!);
  expect(href.origin + href.pathname).toBe(`${embedServer}/`);
  expect(href.searchParams.has('embed')).toBe(false);
  expect([...href.searchParams].sort()).toEqual([...expected.searchParams].sort());
  const [opened] = await Promise.all([page.context().waitForEvent('page'), link.click()]);
  await opened.waitForLoadState();
  expect(new URL(opened.url()).search).toBe(href.search);
  await expect(opened.getByRole('button', { name: 'Copy link' })).toBeVisible();
  await expect(articlePanel(opened).getByRole('heading', { level: 2 })).toHaveText(g7.title);
  await opened.close();

  // Back inside the frame undoes the selection (the window change replaced its entry).
  await frame.evaluate(() => history.back());
  await expect.poll(() => new URL(frame.url()).searchParams.has('event')).toBe(false);
  await expect(articlePanel(inFrame)).toHaveCount(0);
  expect(new URL(frame.url()).searchParams.get('leaders')).toBe('shigeru-ishiba');
  expect(new URL(frame.url()).searchParams.get('embed')).toBe('1');
  expect(page.url()).toBe(`${embedServer}/${TEST_PAGE}`);
  // The Open in Ties link follows.
  await expect(inFrame.getByRole('link', { name: /Open in Ties/ })).toHaveAttribute(
    'href',
    `${embedServer}/?leaders=shigeru-ishiba`,
  );
});

test('embed=1 survives clearing the filter and closing the panel', async ({ page, data }) => {
  const g7 = g7Event(data);
  await page.goto(`${embedServer}/?embed=1&event=${g7.id}&leaders=shigeru-ishiba`);
  await expect(articlePanel(page).getByRole('heading', { level: 2 })).toHaveText(g7.title);
  await page.getByRole('button', { name: 'Clear all' }).click();
  await expect(page).toHaveURL(`${embedServer}/?event=${g7.id}&embed=1`);
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(`${embedServer}/?embed=1`);
  await expect(page.getByRole('link', { name: /Open in Ties/ })).toHaveAttribute(
    'href',
    `${embedServer}/`,
  );
});

test('chronology.html lists every event with its sources, as plain HTML', async ({
  page,
  data,
  baseURL,
}) => {
  await page.goto(`${baseURL}/chronology.html`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/chronology/);
  for (const event of data.events) {
    await expect(page.getByRole('heading', { level: 3, name: event.title })).toHaveCount(1);
  }
  const g7 = g7Event(data);
  const item = page.getByRole('listitem').filter({
    has: page.getByRole('heading', { level: 3, name: g7.title }),
  });
  for (const source of g7.sources) await expect(item).toContainText(source.quote);
  // Its link opens the event on the timeline.
  await item.getByRole('link', { name: g7.title }).click();
  await expect(page).toHaveURL(`${baseURL}/?event=${g7.id}`);
  await expect(articlePanel(page).getByRole('heading', { level: 2 })).toHaveText(g7.title);
});

test('the embedded view, embed.html and chronology.html have no serious accessibility problem', async ({
  page,
  data,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const g7 = g7Event(data);
  for (const url of [
    `${embedServer}/?embed=1&event=${g7.id}`,
    `${baseURL}/embed.html`,
    `${baseURL}/chronology.html`,
  ]) {
    await page.goto(url);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
      .analyze();
    const serious = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(serious, url).toEqual([]);
  }
});
