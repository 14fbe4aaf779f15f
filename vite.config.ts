import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { cspPlugin } from './scripts/vite-plugin-csp.ts';
import { ingestPlugin } from './scripts/vite-plugin-ingest.ts';
import { staticPagesPlugin } from './scripts/vite-plugin-static-pages.ts';

export default defineConfig({
  base: './',
  plugins: [react(), ingestPlugin(), cspPlugin(), staticPagesPlugin()],
  server: { host: '127.0.0.1', port: 5173 },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'tests/unit/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
    environment: 'node',
    // A hang guard, not a speed limit: several tests run whole ingests or spawn the CLI, and CI
    // machines may be busy. Speed is measured by `npm run bench`.
    testTimeout: 30_000,
  },
});
