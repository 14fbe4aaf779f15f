/**
 * Waits until this machine's CPUs are quiet before a size's page loads are measured.
 *
 * Each size starts with its own ingest and `vite build` (seconds of full CPU on both cores), and
 * the run used to start with the 10,000-article ingest timing (13 s). Loads measured right after
 * such a burst came out slow, and Ties (more work per load than bare vis-timeline) more so: the
 * 12:53 UTC run of 2026-11-22 measured the seed at 523 ms against bare 338, where the same build a
 * few minutes later, measured alone, gave 368 against 272.
 */
import { cpus } from 'node:os';

function busyAndTotal(): { busy: number; total: number } {
  let busy = 0;
  let total = 0;
  for (const cpu of cpus()) {
    const t = cpu.times;
    const all = t.user + t.nice + t.sys + t.irq + t.idle;
    total += all;
    busy += all - t.idle;
  }
  return { busy, total };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Resolves once the CPUs were at most `maxBusy` (a fraction) busy over two successive 500 ms
 * samples, or after `timeoutMs`. Returns the waited time and the last sample's busy fraction.
 */
export async function waitForQuiet(
  maxBusy = 0.15,
  timeoutMs = 30_000,
): Promise<{ waitedMs: number; busy: number }> {
  const started = performance.now();
  let previous = busyAndTotal();
  let quietSamples = 0;
  let busy = 1;
  while (performance.now() - started < timeoutMs) {
    await sleep(500);
    const now = busyAndTotal();
    const total = now.total - previous.total;
    busy = total > 0 ? (now.busy - previous.busy) / total : 0;
    previous = now;
    quietSamples = busy <= maxBusy ? quietSamples + 1 : 0;
    if (quietSamples >= 2) break;
  }
  return { waitedMs: Math.round(performance.now() - started), busy };
}
