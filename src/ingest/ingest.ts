/**
 * The pure ingest: article files and the actors file in, timeline data and article bodies out, with every
 * problem (file:line) collected in one run. No I/O here; see read-folder.ts and scripts/ingest.ts.
 */
import { ActorMatcher } from './actor-match.ts';
import { readActorsFile, type ReferenceActor } from './actors-file.ts';
import { articleIdOf, parseArticle } from './article.ts';
import { buildTimeline, type ArticleInput } from './build.ts';
import { decodeArticle } from './decode.ts';
import { extractArticle } from './extract.ts';
import type { IngestInput, IngestProblem, IngestResult } from './types.ts';

export interface IngestOptions {
  /** How date bases name the actors file, e.g. `seeds/actors.json`. Defaults to the file's name. */
  actorsLabel?: string;
}

function byName(a: { name: string }, b: { name: string }) {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

export function ingest(input: IngestInput, options: IngestOptions = {}): IngestResult {
  const problems: IngestProblem[] = [];
  const warnings: IngestProblem[] = [];

  let reference: ReferenceActor[] = [];
  if (input.actors) {
    const decoded = decodeArticle(input.actors.name, input.actors.bytes, 'actors file');
    if (!decoded.ok) problems.push(decoded.problem);
    else {
      const read = readActorsFile(input.actors.name, decoded.text);
      problems.push(...read.problems);
      reference = read.actors;
    }
  } else {
    warnings.push({
      file: 'actors.json',
      line: 1,
      message: 'no actors file: only titled persons in the text become actors',
    });
  }

  const files = [...input.articles].sort(byName);
  if (files.length === 0) {
    problems.push({
      file: '.',
      line: 1,
      message: 'no articles: the seeds folder has no .txt file',
    });
  }
  const seenIds = new Map<string, string>();
  const seenBodies = new Map<string, string>();
  const parsedArticles = [];
  for (const file of files) {
    const id = articleIdOf(file.name);
    if (!/^[A-Za-z0-9._-]+$/.test(id) || id.startsWith('.')) {
      problems.push({
        file: file.name,
        line: 1,
        message:
          'file name must use only letters, digits, dot, underscore and hyphen (it becomes the article id and a URL)',
      });
      continue;
    }
    const otherCase = seenIds.get(id.toLowerCase());
    if (otherCase !== undefined) {
      problems.push({
        file: file.name,
        line: 1,
        message: `article id clashes with ${otherCase} (names differ only in case)`,
      });
      continue;
    }
    seenIds.set(id.toLowerCase(), file.name);
    const decoded = decodeArticle(file.name, file.bytes);
    if (!decoded.ok) {
      problems.push(decoded.problem);
      continue;
    }
    const parsed = parseArticle(file.name, decoded.text);
    if (!parsed.ok) {
      problems.push(...parsed.problems);
      continue;
    }
    const key = decoded.text.replace(/\s+/g, ' ').trim().toLowerCase();
    const dup = seenBodies.get(key);
    if (dup !== undefined) {
      problems.push({
        file: file.name,
        line: 1,
        message: `duplicate article: same text as ${dup}`,
      });
      continue;
    }
    seenBodies.set(key, file.name);
    parsedArticles.push(parsed.article);
  }

  const matcher = new ActorMatcher(reference);
  const inputs: ArticleInput[] = [];
  for (const parsed of parsedArticles) {
    try {
      inputs.push({ parsed, extraction: extractArticle(parsed, matcher) });
    } catch (error) {
      problems.push({
        file: parsed.file,
        line: 1,
        message: `internal error while reading events: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  }
  problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
  if (problems.length > 0) return { timeline: null, bodies: [], problems, warnings };

  const built = buildTimeline(inputs, reference, {
    actorsFileLabel: options.actorsLabel ?? input.actors?.name ?? 'actors.json',
  });
  return {
    timeline: built.timeline,
    bodies: built.bodies,
    problems,
    warnings: [...warnings, ...built.warnings],
  };
}
