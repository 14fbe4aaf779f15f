import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_VIEW_STATE,
  effectiveViewMode,
  onlyWindowDiffers,
  parseViewState,
  serializeOpenView,
  serializeViewState,
  type KnownIds,
  type ViewState,
} from './url-search-params';

const known: KnownIds = {
  eventIds: new Set(['2025-06-17-lee-ishiba-meeting', 'martial-law-2024-12', 'colonial-rule']),
  actorIds: new Set(['lee-jae-myung', 'shigeru-ishiba', 'yoon-suk-yeol']),
};

describe('parseViewState', () => {
  it('returns the default view for an empty query', () => {
    expect(parseViewState('')).toEqual({ state: DEFAULT_VIEW_STATE, notices: [] });
    expect(parseViewState('?')).toEqual({ state: DEFAULT_VIEW_STATE, notices: [] });
  });

  it('reads every parameter of a full link', () => {
    const { state, notices } = parseViewState(
      '?event=2025-06-17-lee-ishiba-meeting&leaders=lee-jae-myung,shigeru-ishiba&match=all&from=2025-05-01&to=2025-07-01&q=G7+summit',
      known,
    );
    expect(notices).toEqual([]);
    expect(state).toEqual({
      event: '2025-06-17-lee-ishiba-meeting',
      leaders: ['lee-jae-myung', 'shigeru-ishiba'],
      match: 'all',
      from: '2025-05-01',
      to: '2025-07-01',
      q: 'G7 summit',
      view: null,
      embed: false,
    });
  });

  it('reads the view mode, and drops an unknown one with a notice', () => {
    expect(parseViewState('view=list').state.view).toBe('list');
    expect(parseViewState('view=timeline').state.view).toBe('timeline');
    expect(parseViewState('').state.view).toBeNull();
    const bad = parseViewState('view=<b>grid</b>&q=G7');
    expect(bad.state.view).toBeNull();
    expect(bad.state.q).toBe('G7');
    expect(bad.notices).toHaveLength(1);
    expect(bad.notices[0]).toContain('view=');
    // Case matters, as for every other value.
    expect(parseViewState('view=LIST').state.view).toBeNull();
  });

  it('reads embed=1 as an embedded view, and drops other values with a notice', () => {
    expect(parseViewState('event=colonial-rule&embed=1', known)).toEqual({
      state: { ...DEFAULT_VIEW_STATE, event: 'colonial-rule', embed: true },
      notices: [],
    });
    expect(parseViewState('embed=0').state.embed).toBe(false);
    const bad = parseViewState('embed=<b>yes</b>');
    expect(bad.state.embed).toBe(false);
    expect(bad.notices).toEqual(['Ignored embed=“<b>yes</b>”: use “1” or leave it out.']);
  });

  it('keeps valid leaders and drops unknown ones with a notice', () => {
    const { state, notices } = parseViewState('leaders=lee-jae-myung,nobody,shigeru-ishiba', known);
    expect(state.leaders).toEqual(['lee-jae-myung', 'shigeru-ishiba']);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain('nobody');
  });

  it('drops an unknown event but keeps the rest', () => {
    const { state, notices } = parseViewState('event=missing&leaders=yoon-suk-yeol', known);
    expect(state.event).toBeNull();
    expect(state.leaders).toEqual(['yoon-suk-yeol']);
    expect(notices.join(' ')).toContain('missing');
  });

  it('selects the event an alias names, by its own id, without a notice', () => {
    const withAliases: KnownIds = {
      ...known,
      eventAliases: new Map([['lee-ishiba-g7', '2025-06-17-lee-ishiba-meeting']]),
    };
    const { state, notices } = parseViewState('event=lee-ishiba-g7&q=G7', withAliases);
    expect(notices).toEqual([]);
    expect(state.event).toBe('2025-06-17-lee-ishiba-meeting');
    // The URL written back names the event by its own id.
    expect(serializeViewState(state)).toBe('event=2025-06-17-lee-ishiba-meeting&q=G7');
    // An id that is neither an event nor an alias is still dropped with a notice.
    expect(parseViewState('event=lee-ishiba', withAliases).notices.join(' ')).toContain(
      'lee-ishiba',
    );
  });

  it('rejects malformed and impossible dates', () => {
    const { state, notices } = parseViewState('from=2025-02-30&to=tomorrow');
    expect(state.from).toBeNull();
    expect(state.to).toBeNull();
    expect(notices).toHaveLength(2);
  });

  it('drops a window whose start is not before its end', () => {
    const { state, notices } = parseViewState('from=2025-07-01&to=2025-05-01');
    expect(state.from).toBeNull();
    expect(state.to).toBeNull();
    expect(notices).toHaveLength(1);
  });

  it('reports unknown keys, repeated keys and a bad match mode', () => {
    const { state, notices } = parseViewState('zoom=3&q=a&q=b&match=most');
    expect(state.q).toBe('a');
    expect(state.match).toBe('any');
    expect(notices).toHaveLength(3);
  });

  it('never lets markup through into state', () => {
    const { state, notices } = parseViewState(
      'event=<script>alert(1)</script>&leaders=<img src=x onerror=alert(1)>',
    );
    expect(state.event).toBeNull();
    expect(state.leaders).toEqual([]);
    expect(notices).toHaveLength(2);
  });

  it('tolerates broken percent-encoding', () => {
    expect(() => parseViewState('q=%E0%A4%A&event=%')).not.toThrow();
  });
});

describe('serializeViewState', () => {
  it('writes nothing for the default view', () => {
    expect(serializeViewState(DEFAULT_VIEW_STATE)).toBe('');
  });

  it('writes embed=1 last, and the Open in Ties link drops it and keeps the rest', () => {
    const state: ViewState = {
      ...DEFAULT_VIEW_STATE,
      event: 'colonial-rule',
      leaders: ['lee-jae-myung'],
      from: '1900-01-01',
      to: '1950-01-01',
      embed: true,
    };
    expect(serializeViewState(state)).toBe(
      'event=colonial-rule&leaders=lee-jae-myung&from=1900-01-01&to=1950-01-01&embed=1',
    );
    expect(serializeOpenView(state)).toBe(
      'event=colonial-rule&leaders=lee-jae-myung&from=1900-01-01&to=1950-01-01',
    );
    expect(serializeOpenView({ ...DEFAULT_VIEW_STATE, embed: true })).toBe('');
  });

  it('keeps commas and spaces readable', () => {
    const s = serializeViewState({
      ...DEFAULT_VIEW_STATE,
      leaders: ['lee-jae-myung', 'shigeru-ishiba'],
      q: 'G7 summit',
    });
    expect(s).toBe('leaders=lee-jae-myung,shigeru-ishiba&q=G7+summit');
  });

  it('encodes characters that would break the query', () => {
    const s = serializeViewState({ ...DEFAULT_VIEW_STATE, q: 'a&b=c #d' });
    expect(parseViewState(s).state.q).toBe('a&b=c #d');
  });
});

describe('the view mode', () => {
  it('is written last, and only when the link chooses one', () => {
    expect(serializeViewState({ ...DEFAULT_VIEW_STATE, view: 'list', q: 'G7' })).toBe(
      'q=G7&view=list',
    );
    expect(serializeViewState({ ...DEFAULT_VIEW_STATE, view: 'timeline' })).toBe('view=timeline');
    expect(serializeViewState({ ...DEFAULT_VIEW_STATE, view: null })).toBe('');
  });

  it('defaults to the chronology on narrow screens only, and an explicit choice wins', () => {
    expect(effectiveViewMode(null, false)).toBe('timeline');
    expect(effectiveViewMode(null, true)).toBe('list');
    expect(effectiveViewMode('timeline', true)).toBe('timeline');
    expect(effectiveViewMode('list', false)).toBe('list');
  });

  it('is not a window-only change', () => {
    expect(onlyWindowDiffers(DEFAULT_VIEW_STATE, { ...DEFAULT_VIEW_STATE, view: 'list' })).toBe(
      false,
    );
  });
});

describe('onlyWindowDiffers', () => {
  it('tells window-only changes apart from selection changes', () => {
    const a: ViewState = { ...DEFAULT_VIEW_STATE, from: '2020-01-01', to: '2021-01-01' };
    expect(onlyWindowDiffers(a, { ...a, from: '2019-01-01' })).toBe(true);
    expect(onlyWindowDiffers(a, { ...a, event: 'colonial-rule' })).toBe(false);
    expect(onlyWindowDiffers(a, a)).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
// Property-based: thousands of random and adversarial query strings.

const nasty = fc.constantFrom(
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '%',
  '%%',
  '%E0%A4%A',
  '%00',
  '%uD800',
  '\u0000',
  '\ud800',
  '🇰🇷🇯🇵',
  '이재명',
  '石破茂',
  '&&&',
  '===',
  ',,,',
  '+',
  '?',
  '#',
  '9999-99-99',
  '0000-01-01',
  '2024-02-29',
  '2023-02-29',
  '__proto__',
  'constructor',
  'x'.repeat(5000),
);

const keyArb = fc.oneof(
  fc.constantFrom(
    'event',
    'leaders',
    'match',
    'from',
    'to',
    'q',
    'view',
    'embed',
    'EVENT',
    '',
    '__proto__',
  ),
  fc.string({ maxLength: 8 }),
);
const valueArb = fc.oneof(
  nasty,
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom(
    ...known.eventIds,
    ...known.actorIds,
    'all',
    'any',
    '2025-06-17',
    '1910-01-01',
    'list',
    'timeline',
    '1',
  ),
  fc
    .array(fc.constantFrom(...known.actorIds, 'nobody', '', ' '), { maxLength: 6 })
    .map((ids) => ids.join(',')),
);
const rawQueryArb = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc
    .array(fc.tuple(keyArb, valueArb, fc.boolean()), { maxLength: 10 })
    .map((pairs) =>
      pairs
        .map(
          ([k, v, encode]) =>
            `${k}=${encode ? encodeURIComponent(v.replace(/[\uD800-\uDFFF]/g, '')) : v}`,
        )
        .join('&'),
    ),
);

const validStateArb: fc.Arbitrary<ViewState> = fc
  .record({
    event: fc.option(fc.constantFrom(...known.eventIds), { nil: null }),
    leaders: fc.uniqueArray(fc.constantFrom(...known.actorIds), { maxLength: 3 }),
    match: fc.constantFrom('any' as const, 'all' as const),
    embed: fc.boolean(),
    window: fc.option(
      fc
        .tuple(
          fc.date({ min: new Date(1900, 0, 1), max: new Date(2100, 0, 1), noInvalidDate: true }),
          fc.integer({ min: 1, max: 20000 }),
        )
        .map(([start, days]) => {
          const end = new Date(start);
          end.setDate(end.getDate() + days);
          const iso = (d: Date) =>
            `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
          return [iso(start), iso(end)] as const;
        }),
      { nil: null },
    ),
    q: fc.oneof(
      fc.constant(''),
      fc.string({ unit: 'grapheme', maxLength: 40 }).map((s) =>
        s
          .replace(/\s+/gu, ' ')
          .replace(/\p{Cc}/gu, '')
          .trim(),
      ),
    ),
    view: fc.constantFrom(null, 'timeline' as const, 'list' as const),
  })
  .map(({ window, ...rest }) => ({
    ...rest,
    from: window?.[0] ?? null,
    to: window?.[1] ?? null,
  }));

describe('URL codec properties', () => {
  it('never throws, and serialize(parse(x)) is a fixed point', () => {
    fc.assert(
      fc.property(rawQueryArb, fc.boolean(), (raw, withKnown) => {
        const first = parseViewState(raw, withKnown ? known : undefined);
        const s1 = serializeViewState(first.state);
        const second = parseViewState(s1, withKnown ? known : undefined);
        expect(second.state).toEqual(first.state);
        expect(second.notices).toEqual([]);
        expect(serializeViewState(second.state)).toBe(s1);
        if (withKnown) {
          if (first.state.event) expect(known.eventIds.has(first.state.event)).toBe(true);
          for (const id of first.state.leaders) expect(known.actorIds.has(id)).toBe(true);
        }
      }),
      { numRuns: 5000 },
    );
  });

  it('keeps every valid part when garbage is mixed in', () => {
    fc.assert(
      fc.property(
        validStateArb,
        fc.array(fc.tuple(fc.string({ maxLength: 8 }), valueArb), { maxLength: 5 }),
        (state, garbage) => {
          const extra = garbage
            .filter(
              ([k]) =>
                !['event', 'leaders', 'match', 'from', 'to', 'q', 'view', 'embed'].includes(k),
            )
            .map(
              ([k, v]) =>
                `${encodeURIComponent(`x-${k}`)}=${encodeURIComponent(v.replace(/[\uD800-\uDFFF]/g, ''))}`,
            );
          const query = [...extra, serializeViewState(state)].filter(Boolean).join('&');
          const parsed = parseViewState(query, known);
          expect(parsed.state).toEqual(state);
          expect(parsed.notices.length > 0).toBe(extra.length > 0);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
