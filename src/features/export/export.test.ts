import { describe, expect, it } from 'vitest';
import { parseViewState } from '../../lib/url-search-params';
import type { Actor, ArticleMeta, TimelineEvent, UndatedEvent } from '../../lib/timeline-data';
import { citationText } from './citation';
import { eventLink, exportRecords, type ExportContext } from './export-records';
import { exportScope } from './export-scope';
import { parseCsv } from './parse-csv';
import { csvCell, toCsv } from './to-csv';
import { escapeText, foldLine, periodDayAfter, periodFirstDay, toIcs } from './to-ics';
import { toJson, type JsonExport } from './to-json';

const HOSTILE = '=HYPERLINK("http://x","y"), "quoted"';

const articles: ArticleMeta[] = [
  {
    id: 'a1',
    file: 'a1.txt',
    title: 'Leaders meet; talks go on, again',
    published: '2025-06-18',
    publishedBasis: { kind: 'stated', note: 'date line (line 1)' },
    source: 'Wire',
    eventIds: [],
  },
  {
    id: 'a2',
    file: 'a2.txt',
    title: 'Second report',
    published: '2025-06-18',
    publishedBasis: { kind: 'inferred', note: 'inferred from a1', fromArticleId: 'a1' },
    source: null,
    eventIds: [],
  },
];
const actors: Actor[] = [
  {
    id: 'ann-example',
    name: 'Ann Example',
    country: 'Exampleland',
    role: 'President',
    aliases: [],
    terms: [],
    sources: [],
    detected: false,
  },
  {
    id: 'bo-sample',
    name: 'Bo Sample',
    country: 'Sampleland',
    role: 'Prime Minister',
    aliases: [],
    terms: [],
    sources: [],
    detected: false,
  },
];

function event(
  partial: Partial<TimelineEvent> & Pick<TimelineEvent, 'id' | 'start'>,
): TimelineEvent {
  return {
    title: `Event ${partial.id}`,
    kind: 'meeting',
    dateKind: 'point',
    dateInferred: false,
    dateBasis: 'stated in the text',
    actors: ['ann-example'],
    place: null,
    sources: [{ articleId: 'a1', quote: `Quote of ${partial.id}.`, offset: 0 }],
    ...partial,
  };
}

const events: TimelineEvent[] = [
  event({ id: 'era', start: '1910', end: '1945', dateKind: 'range', kind: 'period' }),
  event({ id: 'month', start: '2024-12', kind: 'measure' }),
  event({ id: 'bounded', start: '2024-12', end: '2025-04-04', dateKind: 'bounded' }),
  event({
    id: 'hostile',
    start: '2025-06-17',
    title: HOSTILE,
    actors: ['ann-example', 'bo-sample'],
    place: 'Lake; Town, Province',
    sources: [
      { articleId: 'a1', quote: 'They met, "at last";\nsaid a \\ backslash.', offset: 0 },
      { articleId: 'a2', quote: '+1 for the second source', offset: 5 },
    ],
  }),
];
const undated: UndatedEvent[] = [
  {
    id: 'undated-pledge',
    title: '@pledge to cooperate',
    kind: 'statement',
    actors: ['bo-sample'],
    place: null,
    sources: [{ articleId: 'a2', quote: 'They pledged.', offset: 9 }],
    reason: 'the text gives no date for it',
  },
];
const ctx: ExportContext = {
  articles: new Map(articles.map((a) => [a.id, a])),
  actors: new Map(actors.map((a) => [a.id, a])),
  baseUrl: 'https://example.org/ties/?stale=1#x',
};
const records = exportRecords(events, undated, ctx);
const scope = exportScope('all', { leaders: [], match: 'any', q: '' }, ctx.actors, null);

describe('deep links', () => {
  it('are the app’s own serialisation of a view with only the event selected', () => {
    const link = eventLink('https://example.org/ties/?stale=1#x', 'hostile');
    expect(link).toBe('https://example.org/ties/?event=hostile');
    const parsed = parseViewState(new URL(link).search);
    expect(parsed.notices).toEqual([]);
    expect(parsed.state.event).toBe('hostile');
  });
  it('undated events have none (the timeline cannot select them)', () => {
    expect(records.find((r) => r.id === 'undated-pledge')?.link).toBeNull();
  });
});

describe('CSV', () => {
  const csv = toCsv(records);
  const rows = parseCsv(csv);
  const header = rows[0]!;
  const cell = (row: string[], name: string) => row[header.indexOf(name)];

  it('starts with a UTF-8 byte-order mark and ends lines with CRLF', () => {
    expect(csv.startsWith('\uFEFF"id",')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    // A header, one line per record and the final CRLF (a quote's own newline is a bare LF, quoted).
    expect(csv.split('\r\n')).toHaveLength(1 + records.length + 1);
  });
  it('has one row per event, dated first, with a source column group per source', () => {
    expect(rows.map((r) => r[0])).toEqual([
      'id',
      'era',
      'month',
      'bounded',
      'hostile',
      'undated-pledge',
    ]);
    expect(header).toContain('source 2 sentence');
    expect(header).not.toContain('source 3 headline');
    expect(rows.every((r) => r.length === header.length)).toBe(true);
  });
  it('keeps dates at their precision and says what is bounded', () => {
    const month = rows[2]!;
    expect([cell(month, 'date'), cell(month, 'precision'), cell(month, 'end')]).toEqual([
      '2024-12',
      'month',
      '',
    ]);
    expect(cell(month, 'date note')).toBe('known to the month only');
    const bounded = rows[3]!;
    expect([cell(bounded, 'date'), cell(bounded, 'end'), cell(bounded, 'bounded')]).toEqual([
      '2024-12',
      '2025-04-04',
      'yes',
    ]);
    expect(cell(bounded, 'date (as shown)')).toBe('Between Dec 2024 and 4 Apr 2025');
  });
  it('neutralises formulas and keeps commas and quotes inside one cell', () => {
    const hostile = rows[4]!;
    expect(cell(hostile, 'title')).toBe(`'${HOSTILE}`);
    expect(cell(hostile, 'leaders')).toBe('Ann Example; Bo Sample');
    expect(cell(hostile, 'source 1 headline')).toBe('Leaders meet; talks go on, again');
    expect(cell(hostile, 'source 1 sentence')).toBe('They met, "at last";\nsaid a \\ backslash.');
    expect(cell(hostile, 'source 2 sentence')).toBe("'+1 for the second source");
    expect(cell(hostile, 'source 2 outlet')).toBe('');
    expect(cell(hostile, 'source 2 published basis')).toBe('inferred');
    expect(cell(hostile, 'link')).toBe('https://example.org/ties/?event=hostile');
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""y""), ""quoted"""`);
  });
  it('lists undated events with the reason and no date', () => {
    const u = rows[5]!;
    expect(cell(u, 'date')).toBe('');
    expect(cell(u, 'date kind')).toBe('undated');
    expect(cell(u, 'why undated')).toBe('the text gives no date for it');
    expect(cell(u, 'title')).toBe("'@pledge to cooperate");
  });
  it.each([['=1+1'], ['+1'], ['-1'], ['@SUM(A1)'], ['\tx'], ['\rx']])('escapes %j', (value) => {
    expect(csvCell(value)).toBe(`"'${value}"`);
  });
  it('leaves other cells as they are', () => {
    expect(csvCell('a = b')).toBe('"a = b"');
    expect(csvCell('')).toBe('""');
  });
});

describe('parseCsv', () => {
  it('reads quoted fields, doubled quotes and bare fields', () => {
    expect(parseCsv('a,"b,c","d""e"\r\nf,,"g\nh"\n')).toEqual([
      ['a', 'b,c', 'd"e'],
      ['f', '', 'g\nh'],
    ]);
  });
  it('refuses a stray quote, naming the line', () => {
    expect(() => parseCsv('a\n"b"c')).toThrow(/line 2/);
    expect(() => parseCsv('"open')).toThrow(/not closed/);
  });
});

describe('JSON', () => {
  const doc = JSON.parse(toJson(records, scope)) as JsonExport;
  it('says what it holds and counts the undated', () => {
    expect(doc.format).toBe('ties-events');
    expect(doc.scope.description).toBe('all events (no filter)');
    expect(doc.counts).toEqual({ dated: 4, undated: 1 });
  });
  it('keeps every field, with sources in full', () => {
    const hostile = doc.events.find((e) => e.id === 'hostile')!;
    expect(hostile.title).toBe(HOSTILE);
    expect(hostile.date).toBe('2025-06-17');
    expect(hostile.precision).toBe('day');
    expect(hostile.leaders).toEqual([
      { id: 'ann-example', name: 'Ann Example' },
      { id: 'bo-sample', name: 'Bo Sample' },
    ]);
    expect(hostile.sources[1]).toEqual({
      articleId: 'a2',
      headline: 'Second report',
      outlet: null,
      published: '2025-06-18',
      publishedBasis: 'inferred',
      sentence: '+1 for the second source',
    });
    const u = doc.events.find((e) => e.id === 'undated-pledge')!;
    expect([u.date, u.dateKind, u.undatedReason]).toEqual([
      null,
      null,
      'the text gives no date for it',
    ]);
  });
});

describe('iCalendar', () => {
  const ics = toIcs(records, {
    scope,
    now: new Date(Date.UTC(2026, 0, 2, 3, 4, 5)),
    uidHost: 'example.org',
  });
  const unfolded = ics.replace(/\r\n /g, '');
  const vevents = unfolded.split('BEGIN:VEVENT').slice(1);
  const prop = (block: string, name: string) =>
    block
      .split('\r\n')
      .find((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`))
      ?.replace(/^[^:]*:/, '');

  it('has CRLF lines of at most 75 octets', () => {
    const lines = ics.split('\r\n');
    expect(lines.at(-1)).toBe('');
    for (const line of lines) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });
  it('holds the dated events only and says how many undated ones are left out', () => {
    expect(vevents).toHaveLength(4);
    expect(unfolded).not.toContain('undated-pledge');
    expect(prop(unfolded, 'X-WR-CALDESC')).toContain('1 undated event is not included');
  });
  it('never invents a day: month and year spans, bounds, ranges', () => {
    const byId = new Map(vevents.map((v) => [prop(v, 'UID'), v]));
    const era = byId.get('era@example.org')!;
    expect([prop(era, 'DTSTART'), prop(era, 'DTEND')]).toEqual(['19100101', '19460101']);
    expect(era).toContain('DTSTART;VALUE=DATE:19100101');
    const month = byId.get('month@example.org')!;
    expect([prop(month, 'DTSTART'), prop(month, 'DTEND')]).toEqual(['20241201', '20250101']);
    expect(prop(month, 'SUMMARY')).toBe('Event month (month only)');
    expect(prop(month, 'DESCRIPTION')).toContain('known to the month only');
    const bounded = byId.get('bounded@example.org')!;
    expect([prop(bounded, 'DTSTART'), prop(bounded, 'DTEND')]).toEqual(['20241201', '20250405']);
    expect(prop(bounded, 'SUMMARY')).toBe(
      'Event bounded (sometime between Dec 2024 and 4 Apr 2025)',
    );
    const day = byId.get('hostile@example.org')!;
    expect([prop(day, 'DTSTART'), prop(day, 'DTEND')]).toEqual(['20250617', '20250618']);
    expect(prop(day, 'DTSTAMP')).toBe('20260102T030405Z');
    expect(prop(day, 'URL')).toBe('https://example.org/ties/?event=hostile');
  });
  it('escapes commas, semicolons, backslashes and newlines in text', () => {
    const day = vevents.find((v) => v.includes('UID:hostile@'))!;
    expect(prop(day, 'SUMMARY')).toBe('=HYPERLINK("http://x"\\,"y")\\, "quoted"');
    expect(prop(day, 'LOCATION')).toBe('Lake\\; Town\\, Province');
    expect(prop(day, 'DESCRIPTION')).toContain('They met\\, "at last"\\;\\nsaid a \\\\ backslash.');
    expect(prop(day, 'DESCRIPTION')).toContain('Leaders: Ann Example\\, Bo Sample');
  });
  it('escapeText and foldLine follow RFC 5545', () => {
    expect(escapeText('a,b;c\\d\r\ne\nf')).toBe('a\\,b\\;c\\\\d\\ne\\nf');
    // 8 + 120 octets: a 2-octet character is never split, so the first line holds 74.
    const long = `SUMMARY:${'é'.repeat(60)}`;
    const folded = foldLine(long);
    const parts = folded.split('\r\n');
    expect(parts.map((p) => new TextEncoder().encode(p).length)).toEqual([74, 55]);
    const ascii = foldLine('x'.repeat(75 + 74 + 1));
    expect(ascii.split('\r\n').map((p) => p.length)).toEqual([75, 75, 2]);
    expect(foldLine('x'.repeat(75))).toBe('x'.repeat(75));
    expect(parts.slice(1).every((p) => p.startsWith(' '))).toBe(true);
    expect(folded.replace(/\r\n /g, '')).toBe(long);
  });
  it('computes exclusive all-day ends across months, years and leap days', () => {
    expect(periodDayAfter('2024-02-28')).toBe('20240229');
    expect(periodDayAfter('2024-02-29')).toBe('20240301');
    expect(periodDayAfter('2023-02-28')).toBe('20230301');
    expect(periodDayAfter('2024-12-31')).toBe('20250101');
    expect(periodDayAfter('2024-11')).toBe('20241201');
    expect(periodDayAfter('0999')).toBe('10000101');
    expect(periodFirstDay('2024-11')).toBe('20241101');
  });
});

describe('scope', () => {
  it('states the filter and the window', () => {
    const s = exportScope(
      'view',
      { leaders: ['ann-example', 'bo-sample'], match: 'all', q: 'summit' },
      ctx.actors,
      { start: new Date(2025, 0, 1).getTime(), end: new Date(2026, 0, 1).getTime() },
    );
    expect(s.description).toBe(
      'events in view (filter: leaders Ann Example and Bo Sample; search “summit”; window 1 Jan 2025 – 31 Dec 2025)',
    );
  });
});

describe('citation', () => {
  it('gives title, date, sources and link', () => {
    const hostile = records.find((r) => r.id === 'hostile')!;
    expect(citationText(hostile)).toBe(
      `${HOSTILE}. 17 Jun 2025. Sources: “Leaders meet; talks go on, again” (Wire, 18 Jun 2025); ` +
        '“Second report” (outlet not named, 18 Jun 2025 (inferred)). ' +
        'Ties timeline: https://example.org/ties/?event=hostile',
    );
  });
  it('keeps the precision of a month', () => {
    const month = records.find((r) => r.id === 'month')!;
    expect(citationText(month)).toContain('Dec 2024 (known to the month only).');
  });
});

describe('edited events (seeds/corrections.json)', () => {
  const edited = exportRecords(
    [
      event({
        id: 'fixed',
        start: '2025-06-17',
        title: 'Fixed title',
        edited: [
          { action: 'set', changes: ['title: “Old” → “Fixed title”'], note: 'The text says so.' },
          {
            action: 'merge',
            changes: ['the event “Pledge” (pledge) was merged into this one'],
            note: '=same summit',
          },
        ],
      }),
      event({ id: 'untouched', start: '2025-06-18' }),
    ],
    [],
    ctx,
  );
  it('CSV: an "edited" column with each note and what it changed; empty when not edited', () => {
    const rows = parseCsv(toCsv(edited));
    const at = rows[0]!.indexOf('edited');
    expect(at).toBeGreaterThan(0);
    expect(rows[1]![at]).toBe(
      'The text says so. (title: “Old” → “Fixed title”) | =same summit (the event “Pledge” (pledge) was merged into this one)',
    );
    expect(rows[2]![at]).toBe('');
  });
  it('JSON carries the edit records; iCalendar names them in the description', () => {
    const doc = JSON.parse(toJson(edited, scope)) as JsonExport;
    expect(doc.events[0]!.edited.map((e) => e.note)).toEqual(['The text says so.', '=same summit']);
    expect(doc.events[1]!.edited).toEqual([]);
    expect(
      toIcs(edited, { scope, now: new Date(Date.UTC(2025, 0, 1)), uidHost: 'x' }).replace(
        /\r\n /g,
        '',
      ),
    ).toContain('Edited: The text says so. (title: “Old” → “Fixed title”)');
  });
});
