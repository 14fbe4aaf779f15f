import {
  articlePanel,
  chronological,
  chronology,
  eventList,
  expect,
  g7Event,
  literal,
  openApp,
  searchParams,
  test,
} from './fixtures';

test('keyboard only: reach the timeline, move between events, open, read and close', async ({
  page,
  data,
}) => {
  const order = chronological(data);
  await openApp(page);
  const timeline = page.getByRole('group', { name: 'Timeline of events' });

  // Tab from the top of the page until the timeline has focus.
  for (let i = 0; i < 40; i += 1) {
    await page.keyboard.press('Tab');
    if (await timeline.evaluate((el) => el === document.activeElement)) break;
  }
  await expect(timeline).toBeFocused();

  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(new RegExp(`event=${order[0]!.id}`));
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(new RegExp(`event=${order[1]!.id}`));
  await page.keyboard.press('ArrowLeft');
  await expect(page).toHaveURL(new RegExp(`event=${order[0]!.id}`));
  await page.keyboard.press('End');
  const last = order[order.length - 1]!;
  await expect(page).toHaveURL(new RegExp(`event=${last.id}`));
  await expect(timeline).toBeFocused();

  // The selection is announced politely: title and date.
  await expect(page.locator('[aria-live="polite"]').filter({ hasText: 'Selected:' })).toContainText(
    last.title,
  );

  // Enter moves into the panel, Escape closes it and gives focus back to the timeline.
  await page.keyboard.press('Enter');
  const heading = articlePanel(page).getByRole('heading', { level: 2 });
  await expect(heading).toBeFocused();
  await expect(heading).toHaveText(last.title);
  await page.keyboard.press('Tab');
  await expect(page.locator(':focus')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(articlePanel(page)).toHaveCount(0);
  await expect(timeline).toBeFocused();
  await expect(page).not.toHaveURL(/event=/);
});

test('keyboard only: filter with the keyboard, open from the list, copy the link', async ({
  page,
  context,
  data,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const g7 = g7Event(data);
  await openApp(page);
  const ishiba = page.getByRole('checkbox', { name: 'Shigeru Ishiba' });
  await ishiba.focus();
  await page.keyboard.press('Space');
  await expect(ishiba).toBeChecked();

  const row = eventList(page).getByRole('button', { name: literal(g7.title) });
  await row.focus();
  await page.keyboard.press('Enter');
  await expect(articlePanel(page).getByRole('heading', { level: 2 })).toBeFocused();
  await expect(page).toHaveURL(new RegExp(`event=${g7.id}&leaders=shigeru-ishiba`));

  // Tabs switch with the arrow keys.
  const tabs = articlePanel(page).getByRole('tab');
  await tabs.first().focus();
  await page.keyboard.press('ArrowRight');
  await expect(tabs.nth(1)).toBeFocused();
  await expect(tabs.nth(1)).toHaveAttribute('aria-selected', 'true');

  await page.keyboard.press('Escape');
  await expect(articlePanel(page)).toHaveCount(0);
  await expect(row).toBeFocused();

  await page.getByRole('button', { name: 'Copy link' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Link copied')).toBeVisible();
});

test.describe('on a 360-px phone', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('the chronology (the phone default) and a bottom-sheet panel work without horizontal scrolling', async ({
    page,
    data,
  }) => {
    const g7 = g7Event(data);
    await openApp(page);
    // Below 700 px a link without `view` shows the chronology, and the URL stays as it was.
    await expect(chronology(page)).toBeVisible();
    await expect(page.locator('.vis-timeline')).toHaveCount(0);
    expect(searchParams(page).has('view')).toBe(false);
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(360);

    await page.getByRole('button', { name: /^Leaders/ }).click();
    await expect(page.getByRole('checkbox', { name: 'Lee Jae-myung' })).toBeVisible();

    await chronology(page)
      .getByRole('button', { name: literal(g7.title) })
      .click();
    await expect(page).toHaveURL(new RegExp(`\\?event=${g7.id}$`));
    const panel = articlePanel(page);
    await expect(panel).toBeVisible();
    const box = await panel.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.y + box!.height).toBeGreaterThanOrEqual(739);
    expect(box!.width).toBeGreaterThanOrEqual(359);
    await expect(panel.locator('mark').first()).toBeInViewport();
    await panel.getByRole('button', { name: 'Close the article panel' }).click();
    await expect(panel).toHaveCount(0);
    await expect(page).not.toHaveURL(/event=/);
  });

  test('an explicit view=timeline shows the timeline and its list on a phone', async ({
    page,
    data,
  }) => {
    const g7 = g7Event(data);
    await openApp(page, 'view=timeline');
    await expect(page.locator('.vis-timeline')).toBeVisible();
    await expect(chronology(page)).toHaveCount(0);
    expect(searchParams(page).get('view')).toBe('timeline');
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(360);
    await eventList(page)
      .getByRole('button', { name: literal(g7.title) })
      .click();
    await expect(page).toHaveURL(new RegExp(`\\?event=${g7.id}&view=timeline$`));
    await expect(articlePanel(page).locator('mark').first()).toBeInViewport();
  });
});

test('arrow keys move the window to each event, even when pressed quickly', async ({
  page,
  data,
}) => {
  const order = chronological(data);
  // A window on the recent events: Home jumps a century back, and the next event is back inside
  // the window the page started with — the quick second press must not reuse that stale window.
  await openApp(page, 'from=2022-01-01&to=2025-12-31');
  const timeline = page.getByRole('group', { name: 'Timeline of events' });
  await timeline.focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(new RegExp(`event=${order[1]!.id}`));
  const params = new URL(page.url()).searchParams;
  const from = params.get('from')!;
  const to = params.get('to')!;
  // The selected event starts inside the window the URL records.
  expect(order[1]!.start.padEnd(10, '-01') >= from).toBe(true);
  expect(order[1]!.start.padEnd(10, '-01') <= to).toBe(true);
  await expect(
    eventList(page).getByRole('button', { name: literal(order[1]!.title) }),
  ).toBeVisible();
});
