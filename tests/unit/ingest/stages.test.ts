/**
 * The stages read together on small articles written for the test: each case is a rule a reader
 * would defend for any English news text (not a sentence of the seeds or the corpus).
 */
import { describe, expect, it } from 'vitest';
import type { TimelineData, TimelineEvent } from '../../../src/lib/timeline-data.ts';
import { file, run } from './helpers.ts';

function timelineOf(...texts: string[]): TimelineData {
  const r = run(texts.map((t, i) => file(`a${i}.txt`, t)));
  expect(r.problems).toEqual([]);
  return r.timeline!;
}

const all = (t: TimelineData) => [...t.events, ...t.undated];
const find = (t: TimelineData, re: RegExp) => all(t).find((e) => re.test(e.title));

describe('candidates: which clauses are events', () => {
  it('a dated past verb is an event; a modifying participle and a caption are not', () => {
    const t = timelineOf(
      ' date 2024-03-09 Talks\nPresident Yoon Suk Yeol met Prime Minister Fumio Kishida in Tokyo on Friday, hosted at a residence built in 1929.\nThis photo, taken on March 1, 2024, shows the two leaders.\n',
    );
    const meeting = find(t, /Yoon meets Kishida/)! as TimelineEvent;
    expect(meeting).toMatchObject({ start: '2024-03-08', dateKind: 'point', place: 'Tokyo' });
    expect(meeting.actors).toEqual(['yoon-suk-yeol', 'fumio-kishida']);
    expect(all(t).some((e) => e.sources.some((s) => /This photo/.test(s.quote)))).toBe(false);
  });

  it('"called for calm" is a demand, kept undated with its reason', () => {
    const t = timelineOf(
      ' date 2005-03-17 Calm\nJapanese Prime Minister Junichiro Koizumi called for calm in the dispute.\n',
    );
    const e = t.undated.find((u) => /Koizumi calls for calm/.test(u.title))!;
    expect(e.kind).toBe('criticism');
    expect(e.reason).toMatch(/no date/);
  });

  it('"hours before Wednesday\'s vote" is that Wednesday, a day', () => {
    const t = timelineOf(
      " date 2005-03-17 Vote\nHours before Wednesday's vote, police seized a knife from an activist.\n",
    );
    expect(t.events.find((e) => /seize/.test(e.title))).toMatchObject({ start: '2005-03-16' });
  });

  it('a time clause of a sentence about the future is planned, dated forward', () => {
    const t = timelineOf(
      ' date 2023-06-27 Order\nAfter being promulgated Friday, the amendment will be enforced from July 21.\n',
    );
    const e = t.events.find((x) => /promulgated/.test(x.title))!;
    expect(e).toMatchObject({ start: '2023-06-30', planned: true });
    expect(e.title).toBe('Amendment to be promulgated');
  });

  it('an undated clause with no person, institution or country is not an event', () => {
    const t = timelineOf(' date 2002-07-01 Cup\nTwo airliners arrived at about the same time.\n');
    expect(all(t)).toEqual([]);
  });
});

describe('candidates: words that look like events but are not', () => {
  it('"those arrested" names people; a count of people arrested is news', () => {
    const t = timelineOf(
      ' date 2020-05-01 Rally\nPolice broke up the rally, with those arrested accused of blocking a road.\nAt least 30 people were arrested.\n',
    );
    expect(all(t).map((e) => e.kind)).toEqual(['conflict']);
    expect(all(t)[0]!.sources[0]!.quote).toMatch(/^At least 30 people/);
  });

  it("an undated first-person clause is the writer's voice, not a report", () => {
    const t = timelineOf(' date 2020-05-01 Op-ed\nI have concluded that the talks must resume.\n');
    expect(all(t)).toEqual([]);
  });

  it('"demonstrated the value" shows, "marched into the hall" walks: neither is a protest', () => {
    const t = timelineOf(
      ' date 2020-05-01 Cup\nThe South Korean team demonstrated the value of teamwork.\nThe ministers of both countries marched into the hall.\n',
    );
    expect(all(t).filter((e) => e.kind === 'protest')).toEqual([]);
  });

  it('"the first visit since 1998" is not bounded by 1998', () => {
    const t = timelineOf(
      ' date 2020-05-01 Visit\nAlong with the treaty providing for the first exchange of envoys since 1998, came two deals.\n',
    );
    expect(t.events).toEqual([]);
  });

  it('relations are a state: an event only when the clause tells of a change', () => {
    const t = timelineOf(
      ' date 2020-05-01 Ties\nLast week the two countries took a step toward friendly relations.\nRelations between the two countries soured in 2019.\n',
    );
    expect(t.events.map((e) => [e.start, e.kind])).toEqual([['2019', 'relations']]);
  });
});

describe('candidates: reported and relative clauses', () => {
  it('"who narrowly escaped death" is the finite verb of its clause, kept undated when approximate', () => {
    const t = timelineOf(
      ' date 1984-09-07 Visit\nPolice guarded President Ana Ruiz who narrowly escaped death in a bomb attack nearly a year ago.\n',
    );
    const e = t.undated.find((u) => u.kind === 'incident')!;
    expect(e.actors).toEqual(['ana-ruiz']);
    expect(e.reason).toMatch(/approximate/);
  });

  it('what a named speaker says was under way is the event, not the saying', () => {
    const t = timelineOf(
      ' date 2023-08-24 Bans\nHong Kong and Macau said they were banning seafood from ten prefectures.\nThe ministry said in a release, announcing the result of the cabinet meeting held earlier in the day.\n',
    );
    expect(all(t).find((e) => e.kind === 'measure')!.title).toBe(
      'Hong Kong and Macau ban seafood from ten prefectures',
    );
    // "the cabinet meeting held earlier in the day" is the subject of what was announced.
    expect(all(t).some((e) => /hold|held/i.test(e.title))).toBe(false);
  });
});

describe('candidates: coordinated and headed clauses', () => {
  it('a date inside a second conjunct dates that verb, its own event', () => {
    const t = timelineOf(
      ' date 2023-08-24 Ban\nThe government has expressed strong opposition to the plan and on Thursday announced a ban on seafood imports.\n',
    );
    expect(t.events.map((e) => [e.start, e.title])).toEqual([
      ['2023-08-24', 'Government announces a ban on seafood imports'],
    ]);
    expect(t.undated.map((e) => e.title)).toEqual([
      'Government expresses strong opposition to the plan',
    ]);
  });

  it('a key-dates heading ("The 1965 treaty - …") names the event of its own sentence', () => {
    const t = timelineOf(
      ' date 2023-03-06 Dates\nThe 1965 treaty - President Ana Ruiz agreed in 1965 to normalise relations with the neighbour.\n',
    );
    expect(t.events.map((e) => e.title)).toEqual([
      'Ana Ruiz agrees to normalise relations with the neighbour',
    ]);
  });

  it("an event noun that is the object of a participant's verb is titled with that verb", () => {
    const t = timelineOf(
      ' date 2020-01-01 Vote\nRuiz later joined forces with President Tomas Vidal and helped him win the 1997 presidential election.\n',
    );
    expect(t.events[0]!.title).toBe('Tomas Vidal wins the presidential election');
  });
});

describe('mentions: who took part', () => {
  it('an event noun has the people of its relative clause and of a clause that only links to it', () => {
    const t = timelineOf(
      ' date 2020-05-01 Coup\nPresident Ana Ruiz was a key member of a 1990 coup that put President Tomas Vidal in power.\n',
    );
    expect(t.events[0]).toMatchObject({ start: '1990', actors: ['ana-ruiz', 'tomas-vidal'] });
    const u = timelineOf(
      ' date 2020-05-01 Coup\nPresident Ana Ruiz did not lead the army at the time of the 1990 coup.\n',
    );
    expect(u.events[0]).toMatchObject({ start: '1990', actors: [] });
  });

  it('a bare "President Lee" is the Lee in office at the event\'s date', () => {
    const t = timelineOf(
      ' date 2009-06-29 Summit\nPresident Lee met Prime Minister Taro Aso in Tokyo on Sunday.\n',
    );
    expect(t.events[0]!.actors).toEqual(['lee-myung-bak', 'taro-aso']);
  });

  it('surname-first capitals are read, and a later bare family name is that person', () => {
    const t = timelineOf(
      ' date 2025-06-19 Reception\nOn June 19, Mr. ISHIBA Shigeru, Prime Minister of Japan, attended a reception.\nOn June 20, Ishiba visited Osaka.\n',
    );
    expect(t.events.map((e) => e.actors)).toEqual([['shigeru-ishiba'], ['shigeru-ishiba']]);
  });

  it('a person named with a lower-case role is detected; the source of a report is not a participant', () => {
    const t = timelineOf(
      ' date 2023-08-24 Ban\nChinese leader Xi Jinping announced a ban on Thursday, said ministry official Wang Lin.\n',
    );
    const e = t.events[0]!;
    expect(e.actors).toEqual(['xi-jinping']);
    expect(t.actors.find((a) => a.id === 'xi-jinping')).toMatchObject({
      name: 'Xi Jinping',
      country: 'China',
      detected: true,
    });
  });
});

describe('merging: one event per happening', () => {
  it('two articles reporting the same meeting give one event with both sources', () => {
    const t = timelineOf(
      ' date 2024-03-09 A\nPresident Yoon Suk Yeol met Prime Minister Fumio Kishida in Tokyo on Friday.\n',
      ' date 2024-03-10 B\nYoon Suk Yeol and Fumio Kishida met in Tokyo on March 8.\n',
    );
    const meetings = t.events.filter((e) => e.kind === 'meeting');
    expect(meetings).toHaveLength(1);
    expect(meetings[0]!.sources.map((s) => s.articleId)).toEqual(['a0', 'a1']);
  });

  it('a passing mention ("since the 2018 ruling") joins the event it names, keeping its date', () => {
    const t = timelineOf(
      ' date 2021-05-01 Court\nSince the 2018 ruling, lower courts have followed it.\n',
      ' date 2020-05-01 Court\nThe Supreme Court issued a landmark ruling in March 2018 ordering the firm to pay damages.\n',
    );
    expect(t.events).toHaveLength(1);
    expect(t.events[0]).toMatchObject({ start: '2018-03', kind: 'ruling' });
    expect(t.events[0]!.title).toMatch(/^Supreme Court issues a landmark ruling/);
    expect(t.events[0]!.sources.map((s) => s.articleId).sort()).toEqual(['a0', 'a1']);
  });

  it('"the 40th anniversary of" dates the event it names from the year of the anniversary, said so', () => {
    const t = timelineOf(
      ' date 2005-03-17 Ties\nThe vote came as the two countries mark the 40th anniversary of the restoration of diplomatic ties.\n',
      ' date 2011-05-26 War\nThis year marks the 150th anniversary of the outbreak of the civil war.\n',
    );
    expect(t.events.map((e) => [e.start, e.dateInferred])).toEqual([
      ['1861', true],
      ['1965', true],
    ]);
    expect(t.events[1]!.dateBasis).toMatch(/40th anniversary.*2005.*1965/);
  });

  it('"the day before the reception" counts from the article\'s dated reception, said so', () => {
    const t = timelineOf(
      ' date 2025-06-19 Reception\nOn June 19, Prime Minister Ana Ruiz attended the Commemorative Reception in Lima.\nRuiz said she had a summit meeting with President Tomas Vidal the day before the Reception.\n',
    );
    const summit = t.events.find((e) => e.actors.includes('tomas-vidal'))!;
    expect(summit).toMatchObject({ start: '2025-06-18', dateInferred: true });
    expect(summit.dateBasis).toMatch(/counted from .*2025-06-19/);
    expect(summit.title).toMatch(/^(?:Ana )?Ruiz and (?:Tomas )?Vidal (?:meet|hold a summit)$/);
  });

  it('an undated report does not bridge two events of different days', () => {
    const t = timelineOf(
      ' date 2024-03-09 A\nPresident Ana Ruiz and President Tomas Vidal held talks in Lima on Friday.\n',
      ' date 2024-03-12 B\nPresident Ana Ruiz and President Tomas Vidal held talks in Lima.\nPresident Ana Ruiz and President Tomas Vidal held talks in Lima on Monday.\n',
    );
    expect(t.events.map((e) => e.start).sort()).toEqual(['2024-03-08', '2024-03-11']);
  });

  it("an undated report in one twin article takes the date of the other twin's same report", () => {
    const t = timelineOf(
      ' date 2023-08-24 Protest\nAt least 16 people have been arrested amid protests in the capital against the release of treated wastewater from the coastal plant.\nThe government began the release of treated wastewater on Thursday.\n',
      'Fears over wastewater release\n(Wire) Police detained 16 student activists Thursday for trying to enter the embassy to protest the release of treated wastewater from the coastal plant.\n',
    );
    const arrests = all(t).filter((e) => e.kind === 'conflict');
    expect(arrests).toHaveLength(1);
    expect(arrests[0]).toMatchObject({ start: '2023-08-24' });
    expect((arrests[0] as TimelineEvent).sources.map((s) => s.articleId).sort()).toEqual([
      'a0',
      'a1',
    ]);
  });

  it('two reports in one sentence stay two events', () => {
    const t = timelineOf(
      ' date 2025-12-11 Ruling\nWhile a lower court ruled against the family in 2021, an appellate court overturned the ruling in 2024.\n',
    );
    expect(t.events.map((e) => e.start)).toEqual(['2021', '2024']);
  });
});

describe('titles', () => {
  it('say who did what in the present tense, by short names, without the date words', () => {
    const t = timelineOf(
      ' date 2024-03-09 Talks\nPresident Yoon Suk Yeol met Prime Minister Fumio Kishida in Tokyo on Friday.\n',
    );
    expect(t.events[0]!.title).toBe('Yoon meets Kishida in Tokyo');
  });

  it('turn an event noun with its agent and possessor into a clause', () => {
    const t = timelineOf(
      ' date 2025-06-18 Term\nHis administration ended after the impeachment of President Yoon Suk Yeol by the National Assembly in December 2024.\n',
    );
    expect(t.events[0]).toMatchObject({
      title: 'National Assembly impeaches Yoon',
      start: '2024-12',
      actors: ['yoon-suk-yeol'],
    });
    const u = timelineOf(
      ' date 1980-01-01 T\nPark Chung-hee ruled until his assassination in 1979.\n',
    );
    expect(u.events[0]).toMatchObject({ title: 'Park is assassinated', start: '1979' });
  });
});

describe('ids', () => {
  it('stay unique when an article repeats a sentence word for word', () => {
    const line = 'The two governments have committed to stronger cooperation on trade.';
    const t = timelineOf(` date 2024-01-01 Repeats\n${line}\n${line}\n${line}\n`);
    const ids = all(t).map((e) => e.id);
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('are readable signatures of date, trigger and people, stable across runs', () => {
    const text =
      ' date 2024-03-09 Talks\nPresident Yoon Suk Yeol met Prime Minister Fumio Kishida in Tokyo on Friday.\n';
    const a = timelineOf(text);
    const b = timelineOf(text, ' date 2024-01-01 Other\nThe Diet passed a budget on Monday.\n');
    expect(a.events[0]!.id).toBe('2024-03-08-meet-kishida-yoon');
    expect(b.events.some((e) => e.id === a.events[0]!.id)).toBe(true);
  });
});
