/**
 * CLI: `npm run export -- --format csv|json|ics --out <file> [--seeds <dir>] [--base-url <url>]`.
 * Runs the ingest on the seeds folder (default `seeds`, or env TIES_SEEDS) and writes every event,
 * the undated ones included (CSV and JSON; a calendar holds dated events only), with its sources
 * and deep link, through the same pure functions as the app's Export menu
 * (`src/features/export/`). Deep links are built on `--base-url` (default http://127.0.0.1:4173/,
 * where `npm start` serves the app). `--out -` writes to standard output.
 */
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportRecords } from '../src/features/export/export-records.ts';
import { exportScope } from '../src/features/export/export-scope.ts';
import { toCsv } from '../src/features/export/to-csv.ts';
import { toIcs } from '../src/features/export/to-ics.ts';
import { toJson } from '../src/features/export/to-json.ts';

import { formatReport } from '../src/ingest/output.ts';
import { ingestFolderOrExit } from './ingest-folder.ts';
import { sortEvents } from '../src/lib/event-dates.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const FORMATS = ['csv', 'json', 'ics'] as const;
type Format = (typeof FORMATS)[number];

function usage(message?: string): never {
  if (message) console.error(`export: ${message}`);
  console.error(
    'usage: npm run export -- --format csv|json|ics --out <file> [--seeds <dir>] [--base-url <url>]\n' +
      '  --out -     write to standard output\n' +
      '  --seeds     the articles folder (default: seeds, or env TIES_SEEDS)\n' +
      '  --base-url  where the app is served, for the deep links (default: http://127.0.0.1:4173/)',
  );
  process.exit(2);
}

const args = process.argv.slice(2);
let format: Format | null = null;
let out: string | null = null;
let seeds = process.env.TIES_SEEDS || 'seeds';
let baseUrl = 'http://127.0.0.1:4173/';
for (let i = 0; i < args.length; i++) {
  const arg = args[i]!;
  if (arg === '--help' || arg === '-h') usage();
  const value = args[i + 1];
  if (!['--format', '--out', '--seeds', '--base-url'].includes(arg))
    usage(`unknown argument: ${arg}`);
  if (value === undefined) usage(`${arg} needs a value`);
  i++;
  if (arg === '--format') {
    if (!(FORMATS as readonly string[]).includes(value)) {
      usage(`--format must be csv, json or ics, not “${value}”`);
    }
    format = value as Format;
  } else if (arg === '--out') out = value;
  else if (arg === '--seeds') seeds = value;
  else baseUrl = value;
}
if (!format) usage('--format is required');
if (!out) usage('--out is required');
let base: URL;
try {
  base = new URL(baseUrl);
  if (base.protocol !== 'http:' && base.protocol !== 'https:') throw new Error('not http(s)');
} catch {
  usage(`--base-url must be an http or https URL, not “${baseUrl}”`);
}

const result = ingestFolderOrExit(seeds, root);
if (!result.timeline) {
  console.error(formatReport(result, seeds));
  process.exit(1);
}
const data = result.timeline;
const actors = new Map(data.actors.map((a) => [a.id, a]));
const records = exportRecords(sortEvents(data.events), data.undated, {
  articles: new Map(data.articles.map((a) => [a.id, a])),
  actors,
  baseUrl: base.href,
});
const scope = exportScope('all', { leaders: [], match: 'any', q: '' }, actors, null);
const content =
  format === 'csv'
    ? toCsv(records)
    : format === 'json'
      ? toJson(records, scope)
      : toIcs(records, { scope, now: new Date(), uidHost: base.hostname });

if (out === '-') process.stdout.write(content);
else writeFileSync(out, content);

const dated = data.events.length;
const undated = data.undated.length;
const summary =
  format === 'ics'
    ? `export: ${dated} dated event(s) as ics${undated > 0 ? `; ${undated} undated event(s) left out (a calendar needs a date)` : ''}`
    : `export: ${dated} event(s) and ${undated} undated as ${format}`;
console.error(`${summary}${out === '-' ? '' : ` to ${out}`}`);
