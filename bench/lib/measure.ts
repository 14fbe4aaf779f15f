/**
 * Browser measurements for the benchmark, in headless Chromium through Playwright.
 *
 * Everything is timed inside the page, on the page's own clock (performance.now(), whose origin is
 * the start of navigation), so Playwright's round trips never count:
 *   - first frame with events: a requestAnimationFrame loop installed before any page script runs
 *     records the first frame in which an event element is laid out inside the viewport
 *     (vis-timeline: `.vis-item` that is not a background range; TimelineJS: its `loaded` event
 *     and then a visible `.tl-timemarker`). rAF callbacks run just before that frame is painted.
 *   - interactions start at the input event's own timeStamp (so input queueing counts) and end at
 *     the frame in which the result is on screen (see each function).
 */
import type { Browser, Page } from '@playwright/test';
import { chromium } from '@playwright/test';
import { CHROME_PATH, CHROMIUM_ARGS as BASE_CHROMIUM_ARGS } from '../../scripts/chromium.ts';

export type Target = 'ties' | 'tjs' | 'bare';

export const TARGET_NAMES: Record<Target, string> = {
  ties: 'Ties',
  tjs: 'TimelineJS 3.9',
  bare: 'bare vis-timeline 8.5',
};

/**
 * Ties draws context ranges (eras, terms of office) as items too: they carry the class `ctx` or
 * are background items, and are not events.
 */
const VIS_EVENTS = [
  '.vis-timeline .vis-item.vis-box:not(.ctx)',
  '.vis-timeline .vis-item.vis-point:not(.ctx)',
  '.vis-timeline .vis-item.vis-range:not(.ctx):not(.vis-background)',
].join(', ');
/** (A box item is three elements, box, line and dot; only the box counts: apps may hide the dot.) */
const EVENT_SELECTOR: Record<Target, string> = {
  ties: VIS_EVENTS,
  bare: VIS_EVENTS,
  tjs: '.tl-timemarker',
};

/** Clickable event items (the box of a box item, not its line or dot; no background ranges or clusters). */
const CLICKABLE_ITEM =
  '.vis-timeline .vis-item.vis-box, .vis-timeline .vis-item.vis-point, .vis-timeline .vis-item.vis-range';

export const CHROMIUM_ARGS = [
  ...BASE_CHROMIUM_ARGS,
  // Nothing leaves the machine: every host except loopback fails to resolve.
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROME_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

export const VIEWPORT = { width: 1280, height: 800 };

/**
 * A fresh context (empty cache) and page. tsx compiles with esbuild's keepNames, which wraps
 * nested functions in `__name(...)`; the page needs that helper for the serialised functions.
 */
export async function newBenchPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  await context.addInitScript({ content: 'globalThis.__name = globalThis.__name || ((f) => f);' });
  return context.newPage();
}

// ---------- in-page code (serialised by Playwright; must not close over anything) ----------

interface BenchState {
  t: { firstFrame?: number; loaded?: number; items?: number };
  longtasks: Array<[number, number]>;
  action?: ActionState;
  pan?: PanState;
}
interface ActionState {
  t0?: number;
  done?: number;
  /** 'timeline' mode: the first frame after the first change to an event item. */
  firstChange?: number;
  mutations: number;
  error?: string;
}
interface PanState {
  frames: number[];
  mutations: number;
  running: boolean;
  start: number;
  stop?: number;
}
declare global {
  interface Window {
    __bench?: BenchState;
  }
}

function benchInit(arg: { selector: string; waitLoaded: boolean }): void {
  const B: BenchState = { t: {}, longtasks: [] };
  window.__bench = B;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) B.longtasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // longtask entries are a Chromium feature; without them the figures just lack TBT.
  }
  // Laid out with a size, horizontally on screen, and really shown: vis-timeline keeps its root at
  // `visibility: hidden` until its initial draw is done, so presence in the DOM is not enough.
  // (Vertically anywhere: a timeline below the fold is still drawn.)
  const visible = (): boolean => {
    const els = document.querySelectorAll(arg.selector);
    const n = Math.min(els.length, 2000);
    for (let i = 0; i < n; i++) {
      const el = els[i]!;
      const r = el.getBoundingClientRect();
      // (TimelineJS markers of point events are 0 px wide, their content overflows.)
      if ((r.width > 0 || r.height > 0) && r.right >= 0 && r.left < innerWidth) {
        if (el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) return true;
      }
    }
    return false;
  };
  const tick = (): void => {
    if (arg.waitLoaded && B.t.loaded === undefined) {
      requestAnimationFrame(tick);
      return;
    }
    if (document.body && visible()) {
      B.t.firstFrame = performance.now();
      B.t.items = document.querySelectorAll(arg.selector).length;
      return;
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

export interface LoadResult {
  /** ms from navigation start to the first frame with events. */
  firstFrame: number;
  /** TimelineJS only: ms to its `loaded` event. */
  loaded: number | null;
  /** Event elements in the DOM at the first frame. */
  items: number;
  domContentLoaded: number;
  /** Sum of long-task time over 50 ms before the first frame (total blocking time). */
  blockingMs: number;
  longestTaskMs: number;
  /** Bytes fetched (encoded body sizes of the document and every resource) by the first frame. */
  bytes: number;
  /** ms from navigation start until the events' JSON had arrived (responseEnd), or null. */
  dataMs: number | null;
}

export async function measureLoad(
  page: Page,
  target: Target,
  url: string,
  timeoutMs: number,
): Promise<LoadResult> {
  await page.addInitScript(benchInit, {
    selector: EVENT_SELECTOR[target],
    waitLoaded: target === 'tjs',
  });
  await page.goto(url, { waitUntil: 'commit', timeout: timeoutMs });
  await page.waitForFunction(() => window.__bench?.t.firstFrame !== undefined, undefined, {
    timeout: timeoutMs,
    polling: 100,
  });
  return page.evaluate(() => {
    const B = window.__bench!;
    const first = B.t.firstFrame!;
    const nav = performance.getEntriesByType('navigation')[0] as
      PerformanceNavigationTiming | undefined;
    const before = B.longtasks.filter(([s]) => s < first);
    let bytes = nav?.encodedBodySize ?? 0;
    let dataMs: number | null = null;
    for (const r of performance.getEntriesByType('resource') as PerformanceResourceTiming[]) {
      if (r.responseEnd <= first) bytes += r.encodedBodySize;
      // The data: a JSON file, or Ties's timeline chunk when its build imports the index.
      if (/(timeline|tjs-data|vis-items)\.json(\?|$)|\/timeline-data-[\w-]+\.js(\?|$)/.test(r.name))
        dataMs = r.responseEnd;
    }
    return {
      firstFrame: first,
      loaded: B.t.loaded ?? null,
      items: B.t.items ?? 0,
      domContentLoaded: nav?.domContentLoadedEventEnd ?? 0,
      blockingMs: before.reduce((sum, [, d]) => sum + Math.max(0, d - 50), 0),
      longestTaskMs: before.reduce((m, [, d]) => Math.max(m, d), 0),
      bytes,
      dataMs,
    };
  });
}

// ---------- the outside clock ----------

/**
 * In the page: the moment two frames have followed the frame in which the first event element
 * was in the DOM (present, laid out or not). A MutationObserver notices the element as soon as it
 * is inserted; the bench's own clock takes the time when the page reports it.
 */
function outsideInit(arg: { selector: string }): void {
  const report = (window as unknown as { __benchOutsideDone: () => void }).__benchOutsideDone;
  let seen = false;
  const found = (): void => {
    if (seen || !document.querySelector(arg.selector)) return;
    seen = true;
    observer.disconnect();
    requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(report)));
  };
  const observer = new MutationObserver(found);
  observer.observe(document, { childList: true, subtree: true });
}

/**
 * The outside clock (issue 13): wall time on the bench's clock (Node's performance.now()) from the
 * call of `page.goto` to two frames after the first event element was in the DOM, as a user
 * with a stopwatch would take it: navigation, network, everything before navigation start, and
 * one CDP message back (sub-millisecond on loopback) are counted. The callback runs in the frame
 * after the second frame has been produced (rAF callbacks run before their frame's paint).
 */
export async function measureOutside(
  page: Page,
  target: Target,
  url: string,
  timeoutMs: number,
): Promise<number> {
  let done: number | null = null;
  let signal: () => void = () => {};
  const reported = new Promise<void>((resolve) => (signal = resolve));
  await page.exposeFunction('__benchOutsideDone', () => {
    done ??= performance.now();
    signal();
  });
  await page.addInitScript(outsideInit, { selector: EVENT_SELECTOR[target] });
  const t0 = performance.now();
  await page.goto(url, { waitUntil: 'commit', timeout: timeoutMs });
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await Promise.race([
      reported,
      new Promise((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`Timeout: no event in the DOM within ${timeoutMs} ms`)),
          timeoutMs,
        );
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
  return done! - t0;
}

export interface HeapResult {
  /** JS heap in use after a forced garbage collection, bytes. */
  jsHeapUsed: number;
  domNodes: number;
}

export async function measureHeap(page: Page): Promise<HeapResult> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const get = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
    return { jsHeapUsed: get('JSHeapUsedSize'), domNodes: get('Nodes') };
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

export interface PanResult {
  /** rAF frames rendered during the one-second drag. */
  frames: number;
  /** Longest gap between two frames (or between the start/end and a frame), ms. */
  longestFrameMs: number;
  /** Frames that took over 50 ms. */
  slowFrames: number;
  longestTaskMs: number;
  /** DOM mutations inside the timeline during the drag: 0 means nothing moved. */
  mutations: number;
}

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

/** Scrolls the page so that the element is centred, as a user would before using it. */
async function scrollIntoView(page: Page, selector: string): Promise<void> {
  const moved = await page.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (!el) return false;
    const r = el.getBoundingClientRect();
    if (r.top >= 0 && r.bottom <= innerHeight) return false;
    el.scrollIntoView({ block: 'center', behavior: 'instant' });
    return true;
  }, selector);
  if (moved) await sleep(300);
}

/**
 * One second of continuous dragging on the time axis (vis-timeline) or the time navigator
 * (TimelineJS): the pointer swings 250 px right, back, 250 px left and back, one move every 8 ms
 * (a 125 Hz mouse), with real input events. Counts the frames the page renders meanwhile.
 */
export async function measurePan(page: Page, target: Target): Promise<PanResult | null> {
  const grip = target === 'tjs' ? '.tl-timenav' : '.vis-timeline .vis-time-axis.vis-foreground';
  const root = target === 'tjs' ? '.tl-timenav' : '.vis-timeline';
  await scrollIntoView(page, root);
  const box = await page.locator(grip).first().boundingBox();
  if (!box) return null;
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.evaluate((rootSel) => {
    const B = window.__bench!;
    const pan: PanState = { frames: [], mutations: 0, running: true, start: performance.now() };
    B.pan = pan;
    const el = document.querySelector(rootSel);
    if (el) {
      const mo = new MutationObserver((records) => {
        pan.mutations += records.length;
        if (!pan.running) mo.disconnect();
      });
      mo.observe(el, { subtree: true, childList: true, attributes: true });
    }
    const frame = (): void => {
      if (!pan.running) return;
      pan.frames.push(performance.now());
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  }, root);
  const t0 = Date.now();
  for (let step = 1; ; step++) {
    const elapsed = Date.now() - t0;
    if (elapsed >= 1000) break;
    await page.mouse.move(x + 250 * Math.sin((2 * Math.PI * elapsed) / 1000), y);
    const wait = t0 + step * 8 - Date.now();
    if (wait > 0) await sleep(wait);
  }
  const result = await page.evaluate(() => {
    const B = window.__bench!;
    const pan = B.pan!;
    pan.running = false;
    pan.stop = performance.now();
    const marks = [pan.start, ...pan.frames, pan.stop];
    let longest = 0;
    let slow = 0;
    for (let i = 1; i < marks.length; i++) {
      const d = marks[i]! - marks[i - 1]!;
      longest = Math.max(longest, d);
      if (d > 50) slow++;
    }
    const tasks = B.longtasks.filter(([s, d]) => s + d >= pan.start && s <= pan.stop!);
    return {
      frames: pan.frames.length,
      longestFrameMs: longest,
      slowFrames: slow,
      longestTaskMs: tasks.reduce((m, [, d]) => Math.max(m, d), 0),
      mutations: pan.mutations,
    };
  });
  await page.mouse.up();
  await sleep(300);
  return result;
}

// ---------- Ties-only interactions ----------

/**
 * Arms the page for one timed interaction: t0 is the timeStamp of the next pointerdown (or
 * keydown); `done` is set by a rAF loop when `mode` says the result is on screen.
 *  - 'timeline': the first frame after the last mutation of the timeline's DOM, once three
 *    frames in a row pass without one (the timeline has redrawn and settled).
 *  - 'mark': the first frame in which a <mark> whose text was not on screen before is visible
 *    (its centre hit-tests to itself inside the viewport).
 */
function armAction(mode: 'timeline' | 'mark'): void {
  const B = window.__bench!;
  const action: ActionState = { mutations: 0 };
  B.action = action;
  const onInput = (e: Event): void => {
    if (action.t0 === undefined) action.t0 = e.timeStamp;
  };
  window.addEventListener('pointerdown', onInput, { capture: true, once: true });
  window.addEventListener('keydown', onInput, { capture: true, once: true });

  const visibleMarks = (): string[] => {
    const out: string[] = [];
    for (const m of Array.from(document.querySelectorAll('mark'))) {
      // An inline mark spans several line boxes: hit-test the middle of its first one.
      const r = m.getClientRects()[0];
      if (!r || r.width <= 0 || r.height <= 0) continue;
      const cx = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1);
      const cy = r.top + r.height / 2;
      if (cy < 0 || cy >= innerHeight) continue;
      const hit = document.elementFromPoint(cx, cy);
      if (hit && (hit === m || m.contains(hit))) out.push(m.textContent ?? '');
    }
    return out;
  };
  const deadline = performance.now() + 15_000;

  if (mode === 'mark') {
    const before = new Set(visibleMarks());
    const tick = (): void => {
      if (action.t0 !== undefined) {
        const now = visibleMarks();
        if (now.some((t) => !before.has(t))) {
          action.done = performance.now();
          return;
        }
      }
      if (performance.now() > deadline) {
        action.error = 'no new highlighted sentence became visible within 15 s';
        action.done = -1;
        return;
      }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    return;
  }

  const root = document.querySelector('.vis-timeline');
  if (!root) {
    action.error = 'no .vis-timeline';
    action.done = -1;
    return;
  }
  let dirty = false;
  let itemChanged = false;
  let lastFrameAfterMutation: number | undefined;
  let quiet = 0;
  const isItem = (n: Node): boolean =>
    n instanceof Element && n.classList.contains('vis-item') && !n.classList.contains('ctx');
  const mo = new MutationObserver((records) => {
    for (const r of records) {
      const el = r.target instanceof Element ? r.target : r.target.parentElement;
      if (el?.closest('.vis-current-time, .vis-custom-time')) continue;
      action.mutations++;
      dirty = true;
      if (
        (r.type === 'childList' &&
          (Array.from(r.addedNodes).some(isItem) || Array.from(r.removedNodes).some(isItem))) ||
        (r.type === 'attributes' && r.attributeName === 'class' && isItem(r.target))
      ) {
        itemChanged = true;
      }
    }
  });
  mo.observe(root, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['class', 'style'],
  });
  const tick = (): void => {
    if (itemChanged && action.firstChange === undefined) action.firstChange = performance.now();
    if (dirty) {
      dirty = false;
      quiet = 0;
      lastFrameAfterMutation = performance.now();
    } else if (lastFrameAfterMutation !== undefined && ++quiet >= 3) {
      mo.disconnect();
      action.done = lastFrameAfterMutation;
      return;
    }
    if (performance.now() > deadline) {
      mo.disconnect();
      action.error = 'the timeline did not change within 15 s';
      action.done = -1;
      return;
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

async function finishAction(
  page: Page,
): Promise<{ ms: number | null; firstChangeMs: number | null; error?: string }> {
  await page.waitForFunction(() => window.__bench?.action?.done !== undefined, undefined, {
    timeout: 20_000,
    polling: 50,
  });
  return page.evaluate(() => {
    const a = window.__bench!.action!;
    if (a.done === -1 || a.t0 === undefined || a.done === undefined) {
      return { ms: null, firstChangeMs: null, error: a.error ?? 'no input event seen' };
    }
    return {
      ms: a.done - a.t0,
      firstChangeMs: a.firstChange === undefined ? null : a.firstChange - a.t0,
    };
  });
}

export interface ToggleResult {
  /** Input → the first frame in which event items changed (the filtered set is drawn). */
  onMs: number | null;
  offMs: number | null;
  /** Input → the frame after which the timeline DOM stays still (includes any window animation). */
  onSettledMs: number | null;
  offSettledMs: number | null;
  itemsBefore: number;
  itemsFiltered: number;
  error?: string;
}

async function countItems(page: Page): Promise<number> {
  return page.locator(EVENT_SELECTOR.ties).count();
}

/**
 * Ticks the leader's checkbox (accessible name = the leader's full name) and waits for the
 * timeline to redraw; then unticks it and waits again.
 */
export async function measureToggle(page: Page, leaderName: string): Promise<ToggleResult> {
  let box = page.getByRole('checkbox', { name: leaderName, exact: true });
  if ((await box.count()) === 0) box = page.getByRole('checkbox', { name: leaderName });
  const itemsBefore = await countItems(page);
  if ((await box.count()) === 0) {
    return {
      onMs: null,
      offMs: null,
      onSettledMs: null,
      offSettledMs: null,
      itemsBefore,
      itemsFiltered: itemsBefore,
      error: `no checkbox named "${leaderName}"`,
    };
  }
  const cb = box.first();
  await cb.scrollIntoViewIfNeeded();
  await page.evaluate(armAction, 'timeline' as const);
  await cb.click();
  const on = await finishAction(page);
  const itemsFiltered = await countItems(page);
  await page.waitForTimeout(200);
  await page.evaluate(armAction, 'timeline' as const);
  await cb.click();
  const off = await finishAction(page);
  await page.waitForTimeout(200);
  const error = [on.error, off.error].filter(Boolean).join('; ');
  return {
    onMs: on.firstChangeMs,
    offMs: off.firstChangeMs,
    onSettledMs: on.ms,
    offSettledMs: off.ms,
    itemsBefore,
    itemsFiltered,
    ...(error ? { error } : {}),
  };
}

interface ItemSpot {
  x: number;
  y: number;
  text: string;
}

/** Event items whose centre is really clickable (not covered), optionally only those with a text. */
async function clickableItems(page: Page, text?: string): Promise<ItemSpot[]> {
  return page.evaluate(
    ({ sel, text }) => {
      const out: ItemSpot[] = [];
      for (const el of Array.from(document.querySelectorAll(sel))) {
        const t = (el.textContent ?? '').trim();
        if (text !== undefined && t !== text) continue;
        if (el.classList.contains('vis-cluster') || el.classList.contains('ctx')) continue;
        if (el.classList.contains('vis-background')) continue;
        const r = el.getBoundingClientRect();
        const left = Math.max(r.left, 0);
        const right = Math.min(r.right, innerWidth);
        const top = Math.max(r.top, 0);
        const bottom = Math.min(r.bottom, innerHeight);
        if (right - left < 3 || bottom - top < 3) continue;
        const x = left + Math.min((right - left) / 2, 12);
        const y = (top + bottom) / 2;
        const hit = document.elementFromPoint(x, y);
        if (hit && (hit === el || el.contains(hit))) out.push({ x, y, text: t });
        if (out.length >= 40) break;
      }
      return out;
    },
    { sel: CLICKABLE_ITEM, text },
  );
}

export interface SelectResult {
  coldMs: number[];
  cachedMs: number[];
  /** Requests for article bodies made by the second selections of A and B (should be 0). */
  cachedArticleRequests: number;
  /** ... and by the first ones. */
  coldArticleRequests: number;
  error?: string;
}

/**
 * Clicks event A (cold: its article was never loaded), then event B (cold), then A and B again
 * (cached), each until a highlighted sentence that was not on screen before is visible.
 */
export async function measureSelect(page: Page): Promise<SelectResult> {
  const res: SelectResult = {
    coldMs: [],
    cachedMs: [],
    cachedArticleRequests: 0,
    coldArticleRequests: 0,
  };
  const errors: string[] = [];
  let articleRequests = 0;
  const onRequest = (r: { url(): string }) => {
    if (r.url().includes('/data/articles/')) articleRequests++;
  };
  page.on('request', onRequest);
  try {
    await scrollIntoView(page, '.vis-timeline');
    const spots = await clickableItems(page);
    const a = spots[0];
    const b = spots.find((s) => s.text !== a?.text);
    if (!a || !b) {
      errors.push(`only ${spots.length} clickable event item(s) with distinct titles`);
      return res;
    }
    // A selection counts as cold when it fetched an article body, cached when it fetched none
    // (events of one article share its body; the intended order is only a first guess).
    let last = '';
    const click = async (spot: ItemSpot, intendedCold: boolean) => {
      // Park the pointer first: vis-timeline's hover tooltip would cover the next item.
      await page.mouse.move(1, 1);
      await page.waitForTimeout(100);
      // Selecting may move the window; when the wanted item is gone, any other event will do
      // (cold and cached are told apart by the fetches, not by the plan).
      let [found] = await clickableItems(page, spot.text);
      if (!found) [found] = (await clickableItems(page)).filter((x) => x.text !== last);
      if (!found) {
        errors.push(`no clickable event item after selecting "${last}"`);
        return;
      }
      last = found.text;
      const requestsBefore = articleRequests;
      await page.evaluate(armAction, 'mark' as const);
      await page.mouse.click(found.x, found.y);
      const r = await finishAction(page);
      await page.waitForTimeout(50);
      const fetched = articleRequests - requestsBefore;
      const cold = fetched > 0;
      if (r.error) {
        errors.push(
          `${intendedCold ? 'first' : 'second'} selection of "${found.text}": ${r.error}`,
        );
      }
      if (r.ms !== null) (cold ? res.coldMs : res.cachedMs).push(r.ms);
      if (intendedCold) res.coldArticleRequests += fetched;
      else res.cachedArticleRequests += fetched;
      await page.waitForTimeout(150);
    };
    await click(a, true);
    await click(b, true);
    await click(a, false);
    await click(b, false);
  } finally {
    page.off('request', onRequest);
    if (errors.length) res.error = errors.join('; ');
  }
  return res;
}
