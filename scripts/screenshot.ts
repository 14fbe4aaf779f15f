/**
 * Takes the README screenshot of the real app: builds it, serves it with `vite preview` (or reuses
 * a server already running at SCREENSHOT_URL), opens it in Chromium at 1280×800 with the G7
 * meeting selected and the window on the recent events, and writes docs/screenshot.png.
 * With SCREENSHOT_ALL=1 it also writes the first view (screenshot-overview.png), a 360-px phone
 * (screenshot-phone.png) and dark mode (screenshot-dark.png).
 * With SCREENSHOT_EVENTS=300 it writes the first view of the real data plus synthetic events from
 * bench/generate-corpus.ts (served in place of data/timeline.json), about 300 in all
 * (screenshot-300-events.png).
 *
 *   npm run screenshot
 *   SCREENSHOT_URL=http://127.0.0.1:4173/ npm run screenshot   # reuse a running preview
 */
import { chromium, type Page } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { CHROME_PATH, CHROMIUM_ARGS } from './chromium.ts';
import { generateCorpus } from '../bench/generate-corpus.ts';

const root = resolve(import.meta.dirname, '..');
const port = Number(process.env.SCREENSHOT_PORT ?? 4175);
const outDir = resolve(root, 'docs');

async function reachable(url: string): Promise<boolean> {
  try {
    const res = await fetch(url);
    return res.ok;
  } catch {
    return false;
  }
}

async function waitFor(url: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await reachable(url)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not come up within ${timeoutMs / 1000} s`);
}

async function startServer(): Promise<{ url: string; server: ChildProcess | null }> {
  const given = process.env.SCREENSHOT_URL;
  if (given) {
    if (!(await reachable(given))) throw new Error(`SCREENSHOT_URL ${given} is not reachable`);
    return { url: given, server: null };
  }
  const build = spawnSync('npx', ['vite', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('vite build failed');
  const url = `http://127.0.0.1:${port}/`;
  const server = spawn(
    'npx',
    ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
    { cwd: root, stdio: 'ignore', detached: true },
  );
  await waitFor(url, 60_000);
  return { url, server };
}

/**
 * The G7 meeting (the event with several sources that names Ishiba) and a window around the recent
 * events it belongs to, both read from the app's own data.
 */
async function findG7(page: Page): Promise<{ id: string; from: string; to: string }> {
  const found = await page.evaluate(async () => {
    const res = await fetch('data/timeline.json');
    const data = (await res.json()) as {
      events: { id: string; title: string; start: string; sources: unknown[] }[];
    };
    const hit =
      data.events.find((e) => /ishiba/i.test(e.title) && e.sources.length > 1) ??
      data.events.find((e) => e.sources.length > 1) ??
      data.events[0];
    if (!hit) return null;
    // No named helper functions in here: tsx would wrap them in a helper the page does not have.
    const year = Number(hit.start.slice(0, 4));
    const times = data.events
      .filter((e) => Number(e.start.slice(0, 4)) >= year - 1)
      .map((e) => Date.parse(`${e.start.padEnd(7, '-01').padEnd(10, '-01')}T00:00:00Z`));
    return {
      id: hit.id,
      from: new Date(Math.min(...times) - 40 * 864e5).toISOString().slice(0, 10),
      to: new Date(Math.max(...times) + 170 * 864e5).toISOString().slice(0, 10),
    };
  });
  if (!found) throw new Error('no event to select');
  return found;
}

async function shoot(
  url: string,
  width: number,
  height: number,
  file: string,
  colorScheme: 'light' | 'dark' = 'light',
  view: 'selected' | 'overview' = 'selected',
  timelineBody: string | null = null,
) {
  const browser = await chromium.launch({
    executablePath: CHROME_PATH,
    args: CHROMIUM_ARGS,
  });
  try {
    const page = await browser.newPage({
      viewport: { width, height },
      deviceScaleFactor: 1,
      colorScheme,
      reducedMotion: 'reduce',
    });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text());
    });
    if (timelineBody) {
      await page.route('**/data/timeline.json', (route) =>
        route.fulfill({ status: 200, contentType: 'application/json', body: timelineBody }),
      );
    }
    await page.goto(url);
    const g7 = await findG7(page);
    await page.goto(
      view === 'overview'
        ? url
        : `${url}?event=${encodeURIComponent(g7.id)}&from=${g7.from}&to=${g7.to}`,
    );
    if (view === 'selected') {
      await page.locator('[data-testid="article-panel"] mark').first().waitFor();
      await page
        .locator('.vis-timeline .vis-item.vis-selected:not(.vis-dot):not(.vis-line)')
        .first()
        .waitFor();
    } else {
      await page.locator('.vis-timeline .vis-item.vis-box').first().waitFor();
    }
    await page.waitForFunction(() => {
      const root = document.querySelector<HTMLElement>('.vis-timeline');
      return root !== null && getComputedStyle(root).visibility !== 'hidden';
    });
    await page.waitForTimeout(800);
    // With many events the leader filters push the timeline down: show the whole page.
    await page.screenshot({ path: resolve(outDir, file), fullPage: timelineBody !== null });
    if (errors.length > 0) throw new Error(`console errors:\n${errors.join('\n')}`);
    console.log(`wrote docs/${file}`);
  } finally {
    await browser.close();
  }
}

/**
 * The app's data with whole synthetic articles (and their events) added until there are about
 * `total` events. The synthetic text is never committed: the corpus goes to bench/.work/.
 */
async function withSyntheticEvents(url: string, total: number): Promise<string> {
  const real = (await (await fetch(new URL('data/timeline.json', url))).json()) as {
    events: unknown[];
    articles: unknown[];
    actors: { id: string }[];
  };
  const { truth } = generateCorpus({
    articles: Math.ceil(total / 3),
    outDir: resolve(root, 'bench/.work/screenshot-corpus'),
    actorsFile: resolve(root, 'seeds/actors.json'),
  });
  const known = new Set([...real.actors, ...truth.actors].map((a) => a.id));
  const events = [];
  const articles = [];
  for (const article of truth.articles) {
    if (real.events.length + events.length + article.eventIds.length > total) break;
    articles.push(article);
    for (const id of article.eventIds) {
      const event = truth.events.find((e) => e.id === id)!;
      // Made-up people that no actors file describes are left off (the app refuses unknown ids).
      events.push({ ...event, actors: event.actors.filter((x) => known.has(x)) });
    }
  }
  return JSON.stringify({
    ...real,
    articles: [...real.articles, ...articles],
    // The made-up people the synthetic articles name, besides the real actors.
    actors: [
      ...real.actors,
      ...truth.actors.filter((a) => !real.actors.some((r) => r.id === a.id)),
    ],
    events: [...real.events, ...events],
  });
}

const { url, server } = await startServer();
try {
  mkdirSync(outDir, { recursive: true });
  await shoot(url, 1280, 800, 'screenshot.png');
  if (process.env.SCREENSHOT_ALL) {
    await shoot(url, 1280, 800, 'screenshot-overview.png', 'light', 'overview');
    await shoot(url, 360, 780, 'screenshot-phone.png');
    await shoot(url, 1280, 800, 'screenshot-dark.png', 'dark');
  }
  const many = Number(process.env.SCREENSHOT_EVENTS ?? 0);
  if (many > 0) {
    const body = await withSyntheticEvents(url, many);
    await shoot(url, 1280, 800, `screenshot-${many}-events.png`, 'light', 'overview', body);
  }
} finally {
  if (server?.pid) process.kill(-server.pid, 'SIGTERM');
}
