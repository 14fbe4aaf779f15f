/**
 * `npm run eval [-- --corpus <dir>] [--json <file>] [--verbose]`
 *
 * Measures the ingest against the development corpus (`../shared/corpus`, see its README.md): runs
 * `ingest()` on the project's seeds plus every corpus article, then compares the output with each
 * `NN-slug.expect.json` (matching rules in scripts/eval-match.ts). It is a measurement, not a gate: exit 0
 * whatever the scores; exit 1 only when the corpus cannot be read or the ingest reports problems.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ingest } from '../src/ingest/ingest.ts';
import type { InputFile } from '../src/ingest/types.ts';
import {
  assignEvents,
  compareLeaders,
  dateRight,
  datesUndated,
  describeExpectedDate,
  describeOutputDate,
  inventsDay,
  isUndatedOutput,
  matchSentence,
  partialPrecision,
  summarySaysPlanned,
  titleProxy,
  type ActorNames,
  type ExpectFile,
  type ExpectedEvent,
  type OutEvent,
  type OutSource,
  type SentenceMatch,
} from './eval-match.ts';

const root = resolve(import.meta.dirname, '..');

// ---------------------------------------------------------------------------------------------------------
// Arguments

function usage(code: number): never {
  const text =
    'usage: npm run eval -- [--corpus <dir>] [--json <file>] [--verbose]   (default corpus: ../shared/corpus)';
  if (code === 0) console.log(text);
  else console.error(text);
  process.exit(code);
}

let corpusDir = resolve(root, '../shared/corpus');
let jsonOut: string | null = null;
let verbose = false;
{
  const args = process.argv.slice(2);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = args[i + 1];
    if ((arg === '--corpus' || arg === '--json') && value !== undefined) {
      if (arg === '--corpus') corpusDir = resolve(value);
      else jsonOut = resolve(value);
      i++;
    } else if (arg === '--verbose' || arg === '-v') verbose = true;
    else if (arg === '--help' || arg === '-h') usage(0);
    else {
      console.error(`unknown argument: ${arg}`);
      usage(2);
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// Reading the seeds and the corpus

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function readTxtFiles(dir: string): InputFile[] {
  return readdirSync(dir)
    .filter((name) => name.toLowerCase().endsWith('.txt') && statSync(join(dir, name)).isFile())
    .sort()
    .map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(dir, name))) }));
}

/** As the ingest reads a body: BOM removed, CRLF/CR normalised to LF. */
function bodyText(bytes: Uint8Array): string {
  return new TextDecoder('utf-8')
    .decode(bytes)
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n');
}

const idOf = (name: string) => name.replace(/\.txt$/i, '');

const seedsDir = join(root, 'seeds');
const seedFiles = readTxtFiles(seedsDir);
const actorsPath = join(seedsDir, 'actors.json');

let corpusFiles: InputFile[];
const expectations = new Map<string, ExpectFile>();
const notes: string[] = [];
try {
  if (!existsSync(corpusDir) || !statSync(corpusDir).isDirectory())
    fail(`${corpusDir}: corpus folder not found (use --corpus <dir>)`);
  corpusFiles = readTxtFiles(corpusDir);
  if (corpusFiles.length === 0) fail(`${corpusDir}: no .txt articles in the corpus`);
  for (const f of corpusFiles) {
    const id = idOf(f.name);
    const path = join(corpusDir, `${id}.expect.json`);
    if (!existsSync(path)) {
      notes.push(`${f.name}: no ${id}.expect.json: ingested but not scored`);
      continue;
    }
    let parsed: ExpectFile;
    try {
      parsed = JSON.parse(readFileSync(path, 'utf8')) as ExpectFile;
    } catch (error) {
      fail(`${path}: cannot parse: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (!Array.isArray(parsed.events)) fail(`${path}: no events array`);
    expectations.set(id, parsed);
  }
} catch (error) {
  fail(
    `${corpusDir}: cannot read the corpus: ${error instanceof Error ? error.message : String(error)}`,
  );
}

const seedIds = new Set(seedFiles.map((f) => idOf(f.name)));
const corpusIds = new Set(corpusFiles.map((f) => idOf(f.name)));
for (const id of corpusIds) {
  if (seedIds.has(id)) fail(`${id}: a corpus article has the same id as a seed article`);
}

// Checks of the expectation files themselves: what the matching relies on.
const PRECISIONS = new Set(['year', 'month', 'day', 'range', 'bounded', 'unknown']);
for (const f of corpusFiles) {
  const id = idOf(f.name);
  const exp = expectations.get(id);
  if (!exp) continue;
  const body = bodyText(f.bytes);
  exp.events.forEach((e, i) => {
    const where = `${id} #${i + 1}`;
    if (!PRECISIONS.has(e.precision)) notes.push(`${where}: unknown precision "${e.precision}"`);
    if (!body.includes(e.supporting_sentence))
      notes.push(`${where}: supporting_sentence is not an exact substring of the body`);
    if (['year', 'month', 'day'].includes(e.precision) && partialPrecision(e.date) !== e.precision)
      notes.push(`${where}: date ${e.date} does not have precision ${e.precision}`);
    if (e.precision === 'unknown' && e.date != null)
      notes.push(`${where}: precision unknown but date ${e.date}`);
    if (e.precision === 'range' && (e.date == null || e.end == null))
      notes.push(`${where}: range without both ends`);
  });
}

// ---------------------------------------------------------------------------------------------------------
// Running the ingest

const input = {
  articles: [...seedFiles, ...corpusFiles],
  actors: existsSync(actorsPath)
    ? { name: 'actors.json', bytes: new Uint8Array(readFileSync(actorsPath)) }
    : null,
  relationship: {
    name: 'relationship.json',
    bytes: new Uint8Array(readFileSync(join(seedsDir, 'relationship.json'))),
  },
};
const t0 = performance.now();
const result = ingest(input, { actorsLabel: 'seeds/actors.json' });
const ingestMs = performance.now() - t0;

if (result.problems.length > 0 || !result.timeline) {
  console.error(`ingest reported ${result.problems.length} problem(s):`);
  for (const p of result.problems) console.error(`  ${p.file}:${p.line}: ${p.message}`);
  process.exit(1);
}
const timeline = result.timeline;

/** What the eval reads of an undated event (`timeline.undated` may not exist yet). */
interface UndatedLike {
  id: string;
  title: string;
  kind?: string;
  actors?: string[];
  place?: string | null;
  sources?: OutSource[];
  reason?: string;
  planned?: boolean;
}
/** What the eval reads of a dated event (`planned` may not exist yet). */
interface DatedLike {
  id: string;
  title: string;
  start?: string;
  end?: string;
  dateKind?: string;
  actors?: string[];
  sources?: OutSource[];
  planned?: boolean;
}

const dated = timeline.events as unknown as DatedLike[];
const undatedRaw = (timeline as unknown as { undated?: UndatedLike[] }).undated ?? [];
const outEvents: OutEvent[] = [
  ...dated.map((e) => ({
    id: e.id,
    title: e.title,
    start: e.start ?? null,
    end: e.end ?? null,
    dateKind: e.dateKind ?? null,
    undated: false,
    actors: e.actors ?? [],
    sources: e.sources ?? [],
    ...(e.planned !== undefined ? { planned: e.planned } : {}),
  })),
  ...undatedRaw.map((e) => ({
    id: e.id,
    title: e.title,
    start: null,
    end: null,
    dateKind: null,
    undated: true,
    actors: e.actors ?? [],
    sources: e.sources ?? [],
    ...(e.planned !== undefined ? { planned: e.planned } : {}),
  })),
];
const actorsById = new Map<string, ActorNames>(
  timeline.actors.map((a) => [a.id, { id: a.id, name: a.name, aliases: a.aliases ?? [] }]),
);
const publishedById = new Map(timeline.articles.map((a) => [a.id, a.published]));

// ---------------------------------------------------------------------------------------------------------
// Scoring

interface Outcome {
  file: string;
  index: number;
  summary: string;
  expectedDate: string;
  precision: string;
  leaders: string[];
  sentence: string;
  candidates: number;
  found: boolean;
  sentenceMatch: SentenceMatch | null;
  eventId: string | null;
  title: string | null;
  gotDate: string | null;
  dateRight: boolean;
  leadersExact: boolean;
  leadersSuperset: boolean;
  leadersGot: string[];
  leadersMissing: string[];
  leadersExtra: string[];
  titleOk: boolean;
  titleReasons: string[];
  inventedDay: boolean;
  datedUndated: boolean;
  plannedExpected: boolean;
  plannedMarked: boolean | null;
  /** Another expected event of the same file was given the same output event. */
  sharesEvent: boolean;
}

interface FileRow {
  file: string;
  expected: number;
  found: number;
  partial: number;
  rightDate: number;
  titleOk: number;
  leadersExact: number;
  leadersSuperset: number;
  extracted: number;
  extra: number;
  inventedDays: number;
  datedUndated: number;
  unknownExpected: number;
  unknownFound: number;
  unknownKept: number;
  plannedExpected: number;
  plannedMarked: number;
  publishedExpected: string | null;
  publishedGot: string | null;
  publishedOk: boolean;
}

function sourceMatchesAnExpectation(source: OutSource): boolean {
  const exp = expectations.get(source.articleId);
  if (!exp) return false;
  return exp.events.some((e) => matchSentence(source.quote, e.supporting_sentence) !== null);
}

const corpusSources = (e: OutEvent) => e.sources.filter((s) => corpusIds.has(s.articleId));
const extractedFromCorpus = outEvents.filter((e) => corpusSources(e).length > 0);
const extraEvents = extractedFromCorpus.filter(
  (e) => !corpusSources(e).some((s) => sourceMatchesAnExpectation(s)),
);
const extraIds = new Set(extraEvents.map((e) => e.id));

const outcomes: Outcome[] = [];
const rows: FileRow[] = [];
const assignedIds = new Set<string>();

for (const f of corpusFiles) {
  const id = idOf(f.name);
  const exp = expectations.get(id);
  if (!exp) continue;
  const assignments = assignEvents(exp.events, id, outEvents, actorsById);
  const fileOutcomes: Outcome[] = assignments.map((a) => {
    const e = exp.events[a.expectedIndex] as ExpectedEvent;
    const ev = a.candidate?.event ?? null;
    if (ev) assignedIds.add(ev.id);
    const leaders = ev ? compareLeaders(e.leaders, ev.actors, actorsById) : null;
    const title = ev ? titleProxy(ev.title, e.summary) : null;
    return {
      file: id,
      index: a.expectedIndex + 1,
      summary: e.summary,
      expectedDate: describeExpectedDate(e),
      precision: e.precision,
      leaders: e.leaders,
      sentence: e.supporting_sentence,
      candidates: a.candidates,
      found: ev !== null,
      sentenceMatch: a.candidate?.match ?? null,
      eventId: ev?.id ?? null,
      title: ev?.title ?? null,
      gotDate: ev ? describeOutputDate(ev) : null,
      dateRight: ev ? dateRight(e, ev) : false,
      leadersExact: leaders?.exact ?? false,
      leadersSuperset: leaders?.superset ?? false,
      leadersGot: leaders?.got ?? [],
      leadersMissing: leaders?.missing ?? [],
      leadersExtra: leaders?.extra ?? [],
      titleOk: title?.ok ?? false,
      titleReasons: title?.reasons ?? [],
      inventedDay: ev ? inventsDay(e, ev) : false,
      datedUndated: ev ? datesUndated(e, ev) : false,
      plannedExpected: summarySaysPlanned(e.summary),
      plannedMarked: ev ? ev.planned === true : null,
      sharesEvent: false,
    };
  });
  const uses = new Map<string, number>();
  for (const o of fileOutcomes) if (o.eventId) uses.set(o.eventId, (uses.get(o.eventId) ?? 0) + 1);
  for (const o of fileOutcomes)
    o.sharesEvent = o.eventId !== null && (uses.get(o.eventId) ?? 0) > 1;
  outcomes.push(...fileOutcomes);
  const fromFile = outEvents.filter((e) => e.sources.some((s) => s.articleId === id));
  const count = (p: (o: Outcome) => boolean) => fileOutcomes.filter(p).length;
  const publishedGot = publishedById.get(id) ?? null;
  rows.push({
    file: id,
    expected: fileOutcomes.length,
    found: count((o) => o.found),
    partial: count((o) => o.sentenceMatch === 'partial'),
    rightDate: count((o) => o.dateRight),
    titleOk: count((o) => o.titleOk),
    leadersExact: count((o) => o.leadersExact),
    leadersSuperset: count((o) => o.leadersSuperset),
    extracted: fromFile.length,
    extra: fromFile.filter((e) => extraIds.has(e.id)).length,
    inventedDays: count((o) => o.inventedDay),
    datedUndated: count((o) => o.datedUndated),
    unknownExpected: count((o) => o.precision === 'unknown'),
    unknownFound: count((o) => o.precision === 'unknown' && o.found),
    unknownKept: count((o) => o.precision === 'unknown' && o.found && o.dateRight),
    plannedExpected: count((o) => o.plannedExpected),
    plannedMarked: count((o) => o.plannedExpected && o.plannedMarked === true),
    publishedExpected: exp.expected_published,
    publishedGot,
    publishedOk: publishedGot === exp.expected_published,
  });
}

/** Output events from an expected sentence that no expected event took (duplicates, split events). */
const unassignedFromSentences = extractedFromCorpus.filter(
  (e) => !extraIds.has(e.id) && !assignedIds.has(e.id),
);

const sum = (k: keyof FileRow) => rows.reduce((n, r) => n + (r[k] as number), 0);
const totals = {
  files: rows.length,
  expected: sum('expected'),
  found: sum('found'),
  partial: sum('partial'),
  rightDate: sum('rightDate'),
  titleOk: sum('titleOk'),
  leadersExact: sum('leadersExact'),
  leadersSuperset: sum('leadersSuperset'),
  extractedFromCorpus: extractedFromCorpus.length,
  matchedExtracted: extractedFromCorpus.length - extraEvents.length,
  extra: extraEvents.length,
  unassignedFromSentences: unassignedFromSentences.length,
  inventedDays: sum('inventedDays'),
  datedUndated: sum('datedUndated'),
  unknownExpected: sum('unknownExpected'),
  unknownFound: sum('unknownFound'),
  unknownKept: sum('unknownKept'),
  plannedExpected: sum('plannedExpected'),
  plannedMarked: sum('plannedMarked'),
  publishedOk: rows.filter((r) => r.publishedOk).length,
  sharingAnEvent: outcomes.filter((o) => o.sharesEvent).length,
  undatedOutput: undatedRaw.length,
  datedOutput: dated.length,
};

// ---------------------------------------------------------------------------------------------------------
// Report

const pct = (n: number, d: number) => (d === 0 ? '-' : `${((100 * n) / d).toFixed(1)}%`);
const frac = (n: number, d: number) => `${n}/${d} (${pct(n, d)})`;
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const out: string[] = [];
const say = (line = '') => out.push(line);

say(`Ties ingest eval: corpus ${corpusDir}`);
say(
  `ingest of ${seedFiles.length} seed + ${corpusFiles.length} corpus article(s): ${ingestMs.toFixed(0)} ms; ` +
    `${dated.length} dated event(s), ${undatedRaw.length} undated` +
    (Array.isArray((timeline as unknown as { undated?: unknown }).undated)
      ? ''
      : ' (output has no `undated` field yet)') +
    `, ${result.warnings.length} warning(s)`,
);
say();

const header = [
  'file',
  'exp',
  'found',
  'date',
  'title*',
  'leaders',
  'extra',
  'inv.day',
  'published',
];
const table: string[][] = rows.map((r) => [
  r.file,
  String(r.expected),
  `${r.found}${r.partial ? ` (${r.partial}p)` : ''}`,
  String(r.rightDate),
  String(r.titleOk),
  `${r.leadersExact}${r.leadersSuperset ? ` (+${r.leadersSuperset}⊇)` : ''}`,
  `${r.extra}/${r.extracted}`,
  String(r.inventedDays),
  r.publishedOk ? 'ok' : `got ${r.publishedGot ?? 'null'} ≠ ${r.publishedExpected ?? 'null'}`,
]);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]?.length ?? 0)));
const fmt = (row: string[]) =>
  row.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
say(fmt(header));
say(widths.map((w) => '-'.repeat(w)).join('  '));
for (const row of table) say(fmt(row));
say(widths.map((w) => '-'.repeat(w)).join('  '));
say(
  `TOTAL  expected ${totals.expected}; found from sentence ${frac(totals.found, totals.expected)}` +
    ` [${totals.partial} partial sentence]; right date ${frac(totals.rightDate, totals.expected)}` +
    `; title proxy ${frac(totals.titleOk, totals.expected)}` +
    `; leaders ${frac(totals.leadersExact, totals.expected)} [+${totals.leadersSuperset} superset]` +
    `; precision ${frac(totals.matchedExtracted, totals.extractedFromCorpus)} (${totals.extra} extra)` +
    `; invented days ${totals.inventedDays}; dated-the-undated ${totals.datedUndated}` +
    `; undated kept undated ${totals.unknownKept}/${totals.unknownFound} found (of ${totals.unknownExpected} unknown)` +
    `; published ${frac(totals.publishedOk, rows.length)}`,
);
say(
  'columns: found = an output event from the supporting sentence ((Np) = N only by a ≥60% partial overlap);' +
    ' date = right date at the right precision; title* = title PROXY (see below); leaders = exact set' +
    ' ((+N⊇) = N more with all expected leaders plus extras); extra = extracted events matching no expected' +
    ' sentence / all extracted with a source in the file; inv.day = day-precision date where the text gives none.',
);
if (totals.plannedExpected > 0)
  say(
    `planned events (summary says "planned") marked planned: ${totals.plannedMarked}/${totals.plannedExpected}`,
  );
if (totals.sharingAnEvent > 0)
  say(
    `${totals.sharingAnEvent} expected event(s) got the same output event as another expected event of their file (one output event standing for several)`,
  );
if (totals.unassignedFromSentences > 0)
  say(
    `${totals.unassignedFromSentences} extracted event(s) come from an expected sentence but no expected event took them (duplicates or split events; listed below)`,
  );

// Misses
say();
say('== Misses (expected events not found, or found with a wrong date or wrong leaders)');
let misses = 0;
for (const o of outcomes) {
  const head = `${o.file} #${o.index}`;
  if (!o.found) {
    misses++;
    say(
      `- ${head}: no event from the sentence. Expected ${o.expectedDate}: ${clip(o.summary, 140)}`,
    );
    say(`    sentence: ${clip(o.sentence, 160)}`);
    continue;
  }
  const parts: string[] = [];
  if (!o.dateRight) parts.push(`wrong date: got ${o.gotDate}, expected ${o.expectedDate}`);
  if (!o.leadersExact)
    parts.push(
      `wrong leaders: got [${o.leadersGot.join(', ')}], expected [${o.leaders.join(', ')}]` +
        (o.leadersSuperset ? ' (superset)' : ''),
    );
  if (parts.length === 0) continue;
  misses++;
  say(`- ${head} (${o.eventId}): ${parts.join('; ')}`);
}
if (misses === 0) say('(none)');

// Titles for review
say();
say(
  '== Titles for review. Title PROXY: non-empty, not cut (…), no trailing function word, a verb-like',
);
say(
  "   word (unless the summary's first clause has none either), a content stem shared with that clause.",
);
say('   It cannot tell whether a title says what happened: a human reads the pairs below.');
for (const o of outcomes) {
  if (!o.found) continue;
  const mark = o.titleOk ? 'ok' : `✗ ${o.titleReasons.join(', ')}`;
  say(`- ${o.file} #${o.index} [${mark}]`);
  say(`    title:   ${o.title}`);
  say(`    summary: ${clip(o.summary, 200)}`);
}

// Extra extracted
say();
say(`== Extracted events matching no expected sentence (${extraEvents.length})`);
for (const e of extraEvents) {
  const s = corpusSources(e)[0];
  say(`- ${e.id}  ${describeOutputDate(e)}  ${e.title}`);
  if (s) say(`    ${s.articleId}: "${clip(s.quote, 200)}"`);
}
if (unassignedFromSentences.length > 0) {
  say();
  say(
    `== Extracted events from an expected sentence that no expected event took (${unassignedFromSentences.length})`,
  );
  for (const e of unassignedFromSentences) {
    const s = corpusSources(e)[0];
    say(`- ${e.id}  ${describeOutputDate(e)}  ${e.title}`);
    if (s) say(`    ${s.articleId}: "${clip(s.quote, 200)}"`);
  }
}

// Dates where the text gives none
const invented = outcomes.filter((o) => o.inventedDay);
const datedUnknown = outcomes.filter((o) => o.datedUndated);
say();
say(
  `== Invented days (${invented.length}) and dated what the text leaves undated (${datedUnknown.length})`,
);
for (const o of invented)
  say(`- invented day: ${o.file} #${o.index} got ${o.gotDate}, expected ${o.expectedDate}`);
for (const o of datedUnknown)
  say(`- dated the undated: ${o.file} #${o.index} got ${o.gotDate}: ${clip(o.summary, 120)}`);

// Publication dates
const badPublished = rows.filter((r) => !r.publishedOk);
say();
say(`== Publication dates: ${frac(totals.publishedOk, rows.length)} right`);
for (const r of badPublished)
  say(`- ${r.file}: got ${r.publishedGot ?? 'null'}, expected ${r.publishedExpected ?? 'null'}`);

// Seeds
const seedEvents = outEvents.filter((e) => e.sources.some((s) => seedIds.has(s.articleId)));
say();
say(`== Seeds (no expectation file): ${seedEvents.length} event(s) with a seed source`);
for (const e of seedEvents) say(`- ${describeOutputDate(e)}  ${e.title}`);

if (notes.length > 0) {
  say();
  say('== Notes on the corpus');
  for (const n of notes) say(`- ${n}`);
}

if (verbose) {
  say();
  say('== Every expected event');
  for (const o of outcomes) {
    say(`- ${o.file} #${o.index}: ${clip(o.summary, 160)}`);
    say(
      `    expected ${o.expectedDate}; leaders [${o.leaders.join(', ')}]; ${o.candidates} candidate(s) from the sentence`,
    );
    if (!o.found) {
      say('    NOT FOUND');
      continue;
    }
    say(
      `    → ${o.eventId} (${o.sentenceMatch}) "${o.title}": ${o.gotDate}` +
        ` | date ${o.dateRight ? 'ok' : 'WRONG'}` +
        ` | leaders ${o.leadersExact ? 'ok' : o.leadersSuperset ? 'superset' : 'WRONG'} [${o.leadersGot.join(', ')}]` +
        ` | title ${o.titleOk ? 'ok' : `✗ ${o.titleReasons.join(', ')}`}` +
        (o.inventedDay ? ' | INVENTED DAY' : '') +
        (o.sharesEvent ? ' | shares its event' : '') +
        (o.plannedExpected ? ` | planned ${o.plannedMarked ? 'marked' : 'NOT marked'}` : ''),
    );
  }
}

console.log(out.join('\n'));

if (jsonOut) {
  const data = {
    corpus: corpusDir,
    ingestMs: Math.round(ingestMs),
    articles: { seeds: seedFiles.length, corpus: corpusFiles.length },
    totals: {
      ...totals,
      percent: {
        found: totals.expected ? totals.found / totals.expected : null,
        rightDate: totals.expected ? totals.rightDate / totals.expected : null,
        titleOk: totals.expected ? totals.titleOk / totals.expected : null,
        leadersExact: totals.expected ? totals.leadersExact / totals.expected : null,
        precision: totals.extractedFromCorpus
          ? totals.matchedExtracted / totals.extractedFromCorpus
          : null,
        published: rows.length ? totals.publishedOk / rows.length : null,
      },
    },
    files: rows,
    outcomes,
    extra: extraEvents.map((e) => ({
      id: e.id,
      date: describeOutputDate(e),
      undated: isUndatedOutput(e),
      title: e.title,
      sources: corpusSources(e),
    })),
    unassignedFromSentences: unassignedFromSentences.map((e) => ({
      id: e.id,
      date: describeOutputDate(e),
      title: e.title,
      sources: corpusSources(e),
    })),
    seeds: seedEvents.map((e) => ({ id: e.id, date: describeOutputDate(e), title: e.title })),
    notes,
    warnings: result.warnings.length,
  };
  writeFileSync(jsonOut, `${JSON.stringify(data, null, 2)}\n`);
  console.log(`\nwrote ${jsonOut}`);
}
process.exit(0);
