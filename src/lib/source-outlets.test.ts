import { describe, expect, it } from 'vitest';
import {
  outletOf,
  outletsLabel,
  publishedBasisLabel,
  publishedLabel,
  sourceCountLabel,
  sourcesSummary,
} from './source-outlets';

const articles = new Map([
  ['a', { source: 'MENAFN' }],
  ['b', { source: null }],
  ['c', { source: 'MENAFN' }],
  ['d', { source: '  ' }],
]);

describe('source outlets', () => {
  it('names the outlet, or says it is not stated', () => {
    expect(outletOf({ source: 'Yonhap' })).toBe('Yonhap');
    expect(outletOf({ source: null })).toBe('outlet not stated');
    expect(outletOf({ source: ' ' })).toBe('outlet not stated');
    expect(outletOf(undefined)).toBe('outlet not stated');
  });

  it('lists each outlet once, in source order, with a count when repeated', () => {
    expect(outletsLabel([{ articleId: 'b' }, { articleId: 'a' }], articles)).toBe(
      'outlet not stated, MENAFN',
    );
    expect(
      outletsLabel([{ articleId: 'a' }, { articleId: 'c' }, { articleId: 'd' }], articles),
    ).toBe('MENAFN (2), outlet not stated');
    expect(outletsLabel([{ articleId: 'missing' }], articles)).toBe('outlet not stated');
  });

  it('summarises count and outlets', () => {
    expect(sourceCountLabel(1)).toBe('1 source');
    expect(sourceCountLabel(3)).toBe('3 sources');
    expect(sourcesSummary([{ articleId: 'a' }, { articleId: 'b' }], articles)).toBe(
      '2 sources: MENAFN, outlet not stated',
    );
  });
});

describe('publication dates', () => {
  it('keeps the precision and says when the date was inferred or is unknown', () => {
    const stated = { kind: 'stated' as const, note: 'date line (line 1)' };
    const inferred = { kind: 'inferred' as const, note: 'from 001 (dated 2025-06-18)' };
    expect(publishedLabel({ published: '2025-06-18', publishedBasis: stated })).toBe(
      'Published 18 Jun 2025',
    );
    expect(publishedLabel({ published: '2025-06-18', publishedBasis: inferred })).toBe(
      'Published 18 Jun 2025 (inferred)',
    );
    expect(
      publishedLabel({ published: null, publishedBasis: { kind: 'unknown', note: 'none' } }),
    ).toBe('Publication date unknown');
    expect(publishedLabel(undefined)).toBe('Publication date unknown');
    expect(publishedBasisLabel(stated)).toBe('Stated in the article: date line (line 1)');
    expect(publishedBasisLabel(inferred)).toBe('Inferred: from 001 (dated 2025-06-18)');
    expect(
      publishedBasisLabel({ kind: 'inferred', note: 'inferred from 001 (dated 2025-06-18)' }),
    ).toBe('Inferred from 001 (dated 2025-06-18)');
    expect(publishedBasisLabel({ kind: 'unknown', note: 'no date line' })).toBe(
      'No publication date: no date line',
    );
  });
});
