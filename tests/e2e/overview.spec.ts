/**
 * The first view and the overview strip (issue 12, point 1; ADR 0015): with no window in the URL
 * the timeline opens on the most recent stretch of events, every one of them drawn with its date
 * and title inside the canvas and no decades of empty future; the overview shows all years and
 * moves the window by drag, click and keyboard, each move written to the URL.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import {
  eventList,
  expect,
  FETCH_BUILD_URL,
  literal,
  openApp,
  searchParams,
  test,
  type TimelineEventLite,
  type TimelineLite,
} from './fixtures';

const year = (e: TimelineEventLite) => Number(e.start.slice(0, 4));
const lastYear = (data: TimelineLite) =>
  Math.max(...data.events.map((e) => Number((e.end ?? e.start).slice(0, 4))));

const slider = (page: Page) => page.getByRole('slider', { name: 'Stretch shown in the timeline' });

/** The years printed on the timeline's axis. */
async function axisYears(page: Page): Promise<number[]> {
  const texts = await page
    .locator('.vis-time-axis .vis-text.vis-major, .vis-time-axis .vis-text')
    .allTextContents();
  return texts.flatMap((t) => (/^\d{4}$/.test(t.trim()) ? [Number(t.trim())] : []));
}

/** Every drawn item of these events lies inside the timeline canvas, left and right. */
async function expectDrawnInside(page: Page, titles: string[]): Promise<void> {
  const canvas = (await page.locator('.vis-panel.vis-center').boundingBox())!;
  for (const title of titles) {
    const label = page
      .locator('.vis-item.ev .it', { hasText: literal(title.slice(0, 20)) })
      .first();
    await expect(label, title).toBeVisible();
    const box = (await label.boundingBox())!;
    expect(box.x, `${title}: left edge inside the canvas`).toBeGreaterThanOrEqual(canvas.x - 1);
    expect(box.x + box.width, `${title}: right edge inside the canvas`).toBeLessThanOrEqual(
      canvas.x + canvas.width + 1,
    );
  }
}

test('the first view opens on the recent events, all drawn and dated, with no empty future', async ({
  page,
  data,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openApp(page);
  expect(page.url()).not.toContain('?');
  const latest = lastYear(data);
  const recent = data.events.filter((e) => year(e) >= latest - 3);
  expect(recent.length).toBeGreaterThan(1);
  // Every recent event is in view (the list follows the window), the century-old era is not.
  const rows = eventList(page).getByRole('button');
  await expect(rows).toHaveCount(recent.length);
  for (const e of recent) {
    await expect(eventList(page).getByRole('button', { name: literal(e.title) })).toBeVisible();
  }
  await expectDrawnInside(
    page,
    recent.filter((e) => !e.end).map((e) => e.title),
  );
  // The axis runs over the recent years only: no label before the stretch or years past its end.
  await expect.poll(() => axisYears(page)).not.toEqual([]);
  const years = await axisYears(page);
  expect(Math.max(...years)).toBeLessThanOrEqual(latest + 2);
  expect(Math.min(...years)).toBeGreaterThanOrEqual(latest - 4);
  // The overview shows every year, and its window sits at the end.
  await expect(
    page.getByText(new RegExp(`All years, ${Math.min(...data.events.map(year))}–${latest}`)),
  ).toBeVisible();
  // The window ends after the last event only by the room its label needs.
  const text = (await slider(page).getAttribute('aria-valuetext')) ?? '';
  expect(Number(/(\d{4})$/.exec(text)?.[1])).toBeLessThanOrEqual(latest + 2);
});

test('the overview moves the window by keyboard, click and drag, and writes it to the URL', async ({
  page,
  data,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openApp(page);
  const first = Math.min(...data.events.map(year));
  const oldest = data.events.find((e) => year(e) === first)!;
  const row = eventList(page).getByRole('button', { name: literal(oldest.title) });
  await expect(row).toHaveCount(0);

  // Keyboard: Home goes to the first year; the oldest event comes into view.
  await slider(page).focus();
  await page.keyboard.press('Home');
  await expect(page).toHaveURL(new RegExp(`from=${first}-01-01&to=`));
  await expect(row).toBeVisible();
  await expect(slider(page)).toHaveAttribute('aria-valuenow', String(first));
  // An arrow moves a tenth of the window later.
  await page.keyboard.press('ArrowRight');
  await expect(page).not.toHaveURL(new RegExp(`from=${first}-01-01`));
  const afterArrow = searchParams(page).get('from')!;
  expect(afterArrow > `${first}-01-01`).toBe(true);

  // Back to the first view: the URL holds no window again.
  await page.getByRole('button', { name: 'Latest events' }).click();
  await expect(page).not.toHaveURL(/from=/);
  await expect(row).toHaveCount(0);

  // Click on the strip a third of the way in: the window is centred there.
  const track = (await page.locator('.overview-track').boundingBox())!;
  await page.mouse.click(track.x + track.width / 3, track.y + 10);
  await expect(page).toHaveURL(/from=\d{4}-\d{2}-\d{2}&to=/);
  const clicked = searchParams(page);
  const span = (Date.parse(clicked.get('to')!) - Date.parse(clicked.get('from')!)) / 2;
  const centre = new Date(Date.parse(clicked.get('from')!) + span).getUTCFullYear();
  const expected = first + (lastYear(data) + 1 - first) / 3;
  expect(Math.abs(centre - expected)).toBeLessThanOrEqual(2);

  // Drag the window right by a tenth of the strip: it moves about a tenth of the years later.
  const brush = (await slider(page).boundingBox())!;
  const from0 = Date.parse(clicked.get('from')!);
  await page.mouse.move(brush.x + brush.width / 2, brush.y + brush.height / 2);
  await page.mouse.down();
  await page.mouse.move(brush.x + brush.width / 2 + track.width / 20, brush.y + 10, { steps: 4 });
  await page.mouse.move(brush.x + brush.width / 2 + track.width / 10, brush.y + 10, { steps: 4 });
  await page.mouse.up();
  await expect(page).not.toHaveURL(new RegExp(`from=${clicked.get('from')}`));
  const moved = (Date.parse(searchParams(page).get('from')!) - from0) / (365.25 * 864e5);
  expect(moved).toBeGreaterThan((lastYear(data) + 1 - first) / 10 - 2);
  expect(moved).toBeLessThan((lastYear(data) + 1 - first) / 10 + 2);

  // Fit all shows every year, as an explicit window.
  await page.getByRole('button', { name: 'Fit all' }).click();
  await expect(page).toHaveURL(/from=\d{4}/);
  expect(Number(searchParams(page).get('from')!.slice(0, 4))).toBeLessThanOrEqual(first);
  await expect(eventList(page).getByRole('button')).toHaveCount(data.events.length);
});

test('axe finds nothing serious or critical in the overview', async ({ page }) => {
  await openApp(page);
  await expect(slider(page)).toBeVisible();
  const results = await new AxeBuilder({ page })
    .include('.overview')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  const serious = results.violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  expect(
    results.passes.some((p) => p.id === 'aria-allowed-role' || p.id === 'aria-valid-attr-value'),
  ).toBe(true);
});

const GENERATED = 300;

/** The seed data with 300 generated events, bunched like news: most of them in the last years. */
function withGenerated(data: TimelineLite): TimelineLite {
  const template = data.events.find((e) => e.dateKind === 'point' && e.start.length === 10)!;
  const latest = lastYear(data);
  const extra = Array.from({ length: GENERATED }, (_, i) => {
    // Every 5th event spread over the century, the rest over the last three years.
    const y = i % 5 === 0 ? 1925 + Math.floor(i / 3) : latest - 3 + Math.floor(i / 80);
    const m = String((i % 12) + 1).padStart(2, '0');
    const d = String((i % 27) + 1).padStart(2, '0');
    return {
      ...template,
      id: `generated-${i}`,
      title: `Generated event ${i}`,
      start: `${y}-${m}-${d}`,
    };
  });
  return { ...data, events: [...data.events, ...extra] };
}

test('an era or a term chosen from the list sets the window to it, with its events and source', async ({
  page,
  data,
}) => {
  await openApp(page);
  await page.getByText(/^Eras and terms of office/).click();
  const era = data.contexts.find((c) => c.kind === 'era')!;
  const button = page.getByRole('button', { name: new RegExp(`^${literal(era.title).source}, `) });
  await button.click();
  await expect.poll(() => searchParams(page).get('from')).not.toBeNull();
  const from = searchParams(page).get('from')!;
  const to = searchParams(page).get('to')!;
  // The window covers the era, with a little margin on either side.
  expect(from <= era.start).toBe(true);
  expect(to >= (era.end ?? '9999')).toBe(true);
  expect(Number(to.slice(0, 4)) - Number(from.slice(0, 4))).toBeLessThan(
    Number((era.end ?? '2025').slice(0, 4)) - Number(era.start.slice(0, 4)) + 6,
  );
  const row = page.getByRole('listitem').filter({ has: button });
  await expect(row).toContainText(/\d+ events? · source:/);
  // Every event of the era is in the list of events in view.
  const inEra = data.events.filter(
    (e) =>
      e.start.slice(0, 4) >= era.start.slice(0, 4) && e.start.slice(0, 4) <= (era.end ?? '9999'),
  );
  for (const e of inEra)
    await expect(eventList(page).getByRole('button', { name: literal(e.title) })).toBeVisible();
});

// Generated data is served in place of data/timeline.json: only the fetch build asks for it.
test.describe('with generated data', () => {
  test.use({ baseURL: FETCH_BUILD_URL });

  test('with 300 events the first view opens on the latest few, readable, ending at the last one', async ({
    page,
    data,
  }) => {
    const many = withGenerated(data);
    await page.route('**/data/timeline.json', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(many) }),
    );
    await page.setViewportSize({ width: 1280, height: 800 });
    await openApp(page);
    expect(page.url()).not.toContain('?');
    await expect(page.getByText(`All ${many.events.length} events`)).toBeVisible();
    // The first window is cut to the 30 latest events (plus ranges still running in it and what falls
    // in its small left padding), so their titles have room; the fit-all view would list all 307.
    const rows = eventList(page).getByRole('button');
    await expect.poll(() => rows.count()).toBeGreaterThan(5);
    expect(await rows.count()).toBeLessThanOrEqual(40);
    await expect(page.getByText(/more events in this stretch are not drawn/)).toHaveCount(0);
    const latest = [...many.events].sort((a, b) => (a.start < b.start ? 1 : -1))[0]!;
    await expect(
      eventList(page).getByRole('button', { name: literal(latest.title) }),
    ).toBeVisible();
    const years = await axisYears(page);
    expect(Math.max(...years, 0)).toBeLessThanOrEqual(lastYear(many) + 1);
  });
});
