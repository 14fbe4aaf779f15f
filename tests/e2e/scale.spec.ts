import type { Page } from '@playwright/test';
import {
  expect,
  FETCH_BUILD_URL,
  openApp,
  searchParams,
  test,
  type TimelineLite,
} from './fixtures';

/**
 * Many events: the timeline draws at most 120 of them near the window (evenly spread), says how
 * many it leaves out, draws them all once the user zooms in far enough, and always draws the
 * selected event. The data is the real timeline with 600 generated events added (one a month from
 * 1975), served in place of data/timeline.json to the build that fetches it.
 */

test.use({ baseURL: FETCH_BUILD_URL });

const GENERATED = 600;

function withManyEvents(data: TimelineLite): { body: string; ids: string[] } {
  const template = data.events.find((e) => e.dateKind === 'point' && e.start.length === 10)!;
  const ids: string[] = [];
  const extra = Array.from({ length: GENERATED }, (_, i) => {
    const year = 1975 + Math.floor(i / 12);
    const month = String((i % 12) + 1).padStart(2, '0');
    const id = `generated-${String(i).padStart(3, '0')}`;
    ids.push(id);
    return { ...template, id, title: `Generated event ${i}`, start: `${year}-${month}-15` };
  });
  return { body: JSON.stringify({ ...data, events: [...data.events, ...extra] }), ids };
}

async function serveMany(page: Page, data: TimelineLite): Promise<string[]> {
  const { body, ids } = withManyEvents(data);
  await page.route('**/data/timeline.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body }),
  );
  return ids;
}

const sampledNote = (page: Page) => page.getByText(/more events in this stretch are not drawn/);

test('with 600 more events, the fitted-all view draws a sample and says how many it leaves out', async ({
  page,
  data,
}) => {
  await serveMany(page, data);
  await openApp(page);
  await expect(page.getByText(`All ${data.events.length + GENERATED} events`)).toBeVisible();
  // The first view opens on the latest few events (ADR 0015); fitting all of them needs a sample.
  await page.getByRole('button', { name: 'Fit all' }).click();
  await expect(page).toHaveURL(/from=19/);
  await expect(sampledNote(page)).toBeVisible();
  const note = await sampledNote(page).textContent();
  const left = Number(/([\d,]+) more events/.exec(note ?? '')?.[1]?.replace(/,/g, ''));
  expect(left).toBeGreaterThan(0);
  expect(left).toBeLessThan(data.events.length + GENERATED);
  // (A box item is three elements with the item's classes: the box, its line and its dot.)
  const drawn = page.locator('.vis-item.ev:not(.vis-line):not(.vis-dot)');
  expect(await drawn.count()).toBeGreaterThan(30);
  expect(await drawn.count()).toBeLessThanOrEqual(120);
});

test('zooming in to one year draws every event of that year and the note goes away', async ({
  page,
  data,
}) => {
  await serveMany(page, data);
  await openApp(page, 'from=1990-01-01&to=1991-01-01');
  await expect(sampledNote(page)).toHaveCount(0);
  for (const month of [1, 6, 12]) {
    const i = (1990 - 1975) * 12 + month - 1;
    await expect(
      page.locator('.vis-item.ev', { hasText: new RegExp(`Generated event ${i}$`) }),
    ).toBeVisible();
  }
  expect(searchParams(page).get('from')).toBe('1990-01-01');
});

test('a selected event is drawn even where the sample would leave it out', async ({
  page,
  data,
}) => {
  const ids = await serveMany(page, data);
  // Try a few: whichever the even sample skips must still be drawn once selected.
  for (const id of [ids[1]!, ids[2]!, ids[3]!]) {
    await openApp(page, `event=${id}`);
    const n = Number(id.slice('generated-'.length));
    await expect(
      page.locator('.vis-item.ev.vis-selected', { hasText: new RegExp(`Generated event ${n}$`) }),
    ).toBeAttached();
    expect(searchParams(page).get('event')).toBe(id);
  }
});
