/**
 * Sources, named: the panel lists every source (headline, outlet, publication date and how it was
 * found, supporting sentence) before the text; "2 sources" names its outlets on hover and focus;
 * the header's article list links each article to its events.
 */
import {
  articlePanel,
  eventList,
  expect,
  g7Event,
  literal,
  openApp,
  test,
  type TimelineLite,
} from './fixtures';

function outletsOf(data: TimelineLite, sources: { articleId: string }[]): string {
  return sources
    .map((s) => data.articles.find((a) => a.id === s.articleId)?.source ?? 'outlet not stated')
    .join(', ');
}

test('the panel names every source before the text; choosing one shows its article and sentence', async ({
  page,
  data,
}) => {
  const g7 = g7Event(data);
  await openApp(page, `event=${g7.id}`);
  const panel = articlePanel(page);
  const list = panel.getByRole('tablist', { name: `Sources (${g7.sources.length})` });
  const tabs = list.getByRole('tab');
  await expect(tabs).toHaveCount(g7.sources.length);

  for (const [i, source] of g7.sources.entries()) {
    const article = data.articles.find((a) => a.id === source.articleId)!;
    const tab = tabs.nth(i);
    // Named by number, headline and outlet; described by date, how it was found and the sentence.
    await expect(tab).toHaveAccessibleName(
      new RegExp(
        `^Source ${i + 1} ${literal(article.title).source}\\s*,\\s*${article.source ?? 'outlet not stated'}$`,
      ),
    );
    await expect(tab).toContainText(/Published \d{1,2} \w{3} \d{4}|Publication date unknown/);
    await expect(tab).toContainText(/Stated in the article|Inferred|No publication date/);
    await expect(tab).toContainText(source.quote);
    await expect(tab).toHaveAccessibleDescription(new RegExp(literal(source.quote).source));
  }
  // The list comes before the article text.
  const listFirst = await list.evaluate((node) => {
    const body = node.closest('[data-testid="article-panel"]')!.querySelector('.article-body');
    return (
      body !== null && !!(node.compareDocumentPosition(body) & Node.DOCUMENT_POSITION_FOLLOWING)
    );
  });
  expect(listFirst).toBe(true);

  // Choosing the second source shows its article with its sentence marked; the URL stays.
  await tabs.nth(1).click();
  await expect(tabs.nth(1)).toHaveAttribute('aria-selected', 'true');
  const second = g7.sources[1]!;
  const tabpanel = panel.getByRole('tabpanel');
  await expect(tabpanel.getByRole('heading', { level: 3 })).toHaveText(
    data.articles.find((a) => a.id === second.articleId)!.title,
  );
  await expect(tabpanel.locator('mark')).toHaveText(second.quote);
  await expect(tabpanel.locator('mark')).toBeInViewport();
  await expect(page).toHaveURL(new RegExp(`\\?event=${g7.id}$`));

  // Arrow keys move between sources (the list is vertical).
  await tabs.nth(1).focus();
  await page.keyboard.press('ArrowUp');
  await expect(tabs.nth(0)).toBeFocused();
  await expect(tabs.nth(0)).toHaveAttribute('aria-selected', 'true');
  await expect(tabpanel.locator('mark')).toHaveText(g7.sources[0]!.quote);
});

test('a single source is named too', async ({ page, data }) => {
  const single = data.events.find((e) => e.sources.length === 1)!;
  const article = data.articles.find((a) => a.id === single.sources[0]!.articleId)!;
  await openApp(page, `event=${single.id}`);
  const panel = articlePanel(page);
  const section = panel.getByRole('region', { name: 'Source' });
  await expect(section).toContainText(article.title);
  await expect(section).toContainText(article.source ?? 'outlet not stated');
  await expect(section).toContainText(single.sources[0]!.quote);
  await expect(panel.getByRole('tab')).toHaveCount(0);
});

test('"2 sources" names its outlets on hover and on keyboard focus', async ({ page, data }) => {
  const g7 = g7Event(data);
  const outlets = outletsOf(data, g7.sources);
  expect(outlets).toContain(', ');
  await openApp(page);

  // On the timeline: the item's tooltip.
  await page.locator('.vis-item', { hasText: '2 sources' }).first().hover();
  await expect(page.locator('.vis-tooltip')).toContainText(`2 sources: ${outlets}`);

  // On the timeline from the keyboard: selecting the event announces its sources' outlets.
  const timeline = page.getByRole('group', { name: 'Timeline of events' });
  await timeline.focus();
  await page.keyboard.press('Home');
  for (let i = 0; i < data.events.length && !page.url().includes(`event=${g7.id}`); i += 1) {
    await page.keyboard.press('ArrowRight');
  }
  await expect(page).toHaveURL(new RegExp(`event=${g7.id}`));
  await expect(page.locator('[aria-live="polite"]').filter({ hasText: 'Selected:' })).toContainText(
    `2 sources: ${outlets}`,
  );
  await page.keyboard.press('Escape');
  await expect(page).not.toHaveURL(/event=/);

  // In the list of events in view: part of the row's name, shown when the row has focus.
  const row = eventList(page).getByRole('button', { name: literal(g7.title) });
  await expect(row).toHaveAccessibleName(
    new RegExp(`2 sources\\s*:\\s*${literal(outlets).source}$`),
  );
  const tip = row.locator('.sources-tip');
  expect((await tip.boundingBox())!.width).toBeLessThanOrEqual(1);
  await row.focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await expect(row).toBeFocused();
  await expect(tip).toHaveText(`: ${outlets}`);
  expect((await tip.boundingBox())!.width).toBeGreaterThan(20);
  await expect(tip).toBeInViewport();
  await page.mouse.move(0, 0);
  await page.keyboard.press('Shift+Tab');
  expect((await tip.boundingBox())!.width).toBeLessThanOrEqual(1);
  await row.hover();
  expect((await tip.boundingBox())!.width).toBeGreaterThan(20);
  expect(page.url()).not.toContain('event=');
});

test('the header lists each article with links to its events', async ({ page, data }) => {
  await openApp(page);
  await page.getByText(/^Built from these \d+ articles$/).click();
  for (const article of data.articles) {
    const events = page.getByRole('list', { name: `Events from “${article.title}”` });
    const dated = data.events.filter((e) => article.eventIds.includes(e.id));
    const undated = data.undated.filter((e) => article.eventIds.includes(e.id));
    await expect(events.getByRole('button')).toHaveCount(dated.length);
    for (const u of undated) await expect(events).toContainText(u.title);
  }
  const first = data.articles[0]!;
  const target = data.events.find((e) => first.eventIds.includes(e.id))!;
  const link = page
    .getByRole('list', { name: `Events from “${first.title}”` })
    .getByRole('button', { name: target.title, exact: true });
  await link.click();
  await expect(page).toHaveURL(new RegExp(`[?&]event=${target.id}(&|$)`));
  const panel = articlePanel(page);
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText(target.title);
  await expect(panel.getByRole('heading', { level: 2 })).toBeFocused();
  // Escape returns to the link that opened it.
  await page.keyboard.press('Escape');
  await expect(page).not.toHaveURL(/event=/);
  await expect(link).toBeFocused();
});
