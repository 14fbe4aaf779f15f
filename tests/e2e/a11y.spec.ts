/**
 * Accessibility in the real browser: axe-core on the main views (light, dark, phone), a complete
 * keyboard-only path with visible focus at every stop, and reduced motion.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import {
  articlePanel,
  chronology,
  eventList,
  expect,
  FETCH_BUILD_URL,
  g7Event,
  literal,
  openApp,
  test,
} from './fixtures';

// axe runs take seconds each on two shared cores; several run per test.
test.describe.configure({ timeout: 90_000 });

/** Runs axe on the page (WCAG 2.x A/AA rules and best practices) and fails on serious or critical findings. */
async function expectNoSeriousViolations(page: Page, view: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  const serious = results.violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  const report = serious
    .map(
      (v) =>
        `[${v.impact}] ${v.id}: ${v.help}\n` +
        v.nodes
          .slice(0, 5)
          .map((n) => `    ${n.target.join(' ')}\n      ${n.failureSummary?.replace(/\n/g, ' ')}`)
          .join('\n'),
    )
    .join('\n');
  expect(serious.length, `axe: serious or critical violations in ${view}:\n${report}`).toBe(0);
}

/** The focused element shows a focus indicator: an outline or a box-shadow. */
async function expectVisibleFocus(page: Page): Promise<void> {
  const focus = await page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { ok: false, what: 'nothing focused' };
    const style = getComputedStyle(el);
    const outline =
      style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0 ? style.outline : '';
    const shadow = style.boxShadow !== 'none' ? style.boxShadow : '';
    const rect = el.getBoundingClientRect();
    const what = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${String(el.className)} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
    return { ok: (outline !== '' || shadow !== '') && rect.width > 0 && rect.height > 0, what };
  });
  expect(focus.ok, `visible focus indicator on ${focus.what}`).toBe(true);
}

/**
 * Presses Tab (or Shift+Tab) until `target` has focus, checking at every stop that the focused
 * element shows where focus is.
 */
async function tabTo(page: Page, target: Locator, backwards = false, max = 60): Promise<void> {
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    await expectVisibleFocus(page);
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

test.describe('axe-core: no serious or critical violations', () => {
  test('initial timeline', async ({ page }) => {
    await openApp(page);
    await expectNoSeriousViolations(page, 'the initial timeline');
  });

  test('article panel open', async ({ page, data }) => {
    await openApp(page, `event=${g7Event(data).id}`);
    await expect(articlePanel(page).locator('.article-body mark')).toBeVisible();
    await expectNoSeriousViolations(page, 'the open article panel');
  });

  test('filter in use', async ({ page }) => {
    await openApp(page);
    await page.getByRole('checkbox', { name: 'Shigeru Ishiba' }).check();
    await page.getByRole('searchbox', { name: 'Search titles and quotes' }).fill('G7');
    await expect(page.getByText(/\d+ of \d+ events/)).toBeVisible();
    await expectNoSeriousViolations(page, 'the filtered view');
  });

  test('a notice and an article that failed to load', async ({ page, data, allowConsole }) => {
    allowConsole(/Failed to load resource/);
    await page.route('**/data/articles/**', (route) => route.fulfill({ status: 404, body: '' }));
    await openApp(page, `event=${g7Event(data).id}&leaders=nobody`);
    await expect(page.getByRole('status').filter({ hasText: /nobody/ })).toBeVisible();
    await expect(articlePanel(page).getByRole('button', { name: 'Retry' })).toBeVisible();
    await expectNoSeriousViolations(page, 'a notice and a failed article');
  });

  test.describe('served data (the build that fetches it)', () => {
    test.use({ baseURL: FETCH_BUILD_URL });
    test('timeline data that cannot be shown', async ({ page }) => {
      await page.route('**/data/timeline.json', (route) =>
        route.fulfill({ status: 200, contentType: 'application/json', body: '{"version": 1}' }),
      );
      await page.goto('./');
      await expect(page.getByRole('alert').getByRole('heading')).toBeVisible();
      await expectNoSeriousViolations(page, 'the invalid-data page');
    });
  });

  test.describe('dark mode', () => {
    test.use({ colorScheme: 'dark' });
    test('timeline, filter and panel', async ({ page, data }) => {
      await openApp(page);
      await expect
        .poll(() => page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches))
        .toBe(true);
      await expectNoSeriousViolations(page, 'dark mode, initial');
      await page.getByRole('checkbox', { name: 'Shigeru Ishiba' }).check();
      await eventList(page)
        .getByRole('button', { name: literal(g7Event(data).title) })
        .click();
      await expect(articlePanel(page).locator('.article-body mark')).toBeVisible();
      await expectNoSeriousViolations(page, 'dark mode, filter and panel');
    });
  });

  test.describe('360 x 740 phone', () => {
    test.use({ viewport: { width: 360, height: 740 } });
    test('chronology, filter open and panel as a bottom sheet', async ({ page, data }) => {
      await openApp(page);
      await expect(chronology(page)).toBeVisible();
      await expectNoSeriousViolations(page, 'the phone view');
      const toggle = page.getByRole('button', { name: /^Leaders/ });
      if (await toggle.isVisible()) await toggle.click();
      await expect(page.getByRole('checkbox', { name: 'Shigeru Ishiba' })).toBeVisible();
      await expectNoSeriousViolations(page, 'the phone view with the filter open');
      await chronology(page)
        .getByRole('button', { name: literal(g7Event(data).title) })
        .click();
      await expect(articlePanel(page).locator('.article-body mark')).toBeVisible();
      await expectNoSeriousViolations(page, 'the phone view with the panel open');
    });
  });

  test('chronology (view=list) with a filter and the panel open', async ({ page, data }) => {
    await openApp(page, 'view=list');
    await expect(chronology(page).getByRole('heading', { level: 3 }).first()).toBeVisible();
    await expectNoSeriousViolations(page, 'the chronology');
    await page.getByRole('checkbox', { name: 'Shigeru Ishiba' }).check();
    await chronology(page)
      .getByRole('button', { name: literal(g7Event(data).title) })
      .click();
    await expect(page).toHaveURL(/event=.*leaders=shigeru-ishiba&view=list$/);
    await expect(articlePanel(page).locator('.article-body mark')).toBeVisible();
    await expectNoSeriousViolations(page, 'the chronology with the panel open');
  });

  test('print preview', async ({ page, data }) => {
    await openApp(page, `event=${g7Event(data).id}`);
    await page.emulateMedia({ media: 'print' });
    await expect(chronology(page)).toBeVisible();
    await expectNoSeriousViolations(page, 'the print preview');
  });

  test.describe('390 x 844 phone', () => {
    test.use({ viewport: { width: 390, height: 844 } });
    test('chronology and the article panel', async ({ page, data }) => {
      await openApp(page);
      await expect(chronology(page)).toBeVisible();
      await expectNoSeriousViolations(page, 'the 390-px phone chronology');
      await chronology(page)
        .getByRole('button', { name: literal(g7Event(data).title) })
        .click();
      await expect(page).toHaveURL(new RegExp(`\\?event=${g7Event(data).id}$`));
      await expect(articlePanel(page).locator('.article-body mark')).toBeVisible();
      await expectNoSeriousViolations(page, 'the 390-px phone with the panel open');
    });
  });

  test.describe('phone in dark mode', () => {
    test.use({ viewport: { width: 360, height: 740 }, colorScheme: 'dark' });
    test('panel open', async ({ page, data }) => {
      await openApp(page, `event=${g7Event(data).id}`);
      await expect(articlePanel(page).locator('.article-body mark')).toBeVisible();
      await expectNoSeriousViolations(page, 'the dark phone view with the panel open');
    });
  });
});

/**
 * Text contrast in light and dark mode. The viewport is tall so that nothing in the panel is
 * scrolled under its header (axe cannot judge partly covered text). axe cannot judge text on a
 * gradient either: the colonial-rule band's label is checked here against both of its stripes.
 */
for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`text contrast, ${colorScheme}`, () => {
    test.use({ colorScheme, viewport: { width: 1280, height: 3000 } });
    test('every text passes AA, including the panel and the era band', async ({ page, data }) => {
      await openApp(page, `event=${g7Event(data).id}`);
      await expect(articlePanel(page).locator('.article-body mark')).toBeVisible();
      const results = await new AxeBuilder({ page }).withRules(['color-contrast']).analyze();
      const failing = results.violations.flatMap((v) => v.nodes.map((n) => n.target.join(' ')));
      expect(failing, 'text below the contrast minimum').toEqual([]);
      const undecided = results.incomplete
        .flatMap((v) => v.nodes)
        .filter((n) => !/ctx-era/.test(n.target.join(' ')) && !n.html.includes('aria-hidden'))
        .map((n) => `${n.target.join(' ')}: ${n.any[0]?.message ?? ''}`);
      expect(undecided, 'text whose contrast axe could not decide').toEqual([]);

      // The era lies outside the first view (ADR 0015): Fit all draws it.
      await page.getByRole('button', { name: 'Fit all' }).click();
      await expect(page).toHaveURL(/from=19/);
      await expect(page.locator('.ctx-era .it-title').first()).toBeVisible();
      const era = await page.evaluate(() => {
        const label = document.querySelector('.ctx-era .it-title');
        if (!label) return null;
        const parse = (c: string) => {
          const n = (c.match(/[\d.]+/g) ?? []).map(Number);
          return { r: n[0] ?? 0, g: n[1] ?? 0, b: n[2] ?? 0, a: n[3] ?? 1 };
        };
        const over = (top: ReturnType<typeof parse>, under: ReturnType<typeof parse>) => ({
          r: top.r * top.a + under.r * (1 - top.a),
          g: top.g * top.a + under.g * (1 - top.a),
          b: top.b * top.a + under.b * (1 - top.a),
          a: 1,
        });
        const luminance = ({ r, g, b }: ReturnType<typeof parse>) => {
          const lin = (v: number) => {
            const s = v / 255;
            return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
          };
          return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
        };
        const ratio = (x: ReturnType<typeof parse>, y: ReturnType<typeof parse>) => {
          const [hi, lo] = [luminance(x), luminance(y)].sort((a, b) => b - a) as [number, number];
          return (hi + 0.05) / (lo + 0.05);
        };
        // The first opaque background behind the band.
        let under = parse('rgb(255,255,255)');
        for (let el = label.closest('.ctx-era')?.parentElement ?? null; el; el = el.parentElement) {
          const bg = parse(getComputedStyle(el).backgroundColor);
          if (bg.a > 0 && getComputedStyle(el).backgroundColor !== 'rgba(0, 0, 0, 0)') {
            under = bg;
            break;
          }
        }
        const root = getComputedStyle(document.documentElement);
        const stripes = ['--era-bg', '--era-stripe'].map((v) =>
          over(parse(root.getPropertyValue(v)), under),
        );
        const text = parse(getComputedStyle(label).color);
        return Math.min(...stripes.map((s) => ratio(text, s)));
      });
      expect(era, 'the colonial-rule band is drawn').not.toBeNull();
      expect(era!, 'era band label contrast').toBeGreaterThanOrEqual(4.5);
    });
  });
}

test('screen readers get a named timeline and a list of the events in view that follows it', async ({
  page,
  data,
}) => {
  await openApp(page);
  await expect(page.getByRole('group', { name: 'Timeline of events' })).toBeVisible();
  const list = eventList(page).getByRole('list');
  const rows = list.getByRole('button');
  // The first view holds the latest stretch (ADR 0015); Fit all puts every event in view.
  await page.getByRole('button', { name: 'Fit all' }).click();
  await expect(page).toHaveURL(/from=/);
  // One focusable item per event, its accessible name holding the year and the title.
  await expect(rows).toHaveCount(data.events.length);
  for (const event of data.events) {
    await expect(
      list.getByRole('button', {
        name: new RegExp(`${event.start.slice(0, 4)}.*${literal(event.title).source}`),
      }),
    ).toHaveCount(1);
  }
  // Zooming the timeline in narrows the list; Fit all brings every event back.
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect.poll(() => rows.count()).toBeLessThan(data.events.length);
  await page.getByRole('button', { name: 'Fit all' }).click();
  await expect(rows).toHaveCount(data.events.length);
});

test('a complete keyboard-only path with visible focus throughout', async ({
  page,
  context,
  data,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openApp(page);

  // Reach the filter and check, with Space, the leader with the most events (so that there are
  // several to move between).
  const eventsOf = (id: string) => data.events.filter((e) => e.actors.includes(id));
  const leader = [...data.actors].sort((a, b) => eventsOf(b.id).length - eventsOf(a.id).length)[0]!;
  expect(eventsOf(leader.id).length).toBeGreaterThan(1);
  const checkbox = page.getByRole('checkbox', { name: leader.name });
  await tabTo(page, checkbox);
  await page.keyboard.press('Space');
  await expect(checkbox).toBeChecked();
  await expect(eventList(page).getByRole('listitem')).toHaveCount(eventsOf(leader.id).length);

  // Reach the timeline; the arrow keys move between the (filtered) events.
  const timeline = page.getByRole('group', { name: 'Timeline of events' });
  await tabTo(page, timeline);
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/event=/);
  const first = new URL(page.url()).searchParams.get('event');
  await page.keyboard.press('ArrowRight');
  await expect(page).not.toHaveURL(new RegExp(`event=${first}(&|$)`));
  await expectVisibleFocus(page);
  await page.keyboard.press('ArrowLeft');
  await expect(page).toHaveURL(new RegExp(`event=${first}(&|$)`));
  const selected = data.events.find((e) => e.id === first)!;
  // The selection is announced: title and date.
  await expect(page.locator('[aria-live="polite"]').filter({ hasText: 'Selected:' })).toContainText(
    selected.title,
  );

  // Enter opens the article: focus moves to the panel, the supporting sentence is marked and in view.
  await page.keyboard.press('Enter');
  const heading = articlePanel(page).getByRole('heading', { level: 2 });
  await expect(heading).toBeFocused();
  await expect(heading).toHaveText(selected.title);
  await expectVisibleFocus(page);
  const mark = articlePanel(page).locator('.article-body mark').first();
  await expect(mark).toBeVisible();
  await expect(mark).toBeInViewport();
  // Tab moves on inside the panel with visible focus.
  await page.keyboard.press('Tab');
  await expectVisibleFocus(page);

  // Escape closes it and gives focus back to the timeline.
  await page.keyboard.press('Escape');
  await expect(articlePanel(page)).toHaveCount(0);
  await expect(timeline).toBeFocused();
  await expectVisibleFocus(page);

  // The event list is reachable too: Enter on a row opens it, Escape returns to that row.
  const row = eventList(page).getByRole('button').first();
  await tabTo(page, row);
  await page.keyboard.press('Enter');
  await expect(articlePanel(page).getByRole('heading', { level: 2 })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(row).toBeFocused();
  await expectVisibleFocus(page);

  // Back up to Copy link and press it: the link in the clipboard is the current view.
  const copy = page.getByRole('button', { name: 'Copy link' });
  await tabTo(page, copy, true);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(page.url());
  expect(new URL(copied).searchParams.get('leaders')).toBe(leader.id);
});

test.describe('reduced motion', () => {
  /** Seconds of a computed CSS time list such as `0.12s, 1e-05s`: the longest. */
  const longest = (value: string) =>
    Math.max(
      ...value
        .split(',')
        .map((v) => (v.trim().endsWith('ms') ? parseFloat(v) / 1000 : parseFloat(v))),
    );

  /** The transition of the buttons and timeline tools (they fade their background on hover). */
  const buttonTransition = (page: Page) =>
    page
      .getByRole('button', { name: 'Fit all' })
      .evaluate((el) => getComputedStyle(el).transitionDuration);

  test('without a preference, controls do animate (the check below can fail)', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await openApp(page);
    expect(longest(await buttonTransition(page))).toBeGreaterThan(0.01);
  });

  test('with reduce, transitions, animations and smooth scrolling are off', async ({
    page,
    data,
  }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    // Keep the article loading so that its spinner (an animation) is on screen.
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/data/articles/**', async (route) => {
      await held;
      await route.continue().catch(() => {});
    });
    await openApp(page, `event=${g7Event(data).id}`);
    expect(longest(await buttonTransition(page))).toBeLessThanOrEqual(0.00001);
    const spinner = articlePanel(page).locator('.spinner');
    await expect(spinner).toBeVisible();
    const animation = await spinner.evaluate((el) => getComputedStyle(el).animationDuration);
    expect(longest(animation)).toBeLessThanOrEqual(0.00001);
    const scroll = await articlePanel(page)
      .locator('[data-scroll-container]')
      .evaluate((el) => getComputedStyle(el).scrollBehavior);
    expect(scroll).toBe('auto');
    release();
    await expect(articlePanel(page).locator('.article-body mark')).toBeVisible();
  });

  /**
   * vis-timeline animates window changes with its own timers. With the page clock paused and then
   * stepped, an animated zoom is still on its way after a short step; an unanimated one has landed.
   */
  for (const reducedMotion of ['reduce', 'no-preference'] as const) {
    test(`the timeline zoom ${reducedMotion === 'reduce' ? 'jumps without animation' : 'animates'} (${reducedMotion})`, async ({
      page,
    }) => {
      await page.emulateMedia({ reducedMotion });
      await page.clock.install();
      await openApp(page);
      const item = page.locator('.vis-item').filter({ hasText: /G7/ }).first();
      await expect(item).toBeVisible();
      const x = () => item.evaluate((el) => Math.round(el.getBoundingClientRect().left));
      const before = await x();
      await page.clock.pauseAt(Date.now() + 60_000);
      await page.getByRole('button', { name: 'Zoom in' }).click();
      // The zoom is committed (the URL holds the new window) while no timer has run.
      await expect(page).toHaveURL(/from=/);
      // One short step lets drawing happen: 50 ms into a 450 ms animation the item is still moving.
      await page.clock.runFor(50);
      const early = await x();
      await page.clock.runFor(2000);
      const landed = await x();
      expect(landed).not.toBe(before);
      if (reducedMotion === 'reduce') expect(early).toBe(landed);
      else expect(early).not.toBe(landed);
    });
  }
});
