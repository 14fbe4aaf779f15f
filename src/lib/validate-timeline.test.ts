import { describe, expect, it } from 'vitest';
import { loadFixture, loadFixtureArticle } from '../../tests/unit/fixture';
import { EVENT_KINDS } from './event-kinds';
import type { Actor, TimelineData, TimelineEvent } from './timeline-data';
import {
  DataValidationError,
  validateArticleBody,
  validateTimelineData,
} from './validate-timeline';

describe('validateTimelineData', () => {
  it('accepts data in the shared format', () => {
    const data = loadFixture();
    expect(validateTimelineData(data)).toBe(data);
  });

  it('rejects non-objects with a clear message', () => {
    expect(() => validateTimelineData(null)).toThrow(DataValidationError);
    expect(() => validateTimelineData('<html>')).toThrow(/timeline data is invalid/);
  });

  it('names every problem with its path', () => {
    const data = loadFixture() as unknown as {
      events: Record<string, unknown>[];
      version: unknown;
    };
    data.version = 2;
    data.events[0]!.start = 'last year';
    data.events[1]!.actors = ['nobody'];
    data.events[2]!.sources = [{ articleId: 'missing', quote: 'x', offset: -1 }];
    try {
      validateTimelineData(data);
      expect.unreachable();
    } catch (error) {
      const problems = (error as DataValidationError).problems;
      expect(problems).toContain('timeline.version should be 1');
      expect(problems.some((p) => p.startsWith('events[0].start'))).toBe(true);
      expect(problems.some((p) => p.includes('unknown actor “nobody”'))).toBe(true);
      expect(problems.some((p) => p.includes('unknown article “missing”'))).toBe(true);
      expect(problems.some((p) => p.startsWith('events[2].sources[0].offset'))).toBe(true);
    }
  });

  it('accepts every kind of the shared list and rejects kinds that are not in it', () => {
    for (const { id } of EVENT_KINDS) {
      const data = loadFixture();
      data.events[0] = { ...data.events[0]!, kind: id };
      expect(() => validateTimelineData(data)).not.toThrow();
    }
    for (const old of ['talks', 'colonial-rule', 'martial-law', 'Meeting', '']) {
      const data = loadFixture() as unknown as { events: Record<string, unknown>[] };
      data.events[0]!.kind = old;
      expect(() => validateTimelineData(data)).toThrow(
        /events\[0\]\.kind should be one of meeting,/,
      );
    }
  });

  it('wants the relationship: a title, two parties with colours, lane labels', () => {
    const missing = loadFixture() as unknown as Record<string, unknown>;
    delete missing.relationship;
    expect(() => validateTimelineData(missing)).toThrow(/relationship is missing/);

    const bad = loadFixture();
    const [a] = bad.relationship.parties;
    (bad.relationship as unknown as Record<string, unknown>).parties = [
      { ...a, color: 'blue', colorDark: 7 },
    ];
    (bad.relationship as unknown as Record<string, unknown>).title = '';
    try {
      validateTimelineData(bad);
      expect.unreachable();
    } catch (error) {
      expect((error as DataValidationError).problems).toEqual([
        'relationship.title is empty',
        'relationship.parties[0].color should be a colour written #rrggbb',
        'relationship.parties[0].colorDark should be a colour written #rrggbb, or null',
      ]);
    }
  });

  it('wants exactly two parties', () => {
    const one = loadFixture();
    (one.relationship as unknown as Record<string, unknown>).parties = [
      one.relationship.parties[0],
    ];
    expect(() => validateTimelineData(one)).toThrow(
      /relationship\.parties should name exactly two countries/,
    );
  });

  it('accepts aliases and planned, and checks their types', () => {
    const data = loadFixture();
    data.events[0] = { ...data.events[0]!, aliases: ['old-id', 'older-id'], planned: true };
    data.events[1] = { ...data.events[1]!, aliases: [], planned: false };
    expect(validateTimelineData(data)).toBe(data);

    const bad = loadFixture() as unknown as { events: Record<string, unknown>[] };
    bad.events[0]!.aliases = 'old-id';
    bad.events[1]!.aliases = ['ok', 7];
    bad.events[2]!.planned = 'yes';
    try {
      validateTimelineData(bad);
      expect.unreachable();
    } catch (error) {
      expect((error as DataValidationError).problems).toEqual([
        'events[0].aliases should be an array',
        'events[1].aliases[1] should be a string',
        'events[2].planned should be true or false when present',
      ]);
    }
  });

  it('accepts undated events and checks them like dated ones, plus their reason', () => {
    const data = loadFixture();
    const source = data.events[5]!.sources[0]!;
    data.undated = [
      {
        id: 'lee-ishiba-phone-call',
        aliases: ['lee-ishiba-call'],
        planned: true,
        title: 'Lee Jae-myung and Shigeru Ishiba speak by phone',
        kind: 'meeting',
        actors: ['lee-jae-myung', 'shigeru-ishiba'],
        place: null,
        sources: [source],
        reason: 'relative date “on Monday” cannot be resolved: the article has no publication date',
      },
    ];
    expect(validateTimelineData(data)).toBe(data);

    const bad = loadFixture() as unknown as { undated: unknown };
    bad.undated = [
      { id: 'a', title: 'A', kind: 'talks', actors: ['nobody'], place: null, sources: [] },
      { id: 'a', title: 'B', kind: 'other', actors: [], place: null, sources: [], reason: 'x' },
      'not an event',
    ];
    try {
      validateTimelineData(bad);
      expect.unreachable();
    } catch (error) {
      const problems = (error as DataValidationError).problems;
      expect(problems.some((p) => p.startsWith('undated[0].kind should be one of'))).toBe(true);
      expect(problems).toContain('undated[0].actors names unknown actor “nobody”');
      expect(problems).toContain('undated[0].reason should be a string');
      expect(problems).toContain('undated[1].id repeats “a”');
      expect(problems).toContain('undated[2] should be an object');
    }

    const notArray = loadFixture() as unknown as { undated: unknown };
    notArray.undated = {};
    expect(() => validateTimelineData(notArray)).toThrow(/timeline\.undated should be an array/);
  });

  it('reads a file from before the undated list as having none', () => {
    const data = loadFixture() as unknown as Record<string, unknown>;
    delete data.undated;
    const validated = validateTimelineData(data);
    expect(validated.undated).toEqual([]);
    expect(validated.events).toBe(data.events);
  });

  it('rejects duplicate ids and ends before starts', () => {
    const data = loadFixture();
    data.events[1] = { ...data.events[1]!, id: data.events[0]!.id };
    data.events[2] = { ...data.events[2]!, dateKind: 'range', start: '2025', end: '2024' };
    expect(() => validateTimelineData(data)).toThrow(/repeats|before its start/);
  });
});

describe('cross-field checks of the schema', () => {
  function problemsOf(mutate: (data: TimelineData) => void): string[] {
    const data = loadFixture();
    mutate(data);
    try {
      validateTimelineData(data);
      return [];
    } catch (error) {
      return (error as DataValidationError).problems;
    }
  }

  it('reports a missing field as its type would be, and a range or bounds without an end', () => {
    expect(
      problemsOf((d) => {
        delete (d.events[0] as Partial<TimelineEvent>).title;
        d.events[1]!.dateKind = 'range';
        delete d.events[1]!.end;
        delete (d.actors[0] as Partial<Actor>).detected;
      }),
    ).toEqual([
      'actors[0].detected should be true or false',
      'events[0].title should be a string',
      'events[1].end should be a date written YYYY, YYYY-MM or YYYY-MM-DD',
    ]);
  });

  it('compares ends and starts by the periods they name', () => {
    expect(
      problemsOf((d) => Object.assign(d.events[2]!, { start: '2025-06', end: '2025' })),
    ).toEqual([]);
    expect(
      problemsOf((d) =>
        Object.assign(d.events[2]!, { dateKind: 'range', start: '2025-06', end: '2025-05-31' }),
      ),
    ).toEqual(['events[2].end is before its start']);
    expect(
      problemsOf((d) => Object.assign(d.contexts[0]!, { start: '1945', end: '1910' })),
    ).toEqual(['contexts[0].end is before its start']);
  });

  it('checks that articles and contexts name listed events, actors and articles', () => {
    const problems = problemsOf((d) => {
      d.articles[0]!.eventIds.push('no-such-event');
      d.articles[1]!.publishedBasis = { kind: 'inferred', note: 'x', fromArticleId: 'nowhere' };
      d.contexts[0]!.actorId = 'nobody';
      d.articles.push({ ...d.articles[0]! });
    });
    expect(problems).toEqual([
      'articles[2].id repeats “000_86a969139ba81000”',
      'articles[0].eventIds names unknown event “no-such-event”',
      'articles[1].publishedBasis.fromArticleId names unknown article “nowhere”',
      'articles[2].eventIds names unknown event “no-such-event”',
      'contexts[0].actorId names unknown actor “nobody”',
    ]);
  });
});

describe('validateArticleBody', () => {
  const id = '001_2187417dd207f657';
  it('accepts a valid article', () => {
    const article = loadFixtureArticle(id);
    expect(validateArticleBody(article, id)).toBe(article);
  });

  it('rejects an article under the wrong name or with mentions past the text', () => {
    const article = loadFixtureArticle(id);
    expect(() => validateArticleBody(article, 'other')).toThrow(DataValidationError);
    article.dateMentions = [{ text: 'x', offset: article.body.length, eventId: 'e' }];
    expect(() => validateArticleBody(article, id)).toThrow(/past the end/);
    article.dateMentions = [{ text: 'no such words', offset: 0, eventId: 'e' }];
    expect(() => validateArticleBody(article, id)).toThrow(
      /dateMentions\[0\]\.offset does not point at its text in the body/,
    );
  });
});
