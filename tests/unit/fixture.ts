import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ArticleBody, TimelineData } from '../../src/lib/timeline-data';

const dir = resolve(import.meta.dirname, '../fixtures/data');

/** A hand-made timeline that follows src/lib/timeline-data.ts, modelled on the two seed articles. */
export function loadFixture(): TimelineData {
  return JSON.parse(readFileSync(resolve(dir, 'timeline.json'), 'utf8')) as TimelineData;
}

export function loadFixtureArticle(id: string): ArticleBody {
  return JSON.parse(readFileSync(resolve(dir, 'articles', `${id}.json`), 'utf8')) as ArticleBody;
}
