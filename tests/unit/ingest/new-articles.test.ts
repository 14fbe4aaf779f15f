/** New articles in either seed shape add events without code changes; existing ids never move. */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingest } from '../../../src/ingest/ingest.ts';
import { readSeedsFolder } from '../../../src/ingest/read-folder.ts';
import {
  ARTICLE_000,
  ARTICLE_001,
  file,
  run,
  seedArticles,
  seedText,
  SEEDS_DIR,
} from './helpers.ts';

const DATED = [
  ' date 2026-03-05 Lee and Takaichi Hold Summit in Tokyo',
  'South Korean President Lee Jae-myung met Japanese Prime Minister Sanae Takaichi in Tokyo on Tuesday, their first summit this year.',
  'The two leaders agreed to expand economic cooperation between Seoul and Tokyo.',
  'Separately, German Chancellor Friedrich Merz held talks with Lee on March 2, focusing on trade.',
  'Relations between the two countries are now stable.',
  '',
].join('\n');

const OUTLET = [
  'Kishida and Yoon Meet in Hiroshima',
  '(Kyodo) Mr. KISHIDA Fumio met President Yoon Suk Yeol on the sidelines of the G7 summit in Hiroshima on May 21, 2023.',
  'The two leaders pledged to strengthen bilateral ties.',
  '',
].join('\r\n');

describe('new articles', () => {
  it('a dated article adds its meeting and talks, with a detected actor', () => {
    const r = run([...seedArticles(), file('002_new.txt', DATED)]);
    expect(r.problems).toEqual([]);
    const events = r.timeline!.events.filter((e) =>
      e.sources.some((s) => s.articleId === '002_new'),
    );
    const meeting = events.find((e) => e.kind === 'meeting')!;
    expect(meeting).toMatchObject({ start: '2026-03-03', dateKind: 'point', place: 'Tokyo' });
    expect([...meeting.actors].sort()).toEqual(['lee-jae-myung', 'sanae-takaichi']);
    expect(meeting.title).toMatch(/^Lee and Takaichi meet in Tokyo/);
    const talks = events.find((e) => e.kind === 'talks')!;
    expect(talks).toMatchObject({
      start: '2026-03-02',
      actors: ['friedrich-merz', 'lee-jae-myung'],
    });
    expect(r.timeline!.actors.find((a) => a.id === 'friedrich-merz')).toMatchObject({
      detected: true,
      country: 'Germany',
      sources: [],
    });
    expect(events).toHaveLength(2);
  });

  it("a meeting's title never borrows an agreement from a later event's sentence", () => {
    const text = [
      ' date 2026-03-12 Two Meetings in One Week',
      'South Korean President Lee Jae-myung met Japanese Prime Minister Sanae Takaichi in Tokyo on March 3.',
      'President Lee Jae-myung met Canadian Prime Minister Mark Carney in Ottawa on March 10, and they agreed to expand energy cooperation.',
      '',
    ].join('\n');
    const r = run([...seedArticles(), file('004_two.txt', text)]);
    expect(r.problems).toEqual([]);
    const tokyo = r.timeline!.events.find((e) => e.start === '2026-03-03')!;
    expect(tokyo.title).toMatch(/^Lee and Takaichi meet in Tokyo/);
    expect(tokyo.title).not.toMatch(/agree/);
    const ottawa = r.timeline!.events.find((e) => e.start === '2026-03-10')!;
    expect(ottawa.title).toMatch(/agree to expand energy cooperation/);
  });

  it('an undated outlet article with CRLF endings adds its dated meeting', () => {
    const r = run([...seedArticles(), file('003_outlet.txt', OUTLET)]);
    expect(r.problems).toEqual([]);
    const meta = r.timeline!.articles.find((a) => a.id === '003_outlet')!;
    expect(meta).toMatchObject({
      source: 'Kyodo',
      published: null,
      title: 'Kishida and Yoon Meet in Hiroshima',
    });
    const e = r.timeline!.events.find((x) => x.sources.some((s) => s.articleId === '003_outlet'))!;
    expect(e).toMatchObject({
      kind: 'meeting',
      start: '2023-05-21',
      dateInferred: false,
      place: 'Hiroshima',
    });
    expect([...e.actors].sort()).toEqual(['fumio-kishida', 'yoon-suk-yeol']);
    expect(e.title).toMatch(/^Kishida and Yoon meet at G7 summit in Hiroshima/);
    const body = r.bodies.find((b) => b.id === '003_outlet')!;
    expect(body.body).not.toContain('\r');
    for (const s of e.sources)
      expect(body.body.slice(s.offset, s.offset + s.quote.length)).toBe(s.quote);
  });

  it('reads events of other kinds from a dated sentence with an event verb, and phone talks', () => {
    const text = [
      ' date 2026-03-06 Air Link and Phone Call',
      'The two governments opened a direct air route between Seoul and Tokyo on March 1, 2026.',
      'President Lee Jae-myung spoke by telephone with Prime Minister Mark Carney on Wednesday.',
      'Officials said the route was popular.',
      'President Lee is expected to meet Prime Minister Shigeru Ishiba next month in Osaka.',
      '',
    ].join('\n');
    const r = run([file('004_other.txt', text)]);
    expect(r.problems).toEqual([]);
    const events = r.timeline!.events;
    expect(events.find((e) => e.kind === 'other')).toMatchObject({
      title: 'Two governments open direct air route between Seoul and Tokyo',
      start: '2026-03-01',
      dateInferred: false,
    });
    expect(events.find((e) => e.kind === 'talks')).toMatchObject({
      start: '2026-03-04',
      actors: ['lee-jae-myung', 'mark-carney'],
      title: "Lee holds talks with Canada's Mark Carney",
    });
    expect(events).toHaveLength(2);
    // A planned meeting is not put on the timeline as if it had happened.
    expect(r.timeline!.unresolved).toEqual([
      expect.objectContaining({ line: 5, reason: expect.stringMatching(/planned/) }),
    ]);
  });

  it('a new pair (outlet shape, date-line shape) merges the same talks and dates the undated article', () => {
    const kyodo = [
      'Japan, South Korea leaders agree to resume shuttle diplomacy',
      '(Kyodo) Japanese Prime Minister Fumio Kishida and South Korean President Yoon Suk Yeol held talks in Seoul on Sunday and agreed to resume regular visits, according to officials.',
      'The two leaders met in Tokyo in March, when Yoon visited Japan.',
      'Japan and South Korea normalized diplomatic relations in 1965.',
      '',
    ].join('\n');
    const yonhap = [
      ' date 2023-05-08 Yoon, Kishida hold summit in Seoul',
      'SEOUL, May 7 (Yonhap) -- President Yoon Suk Yeol held talks with Japanese Prime Minister Fumio Kishida in Seoul on Sunday, agreeing to expand security cooperation.',
      "Kishida said he feels heartache over the suffering of Koreans during Japan's colonial rule of Korea from 1910 to 1945.",
      'Yoon visited Tokyo on March 16 for a summit with Kishida, the first such visit in 12 years.',
      '',
    ].join('\n');
    const r = run([file('010_kyodo.txt', kyodo), file('011_yonhap.txt', yonhap)]);
    expect(r.problems).toEqual([]);
    const t = r.timeline!;
    expect(t.articles[0]).toMatchObject({
      published: '2023-05-08',
      source: 'Kyodo',
      publishedBasis: { kind: 'inferred', fromArticleId: '011_yonhap' },
    });
    const talks = t.events.find((e) => e.kind === 'talks')!;
    expect(talks).toMatchObject({
      start: '2023-05-07',
      place: 'Seoul',
      title: "Yoon holds talks with Japan's Fumio Kishida in Seoul",
    });
    expect(talks.sources.map((s) => s.articleId)).toEqual(['010_kyodo', '011_yonhap']);
    expect(t.events.find((e) => e.kind === 'colonial-rule')).toMatchObject({
      start: '1910',
      end: '1945',
      actors: [],
    });
    expect(t.events.find((e) => e.kind === 'relations')).toMatchObject({
      start: '1965',
      title: 'Japan and South Korea normalize diplomatic relations',
    });
    expect(t.events.find((e) => e.kind === 'meeting')).toMatchObject({
      start: '2023-03-16',
      place: 'Tokyo',
    });
  });

  it('adding articles does not change existing event ids', () => {
    const before = run(seedArticles()).timeline!;
    const after = run([
      ...seedArticles(),
      file('002_new.txt', DATED),
      file('003_outlet.txt', OUTLET),
    ]).timeline!;
    for (const e of before.events) {
      const same = after.events.find((x) => x.id === e.id);
      expect(same, e.id).toBeDefined();
      expect(same!.kind).toBe(e.kind);
      expect(same!.start).toBe(e.start);
    }
    // An article that sorts first must not shift ids either.
    const first = run([file('0000_first.txt', OUTLET), ...seedArticles()]).timeline!;
    for (const e of before.events)
      expect(
        first.events.some((x) => x.id === e.id),
        e.id,
      ).toBe(true);
  });

  it('an undated article with no dated report of the same event keeps its relative dates unresolved', () => {
    const r = run([file(`${ARTICLE_000}.txt`, seedText(ARTICLE_000))]);
    expect(r.problems).toEqual([]);
    const t = r.timeline!;
    expect(t.articles[0]).toMatchObject({ published: null, publishedBasis: { kind: 'unknown' } });
    // Only what the text dates by itself (years) or the reference file dates survives.
    expect(t.events.map((e) => e.kind).sort()).toEqual(['colonial-rule', 'relations']);
    expect(t.events.some((e) => e.start.startsWith('2025-06'))).toBe(false);
    const reasons = t.unresolved.map((u) => u.reason).join('\n');
    expect(reasons).toMatch(/“Tuesday”/);
    expect(reasons).toMatch(/“last December”/);
    expect(reasons).toMatch(/“June 4”/);
    for (const u of t.unresolved) {
      expect(u.line).toBeGreaterThanOrEqual(1);
      expect(r.bodies[0]!.body.slice(u.offset, u.offset + u.quote.length)).toBe(u.quote);
    }
    expect(r.warnings.some((w) => w.line === 3 && /Tuesday/.test(w.message))).toBe(true);
  });

  it('does not infer a publication date when the article says it reports on another weekday', () => {
    const text = seedText(ARTICLE_000).replace(
      'local reports on Wednesday',
      'local reports on Friday',
    );
    const r = run([
      file(`${ARTICLE_000}.txt`, text),
      ...seedArticles().filter((f) => !f.name.startsWith('000')),
    ]);
    const meta = r.timeline!.articles.find((a) => a.id === ARTICLE_000)!;
    expect(meta.published).toBeNull();
    expect(meta.publishedBasis.note).toMatch(/Friday/);
  });
});

describe('actors the reference file lacks', () => {
  it('"Prime Minister Kishida" becomes a detected actor, one with "Mr. KISHIDA Fumio"', () => {
    const text = [
      ' date 2023-03-17 Summit in Tokyo',
      'Mr. KISHIDA Fumio, Prime Minister of Japan, welcomed the visit.',
      'President Yoon Suk Yeol met Prime Minister Kishida in Tokyo on March 16.',
      '',
    ].join('\n');
    const actors = new TextEncoder().encode(
      JSON.stringify({
        actors: [
          {
            id: 'yoon-suk-yeol',
            name: 'Yoon Suk Yeol',
            familyName: 'Yoon',
            country: 'South Korea',
            role: 'President of South Korea',
            sources: ['https://en.wikipedia.org/wiki/Yoon_Suk_Yeol'],
          },
        ],
      }),
    );
    const r = run([file('a.txt', text)], file('actors.json', actors));
    expect(r.problems).toEqual([]);
    const detected = r.timeline!.actors.filter((a) => a.detected);
    expect(detected).toHaveLength(1);
    expect(detected[0]).toMatchObject({
      id: 'kishida-fumio',
      name: 'Kishida Fumio',
      role: 'Prime Minister',
      sources: [],
      terms: [],
    });
    expect(detected[0]!.aliases).toContain('Kishida');
    const meeting = r.timeline!.events.find((e) => e.kind === 'meeting')!;
    expect(meeting).toMatchObject({
      start: '2023-03-16',
      actors: ['yoon-suk-yeol', 'kishida-fumio'],
    });
  });
});

describe('a seeds folder on disk', () => {
  it('picks up a new article of each shape dropped into the folder, without code changes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ties-seeds-'));
    try {
      for (const id of [ARTICLE_000, ARTICLE_001])
        copyFileSync(join(SEEDS_DIR, `${id}.txt`), join(dir, `${id}.txt`));
      // No actors.json in the folder: the project's reference file is the fallback.
      const before = readSeedsFolder(dir, join(SEEDS_DIR, 'actors.json'));
      const first = ingest(before.input, { actorsLabel: before.actorsLabel }).timeline!;
      writeFileSync(join(dir, '002_new.txt'), DATED);
      writeFileSync(join(dir, '003_outlet.txt'), OUTLET);
      const after = readSeedsFolder(dir, join(SEEDS_DIR, 'actors.json'));
      const second = ingest(after.input, { actorsLabel: after.actorsLabel }).timeline!;
      expect(second.articles.map((a) => a.id)).toEqual([
        ARTICLE_000,
        ARTICLE_001,
        '002_new',
        '003_outlet',
      ]);
      const added = second.events.filter((e) => !first.events.some((x) => x.id === e.id));
      expect(added.map((e) => e.sources[0]!.articleId).sort()).toEqual([
        '002_new',
        '002_new',
        '003_outlet',
      ]);
      for (const e of first.events)
        expect(second.events.find((x) => x.id === e.id)?.title).toBe(e.title);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
