import { defineConfig } from '@playwright/test';
import { CHROME_PATH, CHROMIUM_ARGS } from './scripts/chromium.ts';

const port = Number(process.env.E2E_PORT ?? 4174);
// The browser tests build into their own folder, so `npm run build`, `npm start` or the screenshot
// script running at the same time can never swap the files under a test.
const outDir = 'node_modules/.cache/ties-e2e-dist';
// A second build that lets its own origin frame it (the embed, tests/e2e/embed.spec.ts); the
// first keeps the default, frame-ancestors 'none'.
const embedPort = Number(process.env.E2E_EMBED_PORT ?? 4176);
const embedOutDir = 'node_modules/.cache/ties-e2e-embed-dist';
// A second build that fetches data/timeline.json at run time (as builds of a very large index do,
// docs/decisions/0014-data-import.md): the tests that serve other timeline data in its place run
// against it (tests/e2e/fixtures.ts, FETCH_BUILD_URL).
const fetchPort = Number(process.env.E2E_FETCH_PORT ?? 4177);
const fetchOutDir = 'node_modules/.cache/ties-e2e-dist-fetch';

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    timezoneId: 'UTC',
    locale: 'en-US',
    launchOptions: {
      executablePath: CHROME_PATH,
      args: CHROMIUM_ARGS,
    },
  },
  webServer: [
    {
      command: `npx vite build --outDir ${outDir} --emptyOutDir && npx vite preview --outDir ${outDir} --host 127.0.0.1 --port ${port} --strictPort`,
      url: `http://127.0.0.1:${port}`,
      // The default build, whatever the caller's environment says.
      env: { TIES_FRAME_ANCESTORS: '' },
      reuseExistingServer: false,
      timeout: 120_000,
    },
    {
      command: `npx vite build --outDir ${embedOutDir} --emptyOutDir --logLevel warn && npx vite preview --outDir ${embedOutDir} --host 127.0.0.1 --port ${embedPort} --strictPort`,
      url: `http://127.0.0.1:${embedPort}`,
      env: { TIES_FRAME_ANCESTORS: "'self'" },
      reuseExistingServer: false,
      timeout: 120_000,
    },
    {
      command: `npx vite build --outDir ${fetchOutDir} --emptyOutDir && npx vite preview --outDir ${fetchOutDir} --host 127.0.0.1 --port ${fetchPort} --strictPort`,
      env: { TIES_TIMELINE_LOAD: 'fetch', TIES_FRAME_ANCESTORS: '' },
      url: `http://127.0.0.1:${fetchPort}`,
      reuseExistingServer: false,
      timeout: 180_000,
    },
  ],
});
