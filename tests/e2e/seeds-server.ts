import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A build of another seeds folder, served by `vite preview` for the tests of one spec file. */
export interface SeedsServer {
  url: string;
  stop: () => void;
}

/**
 * Builds the app from `seeds` (TIES_SEEDS) into a temporary folder and serves it on `port`; waits
 * until its data answers. `what` names the build in errors. Call `stop()` in `afterAll`.
 */
export async function startSeedsServer(
  seeds: string,
  port: number,
  what: string,
): Promise<SeedsServer> {
  const url = `http://127.0.0.1:${port}`;
  const outDir = mkdtempSync(join(tmpdir(), 'ties-e2e-seeds-'));
  const vite = join(process.cwd(), 'node_modules', 'vite', 'bin', 'vite.js');
  const env = { ...process.env, TIES_SEEDS: seeds };
  let server: ChildProcess | null = null;
  const stop = () => {
    if (server?.pid) {
      try {
        process.kill(-server.pid);
      } catch {
        server.kill();
      }
    }
    rmSync(outDir, { recursive: true, force: true });
  };
  const build = spawnSync(
    process.execPath,
    [vite, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
    { env, encoding: 'utf8' },
  );
  if (build.status !== 0) {
    stop();
    throw new Error(`the ${what} build failed:\n${build.stdout}\n${build.stderr}`);
  }
  server = spawn(
    process.execPath,
    [
      vite,
      'preview',
      '--outDir',
      outDir,
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--strictPort',
    ],
    { env, stdio: 'ignore', detached: true },
  );
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`${url}/data/timeline.json`)).ok) return { url, stop };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  stop();
  throw new Error(`the ${what} preview server did not start on port ${port}`);
}
