/**
 * Hardening tests against the built app (`vite build` + `vite preview`, as playwright.config.ts
 * serves it): the Content-Security-Policy holds and the app works under it, nothing leaves the
 * page's origin, hostile URLs and hostile article text stay inert text, and run-time failures end
 * in a clear message with a way to retry.
 */
import { expect, test, type Page } from '@playwright/test';
import { FETCH_BUILD_URL } from './fixtures';
import { startSeedsServer, type SeedsServer } from './seeds-server';

/** Everything that went wrong in a page, collected as it happens. */
interface Trouble {
  pageErrors: string[];
  dialogs: string[];
  cspConsole: string[];
  consoleErrors: string[];
}

/**
 * Records CSP violations on window (`__cspViolations`) from before any page script runs, and
 * page errors, dialogs (dismissed) and console messages about the policy.
 */
async function watch(page: Page): Promise<Trouble> {
  const trouble: Trouble = { pageErrors: [], dialogs: [], cspConsole: [], consoleErrors: [] };
  await page.addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[] };
    w.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      w.__cspViolations.push(
        `${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`,
      );
    });
  });
  page.on('pageerror', (error) => trouble.pageErrors.push(error.message));
  page.on('dialog', (dialog) => {
    trouble.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => {});
  });
  page.on('console', (message) => {
    const text = message.text();
    if (/content security policy|refused to/i.test(text)) trouble.cspConsole.push(text);
    else if (message.type() === 'error') trouble.consoleErrors.push(text);
  });
  return trouble;
}

async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(
    () => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [],
  );
}

/** No violation, no page error, no dialog, no console error: each list is shown in full when it is not empty. */
async function expectClean(page: Page, trouble: Trouble): Promise<void> {
  expect(await cspViolations(page), 'CSP violations reported by the page').toEqual([]);
  expect(trouble.cspConsole, 'CSP messages in the console').toEqual([]);
  expect(trouble.pageErrors, 'uncaught page errors').toEqual([]);
  expect(trouble.dialogs, 'dialogs opened by the page').toEqual([]);
  expect(trouble.consoleErrors, 'console errors').toEqual([]);
}

async function pwned(page: Page): Promise<unknown> {
  return page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);
}

async function appReady(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { name: /^Timeline/ })).toBeVisible();
  await expect(page.getByTestId('timeline')).toBeVisible();
  await expect(page.locator('.vis-item .it-title').first()).toBeVisible();
}

const eventList = (page: Page) => page.getByRole('region', { name: /Events in view/ });
const panel = (page: Page) => page.getByTestId('article-panel');

test.describe('Content-Security-Policy', () => {
  test('the built page carries a strict policy, in the meta tag and in the response headers', async ({
    page,
  }) => {
    const response = await page.goto('/');
    expect(response).not.toBeNull();
    const headers = response!.headers();
    const header = headers['content-security-policy'] ?? '';
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
    ]) {
      expect(header, `the header policy has ${directive}`).toContain(directive);
    }
    expect(header).not.toContain('unsafe-inline');
    expect(header).not.toContain('unsafe-eval');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('no-referrer');

    const meta = await page
      .locator('meta[http-equiv="Content-Security-Policy"]')
      .getAttribute('content');
    expect(meta).toContain("script-src 'self'");
    expect(meta).not.toContain('unsafe-inline');
    // The meta policy must come before any script so that it governs all of them.
    const metaFirst = await page.evaluate(() => {
      const all = [...document.head.querySelectorAll('meta[http-equiv], script')];
      return all[0]?.tagName === 'META';
    });
    expect(metaFirst).toBe(true);
  });

  test('the policy is enforced: an injected inline script does not run and is reported', async ({
    page,
  }) => {
    await watch(page);
    await page.goto('/');
    await appReady(page);
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__pwned = "inline script ran"';
      document.body.append(script);
      const img = document.createElement('img');
      img.setAttribute('src', 'data:,');
      img.setAttribute('onerror', 'window.__pwned = "inline handler ran"');
      img.setAttribute('onload', 'window.__pwned = "inline handler ran"');
      document.body.append(img);
    });
    await expect
      .poll(() => cspViolations(page))
      .toContainEqual(expect.stringMatching(/^script-src/));
    expect(await pwned(page)).toBeUndefined();
  });

  test('another site cannot frame the app', async ({ page, baseURL }) => {
    const refused: string[] = [];
    page.on('console', (m) => {
      if (/frame-ancestors/.test(m.text())) refused.push(m.text());
    });
    // about:blank is a different origin from the app; frame-ancestors 'none' refuses any parent.
    await page.setContent(`<iframe title="framed" src="${baseURL}/"></iframe>`);
    await expect.poll(() => refused.length).toBeGreaterThan(0);
    const framed = page.frames().find((f) => f !== page.mainFrame());
    const hasApp = framed
      ? await framed.evaluate(() => document.getElementById('root') !== null).catch(() => false)
      : false;
    expect(hasApp).toBe(false);
  });

  test('the main flows run with no CSP violation and no request leaving the origin', async ({
    page,
    baseURL,
  }) => {
    const trouble = await watch(page);
    const origin = new URL(baseURL!).origin;
    const foreign: string[] = [];
    await page.context().route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.protocol === 'data:' || url.protocol === 'blob:' || url.origin === origin) {
        return route.continue();
      }
      foreign.push(route.request().url());
      return route.abort('blockedbyclient');
    });
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== origin) {
        foreign.push(request.url());
      }
    });

    await page.goto('/');
    await appReady(page);

    // Select an event from the list: the panel opens with the marked sentence.
    await eventList(page).getByRole('button', { name: /G7/ }).click();
    await expect(panel(page)).toBeVisible();
    await expect(panel(page).locator('mark').first()).toBeVisible();
    // Its second source.
    const tabs = panel(page).getByRole('tab');
    if ((await tabs.count()) > 1) {
      await tabs.nth(1).click();
      await expect(panel(page).locator('mark').first()).toBeVisible();
    }
    // Select on the timeline itself.
    await page
      .locator('.vis-item')
      .filter({ hasText: /assumes office/ })
      .first()
      .click();
    await expect(panel(page).getByRole('heading', { level: 2 })).toContainText(/assumes office/);
    // A tooltip (vis-timeline positions it with inline styles, set through the CSSOM).
    await page.locator('.vis-item').filter({ hasText: /G7/ }).first().hover();
    await expect(page.locator('.vis-tooltip')).toBeVisible();

    // Filter, zoom, fit, copy the link.
    await page.getByRole('checkbox', { name: 'Shigeru Ishiba' }).check();
    await expect(page.getByRole('checkbox', { name: 'Shigeru Ishiba' })).toBeChecked();
    await page.getByRole('searchbox', { name: 'Search titles and quotes' }).fill('summit');
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await page.getByRole('button', { name: 'Fit all' }).click();
    await page.getByRole('button', { name: 'Copy link' }).click();
    await page.getByRole('button', { name: 'Clear all' }).click();
    await expect(page.getByRole('checkbox', { name: 'Shigeru Ishiba' })).not.toBeChecked();

    // Reload a deep link cold.
    await page.reload();
    await appReady(page);

    await expectClean(page, trouble);
    expect(foreign, 'requests to other origins').toEqual([]);
  });
});

test.describe('hostile URLs', () => {
  const huge = 'A'.repeat(100_000);
  /** `kept`: valid parts of the link that must still apply (as they appear in the canonical URL). */
  const cases: { name: string; query: string; kept?: Record<string, string> }[] = [
    { name: 'script in event', query: '?event=<script>window.__pwned=1</script>' },
    {
      name: 'encoded img onerror in event and leaders',
      query: `?event=${encodeURIComponent('<img src=x onerror=window.__pwned=1>')}&leaders=${encodeURIComponent('"><svg onload=alert(1)>')}`,
    },
    { name: 'broken percent-encoding', query: '?leaders=%E0%A4%A&event=%&q=%%%' },
    {
      name: 'javascript: in dates',
      query: '?from=javascript:alert(1)&to=javascript:window.__pwned=1&leaders=lee-jae-myung',
      kept: { leaders: 'lee-jae-myung' },
    },
    {
      name: 'repeated keys',
      query:
        '?event=x&event=y&leaders=lee-jae-myung&leaders=a&from=2025-01-01&from=1&match=all&match=none',
      kept: { leaders: 'lee-jae-myung', from: '2025-01-01', match: 'all' },
    },
    {
      name: 'unicode, RTL override and NUL',
      query: `?event=%00%E2%80%AE${encodeURIComponent('𝕏🇰🇷')}&leaders=%D8%A7%D9%84%E2%80%8F,%00&q=%E2%80%AEevil%00`,
    },
    { name: 'prototype keys', query: '?__proto__[polluted]=1&constructor=x&toString=1' },
    {
      name: '100k-character value',
      query: `?event=${huge}&q=${huge}&leaders=lee-jae-myung`,
      kept: { leaders: 'lee-jae-myung' },
    },
  ];

  for (const { name, query, kept } of cases) {
    test(`${name}: loads with a notice, no error, no dialog, no script`, async ({
      page,
      baseURL,
    }) => {
      const trouble = await watch(page);
      if (query.length > 8000) {
        // Node's HTTP server refuses request lines this long (431) before the app could see them;
        // a static host may too. Serve the app's own page for the document request so that the
        // app, not the server, meets the URL.
        const index = await fetch(`${baseURL}/`);
        const headers = Object.fromEntries(index.headers);
        const body = await index.text();
        await page.route(
          (url) => url.search.length > 8000,
          (route) =>
            route.request().resourceType() === 'document'
              ? route.fulfill({ status: 200, headers, body })
              : route.continue(),
        );
      }
      await page.goto(`/${query}`);
      await appReady(page);
      await expect(
        page.getByRole('status').filter({ hasText: /ignored|no event|repeats|shortened/i }),
      ).toBeVisible();
      const params = new URL(page.url()).searchParams;
      for (const [key, value] of Object.entries(kept ?? {})) {
        expect(params.get(key), `the valid ${key}= still applies`).toBe(value);
      }
      // The page still works: clear what the link kept of the filter, then select an event.
      const clear = page.getByRole('button', { name: 'Clear all' });
      if (await clear.isEnabled()) await clear.click();
      await eventList(page).getByRole('button').first().click();
      await expect(panel(page)).toBeVisible();
      expect(await pwned(page)).toBeUndefined();
      expect(await page.evaluate(() => ({}) as Record<string, unknown>)).not.toHaveProperty(
        'polluted',
      );
      await expectClean(page, trouble);
    });
  }
});

test.describe('run-time failures', () => {
  const openG7 = async (page: Page) => {
    await page.goto('/');
    await appReady(page);
    await eventList(page).getByRole('button', { name: /G7/ }).click();
    await expect(panel(page)).toBeVisible();
  };

  const failures: { name: string; fail: Parameters<Page['route']>[1]; message: RegExp }[] = [
    {
      name: '404',
      fail: (route) => route.fulfill({ status: 404, body: 'not found' }),
      message: /not found|404/i,
    },
    {
      name: 'invalid JSON',
      fail: (route) =>
        route.fulfill({ status: 200, contentType: 'application/json', body: '{"id": "x", ' }),
      message: /not valid JSON/i,
    },
    {
      name: 'JSON of the wrong shape',
      fail: (route) =>
        route.fulfill({ status: 200, contentType: 'application/json', body: '{"body": 42}' }),
      message: /./,
    },
    {
      name: 'network timeout',
      fail: (route) => route.abort('timedout'),
      message: /could not reach|network|took longer/i,
    },
  ];

  for (const { name, fail, message } of failures) {
    test(`an article body that fails (${name}) says so, offers Retry, and the app keeps working`, async ({
      page,
    }) => {
      const trouble = await watch(page);
      await page.route('**/data/articles/**', fail);
      await openG7(page);
      const alert = panel(page).getByRole('alert');
      await expect(alert).toContainText(/could not be loaded/i);
      await expect(alert).toContainText(message);
      // The supporting sentence from the timeline data is still there.
      await expect(alert.locator('mark')).not.toBeEmpty();

      // The rest of the app keeps working: filtering still narrows the list.
      const rows = eventList(page).getByRole('listitem');
      const before = await rows.count();
      await page.getByRole('checkbox', { name: 'Shigeru Ishiba' }).check();
      await expect.poll(() => rows.count()).toBeLessThan(before);
      await page.getByRole('checkbox', { name: 'Shigeru Ishiba' }).uncheck();
      await expect.poll(() => rows.count()).toBe(before);

      // Retry works once the request succeeds again.
      await page.unroute('**/data/articles/**');
      await panel(page).getByRole('button', { name: 'Retry' }).click();
      await expect(panel(page).getByRole('alert')).toHaveCount(0);
      await expect(panel(page).locator('.article-body mark')).toBeVisible();
      expect(trouble.pageErrors).toEqual([]);
      expect(await cspViolations(page)).toEqual([]);
    });
  }

  test('a render error shows the error boundary with a way back to the default view', async ({
    page,
  }) => {
    const trouble = await watch(page);
    // Fault injection: text normalisation, which the search filter runs while rendering, throws
    // for one magic word. Nothing else in the app or its libraries meets that word.
    await page.addInitScript(() => {
      const normalize = String.prototype.normalize;
      String.prototype.normalize = function (this: string, form?: string) {
        if (String(this).includes('zzrenderboom')) throw new Error('injected render failure');
        return normalize.call(this, form);
      };
    });
    await page.goto('/?q=zzrenderboom&leaders=lee-jae-myung');
    const alert = page.getByRole('alert');
    await expect(alert.getByRole('heading')).toHaveText(/went wrong/i);
    await expect(alert).toContainText('injected render failure');
    await alert.getByRole('button', { name: /default view/i }).click();
    await appReady(page);
    expect(new URL(page.url()).search).toBe('');
    await expect(page.getByRole('checkbox', { name: 'Lee Jae-myung' })).not.toBeChecked();
    expect(trouble.pageErrors).toEqual([]);
  });

  test.describe('served data (the build that fetches it)', () => {
    test.use({ baseURL: FETCH_BUILD_URL });
    test('timeline data that fails validation shows a clear message, not a white page', async ({
      page,
    }) => {
      const trouble = await watch(page);
      await page.route('**/data/timeline.json', (route) =>
        route.fulfill({
          status: 200,
          contentType: 'application/json',
          body: JSON.stringify({ version: 1, articles: 'nope', events: [{ id: 7 }] }),
        }),
      );
      await page.goto('/');
      const alert = page.getByRole('alert');
      await expect(alert.getByRole('heading')).toHaveText(/invalid/i);
      await expect(alert.getByRole('button', { name: 'Try again' })).toBeVisible();
      expect(trouble.pageErrors).toEqual([]);
    });

    test('timeline data that is not JSON shows a clear message and recovers on Try again', async ({
      page,
    }) => {
      const trouble = await watch(page);
      await page.route('**/data/timeline.json', (route) =>
        route.fulfill({ status: 200, contentType: 'application/json', body: '<html>oops' }),
      );
      await page.goto('/');
      const alert = page.getByRole('alert');
      await expect(alert.getByRole('heading')).toHaveText(/could not be loaded/i);
      await expect(alert).toContainText(/not valid JSON/i);
      await page.unroute('**/data/timeline.json');
      await alert.getByRole('button', { name: 'Try again' }).click();
      await appReady(page);
      expect(trouble.pageErrors).toEqual([]);
    });
  });
});

/**
 * Timeline data with mistakes a broken ingest or a hand edit could make. Each must end in one of two
 * ways: the app draws it, or it refuses it with the clear "invalid" message. Never the error
 * boundary (a crash deep inside), never a page error, never a white page.
 */
test.describe('timeline data with mistakes', () => {
  // Served in place of data/timeline.json, so on the build that fetches it.
  test.use({ baseURL: FETCH_BUILD_URL });
  type Data = {
    version: number;
    articles: { id: string }[];
    actors: { id: string; terms: { start: string; end: string | null }[] }[];
    events: {
      id: string;
      title: string;
      start: string;
      end?: string;
      actors: string[];
      sources: { articleId: string; offset: number }[];
    }[];
    contexts: { start: string; end: string | null }[];
  };
  const mutations: { name: string; mutate: (d: Data) => void }[] = [
    { name: 'no events at all', mutate: (d) => void (d.events = []) },
    { name: 'no articles, no actors', mutate: (d) => void ((d.articles = []), (d.actors = [])) },
    { name: 'an impossible day', mutate: (d) => void (d.events[0]!.start = '2025-02-30') },
    { name: 'an end before the start', mutate: (d) => void (d.events[0]!.end = '1066-01-01') },
    {
      name: 'a year 0001 and a year 9999',
      mutate: (d) => void ((d.events[0]!.start = '0001'), (d.events[1]!.start = '9999')),
    },
    { name: 'an unknown actor', mutate: (d) => void d.events[0]!.actors.push('nobody-at-all') },
    {
      name: 'an unknown article',
      mutate: (d) => void (d.events[0]!.sources[0]!.articleId = 'no-such-article'),
    },
    { name: 'a duplicate event id', mutate: (d) => void (d.events[1]!.id = d.events[0]!.id) },
    { name: 'an event without sources', mutate: (d) => void (d.events[0]!.sources = []) },
    { name: 'a negative quote offset', mutate: (d) => void (d.events[0]!.sources[0]!.offset = -5) },
    {
      name: 'a 100k-character title',
      mutate: (d) => void (d.events[0]!.title = 'x'.repeat(100_000)),
    },
    {
      name: 'a term that ends before it starts',
      mutate: (d) =>
        void (d.actors[0]!.terms = [
          { ...d.actors[0]!.terms[0]!, start: '2030-01-01', end: '1900-01-01' },
        ]),
    },
    {
      name: 'a context far in the future with no end',
      mutate: (d) => void (d.contexts[0] = { ...d.contexts[0]!, start: '2999-01-01', end: null }),
    },
    { name: 'a newer format version', mutate: (d) => void (d.version = 2) },
  ];

  for (const { name, mutate } of mutations) {
    test(`${name}: drawn or refused clearly, never a crash`, async ({ page, baseURL }) => {
      const trouble = await watch(page);
      const real = (await (await fetch(`${baseURL}/data/timeline.json`)).json()) as Data;
      mutate(real);
      await page.route('**/data/timeline.json', (route) =>
        route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(real) }),
      );
      await page.goto('/');
      const drawn = page.getByRole('heading', { name: /^Timeline/ });
      const refused = page.getByRole('alert').getByRole('heading', { name: /invalid/i });
      await expect(drawn.or(refused)).toBeVisible();
      await expect(page.getByText('Something went wrong')).toHaveCount(0);
      if (await drawn.isVisible()) {
        // Drawn: the list and a selection still work.
        const first = eventList(page).getByRole('button').first();
        if ((await first.count()) > 0) {
          await first.click();
          await expect(panel(page)).toBeVisible();
        }
        await expect(page.getByText('Something went wrong')).toHaveCount(0);
      }
      expect(trouble.pageErrors, 'uncaught page errors').toEqual([]);
      expect(await cspViolations(page)).toEqual([]);
    });
  }
});

/**
 * A build from a hostile seeds folder (tests/fixtures/hostile-seeds): its article's title, text and
 * related-reading block are full of markup. It must all show as literal text.
 */
test.describe('hostile article text', () => {
  test.describe.configure({ mode: 'serial' });
  const port = Number(process.env.E2E_HOSTILE_PORT ?? 4175);
  const hostileURL = `http://127.0.0.1:${port}`;
  let server: SeedsServer | null = null;

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    server = await startSeedsServer('tests/fixtures/hostile-seeds', port, 'hostile');
  });

  test.afterAll(() => server?.stop());

  test('markup in the data shows as literal text in the timeline, the list and the panel', async ({
    page,
  }) => {
    const trouble = await watch(page);
    await page.goto(`${hostileURL}/`);
    await appReady(page);

    // The event title built from the text carries a payload: literal in the timeline and the list.
    const payload = '<img src=x onerror=window.__pwned=3>';
    const item = page.locator('.vis-item').filter({ hasText: payload });
    await expect(item.first()).toBeVisible();
    // Its tooltip too.
    await item.first().hover();
    await expect(page.locator('.vis-tooltip')).toContainText(payload);
    const row = eventList(page).getByRole('button', { name: /Tokyo/ });
    await expect(row).toContainText(payload);

    await row.click();
    await expect(panel(page)).toBeVisible();
    await expect(panel(page).getByRole('heading', { level: 2 })).toContainText(payload);
    // The article's own title, with a script tag and entities, is text, in the article and in
    // the list of sources above it.
    const hostileTitle =
      '<script>window.__pwned=1;alert(1)</script> Leaders meet &lt;b&gt;Tokyo&lt;/b&gt; &amp; more';
    await expect(panel(page).getByRole('article').getByRole('heading', { level: 3 })).toHaveText(
      hostileTitle,
    );
    await expect(panel(page).getByRole('region', { name: /^Sources?\b/ })).toContainText(
      hostileTitle,
    );
    const body = panel(page).locator('.article-body');
    await expect(body.locator('mark')).toContainText('<img src=x onerror=window.__pwned=3>');
    await expect(body).toContainText('"<script>window.__pwned=4</script>"');
    await expect(body).toContainText(
      '<a href="javascript:window.__pwned=5">javascript:window.__pwned=5</a>',
    );
    await expect(body).toContainText('&lt;b&gt;bold&lt;/b&gt;');
    await expect(panel(page)).toContainText('<iframe src="javascript:window.__pwned=7"></iframe>');

    // A date link inside the text selects its event (and stays text).
    await body.getByRole('button', { name: /June 12/ }).click();
    await expect(panel(page).getByRole('heading', { level: 2 })).toContainText(/talks/);
    await expect(panel(page).locator('.article-body')).toContainText(
      '<svg onload=window.__pwned=6>',
    );

    // None of the markup became an element anywhere in the page.
    const injected = await page.evaluate(
      () =>
        document.querySelectorAll(
          '#root script, #root iframe, #root svg[onload], #root img[src="x"], #root a[href^="javascript"], #root [onerror], #root [onload]',
        ).length,
    );
    expect(injected).toBe(0);
    expect(await pwned(page)).toBeUndefined();
    await expectClean(page, trouble);
  });
});
