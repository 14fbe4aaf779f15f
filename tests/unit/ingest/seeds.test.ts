/** The events a careful reader expects from the two real seed articles (issue 2). */
import { describe, expect, it } from 'vitest';
import type { TimelineData, TimelineEvent } from '../../../src/lib/timeline-data.ts';
import { outputFiles } from '../../../src/ingest/output.ts';
import { ARTICLE_000, ARTICLE_001, run, seedArticles } from './helpers.ts';

const result = run(seedArticles());
const timeline = result.timeline as TimelineData;

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
    expect(a000.publishedBasis).toMatchObject({ kind: 'inferred', fromArticleId: ARTICLE_001 });
    expect(a000.publishedBasis.note).toMatch(/reports on Wednesday/);
  });

  const byId = (id: string) =>
    timeline.events.find((e) => e.id === id || e.aliases?.includes(id)) ??
    timeline.undated.find((e) => e.id === id);

  it("Japan's colonial rule is a range, 1910–1945, with an era context, under its published id", () => {
    const e = byId('1910-colonial-rule-japan-korea') as TimelineEvent;
    expect(e).toMatchObject({
      start: '1910',
      end: '1945',
      dateKind: 'range',
      kind: 'period',
      dateInferred: false,
    });
    expect(e.title).toMatch(/colonial rule/i);
    expect(timeline.contexts.some((c) => c.kind === 'era' && c.eventId === e.id)).toBe(true);
  });

  it('ties under Yoon Suk Yeol are dated by his term from the actors file, said so', () => {
    const e = byId('2022-05-10-relations-yoon') as TimelineEvent;
    expect(e).toMatchObject({
      start: '2022-05-10',
      end: '2025-04-04',
      dateKind: 'range',
      dateInferred: true,
    });
    expect(e.dateBasis).toMatch(/actors\.json/);
  });

  it('martial law "last December" is 2024-12, a month, not a made-up day', () => {
    const e = byId('2024-12-martial-law-yoon') as TimelineEvent;
    expect(e).toMatchObject({ start: '2024-12', dateKind: 'point', dateInferred: true });
    expect(e.title).toBe('Martial law is imposed');
    // No one is named in the clause "the imposition of martial law": no actor is attached.
    expect(e.actors).toEqual([]);
  });

  it('Lee takes office on 2025-06-04 ("since assuming office on June 4")', () => {
    const e = byId('2025-06-04-inauguration-lee') as TimelineEvent;
    expect(e).toMatchObject({
      start: '2025-06-04',
      dateKind: 'point',
      kind: 'election',
      actors: ['lee-jae-myung'],
    });
  });

  it('the Lee–Ishiba meeting is dated Tuesday 2025-06-17 from the inferred publication date', () => {
    const e = byId('2025-06-17-meeting-ishiba-lee-g7') as TimelineEvent;
    expect(e).toMatchObject({ start: '2025-06-17', dateKind: 'point', kind: 'meeting' });
    expect(e.actors).toEqual(expect.arrayContaining(['lee-jae-myung', 'shigeru-ishiba']));
    expect(e.dateBasis).toMatch(/Tuesday/);
    // One happening, reported by both articles; the title says who met, and where.
    expect(new Set(e.sources.map((s) => s.articleId))).toEqual(new Set([ARTICLE_000, ARTICLE_001]));
    expect(e.title).toBe('Lee and Ishiba meet at Group of Seven (G7) summit in Kananaskis');
  });

  it("the impeachment is bounded: after martial law, before the end of Yoon's term", () => {
    const e = byId('2024-12-impeachment-yoon') as TimelineEvent;
    expect(e).toMatchObject({ start: '2024-12', end: '2025-04-04', dateKind: 'bounded' });
    expect(e.actors).toEqual(['yoon-suk-yeol']);
    expect(e.title).toBe('South Korea’s National Assembly impeaches Yoon');
  });

  it("Lee's talks with Mark Carney are only bounded: after he took office, on or before publication", () => {
    const e = byId('2025-06-04-talks-carney-lee') as TimelineEvent;
    expect(e).toMatchObject({ start: '2025-06-04', end: '2025-06-18', dateKind: 'bounded' });
    expect(e.actors).toEqual(expect.arrayContaining(['lee-jae-myung', 'mark-carney']));
  });

  it('keeps what it cannot date undated, with the reason, never on the axis', () => {
    expect(timeline.undated.length).toBeGreaterThan(0);
    for (const u of timeline.undated) {
      expect(u.reason).not.toBe('');
      expect(timeline.events.some((e) => e.id === u.id)).toBe(false);
    }
  });

  it('takes nothing from "now", "this year" or the related headlines', () => {
    const quotes = [...timeline.events, ...timeline.undated].flatMap((e) =>
      e.sources.map((s) => s.quote),
    );
    expect(quotes.some((q) => /Bengaluru|Ukraine's NATO|AfDB/.test(q))).toBe(false);
    expect(timeline.events.every((e) => /^\d{4}/.test(e.start))).toBe(true);
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
          [...timeline.events, ...timeline.undated]
            .find((e) => e.id === id)!
            .sources.some((s) => s.articleId === body.id),
        ).toBe(true);
      }
    }
    const texts = result.bodies.find((b) => b.id === ARTICLE_000)!.dateMentions.map((m) => m.text);
    expect(texts).toEqual(
      expect.arrayContaining(['Tuesday', '1910 to 1945', 'last December', 'June 4']),
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
