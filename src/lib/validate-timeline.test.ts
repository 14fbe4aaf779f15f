import { describe, expect, it } from 'vitest';
import { loadFixture, loadFixtureArticle } from '../../tests/unit/fixture';
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

  it('rejects duplicate ids and ends before starts', () => {
    const data = loadFixture();
    data.events[1] = { ...data.events[1]!, id: data.events[0]!.id };
    data.events[2] = { ...data.events[2]!, dateKind: 'range', start: '2025', end: '2024' };
    expect(() => validateTimelineData(data)).toThrow(/repeats|before its start/);
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
  });
});
