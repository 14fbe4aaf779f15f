/**
 * Which of two builds draws its first frame sooner? A diagnostic companion to `npm run bench`.
 *
 *   npx vite build --outDir /tmp/a          # (on the old code)
 *   npx vite build --outDir /tmp/b          # (on the new code)
 *   npx tsx bench/ab.ts /tmp/a /tmp/b [pairs=21] [--outside]
 *
 * Serves both builds side by side and loads them in alternating order, a pair at a time, in
 * fresh browser contexts; prints each build's median and quartiles and the median of the paired
 * differences (b − a). Pairs cancel the machine's slow and fast stretches, which move single loads
 * by ±25 % on the 2-core development machine. Still, one build against itself (21 pairs) came out
 * 21 ms apart: read differences under ~25 ms as noise. With `--outside`, each load is timed by the
 * outside clock instead (page.goto → two frames after the first event is in the DOM, on this
 * process's clock; bench/lib/measure.ts, measureOutside).
 */
import { launchBrowser, measureLoad, measureOutside, newBenchPage } from './lib/measure.ts';
import { serveStatic } from './lib/server.ts';

const outside = process.argv.includes('--outside');
const [dirA, dirB, pairsArg] = process.argv.slice(2).filter((a) => a !== '--outside');
const pairs = Number(pairsArg ?? 21);
if (!dirA || !dirB || !Number.isInteger(pairs) || pairs < 1) {
  console.error('usage: npx tsx bench/ab.ts <build A> <build B> [pairs] [--outside]');
  process.exit(2);
}

const quantile = (values: number[], q: number): number => {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))]!;
};

const server = await serveStatic({ '/a/': dirA, '/b/': dirB });
const browser = await launchBrowser();
const times: Record<'a' | 'b', number[]> = { a: [], b: [] };
try {
  for (let i = 0; i <= pairs; i += 1) {
    for (const key of i % 2 ? (['a', 'b'] as const) : (['b', 'a'] as const)) {
      const page = await newBenchPage(browser);
      try {
        const url = `${server.origin}/${key}/`;
        const ms = outside
          ? await measureOutside(page, 'ties', url, 60_000)
          : (await measureLoad(page, 'ties', url, 60_000)).firstFrame;
        // Pair 0 is a warm-up for both builds, not counted.
        if (i > 0) times[key].push(ms);
      } finally {
        await page.context().close();
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}
for (const key of ['a', 'b'] as const) {
  const t = times[key];
  console.log(
    `${key} ${key === 'a' ? dirA : dirB}: ${outside ? 'outside clock' : 'first frame'} median ${quantile(t, 0.5).toFixed(0)} ms (quartiles ${quantile(t, 0.25).toFixed(0)}–${quantile(t, 0.75).toFixed(0)})`,
  );
}
const diffs = times.a.map((x, i) => times.b[i]! - x);
console.log(`median of paired differences (b − a): ${quantile(diffs, 0.5).toFixed(1)} ms`);
