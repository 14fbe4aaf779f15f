import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { Download, Page } from '@playwright/test';
import { parseCsv } from '../../src/features/export/parse-csv';
import {
  articlePanel,
  expect,
  FETCH_BUILD_URL,
  g7Event,
  openApp,
  searchParams,
  test,
} from './fixtures';

/**
 * Export with citations: the Export menu downloads the events in view or all of them (the filter
 * applied, and said so) as CSV, JSON and iCalendar; every row is checked against timeline.json.
 * "Cite this event" copies a citation. A hostile title (a formula, commas, quotes) must come out
 * of the CSV as one inert cell.
 */

interface Source {
  articleId: string;
  quote: string;
}
interface Ev {
  id: string;
  title: string;
  kind: string;
  start?: string;
  end?: string;
  dateKind?: string;
  actors: string[];
  sources: Source[];
  reason?: string;
}
interface Data {
  events: Ev[];
  undated: Ev[];
  actors: { id: string; name: string }[];
  articles: { id: string; title: string; source: string | null; published: string | null }[];
}

const HOSTILE = '=HYPERLINK("http://x","y"), "quoted"';

async function loadData(page: Page): Promise<Data> {
  const response = await page.request.get('data/timeline.json');
  expect(response.ok()).toBe(true);
  return (await response.json()) as Data;
}

async function exportAs(
  page: Page,
  which: 'Events in view' | 'All events',
  format: 'CSV' | 'JSON' | 'Calendar (.ics)',
): Promise<{ download: Download; text: string }> {
  const toggle = page.getByRole('button', { name: 'Export', exact: true });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  const panel = page.getByRole('group', { name: 'Export events' });
  await panel.getByRole('radio', { name: new RegExp(`^${which}`) }).check();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    panel.getByRole('button', { name: `Download ${format}` }).click(),
  ]);
  const path = await download.path();
  return { download, text: await readFile(path, 'utf8') };
}

/** Does the event's period overlap [from, to) (days, UTC: the tests run in UTC)? */
function overlaps(e: Ev, from: string, to: string): boolean {
  const first = (d: string) =>
    Date.UTC(
      +d.slice(0, 4),
      d.length > 4 ? +d.slice(5, 7) - 1 : 0,
      d.length > 7 ? +d.slice(8, 10) : 1,
    );
  const after = (d: string) =>
    d.length === 4
      ? Date.UTC(+d + 1, 0, 1)
      : d.length === 7
        ? Date.UTC(+d.slice(0, 4), +d.slice(5, 7), 1)
        : Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10) + 1);
  return first(e.start!) < first(to) && after(e.end ?? e.start!) > first(from);
}

/** A cell as the export must write it: text that a spreadsheet would run as a formula gets a `'`. */
const inert = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

/** Checks each CSV row against the event it names, field by field. */
function checkCsvRows(rows: string[][], expected: Ev[], data: Data, base: string) {
  const header = rows[0]!;
  const cell = (row: string[], name: string) => {
    const i = header.indexOf(name);
    expect(i, `column “${name}”`).toBeGreaterThanOrEqual(0);
    return row[i];
  };
  const body = rows.slice(1);
  expect(body.map((r) => r[0])).toEqual(expected.map((e) => e.id));
  const articles = new Map(data.articles.map((a) => [a.id, a]));
  const names = new Map(data.actors.map((a) => [a.id, a.name]));
  body.forEach((row, i) => {
    const e = expected[i]!;
    expect(row).toHaveLength(header.length);
    expect(cell(row, 'title')).toBe(inert(e.title));
    expect(cell(row, 'kind')).toBe(e.kind);
    expect(cell(row, 'date')).toBe(e.start ?? '');
    expect(cell(row, 'end')).toBe(e.end ?? '');
    expect(cell(row, 'bounded')).toBe(e.start ? (e.dateKind === 'bounded' ? 'yes' : 'no') : '');
    expect(cell(row, 'why undated')).toBe(e.reason ?? '');
    expect(cell(row, 'leaders')).toBe(e.actors.map((id) => names.get(id) ?? id).join('; '));
    expect(cell(row, 'link')).toBe(e.start ? `${base}?event=${e.id}` : '');
    e.sources.forEach((s, n) => {
      const a = articles.get(s.articleId)!;
      expect(cell(row, `source ${n + 1} headline`)).toBe(inert(a.title));
      expect(cell(row, `source ${n + 1} outlet`)).toBe(inert(a.source ?? ''));
      expect(cell(row, `source ${n + 1} published`)).toBe(a.published ?? '');
      expect(cell(row, `source ${n + 1} sentence`)).toBe(inert(s.quote));
    });
  });
}

const byId = (a: Ev, b: Ev) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

test('All events as CSV: UTF-8 with BOM, one row per event with its sources, undated ones with the reason', async ({
  page,
  baseURL,
}) => {
  await openApp(page);
  const data = await loadData(page);
  const { download, text } = await exportAs(page, 'All events', 'CSV');
  expect(download.suggestedFilename()).toBe('ties-all-events.csv');
  expect(text.startsWith('\uFEFF"id",')).toBe(true);
  expect(text).toMatch(/\r\n$/);
  const rows = parseCsv(text);
  const dated = rows.slice(1, 1 + data.events.length);
  // Dated events in timeline order, then the undated ones: check each against the data.
  const datedIds = dated.map((r) => r[0]!);
  const order = datedIds.map((id) => data.events.find((e) => e.id === id)!);
  expect([...order].sort(byId)).toEqual([...data.events].sort(byId));
  checkCsvRows(rows, [...order, ...data.undated], data, `${baseURL}/`);
  expect(order.map((e) => e.start)).toEqual(order.map((e) => e.start).sort());
  await expect(
    page.getByRole('status').filter({ hasText: 'Downloaded ties-all-events.csv' }),
  ).toHaveText(
    `Downloaded ties-all-events.csv: ${data.events.length} events and ${data.undated.length} undated.`,
  );
  expect(page.url()).toBe(`${baseURL}/`);
});

test('Events in view as JSON: the window and the leader filter applied, and said so', async ({
  page,
  baseURL,
}) => {
  const data = await loadData(page);
  const g7 = g7Event(data as never);
  const leader = data.actors.find((a) => a.id === g7.actors[0])!;
  const query = `leaders=${leader.id}&from=2025-06-01&to=2025-07-01`;
  await openApp(page, query);
  const expected = data.events
    .filter((e) => e.actors.includes(leader.id) && overlaps(e, '2025-06-01', '2025-07-01'))
    .sort(byId);
  expect(expected.length).toBeGreaterThan(0);
  expect(expected.length).toBeLessThan(data.events.length);
  const all = data.events.filter((e) => e.actors.includes(leader.id)).length;
  const undated = data.undated.filter((e) => e.actors.includes(leader.id)).length;
  const events = (n: number) => `${n} ${n === 1 ? 'event' : 'events'}`;
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const inView = page.getByRole('radio', { name: /^Events in view/ });
  await expect(inView).toBeChecked();
  // Each choice states its count and the filter.
  await expect(inView).toHaveAccessibleDescription(
    `${events(expected.length)}; filter: leader ${leader.name}; window 1 Jun 2025 – 30 Jun 2025`,
  );
  await expect(page.getByRole('radio', { name: /^All events/ })).toHaveAccessibleDescription(
    `${events(all)}${undated > 0 ? ` and ${undated} undated` : ''}; filter: leader ${leader.name}`,
  );
  const { download, text } = await exportAs(page, 'Events in view', 'JSON');
  expect(download.suggestedFilename()).toBe('ties-events-in-view.json');
  const doc = JSON.parse(text) as {
    scope: { kind: string; description: string; detail: string };
    counts: { dated: number; undated: number };
    events: {
      id: string;
      title: string;
      date: string;
      link: string;
      leaders: { name: string }[];
      sources: { headline: string; sentence: string }[];
    }[];
  };
  expect(doc.scope).toEqual({
    kind: 'view',
    description: `events in view (filter: leader ${leader.name}; window 1 Jun 2025 – 30 Jun 2025)`,
    detail: `filter: leader ${leader.name}; window 1 Jun 2025 – 30 Jun 2025`,
  });
  expect(doc.counts).toEqual({ dated: expected.length, undated: 0 });
  expect(doc.events.map((e) => e.id).sort()).toEqual(expected.map((e) => e.id));
  const got = doc.events.find((e) => e.id === g7.id)!;
  expect(got.title).toBe(g7.title);
  expect(got.date).toBe(g7.start);
  expect(got.link).toBe(`${baseURL}/?event=${g7.id}`);
  expect(got.sources.map((s) => s.sentence)).toEqual(g7.sources.map((s) => s.quote));
  const titles = new Map(data.articles.map((a) => [a.id, a.title]));
  expect(got.sources.map((s) => s.headline)).toEqual(
    g7.sources.map((s) => titles.get(s.articleId)),
  );
  // Exporting changes nothing in the view.
  expect(searchParams(page).toString()).toBe(new URLSearchParams(query).toString());
});

test('All events as a calendar: dated events only, months span the month, undated ones left out and said so', async ({
  page,
  baseURL,
}) => {
  await openApp(page);
  const data = await loadData(page);
  const { download, text } = await exportAs(page, 'All events', 'Calendar (.ics)');
  expect(download.suggestedFilename()).toBe('ties-all-events.ics');
  expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
  for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  const unfolded = text.replace(/\r\n /g, '');
  const blocks = unfolded.split('BEGIN:VEVENT').slice(1);
  expect(blocks).toHaveLength(data.events.length);
  const host = new URL(baseURL!).hostname;
  for (const e of data.events) {
    const block = blocks.find((b) => b.includes(`\r\nUID:${e.id}@${host}\r\n`));
    expect(block, e.id).toBeDefined();
    // The first day of the period: 2024 → 20240101, 2024-12 → 20241201, never a made-up day.
    const start = e.start!.replace(/-/g, '').padEnd(8, '01');
    expect(block).toContain(`\r\nDTSTART;VALUE=DATE:${start}\r\n`);
    expect(block).toContain(`\r\nURL;VALUE=URI:${baseURL}/?event=${e.id}\r\n`);
    if (e.dateKind === 'point' && e.start!.length === 7) {
      expect(block).toMatch(/\r\nSUMMARY:.*\(month only\)\r\n/);
      const [y, m] = e.start!.split('-').map(Number) as [number, number];
      const next = m === 12 ? `${y + 1}0101` : `${y}${String(m + 1).padStart(2, '0')}01`;
      expect(block).toContain(`\r\nDTEND;VALUE=DATE:${next}\r\n`);
    }
    if (e.dateKind === 'bounded') expect(block).toMatch(/\r\nSUMMARY:.*\(sometime between /);
  }
  for (const u of data.undated) expect(unfolded).not.toContain(u.id);
  if (data.undated.length > 0) {
    expect(unfolded).toContain(`${data.undated.length} undated events are not included`);
    await expect(page.getByRole('status').filter({ hasText: 'Downloaded' })).toContainText(
      `${data.undated.length} undated left out`,
    );
  }
});

test.describe('served data (the build that fetches it)', () => {
  test.use({ baseURL: FETCH_BUILD_URL });
  test('a hostile title with a formula, commas and quotes comes out of the CSV as one inert cell', async ({
    page,
    baseURL,
  }) => {
    const real = await loadData(page);
    const g7 = g7Event(real as never);
    const hostile = {
      ...real,
      events: real.events.map((e) => (e.id === g7.id ? { ...e, title: HOSTILE } : e)),
      articles: real.articles.map((a) =>
        a.id === g7.sources[0]!.articleId
          ? { ...a, source: '-Wire, "Inc."', title: '@Headline, with; marks' }
          : a,
      ),
    };
    await page.route('**/data/timeline.json', (route) =>
      route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify(hostile),
      }),
    );
    await openApp(page);
    const { text } = await exportAs(page, 'All events', 'CSV');
    // The raw bytes: quoted, inner quotes doubled, a leading ' so no spreadsheet runs it.
    expect(text).toContain(`"'=HYPERLINK(""http://x"",""y""), ""quoted"""`);
    expect(text).not.toMatch(/(^|,)"?=HYPERLINK/m);
    const rows = parseCsv(text);
    expect(rows).toHaveLength(1 + real.events.length + real.undated.length);
    const header = rows[0]!;
    const row = rows.find((r) => r[0] === g7.id)!;
    expect(row).toHaveLength(header.length);
    expect(row[header.indexOf('title')]).toBe(`'${HOSTILE}`);
    expect(row[header.indexOf('source 1 outlet')]).toBe(`'-Wire, "Inc."`);
    expect(row[header.indexOf('source 1 headline')]).toBe(`'@Headline, with; marks`);
    // Every other cell is the data's own value.
    checkCsvRows(
      rows.filter((r) => r[0] !== g7.id),
      [...real.events.filter((e) => e.id !== g7.id), ...real.undated].sort(
        (a, b) => rows.findIndex((r) => r[0] === a.id) - rows.findIndex((r) => r[0] === b.id),
      ),
      hostile,
      `${baseURL}/`,
    );
    // The JSON keeps the title exactly.
    const { text: json } = await exportAs(page, 'All events', 'JSON');
    const doc = JSON.parse(json) as { events: { id: string; title: string }[] };
    expect(doc.events.find((e) => e.id === g7.id)?.title).toBe(HOSTILE);
  });
});

test('the Export menu works from the keyboard and Escape closes it without closing the article', async ({
  page,
  data,
}) => {
  const g7 = g7Event(data);
  await openApp(page, `event=${g7.id}`);
  const toggle = page.getByRole('button', { name: 'Export', exact: true });
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const panel = page.getByRole('group', { name: 'Export events' });
  await expect(panel).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(panel.getByRole('radio', { name: /^Events in view/ })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(panel.getByRole('radio', { name: /^All events/ })).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(panel.getByRole('button', { name: 'Download CSV' })).toBeFocused();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.keyboard.press('Enter'),
  ]);
  expect(download.suggestedFilename()).toBe('ties-all-events.csv');
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  await expect(toggle).toBeFocused();
  await expect(articlePanel(page)).toBeVisible();
  expect(searchParams(page).get('event')).toBe(g7.id);
  // A click outside closes it too.
  await toggle.click();
  await expect(panel).toBeVisible();
  await page.getByRole('heading', { name: /^Timeline/ }).click();
  await expect(panel).toHaveCount(0);
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
});

test('Cite this event copies title, date, sources and link, with a visible confirmation', async ({
  page,
  context,
  baseURL,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const data = await loadData(page);
  const month = data.events.find((e) => e.dateKind === 'point' && e.start!.length === 7);
  for (const e of [g7Event(data as never) as unknown as Ev, ...(month ? [month] : [])]) {
    await openApp(page, `event=${e.id}`);
    const panel = articlePanel(page);
    await panel.getByRole('button', { name: 'Cite this event' }).click();
    await expect(panel.getByRole('status')).toHaveText('Citation copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied.startsWith(e.title)).toBe(true);
    for (const s of e.sources) {
      const a = data.articles.find((x) => x.id === s.articleId)!;
      expect(copied).toContain(`“${a.title}” (${a.source ?? 'outlet not named'}, `);
    }
    expect(copied.endsWith(`Ties timeline: ${baseURL}/?event=${e.id}`)).toBe(true);
    if (e === month) expect(copied).toContain('(known to the month only)');
    expect(searchParams(page).get('event')).toBe(e.id);
  }
});

test('the open Export menu and the Cite button pass axe in light and dark mode', async ({
  page,
  data,
}) => {
  test.setTimeout(90_000);
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await openApp(page, `event=${g7Event(data).id}`);
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await expect(page.getByRole('group', { name: 'Export events' })).toBeVisible();
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
      .analyze();
    const serious = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(serious, `axe in ${colorScheme} mode`).toEqual([]);
  }
});

test('on a 360-px phone the open Export menu stays on screen', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await openApp(page);
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const box = await page.getByRole('group', { name: 'Export events' }).boundingBox();
  expect(box).not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(360);
  await expect(page.getByRole('button', { name: 'Download Calendar (.ics)' })).toBeVisible();
});
