import { describe, expect, it } from 'vitest';
import { findTemporal } from './03-temporal.ts';

const read = (text: string) =>
  findTemporal({ index: 0, text, start: 0, end: text.length, line: 1, tokens: [] }).map((e) => ({
    text: e.text,
    role: e.role,
    form: e.form,
  }));

describe('temporal expressions (chrono-node with custom parsers and refiners)', () => {
  it('reads year ranges, written out and hyphenated, as ranges', () => {
    expect(read('colonial rule from 1910 to 1945.')[0]).toMatchObject({
      form: { type: 'year-range', from: 1910, to: 1945 },
    });
    expect(read("Japan's 1910-45 colonial rule")[0]).toMatchObject({
      form: { type: 'year-range', from: 1910, to: 1945 },
    });
  });

  it('reads a bare year, also opening a sentence, and "since"/"up to" as bounds', () => {
    expect(read('In 1998, the two leaders')[0]).toMatchObject({
      text: '1998',
      role: 'at',
      form: { type: 'date', year: 1998 },
    });
    expect(read('Since 2019, the dispute')[0]).toMatchObject({ role: 'since' });
    expect(read('colonisation of Korea up to 1945')[0]).toMatchObject({ role: 'until' });
  });

  it('reads "the Nth anniversary of" with the date of the anniversary it gives', () => {
    const [year, anniversary] = read(
      'This year marks the 150th anniversary of the outbreak of war.',
    );
    expect(anniversary).toMatchObject({
      text: '150th anniversary of',
      form: { type: 'anniversary', years: 150, of: { text: 'This year' } },
    });
    expect(year!.text).toBe('This year');
    expect(read('as they mark the fortieth anniversary of the treaty')[0]!.form).toMatchObject({
      type: 'anniversary',
      years: 40,
      of: null,
    });
  });

  it('a day a clause names ("designated Feb. 22 as …") is not the time of the clause', () => {
    expect(read('The assembly designated Feb. 22 as "Island Day" on Wednesday.')).toMatchObject([
      { text: 'Wednesday' },
    ]);
  });

  it('keeps the modifier with a month and never makes it a day', () => {
    expect(read('martial law last December')[0]).toMatchObject({
      text: 'last December',
      form: { type: 'month', month: 12, modifier: 'last' },
    });
    expect(read('late last October')[0]).toMatchObject({
      form: { type: 'month', month: 10, part: 'late' },
    });
  });

  it('reads seasons and anaphora', () => {
    expect(read('in the summer of 2019')[0]).toMatchObject({
      form: { type: 'season', season: 'summer', year: 2019 },
    });
    expect(read('rulings in the previous year')[0]).toMatchObject({
      form: { type: 'anaphoric', unit: 'year', delta: -1 },
    });
  });

  it('drops durations, ages, amounts, clock times and "now"', () => {
    for (const text of [
      '35 years of rule',
      'a three-day visit',
      'died at the age of 92',
      '$800 million in loans',
      '100 million won',
      'at 1.03pm local time',
      'is now serving',
      'after 14 years of talks',
      'the 570,000 Koreans',
    ])
      expect(read(text), text).toEqual([]);
  });

  it('marks approximate spans as vague instead of dating them', () => {
    expect(read('a bomb attack nearly a year ago')[0]!.form.type).toBe('vague');
  });
});
