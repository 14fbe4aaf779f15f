/**
 * Stage 1: read and decode. Each file's bytes become a parsed article (shape, title, publication
 * date as stated, outlet, content span); every problem is collected with its file and line.
 */
import { articleIdOf, parseArticle, type ParsedArticle } from '../article.ts';
import { decodeArticle } from '../decode.ts';
import type { IngestProblem, InputFile } from '../types.ts';

export type ReadArticle = ParsedArticle;

export interface ReadResult {
  articles: ReadArticle[];
  problems: IngestProblem[];
}

function byName(a: { name: string }, b: { name: string }) {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

export function readArticles(inputs: InputFile[]): ReadResult {
  const problems: IngestProblem[] = [];
  const articles: ReadArticle[] = [];
  const files = [...inputs].sort(byName);
  if (files.length === 0) {
    problems.push({
      file: '.',
      line: 1,
      message: 'no articles: the seeds folder has no .txt file',
    });
  }
  const seenIds = new Map<string, string>();
  const seenBodies = new Map<string, string>();
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
    articles.push(parsed.article);
  }
  return { articles, problems };
}
