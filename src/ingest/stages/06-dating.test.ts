import { describe, expect, it } from 'vitest';
import type { TemporalExpr, TemporalForm } from './03-temporal.ts';
import { resolveExpression } from './06-dating.ts';

const expr = (form: TemporalForm, text = 'x'): TemporalExpr => ({
  text,
  start: 0,
  end: 1,
  form,
  role: 'at',
});
const ref = { date: '2025-06-18', note: 'date line', inferred: false };
const none = { date: null, note: 'no date', inferred: false };

describe('dating against the reference time', () => {
  it('a weekday is the latest such day on or before publication, forward for plans', () => {
    const tue = expr({ type: 'weekday', weekday: 2, modifier: null }, 'Tuesday');
    expect(resolveExpression(tue, ref, { future: false, last: null })).toMatchObject({
      ok: true,
      date: { start: '2025-06-17', inferred: true },
    });
    expect(resolveExpression(tue, ref, { future: true, last: null })).toMatchObject({
      ok: true,
      date: { start: '2025-06-24' },
    });
  });

  it('"last December" in a June article is the December before, a month', () => {
    const r = resolveExpression(
      expr({ type: 'month', month: 12, modifier: 'last', part: null }),
      ref,
      { future: false, last: null },
    );
    expect(r).toMatchObject({ ok: true, date: { start: '2024-12', dateKind: 'point' } });
  });

  it('"late October" stays within its bounds', () => {
    const r = resolveExpression(
      expr({ type: 'month', month: 10, modifier: 'last', part: 'late' }),
      ref,
      { future: false, last: null },
    );
    expect(r).toMatchObject({
      ok: true,
      date: { start: '2024-10-21', end: '2024-10-31', dateKind: 'bounded' },
    });
  });

  it('a relative date without a publication date stays unresolved, with the reason', () => {
    const r = resolveExpression(
      expr({ type: 'weekday', weekday: 1, modifier: null }, 'Monday'),
      none,
      { future: false, last: null },
    );
    expect(r).toMatchObject({ ok: false });
    expect(r.ok ? '' : r.reason).toMatch(/no publication date/);
  });

  it('"the previous year" counts from the last date the article gave, and says so', () => {
    const r = resolveExpression(expr({ type: 'anaphoric', unit: 'year', delta: -1 }), ref, {
      future: false,
      last: '2019',
    });
    expect(r).toMatchObject({ ok: true, date: { start: '2018', inferred: true } });
    expect(
      resolveExpression(expr({ type: 'anaphoric', unit: 'year', delta: -1 }), ref, {
        future: false,
        last: null,
      }).ok,
    ).toBe(false);
  });

  it('stated dates keep their precision', () => {
    expect(
      resolveExpression(expr({ type: 'date', year: 1950, month: 6 }), none, {
        future: false,
        last: null,
      }),
    ).toMatchObject({ ok: true, date: { start: '1950-06', inferred: false } });
  });
});
