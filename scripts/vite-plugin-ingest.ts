/**
 * Vite plugin: runs the ingest on `seeds/` (or the folder named by env TIES_SEEDS) at build start.
 * - build: fails with the full report when any article fails; emits `data/timeline.json` and
 *   `data/articles/<id>.json` as assets (compact JSON: `npm run ingest` writes the indented form).
 * - dev: serves the same files from memory under `/data/`, re-ingests and reloads the page when a file in
 *   the seeds folder changes (a failing ingest is shown in the terminal, the error overlay and as HTTP 500).
 */
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin, ViteDevServer } from 'vite';
import { ingest } from '../src/ingest/ingest.ts';
import { formatReport, outputFiles } from '../src/ingest/output.ts';
import { readSeedsFolder } from '../src/ingest/read-folder.ts';
import type { IngestResult } from '../src/ingest/types.ts';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface IngestPluginOptions {
  /** Seeds folder; defaults to env TIES_SEEDS, then `seeds`. */
  seeds?: string;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function ingestPlugin(options: IngestPluginOptions = {}): Plugin {
  let seedsDir = '';
  let seedsLabel = '';
  let files = new Map<string, string>();
  let last: IngestResult | null = null;
  let isBuild = false;
  /** Vitest loads vite.config.ts too: no ingest there. */
  let isTest = false;

  const run = (): IngestResult => {
    try {
      const folder = readSeedsFolder(
        seedsDir,
        join(projectRoot, 'seeds', 'actors.json'),
        join(projectRoot, 'seeds', 'relationship.json'),
      );
      last = ingest(folder.input, { actorsLabel: folder.actorsLabel });
    } catch (error) {
      last = {
        timeline: null,
        bodies: [],
        warnings: [],
        problems: [
          {
            file: '.',
            line: 1,
            message: `cannot read the seeds folder ${seedsDir}: ${error instanceof Error ? error.message : String(error)}`,
          },
        ],
      };
    }
    files = outputFiles(last, 'compact');
    return last;
  };

  const inSeeds = (file: string) => resolve(file).startsWith(seedsDir + sep);

  /** The page's title and description name the relationship of the seeds (its title, as text). */
  const nameRelationship = (html: string): string => {
    const title = last?.timeline?.relationship.title;
    if (!title) return html;
    const text = escapeHtml(title);
    return html
      .replace(/<title>[^<]*<\/title>/, `<title>Ties — ${text}, from the articles</title>`)
      .replace(/the relations between two countries/, text);
  };

  return {
    name: 'ties-ingest',
    configResolved(config) {
      isBuild = config.command === 'build';
      isTest = config.mode === 'test';
      seedsLabel = options.seeds ?? process.env.TIES_SEEDS ?? 'seeds';
      seedsDir = resolve(config.root, seedsLabel);
    },
    buildStart() {
      if (isTest) return;
      const result = run();
      const report = formatReport(result, seedsLabel);
      if (result.problems.length > 0) {
        if (isBuild) this.error(`Ties ingest failed:\n${report}`);
        else console.error(report);
        return;
      }
      console.log(report);
      if (isBuild) {
        for (const [path, content] of files) {
          this.emitFile({ type: 'asset', fileName: `data/${path}`, source: content });
        }
      }
    },
    transformIndexHtml(html) {
      if (isTest) return html;
      if (last === null) run();
      return nameRelationship(html);
    },
    configureServer(server: ViteDevServer) {
      server.watcher.add(seedsDir);
      const onChange = (file: string) => {
        if (!inSeeds(file)) return;
        const result = run();
        const report = formatReport(result, seedsLabel);
        if (result.problems.length > 0) {
          server.config.logger.error(report);
          server.ws.send({
            type: 'error',
            err: { message: `Ties ingest failed:\n${report}`, stack: '' },
          });
        } else {
          server.config.logger.info(report);
          server.ws.send({ type: 'full-reload' });
        }
      };
      server.watcher.on('change', onChange);
      server.watcher.on('add', onChange);
      server.watcher.on('unlink', onChange);
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '').split('?')[0]!;
        const match = /\/data\/(timeline\.json|articles\/[^/]+\.json)$/.exec(path);
        if (!match) return next();
        if (last === null) run();
        if (last !== null && last.problems.length > 0) {
          res.statusCode = 500;
          res.setHeader('Content-Type', 'text/plain; charset=utf-8');
          res.end(`Ties ingest failed:\n${formatReport(last, seedsLabel)}\n`);
          return;
        }
        const content = files.get(decodeURIComponent(match[1]!));
        if (content === undefined) {
          res.statusCode = 404;
          res.setHeader('Content-Type', 'text/plain; charset=utf-8');
          res.end('not found\n');
          return;
        }
        res.setHeader('Content-Type', 'application/json; charset=utf-8');
        res.setHeader('Cache-Control', 'no-store');
        res.end(content);
      });
    },
  };
}
