import { test as base, expect, type FrameLocator, type Page } from '@playwright/test';

/**
 * Shared fixture: every test fails on any console error or warning and on any uncaught page error.
 * Tests that provoke an expected failure (e.g. a failing request) list the messages they allow.
 */
export interface TimelineEventLite {
  id: string;
  title: string;
  start: string;
  end?: string;
  dateKind: string;
  actors: string[];
  sources: { articleId: string; quote: string; offset: number }[];
}
export interface TimelineLite {
  events: TimelineEventLite[];
  actors: { id: string; name: string; country: string }[];
  articles: { id: string; title: string; source: string | null; eventIds: string[] }[];
  undated: { id: string; title: string; sources: { articleId: string; quote: string }[] }[];
  contexts: {
    id: string;
    kind: 'era' | 'term';
    title: string;
    start: string;
    end: string | null;
  }[];
}

/** The events in timeline order (by start date), as the arrow keys walk them. */
export const chronological = (data: TimelineLite) =>
  [...data.events].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));

interface Fixtures {
  allowConsole: (pattern: RegExp) => void;
  data: TimelineLite;
}

export const test = base.extend<Fixtures>({
  allowConsole: [
    async ({ page }, provide) => {
      const allowed: RegExp[] = [];
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() !== 'error' && message.type() !== 'warning') return;
        const text = message.text();
        if (allowed.some((re) => re.test(text))) return;
        problems.push(`console.${message.type()}: ${text}`);
      });
      page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
      page.on('dialog', (dialog) => {
        problems.push(`dialog: ${dialog.message()}`);
        void dialog.dismiss();
      });
      await provide((pattern) => allowed.push(pattern));
      expect(problems, 'console errors, warnings, page errors or dialogs').toEqual([]);
    },
    { auto: true },
  ],
  data: async ({ request }, provide) => {
    const response = await request.get('data/timeline.json');
    expect(response.ok()).toBe(true);
    await provide((await response.json()) as TimelineLite);
  },
});

export { expect };

/**
 * The events of the first view (no window in the URL): the most recent stretch, here the events
 * that start within three years of the last one (ADR 0015; the seeds' 2022–2025 bunch).
 */
export function firstViewEvents(data: TimelineLite): TimelineEventLite[] {
  const last = Math.max(...data.events.map((e) => Number((e.end ?? e.start).slice(0, 4))));
  return data.events.filter((e) => Number(e.start.slice(0, 4)) >= last - 3);
}

/**
 * The build that fetches data/timeline.json at run time (playwright.config.ts). The default build
 * imports the timeline through its module graph, so a route in place of data/timeline.json does not
 * reach it: tests that serve other timeline data run here, with `test.use({ baseURL: FETCH_BUILD_URL })`.
 */
export const FETCH_BUILD_URL = `http://127.0.0.1:${process.env.E2E_FETCH_PORT ?? 4177}`;

/** The event whose article sources are several, with Ishiba in it: the G7 meeting. */
export function g7Event(data: TimelineLite): TimelineEventLite {
  const event = data.events.find(
    (e) => e.actors.includes('shigeru-ishiba') && e.sources.length > 1 && /G7/.test(e.title),
  );
  if (!event) throw new Error('the data has no G7 meeting with two sources');
  return event;
}

/** A pattern that matches `text` literally (titles may hold brackets, dots or question marks). */
export function literal(text: string): RegExp {
  return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
}

export function eventList(page: Page | FrameLocator) {
  return page.getByRole('region', { name: /Events in view/ });
}

export function articlePanel(page: Page | FrameLocator) {
  return page.getByTestId('article-panel');
}

/** The chronology (view=list, the default below 700 px wide). */
export function chronology(page: Page) {
  return page.getByRole('region', { name: /^Chronology/ });
}

/** Opens the app and waits for the timeline, or for the chronology where that is what shows. */
export async function openApp(page: Page, query = '') {
  await page.goto(query ? `./?${query}` : './');
  await expect(page.getByRole('heading', { name: 'Ties', level: 1 })).toBeVisible();
  await expect(page.locator('.vis-timeline').or(chronology(page))).toBeVisible();
}

export function searchParams(page: Page): URLSearchParams {
  return new URL(page.url()).searchParams;
}
