import { describe, expect, it } from 'vitest';
import {
  assignEvents,
  compareLeaders,
  dateRight,
  datesUndated,
  eventSentenceMatch,
  inventsDay,
  longestCommonSubstring,
  matchSentence,
  normaliseName,
  normaliseText,
  titleProxy,
  type ActorNames,
  type ExpectedEvent,
  type OutEvent,
} from './eval-match.ts';

function ev(over: Partial<OutEvent> = {}): OutEvent {
  return {
    id: 'e1',
    title: 'Japan lifts export curbs on South Korea',
    start: '2023-06-27',
    end: null,
    dateKind: 'point',
    undated: false,
    actors: [],
    sources: [],
    ...over,
  };
}

function expected(over: Partial<ExpectedEvent> = {}): ExpectedEvent {
  return {
    summary: 'Japan lifts export restrictions on South Korea.',
    date: '2023-06-27',
    precision: 'day',
    leaders: [],
    supporting_sentence: 'Japan lifted the curbs on Tuesday.',
    ...over,
  };
}

describe('sentences', () => {
  const sentence = 'Japan’s Ministry said “yes” on Tuesday — finally.';

  it('normalises quotes, dashes, whitespace and case', () => {
    expect(normaliseText('  Japan’s  “Big”\n\tday – ‘now’…  ')).toBe(
      `japan's "big" day - 'now'...`,
    );
  });

  it('accepts a quote that contains the sentence', () => {
    expect(matchSentence(`Before it. ${sentence} After it.`, sentence)).toBe('contains');
  });

  it('accepts a quote contained in the sentence', () => {
    expect(matchSentence('Ministry said “yes” on Tuesday', sentence)).toBe('contained');
  });

  it('matches across curly and straight quotes and dashes', () => {
    expect(matchSentence(`Japan's Ministry said "yes" on Tuesday - finally.`, sentence)).toBe(
      'contains',
    );
  });

  it('finds a partial overlap of at least 60% of the shorter text, and not less', () => {
    const a = 'The treaty was signed in Tokyo after long talks. Seoul protested.';
    const b = 'Critics said the treaty was signed in Tokyo after long talks.';
    expect(matchSentence(a, b)).toBe('partial');
    expect(matchSentence('The treaty was signed in Seoul by nobody at all today.', b)).toBeNull();
    expect(longestCommonSubstring('abcdef', 'xxcdeyy')).toBe(3);
  });

  it('rejects unrelated and empty quotes', () => {
    expect(matchSentence('Something else entirely happened here.', sentence)).toBeNull();
    expect(matchSentence('', sentence)).toBeNull();
  });

  it('only looks at sources of the right article', () => {
    const e = ev({ sources: [{ articleId: 'other', quote: sentence, offset: 0 }] });
    expect(eventSentenceMatch(e, 'mine', sentence)).toBeNull();
    expect(eventSentenceMatch(e, 'other', sentence)).toBe('contains');
  });
});

describe('dates', () => {
  it('day, month and year need a point with exactly the expected string', () => {
    expect(dateRight(expected({ date: '2023-06-27', precision: 'day' }), ev())).toBe(true);
    expect(
      dateRight(expected({ date: '2023-06-27', precision: 'day' }), ev({ start: '2023-06-28' })),
    ).toBe(false);
    expect(
      dateRight(expected({ date: '2023-06', precision: 'month' }), ev({ start: '2023-06' })),
    ).toBe(true);
    expect(
      dateRight(expected({ date: '2023-06', precision: 'month' }), ev({ start: '2023-06-01' })),
    ).toBe(false);
    expect(dateRight(expected({ date: '2023', precision: 'year' }), ev({ start: '2023' }))).toBe(
      true,
    );
    expect(dateRight(expected({ date: '2023', precision: 'year' }), ev({ start: '2023-06' }))).toBe(
      false,
    );
    expect(
      dateRight(
        expected({ date: '2023', precision: 'year' }),
        ev({ start: '2023', dateKind: 'bounded' }),
      ),
    ).toBe(false);
  });

  it('range needs a range with the same start and end', () => {
    const e = expected({ date: '1910', end: '1945', precision: 'range' });
    expect(dateRight(e, ev({ start: '1910', end: '1945', dateKind: 'range' }))).toBe(true);
    expect(dateRight(e, ev({ start: '1910', end: '1944', dateKind: 'range' }))).toBe(false);
    expect(dateRight(e, ev({ start: '1910', end: '1945', dateKind: 'bounded' }))).toBe(false);
    expect(dateRight(e, ev({ start: '1910' }))).toBe(false);
  });

  it('bounded compares each non-null bound; a null bound accepts anything', () => {
    const both = expected({ date: '1965-06-21', end: '1965-06-27', precision: 'bounded' });
    expect(
      dateRight(both, ev({ start: '1965-06-21', end: '1965-06-27', dateKind: 'bounded' })),
    ).toBe(true);
    expect(
      dateRight(both, ev({ start: '1965-06-22', end: '1965-06-27', dateKind: 'bounded' })),
    ).toBe(false);
    expect(dateRight(both, ev({ start: '1965-06-22' }))).toBe(false);
    const noEnd = expected({ date: '1961', end: null, precision: 'bounded' });
    expect(dateRight(noEnd, ev({ start: '1961', end: '1979', dateKind: 'bounded' }))).toBe(true);
    expect(dateRight(noEnd, ev({ start: '1962', end: '1979', dateKind: 'bounded' }))).toBe(false);
    const noStart = expected({ date: null, end: '2024-07-27', precision: 'bounded' });
    expect(dateRight(noStart, ev({ start: '2024', end: '2024-07-27', dateKind: 'bounded' }))).toBe(
      true,
    );
    expect(dateRight(noStart, ev({ start: '2024', end: '2024-07-28', dateKind: 'bounded' }))).toBe(
      false,
    );
  });

  it('unknown needs an undated event (or one without a start)', () => {
    const e = expected({ date: null, precision: 'unknown' });
    expect(dateRight(e, ev({ undated: true, start: null, dateKind: null }))).toBe(true);
    expect(dateRight(e, ev({ start: null }))).toBe(true);
    expect(dateRight(e, ev({ start: '2002-07-01' }))).toBe(false);
    expect(datesUndated(e, ev({ start: '2002-07-01' }))).toBe(true);
    expect(datesUndated(e, ev({ undated: true, start: null }))).toBe(false);
    // and an undated output is wrong for a dated expectation
    expect(dateRight(expected(), ev({ undated: true, start: null, dateKind: null }))).toBe(false);
  });

  it('counts a day as invented only where the expectation has no such day', () => {
    expect(
      inventsDay(expected({ date: '2005-03', precision: 'month' }), ev({ start: '2005-03-01' })),
    ).toBe(true);
    expect(
      inventsDay(expected({ date: null, precision: 'unknown' }), ev({ start: '2002-07-01' })),
    ).toBe(true);
    expect(
      inventsDay(expected({ date: '2005-03', precision: 'month' }), ev({ start: '2005-03' })),
    ).toBe(false);
    expect(inventsDay(expected({ precision: 'day' }), ev({ start: '2023-06-28' }))).toBe(false);
    const bounded = expected({ date: '1965-06-21', end: '1965-06-27', precision: 'bounded' });
    expect(
      inventsDay(bounded, ev({ start: '1965-06-21', end: '1965-06-27', dateKind: 'bounded' })),
    ).toBe(false);
    expect(inventsDay(bounded, ev({ start: '1965-06-22' }))).toBe(true);
  });
});

describe('leaders', () => {
  const actors = new Map<string, ActorNames>([
    ['kim-dae-jung', { id: 'kim-dae-jung', name: 'Kim Dae-jung', aliases: [] }],
    ['ishiba', { id: 'ishiba', name: 'Ishiba Shigeru', aliases: ['Shigeru Ishiba'] }],
    ['abe', { id: 'abe', name: 'Shinzo Abe', aliases: [] }],
    ['roh', { id: 'roh', name: 'Roh Moo-hyun', aliases: [] }],
  ]);

  it('normalises diacritics, hyphens, spaces and case', () => {
    expect(normaliseName('Kim Dae-jung')).toBe(normaliseName('KIM Daejung'));
    expect(normaliseName('Rōh Moo‑hyun')).toBe('rohmoohyun');
  });

  it('accepts the same set through names, hyphen variants and aliases', () => {
    const r = compareLeaders(['Kim Daejung', 'Shigeru Ishiba'], ['ishiba', 'kim-dae-jung'], actors);
    expect(r.exact).toBe(true);
    expect(compareLeaders(['Rôh Moo hyun'], ['roh'], actors).exact).toBe(true);
    expect(compareLeaders([], [], actors).exact).toBe(true);
  });

  it('reports a superset, a missing leader and a wrong person', () => {
    const sup = compareLeaders(['Shigeru Ishiba'], ['ishiba', 'abe'], actors);
    expect(sup).toMatchObject({ exact: false, superset: true, extra: ['Shinzo Abe'] });
    const miss = compareLeaders(['Shigeru Ishiba', 'Lee Jae-myung'], ['ishiba'], actors);
    expect(miss).toMatchObject({ exact: false, superset: false, missing: ['Lee Jae-myung'] });
    expect(compareLeaders(['Shintaro Abe'], ['abe'], actors).exact).toBe(false);
    expect(compareLeaders([], ['abe'], actors).superset).toBe(true);
  });
});

describe('title proxy', () => {
  const summary = 'Japan lifts export restrictions on South Korea (planned; July 21).';

  it('accepts a whole title that says what happened', () => {
    expect(titleProxy('Japan lifts export curbs on South Korea', summary)).toMatchObject({
      ok: true,
    });
  });

  it('rejects a title cut after a function word', () => {
    const v = titleProxy('Japan lifts export curbs on', summary);
    expect(v.ok).toBe(false);
    expect(v.reasons).toContain('ends in "on"');
  });

  it('rejects a bare noun', () => {
    const v = titleProxy('Meeting', 'Shigeru Ishiba and Lee Jae-myung meet in Canada.');
    expect(v.ok).toBe(false);
    expect(v.reasons).toContain('no verb');
  });

  it('does not ask for a verb when the summary names a state without one', () => {
    const era = "Japan's colonial rule over the Korean peninsula, 1910 to 1945.";
    expect(titleProxy("Japan's colonial rule of Korea", era).ok).toBe(true);
    expect(titleProxy('Colonial rule', 'Japan imposes colonial rule on Korea.').reasons).toContain(
      'no verb',
    );
  });

  it('rejects an ellipsis, an empty title and a title unrelated to the summary', () => {
    expect(titleProxy('Japan lifts export curbs…', summary).reasons).toContain('cut (ellipsis)');
    expect(titleProxy('Japan lifts export curbs...', summary).ok).toBe(false);
    expect(titleProxy('  ', summary).reasons).toContain('empty');
    expect(titleProxy('Brazil wins the World Cup', summary).reasons).toContain(
      'no content word shared with the summary',
    );
  });

  it('only compares with the summary before the first parenthesis or semicolon', () => {
    expect(titleProxy('July amendment enforced', summary).ok).toBe(false);
  });

  it('takes an infinitive of the summary as a verb', () => {
    expect(titleProxy('Park to normalise Japan link', 'Park agreed to normalise ties.').ok).toBe(
      true,
    );
    expect(
      titleProxy('Park to normalise Japan link', 'Park and Japan links up.').reasons,
    ).toContain('no verb');
  });
});

describe('assignment', () => {
  const sentence =
    'For runners-up Germany, the loss was tempered by hopes when they host the next tournament in 2006.';
  const src = [{ articleId: 'f', quote: sentence, offset: 0 }];
  const actors = new Map<string, ActorNames>();
  const exp = [
    expected({ date: null, precision: 'unknown', supporting_sentence: sentence }),
    expected({ date: '2006', precision: 'year', supporting_sentence: sentence }),
  ];

  it('gives events sharing a sentence the candidate with the right date, each its own', () => {
    const dated = ev({ id: 'd', start: '2006', sources: src });
    const undated = ev({ id: 'u', start: null, dateKind: null, undated: true, sources: src });
    const a = assignEvents(exp, 'f', [dated, undated], actors);
    expect(a.map((x) => x.candidate?.event.id)).toEqual(['u', 'd']);
  });

  it('lets two expected events share the only candidate', () => {
    const dated = ev({ id: 'd', start: '2006', sources: src });
    const a = assignEvents(exp, 'f', [dated], actors);
    expect(a.map((x) => x.candidate?.event.id)).toEqual(['d', 'd']);
  });

  it('finds nothing when no quote of that article matches', () => {
    const other = ev({ id: 'x', sources: [{ articleId: 'g', quote: sentence, offset: 0 }] });
    const a = assignEvents(exp, 'f', [other], actors);
    expect(a.every((x) => x.candidate === null && x.candidates === 0)).toBe(true);
  });
});
