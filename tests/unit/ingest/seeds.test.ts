/** The events a careful reader expects from the two real seed articles (issue 2). */
import { describe, expect, it } from 'vitest';
import type { TimelineData, TimelineEvent } from '../../../src/lib/timeline-data.ts';
import { outputFiles } from '../../../src/ingest/output.ts';
import { ARTICLE_000, ARTICLE_001, run, seedArticles } from './helpers.ts';

const result = run(seedArticles());
const timeline = result.timeline as TimelineData;

function only(predicate: (e: TimelineEvent) => boolean): TimelineEvent {
  const found = timeline.events.filter(predicate);
  expect(found, 'exactly one matching event').toHaveLength(1);
  return found[0]!;
}

describe('ingest of the real seeds', () => {
  it('succeeds without problems', () => {
    expect(result.problems).toEqual([]);
    expect(timeline.articles.map((a) => a.id)).toEqual([ARTICLE_000, ARTICLE_001]);
  });

  it('reads both article shapes', () => {
    const [a000, a001] = timeline.articles;
    expect(a000).toMatchObject({
      title: 'South Korea, Japan Forge Cooperation with U.S.',
      source: 'MENAFN',
    });
    expect(a001).toMatchObject({
      title:
        "Strengthening Ties: South Korea and Japan's Leaders Forge Path Amid Global Challenges",
      published: '2025-06-18',
      source: null,
      publishedBasis: { kind: 'stated' },
    });
  });

  it('keeps the ALSO READ block as related reading, never as events', () => {
    const body = result.bodies.find((b) => b.id === ARTICLE_001)!;
    expect(body.relatedLabel).toBe('ALSO READ');
    expect(body.related).toHaveLength(5);
    for (const r of body.related)
      expect(body.body.slice(r.offset, r.offset + r.text.length)).toBe(r.text);
    const relatedStart = body.related[0]!.offset;
    for (const e of timeline.events) {
      for (const s of e.sources)
        if (s.articleId === ARTICLE_001) expect(s.offset).toBeLessThan(relatedStart);
    }
    expect(JSON.stringify(timeline.events)).not.toContain('With inputs from agencies');
  });

  it('infers the publication date of the undated article from the dated one reporting the same meeting', () => {
    const a000 = timeline.articles.find((a) => a.id === ARTICLE_000)!;
    expect(a000.published).toBe('2025-06-18');
    expect(a000.publishedBasis.kind).toBe('inferred');
    expect(a000.publishedBasis.fromArticleId).toBe(ARTICLE_001);
    expect(a000.publishedBasis.note).toContain(ARTICLE_001);
    expect(a000.publishedBasis.note).toMatch(/G7/);
    expect(a000.publishedBasis.note).toMatch(/Wednesday/);
  });

  it("1: Japan's colonial rule, 1910–1945, with an era context", () => {
    const e = only((x) => x.kind === 'colonial-rule');
    expect(e).toMatchObject({ start: '1910', end: '1945', dateKind: 'range', dateInferred: false });
    expect(e.title).toBe("Japan's colonial rule of Korea");
    const era = timeline.contexts.find((c) => c.kind === 'era');
    expect(era).toMatchObject({ start: '1910', end: '1945', eventId: e.id });
  });

  it('2: ties improve under Yoon Suk Yeol, dated by his term from the actors file', () => {
    const e = only((x) => x.kind === 'relations');
    expect(e.title).toBe('Ties improve under Yoon Suk Yeol');
    expect(e).toMatchObject({
      start: '2022-05-10',
      end: '2025-04-04',
      dateKind: 'range',
      dateInferred: true,
    });
    expect(e.actors).toEqual(['yoon-suk-yeol']);
    expect(e.dateBasis).toContain('actors.json');
    expect(e.dateBasis).toContain('https://en.wikipedia.org/wiki/Yoon_Suk_Yeol');
  });

  it('3: martial law "last December" is 2024-12, a month, Yoon as actor', () => {
    const e = only((x) => x.kind === 'martial-law');
    expect(e).toMatchObject({ start: '2024-12', dateKind: 'point', dateInferred: true });
    expect(e.end).toBeUndefined();
    expect(e.actors).toEqual(['yoon-suk-yeol']);
    expect(e.title).toMatch(/^Martial law imposed/);
  });

  it('4: the impeachment is bounded: after martial law, before the next president took office', () => {
    const e = only((x) => x.kind === 'impeachment');
    expect(e).toMatchObject({
      start: '2024-12',
      end: '2025-06-04',
      dateKind: 'bounded',
      dateInferred: true,
    });
    expect(e.actors).toEqual(['yoon-suk-yeol']);
    expect(e.title).toBe("South Korea's National Assembly impeaches Yoon Suk Yeol");
    expect(e.dateBasis).toMatch(/martial law/);
    expect(e.dateBasis).toMatch(/Lee Jae-myung took office/);
    expect(e.dateBasis).toContain('assuming office on June 4');
  });

  it('5: Lee takes office on 2025-06-04', () => {
    const e = only((x) => x.kind === 'inauguration');
    expect(e).toMatchObject({ start: '2025-06-04', dateKind: 'point', actors: ['lee-jae-myung'] });
    expect(e.title).toMatch(/^Lee Jae-myung takes office/);
  });

  it('6: the Lee–Ishiba meeting at the G7 is one event sourced from both articles, on Tuesday 2025-06-17', () => {
    const e = only((x) => x.kind === 'meeting');
    expect(e.start).toBe('2025-06-17');
    expect(e.dateKind).toBe('point');
    expect(e.dateInferred).toBe(true);
    expect([...e.actors].sort()).toEqual(['lee-jae-myung', 'shigeru-ishiba']);
    expect(e.sources.map((s) => s.articleId)).toEqual([ARTICLE_000, ARTICLE_001]);
    expect(e.title).toBe(
      'Lee and Ishiba meet at G7 summit in Kananaskis, agree to deepen trilateral cooperation with U.S.',
    );
    expect(e.place).toBe('Kananaskis, Alberta, Canada');
    expect(e.dateBasis).toContain('Tuesday');
  });

  it("8: Lee's talks with Mark Carney, honestly bounded", () => {
    const e = only((x) => x.kind === 'talks' && x.actors.includes('mark-carney'));
    expect(e.actors).toEqual(['lee-jae-myung', 'mark-carney']);
    expect(e.title).toBe("Lee holds talks with Canada's Mark Carney");
    expect(e).toMatchObject({
      start: '2025-06-04',
      end: '2025-06-18',
      dateKind: 'bounded',
      dateInferred: true,
    });
    expect(e.dateBasis).toMatch(/took office/);
    expect(e.dateBasis).toMatch(/publication date/);
  });

  it('9: talks with von der Leyen and Costa, Lee as the implied subject', () => {
    const e = only((x) => x.kind === 'talks' && x.actors.includes('ursula-von-der-leyen'));
    expect(e.actors).toEqual(['lee-jae-myung', 'ursula-von-der-leyen', 'antonio-costa']);
    expect(e.title).toMatch(/^Lee holds talks with .*Ursula von der Leyen and António Costa$/);
    expect(e).toMatchObject({ start: '2025-06-04', end: '2025-06-18', dateKind: 'bounded' });
  });

  it('has exactly the expected events and nothing from "now", "this year" or headlines', () => {
    expect(timeline.events.map((e) => e.kind).sort()).toEqual(
      [
        'colonial-rule',
        'impeachment',
        'inauguration',
        'martial-law',
        'meeting',
        'relations',
        'talks',
        'talks',
      ].sort(),
    );
    expect(timeline.unresolved).toEqual([]);
  });

  it('quotes every source verbatim at its offset', () => {
    for (const e of timeline.events) {
      expect(e.sources.length).toBeGreaterThan(0);
      for (const s of e.sources) {
        const body = result.bodies.find((b) => b.id === s.articleId)!.body;
        expect(body.slice(s.offset, s.offset + s.quote.length)).toBe(s.quote);
      }
    }
  });

  it('links date expressions in the text to their events', () => {
    for (const body of result.bodies) {
      for (const m of body.dateMentions) {
        expect(body.body.slice(m.offset, m.offset + m.text.length)).toBe(m.text);
        expect(timeline.events.some((e) => e.id === m.eventId)).toBe(true);
      }
      const meta = timeline.articles.find((a) => a.id === body.id)!;
      expect(meta.eventIds).toEqual(body.eventIds);
      for (const id of meta.eventIds) {
        expect(
          timeline.events.find((e) => e.id === id)!.sources.some((s) => s.articleId === body.id),
        ).toBe(true);
      }
    }
    const texts = result.bodies.find((b) => b.id === ARTICLE_000)!.dateMentions.map((m) => m.text);
    expect(texts).toEqual(
      expect.arrayContaining(['Tuesday', 'from 1910 to 1945', 'last December', 'June 4']),
    );
  });

  it('gives terms of office as contexts and every actor id used exists', () => {
    const terms = timeline.contexts.filter((c) => c.kind === 'term');
    expect(terms.find((t) => t.actorId === 'lee-jae-myung')).toMatchObject({
      start: '2025-06-04',
      end: null,
    });
    expect(terms.find((t) => t.actorId === 'shigeru-ishiba')).toMatchObject({
      start: '2024-10-01',
      end: '2025-10-21',
    });
    const ids = new Set(timeline.actors.map((a) => a.id));
    for (const e of timeline.events) for (const a of e.actors) expect(ids.has(a)).toBe(true);
    for (const t of terms) expect(ids.has(t.actorId!)).toBe(true);
  });

  it('makes readable, URL-safe, unique event ids', () => {
    const ids = timeline.events.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it('is deterministic: same input, identical bytes', () => {
    const again = outputFiles(run(seedArticles()));
    const first = outputFiles(result);
    expect([...again.keys()]).toEqual([...first.keys()]);
    for (const [path, content] of first) expect(again.get(path)).toBe(content);
    expect(first.get('timeline.json')).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:/);
  });

  it('writes the same data compact for the app build as indented for people', () => {
    const indented = outputFiles(result);
    const compact = outputFiles(result, 'compact');
    expect([...compact.keys()]).toEqual([...indented.keys()]);
    for (const [path, content] of indented) {
      const small = compact.get(path)!;
      expect(JSON.parse(small), path).toEqual(JSON.parse(content));
      expect(small.length, path).toBeLessThan(content.length);
      expect(small.trimEnd(), path).not.toContain('\n');
    }
  });
});
