import * as chrono from 'chrono-node';
import { describe, expect, it } from 'vitest';
import { findTemporalExpressions, resolveTemporal, type Resolution } from './temporal.ts';

/** Resolves the only expression of `text` against `reference`. */
function resolveIn(text: string, reference: string | null, future = false): Resolution {
  const found = findTemporalExpressions(text);
  expect(found, `one expression in “${text}”`).toHaveLength(1);
  return resolveTemporal(found[0]!, reference, { future });
}

function dateOf(r: Resolution) {
  if (!r.ok) throw new Error(r.reason);
  return r.date;
}

describe('temporal expressions', () => {
  it('reads a weekday as the latest such day on or before the publication date', () => {
    // 2025-06-18 is a Wednesday.
    expect(dateOf(resolveIn('during a Tuesday meeting between', '2025-06-18')).start).toBe(
      '2025-06-17',
    );
    expect(dateOf(resolveIn('reported on Wednesday', '2025-06-18')).start).toBe('2025-06-18');
    expect(dateOf(resolveIn('they met on Thursday', '2025-06-18')).start).toBe('2025-06-12');
    expect(dateOf(resolveIn('they met last Wednesday', '2025-06-18')).start).toBe('2025-06-11');
    expect(dateOf(resolveIn('they will meet on Friday', '2025-06-18', true)).start).toBe(
      '2025-06-20',
    );
  });

  it('reads a date word that opens a sentence ("Last August", "Last Tuesday")', () => {
    expect(dateOf(resolveIn('Last August, the two sides met.', '2025-06-18')).start).toBe(
      '2024-08',
    );
    // Capitalised, it reads exactly as in mid-sentence.
    expect(dateOf(resolveIn('Last Tuesday the two sides met.', '2025-06-18')).start).toBe(
      dateOf(resolveIn('the two sides met last Tuesday.', '2025-06-18')).start,
    );
  });

  it('reads "last December" in a June article as the December before, a month (chrono-node says the coming one)', () => {
    const r = dateOf(resolveIn('the imposition of martial law last December', '2025-06-18'));
    expect(r.start).toBe('2024-12');
    expect(r.relative).toBe(true);
    const chronoReading = chrono.parse(
      'martial law last December',
      new Date(Date.UTC(2025, 5, 18, 12)),
    )[0];
    expect(chronoReading?.start.get('year')).toBe(2025);
    expect(chronoReading?.start.get('month')).toBe(12);
    expect(dateOf(resolveIn('last December', '2025-12-20')).start).toBe('2024-12');
    expect(dateOf(resolveIn('last March', '2025-06-18')).start).toBe('2025-03');
  });

  it('gives a day without a year the year of the publication date, or the one before when it would be later', () => {
    expect(dateOf(resolveIn('since assuming office on June 4', '2025-06-18')).start).toBe(
      '2025-06-04',
    );
    expect(dateOf(resolveIn('since assuming office on June 24', '2025-06-18')).start).toBe(
      '2024-06-24',
    );
    expect(dateOf(resolveIn('on 4 June', '2025-06-18')).start).toBe('2025-06-04');
  });

  it('reads bare year ranges (chrono-node misses them)', () => {
    const r = dateOf(resolveIn('colonial rule over the Korean Peninsula from 1910 to 1945', null));
    expect(r).toMatchObject({ start: '1910', end: '1945', relative: false });
    expect(chrono.parse('from 1910 to 1945', new Date(Date.UTC(2025, 5, 18))).length).toBe(0);
    expect(dateOf(resolveIn('the war of 1950–53', null))).toMatchObject({
      start: '1950',
      end: '1953',
    });
  });

  it('keeps the precision the text gives', () => {
    expect(dateOf(resolveIn('on June 4, 2025', null)).start).toBe('2025-06-04');
    expect(dateOf(resolveIn('in December 2024', null)).start).toBe('2024-12');
    expect(dateOf(resolveIn('normalised in 1965', null)).start).toBe('1965');
    expect(dateOf(resolveIn('on 2025-06-18', null)).start).toBe('2025-06-18');
    expect(dateOf(resolveIn('last year', '2025-06-18')).start).toBe('2024');
    expect(dateOf(resolveIn('last month', '2025-01-18')).start).toBe('2024-12');
  });

  it('does not treat "now", "this year", "currently" or the verb "may" as dates', () => {
    for (const text of [
      'Relations are now stable.',
      'Their first summit this year.',
      'Trade is currently growing.',
      'They may meet again.',
      'About 2000 people attended.',
    ]) {
      expect(findTemporalExpressions(text), text).toEqual([]);
    }
  });

  it('leaves relative dates unresolved without a publication date, and says why', () => {
    const r = resolveIn('last December', null);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/no publication date/);
    expect(resolveIn('from 1910 to 1945', null).ok).toBe(true);
  });

  it('rejects impossible calendar dates', () => {
    expect(findTemporalExpressions('on February 30, 2025')).toEqual([]);
    expect(findTemporalExpressions('on 2025-13-45')).toEqual([]);
  });
});
