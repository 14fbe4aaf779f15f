import { describe, expect, it } from 'vitest';
import type { Actor } from './timeline-data';
import { loadFixture } from '../../tests/unit/fixture';
import {
  actorEventCounts,
  compareFolded,
  filterEvents,
  findLeaders,
  groupActorsByCountry,
  isFilterActive,
  partitionByEvents,
  searchWords,
} from './filter-events';

const data = loadFixture();
const ids = (events: { id: string }[]) => events.map((e) => e.id).sort();
const withActor = (actor: string) => ids(data.events.filter((e) => e.actors.includes(actor)));

describe('filterEvents', () => {
  it('keeps everything without a filter', () => {
    expect(filterEvents(data.events, { leaders: [], match: 'any', q: '' })).toHaveLength(
      data.events.length,
    );
  });

  it('keeps only the events of one leader', () => {
    const result = filterEvents(data.events, { leaders: ['shigeru-ishiba'], match: 'any', q: '' });
    expect(ids(result)).toEqual(withActor('shigeru-ishiba'));
    expect(result.every((e) => e.actors.includes('shigeru-ishiba'))).toBe(true);
  });

  it('any: the union; all: the intersection', () => {
    const leaders = ['shigeru-ishiba', 'yoon-suk-yeol'];
    const any = filterEvents(data.events, { leaders, match: 'any', q: '' });
    const all = filterEvents(data.events, { leaders, match: 'all', q: '' });
    expect(ids(any)).toEqual(
      [...new Set([...withActor('shigeru-ishiba'), ...withActor('yoon-suk-yeol')])].sort(),
    );
    expect(all).toEqual([]);
    const together = filterEvents(data.events, {
      leaders: ['lee-jae-myung', 'shigeru-ishiba'],
      match: 'all',
      q: '',
    });
    expect(together.length).toBeGreaterThan(0);
    expect(
      together.every(
        (e) => e.actors.includes('lee-jae-myung') && e.actors.includes('shigeru-ishiba'),
      ),
    ).toBe(true);
  });

  it('searches titles and quotes, case- and accent-insensitively, all words', () => {
    const g7 = filterEvents(data.events, { leaders: [], match: 'any', q: 'kananaskis' });
    expect(g7.map((e) => e.id)).toEqual(['2025-06-17-lee-ishiba-meeting']);
    const costa = filterEvents(data.events, { leaders: [], match: 'any', q: 'ANTÓNIO costa' });
    expect(costa.map((e) => e.id)).toEqual(['lee-eu-talks']);
    expect(
      filterEvents(data.events, { leaders: [], match: 'any', q: 'kananaskis carney' }),
    ).toEqual([]);
  });

  it('combines leaders and words', () => {
    const result = filterEvents(data.events, {
      leaders: ['yoon-suk-yeol'],
      match: 'any',
      q: 'martial',
    });
    expect(result.length).toBeGreaterThan(0);
    expect(result.every((e) => e.actors.includes('yoon-suk-yeol'))).toBe(true);
  });
});

describe('counts and groups', () => {
  it('counts events per actor under the search words', () => {
    const counts = actorEventCounts(data.events, '');
    expect(counts.get('lee-jae-myung')).toBe(withActor('lee-jae-myung').length);
    expect(counts.get('fumio-kishida')).toBeUndefined();
    expect(actorEventCounts(data.events, 'kananaskis').get('lee-jae-myung')).toBe(1);
  });

  it('groups actors by country, Korea and Japan first', () => {
    const groups = groupActorsByCountry(data.actors, data.relationship);
    expect(groups.map((g) => g.country).slice(0, 2)).toEqual(['South Korea', 'Japan']);
    expect(groups.flatMap((g) => g.actors)).toHaveLength(data.actors.length);
  });

  it('puts an actor in a party group only when its country is that party exactly', () => {
    const [lee, ishiba] = [data.actors[0]!, data.actors[1]!];
    const groups = groupActorsByCountry(
      [
        { ...lee, id: 'n', name: 'N', country: 'North Korea' },
        { ...lee, id: 'r', name: 'R', country: 'Republic of Korea' },
        { ...ishiba, id: 'j', name: 'J', country: 'Japan' },
        { ...ishiba, id: 'a', name: 'A', country: 'Australia' },
      ],
      data.relationship,
    );
    expect(groups.map((g) => [g.country, g.actors.map((a) => a.id)])).toEqual([
      ['South Korea', ['r']],
      ['Japan', ['j']],
      ['Australia', ['a']],
      ['North Korea', ['n']],
    ]);
  });

  it('orders names alphabetically regardless of accents and case', () => {
    const names = ['von der Leyen', 'Émile Durand', 'Ishiba', 'Ahn', 'eve', 'Eve'];
    expect([...names].sort(compareFolded)).toEqual([
      'Ahn',
      'Émile Durand',
      'Eve',
      'eve',
      'Ishiba',
      'von der Leyen',
    ]);
  });

  it('knows when a filter is active', () => {
    expect(isFilterActive({ leaders: [], match: 'all', q: '  ' })).toBe(false);
    expect(isFilterActive({ leaders: ['x'], match: 'any', q: '' })).toBe(true);
    expect(searchWords(' G7,  summit ')).toEqual(['g7', 'summit']);
  });
});

describe('partitionByEvents', () => {
  const actor = (id: string): Actor => ({
    id,
    name: id,
    country: 'X',
    role: 'r',
    aliases: [],
    terms: [],
    sources: [],
    detected: false,
  });
  it('puts actors with events, or checked ones, first and the rest apart', () => {
    const actors = [actor('a'), actor('b'), actor('c')];
    const { active, idle } = partitionByEvents(actors, new Map([['a', 2]]), ['c']);
    expect(active.map((a) => a.id)).toEqual(['a', 'c']);
    expect(idle.map((a) => a.id)).toEqual(['b']);
  });
});

describe('findLeaders', () => {
  const groups = groupActorsByCountry(data.actors, data.relationship);
  const names = (gs: { actors: Actor[] }[]) => gs.flatMap((g) => g.actors.map((a) => a.name));

  it('keeps leaders whose name, alias or role has every word, accents and case aside', () => {
    const found = findLeaders(groups, 'ISHIBA', []);
    expect(names(found)).toEqual(['Shigeru Ishiba']);
    expect(found.map((g) => g.country)).toEqual(['Japan']);
    expect(names(findLeaders(groups, 'antonio', []))).toEqual(['António Costa']);
    expect(names(findLeaders(groups, 'ishi', [])).sort()).toEqual([
      'Fumio Kishida',
      'Shigeru Ishiba',
    ]);
    expect(names(findLeaders(groups, 'prime ishiba', []))).toEqual(['Shigeru Ishiba']);
  });

  it('always keeps checked leaders, and every leader for an empty query', () => {
    expect(names(findLeaders(groups, 'ishiba', ['lee-jae-myung'])).sort()).toEqual([
      'Lee Jae-myung',
      'Shigeru Ishiba',
    ]);
    expect(names(findLeaders(groups, '  ', []))).toEqual(names(groups));
    expect(findLeaders(groups, 'nobody-at-all', [])).toEqual([]);
  });
});
