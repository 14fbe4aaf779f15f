/**
 * seeds/corrections.json (stage 10b): every operation on the real seed output, every error with its
 * file:line, and the corrections that no longer apply after a re-ingest.
 */
import { describe, expect, it } from 'vitest';
import { ingest } from '../../../src/ingest/ingest.ts';
import { formatReport } from '../../../src/ingest/output.ts';
import type { TimelineData } from '../../../src/lib/timeline-data.ts';
import type { IngestResult } from '../../../src/ingest/types.ts';
import {
  ARTICLE_000,
  ARTICLE_001,
  file,
  seedActors,
  seedArticles,
  seedEventIds,
  seedRelationship,
} from './helpers.ts';

const MARTIAL = '2024-12-martial-law-yoon';
const RELATIONS = '2022-05-10-relations-yoon';
const IMPEACH = '2024-12-impeachment-yoon';
const COLONIAL = '1910-colonial-rule-japan-korea';
const G7 = '2025-06-17-meeting-ishiba-lee-g7';
const PLEDGE = 'undated-pledge-ishiba-lee';
const COMMIT = 'undated-commit';

/** A corrections file with one correction per line: the i-th (0-based) is on line 4 + i. */
function doc(...corrections: object[]): string {
  return [
    '{',
    '  "version": 1,',
    '  "corrections": [',
    ...corrections.map(
      (c, i) => `    ${JSON.stringify(c)}${i < corrections.length - 1 ? ',' : ''}`,
    ),
    '  ]',
    '}',
    '',
  ].join('\n');
}

function run(corrections: string | null, eventIds = seedEventIds()): IngestResult {
  return ingest(
    {
      articles: seedArticles(),
      actors: seedActors(),
      eventIds,
      relationship: seedRelationship(),
      corrections: corrections === null ? null : file('corrections.json', corrections),
    },
    { actorsLabel: 'seeds/actors.json' },
  );
}

function ok(corrections: string): { t: TimelineData; r: IngestResult } {
  const r = run(corrections);
  expect(r.problems).toEqual([]);
  return { t: r.timeline!, r };
}

const all = (t: TimelineData) => [...t.events, ...t.undated];
const byId = (t: TimelineData, id: string) => all(t).find((e) => e.id === id);

/** The problems, as `file:line: message`. */
function problems(corrections: string, eventIds = seedEventIds()): string[] {
  const r = run(corrections, eventIds);
  expect(r.timeline).toBeNull();
  return r.problems.map((p) => `${p.file}:${p.line}: ${p.message}`);
}

const base = run(null).timeline!;

describe('corrections: operations', () => {
  it('without a corrections file, or with an empty list, the output is unchanged', () => {
    expect(run(doc()).timeline).toEqual(base);
    expect(base.hidden).toBeUndefined();
    expect(all(base).some((e) => e.edited)).toBe(false);
  });

  it('set: title, date, leaders and kind, by id or alias, recorded with the note', () => {
    const { t, r } = ok(
      doc(
        {
          event: '2024-12-martial-law', // an alias of MARTIAL
          set: { title: 'Martial law declared', start: '2024-12-03', leaders: ['yoon-suk-yeol'] },
          note: 'The article dates it to 3 December.',
        },
        { event: RELATIONS, set: { end: null, kind: 'statement' }, note: 'A point, not a period.' },
      ),
    );
    const e = t.events.find((x) => x.id === MARTIAL)!;
    expect(e.title).toBe('Martial law declared');
    expect(e.start).toBe('2024-12-03');
    expect(e.dateKind).toBe('point');
    expect(e.dateInferred).toBe(false);
    expect(e.dateBasis).toMatch(
      /^set by an editor \(corrections\.json\); the ingest read 2024-12:/,
    );
    expect(e.actors).toEqual(['yoon-suk-yeol']);
    expect(e.edited).toEqual([
      {
        action: 'set',
        changes: [
          'title: “Martial law is imposed” → “Martial law declared”',
          'leaders: (none) → yoon-suk-yeol',
          'date: 2024-12 → 2024-12-03',
        ],
        note: 'The article dates it to 3 December.',
      },
    ]);
    const rel = t.events.find((x) => x.id === RELATIONS)!;
    expect(rel.end).toBeUndefined();
    expect(rel.dateKind).toBe('point');
    expect(rel.kind).toBe('statement');
    expect(rel.edited?.[0]?.changes).toEqual([
      'kind: relations → statement',
      'date: 2022-05-10–2025-04-04 → 2022-05-10',
    ]);
    expect(r.corrections).toEqual({ applied: 2, stale: [] });
    expect(formatReport(r)).toContain('corrections: 2 applied, 0 no longer apply');
  });

  it('set: a start dates an undated event, which leaves the undated list and the report', () => {
    const { t, r } = ok(
      doc({ event: COMMIT, set: { start: '2025-06', end: '2025-07' }, note: 'Said in June.' }),
    );
    expect(t.undated.map((e) => e.id)).not.toContain(COMMIT);
    const e = t.events.find((x) => x.id === COMMIT)!;
    expect(e).toMatchObject({ start: '2025-06', end: '2025-07', dateKind: 'range' });
    expect(t.unresolved.length).toBe(base.unresolved.length - 1);
    expect(r.warnings.length).toBe(run(null).warnings.length - 1);
  });

  it('hide: the event, its era and its date links go; a small record stays for links', () => {
    const { t } = ok(
      doc(
        { event: IMPEACH, hide: true, note: 'Not a Korea–Japan event.' },
        { event: COLONIAL, hide: true, note: 'Background only.' },
      ),
    );
    expect(byId(t, IMPEACH)).toBeUndefined();
    expect(t.hidden).toEqual([
      {
        id: COLONIAL,
        aliases: ['1910-colonial-rule'],
        title: byId(base, COLONIAL)!.title,
        note: 'Background only.',
      },
      { id: IMPEACH, title: byId(base, IMPEACH)!.title, note: 'Not a Korea–Japan event.' },
    ]);
    expect(t.contexts.some((c) => c.eventId === COLONIAL)).toBe(false);
    expect(base.contexts.some((c) => c.eventId === COLONIAL)).toBe(true);
    for (const a of t.articles) expect(a.eventIds).not.toContain(IMPEACH);
    // The date links of the text that pointed at a hidden event are plain text again.
    const linked = run(null).bodies.flatMap((b) => b.dateMentions.map((m) => m.eventId))[0]!;
    expect(linked).toBeDefined();
    const r = run(doc({ event: linked, hide: true, note: 'x' }));
    expect(r.problems).toEqual([]);
    for (const b of r.bodies) expect(b.dateMentions.map((m) => m.eventId)).not.toContain(linked);
  });

  it('merge: the second event folds into the first, its id kept as an alias', () => {
    const { t } = ok(doc({ merge: [G7, PLEDGE], note: 'The pledge was made at that summit.' }));
    expect(byId(t, PLEDGE)).toBeUndefined();
    const e = byId(t, G7)!;
    expect(e.aliases).toContain(PLEDGE);
    expect(e.sources.map((s) => s.articleId)).toEqual([ARTICLE_000, ARTICLE_001]);
    expect(e.edited).toEqual([
      {
        action: 'merge',
        changes: [`the event “${byId(base, PLEDGE)!.title}” (${PLEDGE}) was merged into this one`],
        note: 'The pledge was made at that summit.',
      },
    ]);
    expect(t.articles.find((a) => a.id === ARTICLE_001)!.eventIds).toEqual([G7]);
    // An undated event merged with a dated one takes its date.
    const u = ok(doc({ merge: [COMMIT, G7], note: 'Same summit.' })).t;
    expect(u.events.find((x) => x.id === COMMIT)).toMatchObject({ start: '2025-06-17' });
    expect(u.events.find((x) => x.id === COMMIT)!.aliases).toContain(G7);
  });

  it('split: one article’s source becomes its own event, with a derived, stable id', () => {
    const note = 'The second article reports a different meeting.';
    const { t } = ok(doc({ event: G7, split: ARTICLE_001, note }));
    const id = `${G7}-001-2187417dd207f657`;
    const split = byId(t, id)!;
    expect(split.sources.map((s) => s.articleId)).toEqual([ARTICLE_001]);
    expect(split.edited?.[0]).toMatchObject({ action: 'split', note });
    expect(byId(t, G7)!.sources.map((s) => s.articleId)).toEqual([ARTICLE_000]);
    expect(byId(t, G7)!.edited?.[0]?.changes).toEqual([
      `the source ${ARTICLE_001} was split off into the event ${id}`,
    ]);
    expect(t.articles.find((a) => a.id === ARTICLE_001)!.eventIds).toContain(id);
    expect(t.articles.find((a) => a.id === ARTICLE_001)!.eventIds).not.toContain(G7);
    // Re-ingesting gives the same id; a later correction can set the new event.
    const again = ok(
      doc(
        { event: G7, split: ARTICLE_001, note },
        { event: id, set: { title: 'A separate meeting' }, note: 'Its own title.' },
      ),
    ).t;
    expect(byId(again, id)!.title).toBe('A separate meeting');
  });
});

describe('corrections: errors name corrections.json and the line', () => {
  const cases: [string, string, string[]][] = [
    [
      'invalid JSON',
      '{\n  "version": 1,\n  "corrections": [,]\n}\n',
      ["corrections.json:3: invalid JSON: unexpected ','"],
    ],
    [
      'not an object',
      '[]\n',
      ['corrections.json:1: should be an object with "version" and "corrections"'],
    ],
    [
      'wrong version, no list',
      '{\n  "version": 2\n}\n',
      [
        'corrections.json:1: "corrections" should be a list',
        'corrections.json:2: "version" should be 1',
      ],
    ],
    [
      'a correction not an object',
      doc(['x'] as unknown as object),
      ['corrections.json:4: a correction should be an object'],
    ],
    [
      'no operation',
      doc({ event: MARTIAL, note: 'x' }),
      ['corrections.json:4: a correction needs one of "set", "hide", "merge" or "split"'],
    ],
    [
      'two operations',
      doc({ event: MARTIAL, hide: true, split: ARTICLE_000, note: 'x' }),
      ['corrections.json:4: a correction does one thing, not "hide" and "split"'],
    ],
    [
      'unknown key',
      doc({ event: MARTIAL, hide: true, because: 'x', note: 'x' }),
      [
        'corrections.json:4: unknown key "because": a correction has "event", one of "set", "hide", "merge", "split", and "note"',
      ],
    ],
    [
      'no note',
      doc({ event: MARTIAL, hide: true }),
      ['corrections.json:4: "note" should say why, as non-empty text'],
    ],
    [
      'malformed event id',
      doc({ event: 'Not An Id', hide: true, note: 'x' }),
      ['corrections.json:4: "event" should be an event id such as "2025-06-17-meeting-lee"'],
    ],
    [
      'unknown event id',
      doc({ event: '1965-06-normalisation', hide: true, note: 'x' }),
      ['corrections.json:4: unknown event “1965-06-normalisation”: no event has this id or alias'],
    ],
    [
      'bad partial date',
      doc({ event: MARTIAL, set: { start: '1965-13' }, note: 'x' }),
      ['corrections.json:4: "start" should be a real date written YYYY, YYYY-MM or YYYY-MM-DD'],
    ],
    [
      'end before start in the correction',
      doc({ event: MARTIAL, set: { start: '1965-06', end: '1964' }, note: 'x' }),
      ['corrections.json:4: "end" 1964 is before "start" 1965-06'],
    ],
    [
      'end before the event’s start',
      doc({ event: MARTIAL, set: { end: '2024-11-30' }, note: 'x' }),
      [`corrections.json:4: "end" 2024-11-30 would be before "start" 2024-12 of “${MARTIAL}”`],
    ],
    [
      'end on an undated event',
      doc({ event: COMMIT, set: { end: '2025' }, note: 'x' }),
      [`corrections.json:4: “${COMMIT}” has no date: set "start" along with "end"`],
    ],
    [
      'unknown kind',
      doc({ event: MARTIAL, set: { kind: 'coup' }, note: 'x' }),
      ['corrections.json:4: "kind" should be an event kind, e.g. "meeting" (docs/data-format.md)'],
    ],
    [
      'unknown actor',
      doc({ event: MARTIAL, set: { leaders: ['yoon-suk-yeol', 'nobody-at-all'] }, note: 'x' }),
      ['corrections.json:4: unknown actor “nobody-at-all” in "leaders"'],
    ],
    [
      'a field set cannot change',
      doc({ event: MARTIAL, set: { place: 'Seoul' }, note: 'x' }),
      ['corrections.json:4: "set" cannot change "place": only title, start, end, leaders, kind'],
    ],
    [
      'empty set',
      doc({ event: MARTIAL, set: {}, note: 'x' }),
      [
        'corrections.json:4: "set" should be an object with one or more of title, start, end, leaders, kind',
      ],
    ],
    [
      'hide false',
      doc({ event: MARTIAL, hide: false, note: 'x' }),
      ['corrections.json:4: "hide" should be true'],
    ],
    [
      'merge of one event',
      doc({ merge: [MARTIAL], note: 'x' }),
      [
        'corrections.json:4: "merge" should list two event ids: the event to keep, then the one to fold in',
      ],
    ],
    [
      'merge with itself',
      doc({ merge: [MARTIAL, MARTIAL], note: 'x' }),
      [
        `corrections.json:4: "merge" names “${MARTIAL}” twice: an event cannot be merged with itself`.replace(
          /“|”/g,
          '"',
        ),
      ],
    ],
    [
      'split of an unknown article',
      doc({ event: G7, split: '999_missing', note: 'x' }),
      ['corrections.json:4: unknown article “999_missing”: no article has this id'],
    ],
    [
      'conflict: set then hide',
      doc(
        { event: MARTIAL, set: { title: 'T' }, note: 'x' },
        { event: MARTIAL, hide: true, note: 'y' },
      ),
      [
        `corrections.json:5: conflicts with the correction at line 4: “${MARTIAL}” is both changed and hidden`,
      ],
    ],
    [
      'conflict: hide then set',
      doc(
        { event: MARTIAL, hide: true, note: 'x' },
        { event: MARTIAL, set: { title: 'T' }, note: 'y' },
      ),
      [
        `corrections.json:5: conflicts with the correction at line 4, which hides “${MARTIAL}”: it cannot also be changed`,
      ],
    ],
    [
      'conflict: merging a hidden event',
      doc({ event: PLEDGE, hide: true, note: 'x' }, { merge: [G7, PLEDGE], note: 'y' }),
      [
        `corrections.json:5: conflicts with the correction at line 4, which hides “${PLEDGE}”: it cannot also be merged`,
      ],
    ],
    [
      'conflict: splitting a hidden event',
      doc({ event: G7, hide: true, note: 'x' }, { event: G7, split: ARTICLE_001, note: 'y' }),
      [
        `corrections.json:5: conflicts with the correction at line 4, which hides “${G7}”: it cannot also be split`,
      ],
    ],
    [
      'conflict: hiding twice',
      doc({ event: MARTIAL, hide: true, note: 'x' }, { event: MARTIAL, hide: true, note: 'y' }),
      [
        `corrections.json:5: conflicts with the correction at line 4, which hides “${MARTIAL}”: it cannot also be hidden again`,
      ],
    ],
    [
      'conflict: the same field set twice',
      doc(
        { event: MARTIAL, set: { title: 'A' }, note: 'x' },
        { event: '2024-12-martial-law', set: { title: 'B', kind: 'ruling' }, note: 'y' },
      ),
      [
        `corrections.json:5: conflicts with the correction at line 4: both set "title" of “${MARTIAL}”`,
      ],
    ],
  ];
  for (const [name, text, expected] of cases)
    it(name, () => {
      expect(problems(text)).toEqual(expected);
    });

  it('names the line of the offending value inside a correction', () => {
    const text = [
      '{',
      '  "version": 1,',
      '  "corrections": [',
      '    {',
      `      "event": "${MARTIAL}",`,
      '      "set": {',
      '        "title": "Martial law declared",',
      '        "start": "2024-02-30"',
      '      },',
      '      "note": "x"',
      '    }',
      '  ]',
      '}',
    ].join('\n');
    expect(problems(text)).toEqual([
      'corrections.json:8: "start" should be a real date written YYYY, YYYY-MM or YYYY-MM-DD',
    ]);
  });
});

describe('corrections that no longer apply are reported, not fatal', () => {
  it('an id once published but no longer produced; a source gone; events already one; nothing to change', () => {
    const ids = JSON.parse(new TextDecoder().decode(seedEventIds().bytes)) as {
      events: { id: string; keys: string[] }[];
    };
    ids.events.push({ id: '2019-07-export-curbs', keys: ['999_gone:00000000:curbs'] });
    const eventIds = file('event-ids.json', JSON.stringify(ids, null, 2));
    const r = run(
      doc(
        { event: '2019-07-export-curbs', hide: true, note: 'x' },
        { event: MARTIAL, split: ARTICLE_001, note: 'x' },
        { event: MARTIAL, split: ARTICLE_000, note: 'x' },
        { merge: [G7, '2025-06-17-meeting-ishiba-lee'], note: 'x' },
        { event: RELATIONS, set: { title: byId(base, RELATIONS)!.title }, note: 'x' },
        { event: IMPEACH, set: { title: 'Impeached' }, note: 'still applies' },
      ),
      eventIds,
    );
    expect(r.problems).toEqual([]);
    expect(r.corrections!.applied).toBe(1);
    expect(r.corrections!.stale.map((s) => `${s.file}:${s.line}: ${s.message}`)).toEqual([
      "corrections.json:4: correction no longer applies: event “2019-07-export-curbs” (recorded in event-ids.json) is no longer in the ingest's output",
      `corrections.json:5: correction no longer applies: article “${ARTICLE_001}” is not a source of “${MARTIAL}” (its sources: ${ARTICLE_000})`,
      `corrections.json:6: correction no longer applies: article “${ARTICLE_000}” is the only source of “${MARTIAL}”`,
      `corrections.json:7: correction no longer applies: “${G7}” and “2025-06-17-meeting-ishiba-lee” are already one event`,
      `corrections.json:8: correction no longer applies: “${RELATIONS}” already has every value this correction sets`,
    ]);
    const report = formatReport(r, 'seeds');
    expect(report).toContain('corrections: 1 applied, 5 no longer apply (edit or remove them):');
    expect(report).toContain(
      '  seeds/corrections.json:4: correction no longer applies: event “2019-07-export-curbs”',
    );
  });
});
