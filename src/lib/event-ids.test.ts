import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../tests/unit/fixture';
import { eventAliases, eventLookup, findEvent, hiddenEventNotices } from './event-ids';
import { parseViewState } from './url-search-params';
import type { TimelineEvent } from './timeline-data';

const { events: fixture } = loadFixture();
const g7 = '2025-06-17-lee-ishiba-meeting';

function withAliases(aliases: Record<string, string[]>): TimelineEvent[] {
  return fixture.map((e) => (aliases[e.id] ? { ...e, aliases: aliases[e.id] } : e));
}

describe('event ids and aliases', () => {
  it('finds an event by its own id and by each of its aliases', () => {
    const events = withAliases({ [g7]: ['lee-ishiba-g7', 'g7-meeting'] });
    expect(findEvent(events, g7)?.id).toBe(g7);
    expect(findEvent(events, 'lee-ishiba-g7')?.id).toBe(g7);
    expect(findEvent(events, 'g7-meeting')?.id).toBe(g7);
    expect(findEvent(events, 'nothing')).toBeUndefined();
    expect(findEvent(events, null)).toBeUndefined();
    expect(eventAliases(events)).toEqual(
      new Map([
        ['lee-ishiba-g7', g7],
        ['g7-meeting', g7],
      ]),
    );
  });

  it('lets an own id win over an alias, and the first event keep a shared alias', () => {
    const events = withAliases({
      [g7]: ['martial-law-2024-12', 'shared'],
      'lee-carney-talks': ['shared'],
    });
    expect(findEvent(events, 'martial-law-2024-12')?.id).toBe('martial-law-2024-12');
    expect(findEvent(events, 'shared')?.id).toBe(g7);
    expect(eventAliases(events)).toEqual(new Map([['shared', g7]]));
  });

  it('works without aliases and caches the lookup per events array', () => {
    expect(eventAliases(fixture).size).toBe(0);
    expect(eventLookup(fixture).size).toBe(fixture.length);
    expect(eventLookup(fixture)).toBe(eventLookup(fixture));
  });
});

describe('hiddenEventNotices', () => {
  it('a link to a hidden event, by id or alias, says it was hidden and why', () => {
    const notices = hiddenEventNotices([
      {
        id: 'h-1',
        aliases: ['h-old'],
        title: 'A hidden event',
        note: 'Not about the two countries.',
      },
    ]);
    const text = '“A hidden event” was hidden by an editor: Not about the two countries.';
    expect(notices.get('h-1')).toBe(text);
    expect(notices.get('h-old')).toBe(text);
    expect(notices.get('other')).toBeUndefined();
    const parsed = parseViewState('?event=h-old', {
      eventIds: new Set(['x']),
      actorIds: new Set(),
      hiddenEvents: notices,
    });
    expect(parsed.state.event).toBeNull();
    expect(parsed.notices).toEqual([text]);
  });
});
