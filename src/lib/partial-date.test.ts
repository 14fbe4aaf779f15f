import { describe, expect, it } from 'vitest';
import {
  addDays,
  comparePartial,
  daysInMonth,
  firstDay,
  formatPartialDate,
  isValidPartialDate,
  lastDay,
  MONTH_NAMES,
  parsePartialDate,
  periodEnd,
  periodStart,
  precisionOf,
  toIsoDay,
  weekdayName,
} from './partial-date';

describe('partial dates', () => {
  it('keeps the precision of the data in labels', () => {
    expect(formatPartialDate('1910')).toBe('1910');
    expect(formatPartialDate('2024-12')).toBe('Dec 2024');
    expect(formatPartialDate('2025-06-17')).toBe('17 Jun 2025');
  });

  it('rejects impossible dates', () => {
    expect(parsePartialDate('2025-02-29')).toBeNull();
    expect(parsePartialDate('2024-02-29')?.precision).toBe('day');
    expect(parsePartialDate('2025-13')).toBeNull();
    expect(parsePartialDate('25-01-01')).toBeNull();
  });

  it('spans the whole period a partial date names', () => {
    expect(toIsoDay(periodStart('2024-12'))).toBe('2024-12-01');
    expect(toIsoDay(periodEnd('2024-12'))).toBe('2025-01-01');
    expect(toIsoDay(periodEnd('1945'))).toBe('1946-01-01');
    expect(toIsoDay(periodEnd('2025-06-17'))).toBe('2025-06-18');
    expect(precisionOf('2024-12')).toBe('month');
  });

  it('handles years before 1970 and far ones', () => {
    expect(toIsoDay(periodStart('1910'))).toBe('1910-01-01');
    expect(toIsoDay(periodStart('0099-03-01'))).toBe('0099-03-01');
  });

  it('knows the length of every month, leap years included, as Date does', () => {
    for (let year = 1582; year <= 2400; year += 1) {
      for (let month = 1; month <= 12; month += 1) {
        const viaDate = new Date(Date.UTC(year, month, 0)).getUTCDate();
        if (daysInMonth(year, month) !== viaDate) {
          expect(`${year}-${month}: ${daysInMonth(year, month)}`).toBe(
            `${year}-${month}: ${viaDate}`,
          );
        }
      }
    }
    expect(parsePartialDate('2024-02-29')?.day).toBe(29);
    expect(parsePartialDate('1900-02-29')).toBeNull();
    expect(parsePartialDate('2000-02-29')?.day).toBe(29);
  });

  it("does the ingest's string arithmetic on the UTC calendar", () => {
    expect(isValidPartialDate('2024-02-29')).toBe(true);
    expect(isValidPartialDate('2025-02-29')).toBe(false);
    expect(isValidPartialDate('June 2025')).toBe(false);
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(weekdayName('2025-06-17')).toBe('Tuesday');
    expect(firstDay('1910')).toBe('1910-01-01');
    expect(lastDay('2024-02')).toBe('2024-02-29');
    expect(lastDay('1945')).toBe('1945-12-31');
  });

  it('orders partial dates by their first day, the coarser first', () => {
    const sorted = ['2025-06-17', '2025', '2024-12', '2025-06', '1910'].sort(comparePartial);
    expect(sorted).toEqual(['1910', '2024-12', '2025', '2025-06', '2025-06-17']);
  });

  it('labels months with the first letters of the shared month names', () => {
    MONTH_NAMES.forEach((name, i) => {
      const label = formatPartialDate(`2025-${String(i + 1).padStart(2, '0')}`);
      expect(label).toBe(`${name.slice(0, 3)} 2025`);
    });
  });
});
