/** Stable ids: adding or removing other articles, in any order, never changes an event's id. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TimelineData, TimelineEvent } from '../../../src/lib/timeline-data.ts';
import { run, seedArticles } from './helpers.ts';

const CORPUS = resolve(import.meta.dirname, '../../../../shared/corpus');
const corpus = existsSync(CORPUS)
  ? readdirSync(CORPUS)
      .filter((n) => n.endsWith('.txt'))
      .sort()
      .map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(CORPUS, name))) }))
  : [];

function opens(t: TimelineData, id: string) {
  return [...t.events, ...t.undated].find((e) => e.id === id || e.aliases?.includes(id));
}

describe.skipIf(corpus.length === 0)(
  'event ids with the development corpus added and removed',
  () => {
    const seedsOnly = run(seedArticles()).timeline!;
    const half = corpus.filter((_, i) => i % 2 === 0);
    const orders = [
      [...seedArticles(), ...corpus],
      [...[...corpus].reverse(), ...seedArticles()],
      [...half, ...seedArticles()],
    ];

    it('every seed event keeps its id, and each of its sources, whatever else is ingested', () => {
      for (const articles of orders) {
        const t = run(articles).timeline!;
        for (const e of seedsOnly.events) {
          const found = opens(t, e.id);
          expect(found, e.id).toBeDefined();
          expect(found!.id, e.id).toBe(e.id);
          for (const s of e.sources)
            expect(
              found!.sources.some((x) => x.articleId === s.articleId && x.offset === s.offset),
            ).toBe(true);
        }
      }
    });

    it('an event of one corpus article keeps its id when the rest of the corpus comes and goes', () => {
      // The first corpus article of every order below that gives dated events of its own.
      let own: TimelineEvent[] = [];
      for (const article of half) {
        const alone = run([article, ...seedArticles()]).timeline!;
        own = alone.events.filter((e) =>
          e.sources.every((s) => s.articleId === article.name.replace(/\.txt$/, '')),
        );
        if (own.length > 0) break;
      }
      expect(own.length).toBeGreaterThan(0);
      for (const articles of orders) {
        const t = run(articles).timeline!;
        for (const e of own) expect(opens(t, e.id), e.id).toBeDefined();
      }
    });
  },
);
