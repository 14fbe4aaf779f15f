/**
 * One data contract: what the real ingest writes, for the seeds and for the development corpus, is
 * what the app accepts when it loads it (the schema of src/lib/timeline-schema.ts), and output that
 * breaks the schema fails the ingest with the file, line and path of the problem.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { outputFiles } from '../../../src/ingest/output.ts';
import { checkOutput } from '../../../src/ingest/stages/10-output.ts';
import type { ReadArticle } from '../../../src/ingest/stages/01-read.ts';
import type { IngestResult } from '../../../src/ingest/types.ts';
import { validateArticleBody, validateTimelineData } from '../../../src/lib/validate-timeline.ts';
import { run, seedArticles, seedText, ARTICLE_000 } from './helpers.ts';

const CORPUS = resolve(import.meta.dirname, '../../../../shared/corpus');
const corpus = existsSync(CORPUS)
  ? readdirSync(CORPUS)
      .filter((n) => n.endsWith('.txt'))
      .sort()
      .map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(CORPUS, name))) }))
  : [];

/** Loads the files the app would fetch (the build's compact JSON) with the app's own validation. */
function loadAsTheAppDoes(result: IngestResult) {
  expect(result.problems).toEqual([]);
  const files = outputFiles(result, 'compact');
  const timeline = validateTimelineData(JSON.parse(files.get('timeline.json')!));
  for (const a of timeline.articles)
    validateArticleBody(JSON.parse(files.get(`articles/${a.id}.json`)!), a.id);
  return timeline;
}

describe('the ingest output follows the app’s schema', () => {
  it('for the seeds', () => {
    const timeline = loadAsTheAppDoes(run(seedArticles()));
    expect(timeline.events.length).toBeGreaterThan(0);
  });

  it.skipIf(corpus.length === 0)('for the seeds plus the development corpus', () => {
    const timeline = loadAsTheAppDoes(run([...seedArticles(), ...corpus]));
    expect(timeline.articles).toHaveLength(seedArticles().length + corpus.length);
    expect(timeline.events.length).toBeGreaterThan(50);
    expect(timeline.undated.length).toBeGreaterThan(0);
  });
});

describe('the output stage checks its output before anything is written', () => {
  const result = run(seedArticles());
  const articles = result.bodies.map(
    (b) => ({ id: b.id, file: `${b.id}.txt`, body: b.body }) as ReadArticle,
  );

  it('passes what the ingest builds', () => {
    expect(checkOutput(result.timeline!, result.bodies, articles)).toEqual([]);
  });

  it('names the article line, output file and path of what breaks the schema', () => {
    const timeline = structuredClone(result.timeline!);
    const event = timeline.events.find((e) => e.sources[0]!.articleId === ARTICLE_000)!;
    const index = timeline.events.indexOf(event);
    event.start = '2025-13';
    event.actors = [...event.actors, 'nobody'];
    const bodies = structuredClone(result.bodies);
    bodies[0]!.dateMentions.push({ text: 'Tuesday', offset: bodies[0]!.body.length, eventId: 'x' });

    const problems = checkOutput(timeline, bodies, articles);
    const line = seedText(ARTICLE_000).slice(0, event.sources[0]!.offset).split('\n').length;
    expect(problems).toContainEqual({
      file: `${ARTICLE_000}.txt`,
      line,
      message: `the ingest's output breaks the data format (src/lib/timeline-schema.ts): timeline.json: events[${index}].start should be a date written YYYY, YYYY-MM or YYYY-MM-DD`,
    });
    expect(problems.map((p) => p.message)).toContain(
      `the ingest's output breaks the data format (src/lib/timeline-schema.ts): timeline.json: events[${index}].actors names unknown actor “nobody”`,
    );
    expect(problems.map((p) => p.message)).toContain(
      `the ingest's output breaks the data format (src/lib/timeline-schema.ts): articles/${bodies[0]!.id}.json: article ${bodies[0]!.id}.dateMentions[${bodies[0]!.dateMentions.length - 1}].offset points past the end of the text`,
    );
  });
});
