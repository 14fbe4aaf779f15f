/**
 * CLI: `npm run ingest -- --seeds <dir> --out <dir>`.
 * Writes <out>/timeline.json and <out>/articles/<id>.json; prints a short report; exits 1 listing every
 * problem as file:line: message when any article fails.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { formatReport, outputFiles } from '../src/ingest/output.ts';
import { ingestFolderOrExit } from './ingest-folder.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function usage(): never {
  console.error(
    'usage: npm run ingest -- --seeds <dir> --out <dir>   (defaults: --seeds seeds --out public/data)',
  );
  process.exit(2);
}

const args = process.argv.slice(2);
let seeds = process.env.TIES_SEEDS ?? 'seeds';
let out = 'public/data';
for (let i = 0; i < args.length; i++) {
  const arg = args[i];
  const value = args[i + 1];
  if ((arg === '--seeds' || arg === '--out') && value !== undefined) {
    if (arg === '--seeds') seeds = value;
    else out = value;
    i++;
  } else if (arg === '--help' || arg === '-h') usage();
  else {
    console.error(`unknown argument: ${arg}`);
    usage();
  }
}

const result = ingestFolderOrExit(seeds, root);
const report = formatReport(result, seeds);
if (result.problems.length > 0) {
  console.error(report);
  process.exit(1);
}
const files = outputFiles(result);
const outDir = resolve(out);
mkdirSync(join(outDir, 'articles'), { recursive: true });
for (const old of readdirSync(join(outDir, 'articles'))) {
  if (old.endsWith('.json') && !files.has(`articles/${old}`)) rmSync(join(outDir, 'articles', old));
}
for (const [path, content] of files) writeFileSync(join(outDir, path), content);
console.log(report);
console.log(`wrote ${files.size} file(s) to ${out}`);
