/**
 * The chronology (view=list): the switch beside the timeline, the year groups, dates at their
 * precision, selection, the same filters as the timeline, the phone default and print.
 */
import {
  articlePanel,
  chronological,
  chronology,
  eventList,
  expect,
  FETCH_BUILD_URL,
  g7Event,
  literal,
  openApp,
  searchParams,
  test,
  type TimelineEventLite,
} from './fixtures';

const MONTHS = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');

/** The label the app gives a partial date: `1910`, `Dec 2024`, `17 Jun 2025`. */
function label(date: string): string {
  const [y, m, d] = date.split('-');
  if (!m) return y!;
  const month = MONTHS[Number(m) - 1]!;
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}

function dateLabel(e: TimelineEventLite): string {
  if (e.dateKind === 'bounded' && e.end) return `Between ${label(e.start)} and ${label(e.end)}`;
  if (e.dateKind === 'range' && e.end) return `${label(e.start)} – ${label(e.end)}`;
  return label(e.start);
}

test('the switch opens the chronology: years, dates at their precision, leaders, sources', async ({
  page,
  data,
}) => {
  await openApp(page);
  const switchGroup = page.getByRole('group', { name: 'Show the events as' });
  await expect(switchGroup.getByRole('button', { name: 'Timeline' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await switchGroup.getByRole('button', { name: 'Chronology' }).click();
  await expect(page).toHaveURL(/\?view=list$/);
  await expect(switchGroup.getByRole('button', { name: 'Chronology' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  const list = chronology(page);
  await expect(list).toBeVisible();
  await expect(page.locator('.vis-timeline')).toBeHidden();

  // One heading per start year, in order, then the undated group.
  const years = [...new Set(chronological(data).map((e) => Number(e.start.slice(0, 4))))];
  const undated = data.undated;
  const headings = list.getByRole('heading', { level: 3 });
  await expect(headings).toHaveText([
    ...years.map((y) => new RegExp(`^${y}\\b`)),
    ...(undated.length > 0 ? [/^Reported without a date/] : []),
  ]);

  // Each dated event is a button with its date at the data's precision, title, leaders, sources.
  for (const e of data.events) {
    const row = list.getByRole('button', { name: literal(e.title) });
    await expect(row).toContainText(dateLabel(e));
    await expect(row).toContainText(
      e.sources.length === 1 ? '1 source' : `${e.sources.length} sources`,
    );
    for (const id of e.actors) {
      await expect(row).toContainText(data.actors.find((a) => a.id === id)!.name);
    }
    // Under the heading of the year it starts in.
    const year = list.getByRole('region', { name: new RegExp(`^${e.start.slice(0, 4)}\\b`) });
    await expect(year.getByRole('button', { name: literal(e.title) })).toHaveCount(1);
  }
  // Undated events are listed last, with why they have no date, and are not buttons.
  for (const u of undated) {
    const group = list.getByRole('region', { name: /^Reported without a date/ });
    await expect(group.getByText(u.title, { exact: true })).toBeVisible();
    await expect(list.getByRole('button', { name: literal(u.title) })).toHaveCount(0);
  }

  // Back to the timeline: the URL loses the parameter (the timeline is this screen's default).
  await switchGroup.getByRole('button', { name: 'Timeline' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.locator('.vis-timeline')).toBeVisible();
  await expect(list).toHaveCount(0);
  // Back returns to the chronology.
  await page.goBack();
  await expect(page).toHaveURL(/\?view=list$/);
  await expect(chronology(page)).toBeVisible();
});

test('selecting from the chronology writes event= and opens the sources; Escape returns focus', async ({
  page,
  data,
}) => {
  const g7 = g7Event(data);
  await openApp(page, 'view=list');
  const row = chronology(page).getByRole('button', { name: literal(g7.title) });
  await row.click();
  await expect(page).toHaveURL(new RegExp(`\\?event=${g7.id}&view=list$`));
  await expect(row).toHaveAttribute('aria-current', 'true');
  const panel = articlePanel(page);
  await expect(panel.getByRole('heading', { level: 2 })).toBeFocused();
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText(g7.title);
  await expect(panel.locator('.article-body mark')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  await expect(page).toHaveURL(/\?view=list$/);
  await expect(row).toBeFocused();

  // A link to a selected event in the chronology reopens it.
  await openApp(page, `event=${g7.id}&view=list`);
  await expect(chronology(page).getByRole('button', { name: literal(g7.title) })).toHaveAttribute(
    'aria-current',
    'true',
  );
  await expect(articlePanel(page).getByRole('heading', { level: 2 })).toHaveText(g7.title);
});

test('filters and search apply to the chronology as they do to the timeline', async ({
  page,
  data,
}) => {
  await openApp(page, 'view=list');
  const list = chronology(page);
  const rows = list.locator('button.chron-row');
  await expect(rows).toHaveCount(data.events.length);

  await page.getByRole('checkbox', { name: 'Shigeru Ishiba' }).check();
  await expect(page).toHaveURL(/\?leaders=shigeru-ishiba&view=list$/);
  const withIshiba = data.events.filter((e) => e.actors.includes('shigeru-ishiba'));
  await expect(rows).toHaveCount(withIshiba.length);
  for (const e of withIshiba) {
    await expect(list.getByRole('button', { name: literal(e.title) })).toBeVisible();
  }

  await page.getByRole('checkbox', { name: 'Shigeru Ishiba' }).uncheck();
  await page.getByRole('searchbox', { name: 'Search titles and quotes' }).fill('G7');
  await expect(page).toHaveURL(/\?q=G7&view=list$/);
  const g7 = g7Event(data);
  await expect(list.getByRole('button', { name: literal(g7.title) })).toBeVisible();

  // The same filter on the timeline's list shows the same events.
  const shown = await rows.evaluateAll((nodes) =>
    nodes.map((n) => n.getAttribute('data-event-id')),
  );
  await page
    .getByRole('group', { name: 'Show the events as' })
    .getByRole('button', { name: 'Timeline' })
    .click();
  await expect(page).toHaveURL(/\?q=G7$/);
  const listed = await eventList(page)
    .locator('button.event-row')
    .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-event-id')));
  expect(listed).toEqual(shown);

  await page
    .getByRole('searchbox', { name: 'Search titles and quotes' })
    .fill('no such words anywhere');
  await page
    .getByRole('group', { name: 'Show the events as' })
    .getByRole('button', { name: 'Chronology' })
    .click();
  await expect(page).toHaveURL(/\?q=no\+such\+words\+anywhere&view=list$/);
  await expect(list.getByText('No event matches the filter.')).toBeVisible();
});

test.describe('on a 390 x 844 phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the chronology is the default; the switch still reaches the timeline', async ({ page }) => {
    await openApp(page);
    await expect(chronology(page)).toBeVisible();
    expect(searchParams(page).has('view')).toBe(false);
    const switchGroup = page.getByRole('group', { name: 'Show the events as' });
    await switchGroup.getByRole('button', { name: 'Timeline' }).click();
    await expect(page).toHaveURL(/\?view=timeline$/);
    await expect(page.locator('.vis-timeline')).toBeVisible();
    await expect(chronology(page)).toHaveCount(0);
    await switchGroup.getByRole('button', { name: 'Chronology' }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(chronology(page)).toBeVisible();
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(390);

    // The skip link leads to the chronology when that is what shows.
    const skip = page.getByRole('link', { name: 'Skip to the chronology' });
    await skip.focus();
    await page.keyboard.press('Enter');
    await expect(chronology(page).getByRole('heading', { level: 2 })).toBeFocused();
    await expect(page).toHaveURL(/\/$/);
  });
});

test('print: the chronology with every source, without the controls, even from the timeline', async ({
  page,
  data,
}) => {
  const g7 = g7Event(data);
  await openApp(page, `event=${g7.id}`);
  await expect(page.locator('.vis-timeline')).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  const list = chronology(page);
  await expect(list).toBeVisible();
  await expect(page.url()).toMatch(new RegExp(`\\?event=${g7.id}$`));
  // Controls and chrome are not printed.
  await expect(page.locator('.vis-timeline')).toBeHidden();
  await expect(page.getByRole('searchbox', { name: 'Search titles and quotes' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Copy link' })).toBeHidden();
  await expect(page.getByRole('group', { name: 'Show the events as' })).toBeHidden();
  await expect(articlePanel(page)).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Ties', level: 1 })).toBeVisible();

  // Every event with each of its sources: headline, outlet, publication date, sentence.
  for (const e of data.events) {
    await expect(list.getByRole('button', { name: literal(e.title) })).toBeVisible();
  }
  const sources = list.getByRole('button', { name: literal(g7.title) }).locator('xpath=..');
  const items = sources.getByRole('list', { name: 'Sources' }).getByRole('listitem');
  await expect(items).toHaveCount(g7.sources.length);
  for (const [i, s] of g7.sources.entries()) {
    const article = data.articles.find((a) => a.id === s.articleId)!;
    await expect(items.nth(i)).toContainText(article.title);
    await expect(items.nth(i)).toContainText(article.source ?? 'outlet not stated');
    await expect(items.nth(i)).toContainText(
      /Published \d{1,2} \w{3} \d{4}|Publication date unknown/,
    );
    await expect(items.nth(i)).toContainText(s.quote);
  }

  // Back on screen, the timeline is as it was.
  await page.emulateMedia({ media: 'screen' });
  await expect(page.locator('.vis-timeline')).toBeVisible();
  await expect(list).toHaveCount(0);
});

test('printing for real (to PDF) lays out the chronology with its sources, then restores the timeline', async ({
  page,
  data,
}) => {
  const g7 = g7Event(data);
  await openApp(page, `event=${g7.id}`);
  await expect(page.locator('.vis-timeline')).toBeVisible();
  // Registered after the app's own listener: sees the page as the browser is about to print it.
  await page.evaluate(() => {
    const log: string[] = [];
    (window as unknown as { printLog: string[] }).printLog = log;
    window.addEventListener('beforeprint', () => {
      const region = document.querySelector('[aria-labelledby="chronology-heading"]');
      log.push(`before: ${region ? region.querySelectorAll('blockquote').length : 'none'}`);
    });
    window.addEventListener('afterprint', () => log.push('after'));
  });
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  const log = await page.evaluate(() => (window as unknown as { printLog: string[] }).printLog);
  const quotes = data.events.reduce((n, e) => n + e.sources.length, 0);
  const undatedQuotes = data.undated.reduce((n, e) => n + e.sources.length, 0);
  expect(log).toEqual([`before: ${quotes + undatedQuotes}`, 'after']);
  await expect(chronology(page)).toHaveCount(0);
  await expect(page.locator('.vis-timeline')).toBeVisible();
  expect(page.url()).toMatch(new RegExp(`\\?event=${g7.id}$`));
});

test('print from a filtered chronology says what the filter is', async ({ page, data }) => {
  await openApp(page, 'leaders=shigeru-ishiba&view=list');
  await page.emulateMedia({ media: 'print' });
  await expect(chronology(page).getByText(/Filtered by any of Shigeru Ishiba/)).toBeVisible();
  await expect(chronology(page).locator('button.chron-row')).toHaveCount(
    data.events.filter((e) => e.actors.includes('shigeru-ishiba')).length,
  );
});

// Generated data is served in place of data/timeline.json: only the fetch build asks for it.
test.describe('with generated data', () => {
  test.use({ baseURL: FETCH_BUILD_URL });

  test('with 3,000 events the chronology opens quickly, pages on, and shows a linked event far down', async ({
    page,
    data,
  }) => {
    const GENERATED = 3000;
    const template = data.events.find((e) => e.dateKind === 'point' && e.start.length === 10)!;
    const extra = Array.from({ length: GENERATED }, (_, i) => ({
      ...template,
      id: `generated-${String(i).padStart(4, '0')}`,
      title: `Generated event ${i}`,
      start: `${1900 + Math.floor(i / 24)}-${String((i % 12) + 1).padStart(2, '0')}-${i % 24 < 12 ? '05' : '20'}`,
    }));
    const body = JSON.stringify({ ...data, events: [...data.events, ...extra] });
    await page.route('**/data/timeline.json', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body }),
    );
    const total = data.events.length + GENERATED + data.undated.length;

    const started = Date.now();
    await openApp(page, 'view=list');
    const list = chronology(page);
    await expect(list.getByRole('heading', { level: 2 })).toContainText(`${total} events`);
    const opened = Date.now() - started;
    test
      .info()
      .annotations.push({ type: 'chronology open, 3,000 events (ms)', description: `${opened}` });
    const rows = list.locator('button.chron-row');
    await expect(rows).toHaveCount(300);
    await list.getByRole('button', { name: 'Show 300 more events' }).click();
    await expect(rows).toHaveCount(600);
    await expect(page).toHaveURL(/\?view=list$/);

    // A link to an event near the end renders a page from a few rows above it, scrolled to it.
    const late = extra[2900]!;
    await openApp(page, `event=${late.id}&view=list`);
    const row = chronology(page).getByRole('button', { name: literal(late.title) });
    await expect(row).toHaveAttribute('aria-current', 'true');
    await expect(row).toBeInViewport();
    await expect(page).toHaveURL(new RegExp(`\\?event=${late.id}&view=list$`));
    const dated = data.events.length + GENERATED;
    const lateIndex = await rows.evaluateAll(
      (nodes, id) => nodes.findIndex((n) => n.getAttribute('data-event-id') === id),
      late.id,
    );
    expect(lateIndex).toBe(10);
    const rendered = await rows.count();
    expect(rendered).toBeLessThanOrEqual(300);
    const earlier = chronology(page).getByRole('button', { name: 'Show 300 earlier events' });
    await expect(chronology(page)).toContainText(`(${dated - rendered} before these)`);
    await earlier.click();
    await expect(rows).toHaveCount(rendered + 300);
    await expect(row).toHaveAttribute('aria-current', 'true');
    await expect(page).toHaveURL(new RegExp(`\\?event=${late.id}&view=list$`));

    // A link to an early event shows the first page again.
    const early = extra[5]!;
    await page.goto(`./?event=${early.id}&view=list`);
    await expect(
      chronology(page).getByRole('button', {
        name: new RegExp(`${literal(early.title).source}(?!\\d)`),
      }),
    ).toHaveAttribute('aria-current', 'true');
    await expect(chronology(page).getByRole('button', { name: /earlier events?$/ })).toHaveCount(0);
  });
});
