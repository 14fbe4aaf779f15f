/**
 * Vite plugin: runs the ingest on `seeds/` (or the folder named by env TIES_SEEDS) at build start.
 * - build: fails with the full report when any article fails; emits `data/timeline.json` and
 *   `data/articles/<id>.json` as assets (compact JSON: `npm run ingest` writes the indented form).
 * - the timeline index also enters the module graph (docs/decisions/0014-data-import.md):
 *   `virtual:ties/timeline` tells the app how to load it. Up to IMPORT_MAX_BYTES of compact JSON
 *   (or with TIES_TIMELINE_LOAD=import) it imports `virtual:ties/timeline-data`, a chunk of its own
 *   (`assets/timeline-data-<hash>.js`, `export default JSON.parse("…")`) that index.html preloads;
 *   above it (or with TIES_TIMELINE_LOAD=fetch) the app fetches `data/timeline.json` as before.
 * - dev: serves the same files from memory under `/data/`, re-ingests and reloads the page when a file in
 *   the seeds folder changes (a failing ingest is shown in the terminal, the error overlay and as HTTP 500).
 */
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HtmlTagDescriptor, Plugin, ViteDevServer } from 'vite';
import { ingest } from '../src/ingest/ingest.ts';
import { formatReport, outputFiles } from '../src/ingest/output.ts';
import { readSeedsFolder } from '../src/ingest/read-folder.ts';
import type { IngestResult } from '../src/ingest/types.ts';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface IngestPluginOptions {
  /** Seeds folder; defaults to env TIES_SEEDS, then `seeds`. */
  seeds?: string;
  /**
   * How the app gets the timeline index: `import` (through the module graph), `fetch` (run-time
   * request of data/timeline.json) or `auto` (import up to IMPORT_MAX_BYTES). Defaults to env
   * TIES_TIMELINE_LOAD, then `auto`.
   */
  load?: TimelineLoad;
}

export type TimelineLoad = 'import' | 'fetch' | 'auto';

/**
 * Largest compact timeline.json that `auto` imports; larger ones are fetched. Measured in
 * docs/decisions/0014-data-import.md.
 */
export const IMPORT_MAX_BYTES = 2_000_000;

/** The module the app imports: says how to load the timeline, and loads it. */
export const SOURCE_ID = 'virtual:ties/timeline';
/** The timeline index as a module of its own (a chunk of its own in the build). */
export const DATA_ID = 'virtual:ties/timeline-data';
const DATA_CHUNK_NAME = 'timeline-data';

/** The code of `virtual:ties/timeline` (`imported`: whether the data comes through the graph). */
export function sourceModule(imported: boolean): string {
  return imported
    ? `export const imported = true;\nexport const loadImported = () => import(${JSON.stringify(DATA_ID)}).then((m) => m.default);\n`
    : `export const imported = false;\nexport const loadImported = null;\n`;
}

/**
 * The code of `virtual:ties/timeline-data`: the compact JSON as one string parsed with
 * JSON.parse (what Vite's `json.stringify` emits; V8 parses JSON faster than an object literal).
 */
export function dataModule(json: string): string {
  return `export default JSON.parse(${JSON.stringify(json)});\n`;
}

export function decideImport(load: TimelineLoad, jsonBytes: number): boolean {
  if (load === 'import') return true;
  if (load === 'fetch') return false;
  return jsonBytes <= IMPORT_MAX_BYTES;
}

function timelineLoad(value: string | undefined): TimelineLoad {
  if (value === undefined || value === '') return 'auto';
  if (value === 'import' || value === 'fetch' || value === 'auto') return value;
  throw new Error(`TIES_TIMELINE_LOAD should be import, fetch or auto, not "${value}"`);
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
  let load: TimelineLoad = 'auto';
  let base = '/';

  /** Whether the app imports the timeline now (never while the ingest has problems). */
  const imported = (): boolean => {
    const json = files.get('timeline.json');
    if (last === null || last.problems.length > 0 || json === undefined) return false;
    return decideImport(load, Buffer.byteLength(json));
  };

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
      load = options.load ?? timelineLoad(process.env.TIES_TIMELINE_LOAD);
      base = config.base;
    },
    resolveId(id) {
      if (id === SOURCE_ID || id === DATA_ID) return `\0${id}`;
      return null;
    },
    load(id) {
      if (id === `\0${SOURCE_ID}`) {
        if (last === null && !isTest) run();
        return sourceModule(imported());
      }
      if (id === `\0${DATA_ID}`) {
        if (last === null && !isTest) run();
        const json = files.get('timeline.json');
        // Only reachable through sourceModule(true); an ingest that failed since then shows as
        // a module error (dev overlay), never as stale data.
        if (json === undefined) this.error('Ties ingest failed: no timeline to import');
        return dataModule(json);
      }
      return null;
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
        // A chunk of its own, named so that index.html can preload it (below).
        if (imported()) this.emitFile({ type: 'chunk', id: DATA_ID, name: DATA_CHUNK_NAME });
      }
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (isTest) return html;
        if (last === null) run();
        const named = nameRelationship(html);
        // The first frame needs the timeline data: its download starts with the entry script's,
        // not once the entry has been evaluated and asks for it.
        if (!imported()) {
          return {
            html: named,
            tags: [
              {
                tag: 'link',
                attrs: {
                  rel: 'preload',
                  href: `${base}data/timeline.json`,
                  as: 'fetch',
                  crossorigin: true,
                },
                injectTo: 'head',
              },
            ],
          };
        }
        const tags: HtmlTagDescriptor[] = [];
        for (const chunk of Object.values(ctx.bundle ?? {})) {
          if (chunk.type !== 'chunk' || chunk.facadeModuleId !== `\0${DATA_ID}`) continue;
          tags.push({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `${base}${chunk.fileName}` },
            injectTo: 'head',
          });
        }
        return { html: named, tags };
      },
    },
    configureServer(server: ViteDevServer) {
      server.watcher.add(seedsDir);
      const onChange = (file: string) => {
        if (!inSeeds(file)) return;
        const result = run();
        for (const id of [SOURCE_ID, DATA_ID]) {
          const module = server.moduleGraph.getModuleById(`\0${id}`);
          if (module) server.moduleGraph.invalidateModule(module);
        }
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
