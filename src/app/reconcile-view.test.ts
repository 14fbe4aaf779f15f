import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../tests/unit/fixture';
import { reconcileView } from './reconcile-view';
import { DEFAULT_VIEW_STATE } from '../lib/url-search-params';

const { events } = loadFixture();

describe('reconcileView', () => {
  it('keeps a selected event that the filter shows', () => {
    const state = {
      ...DEFAULT_VIEW_STATE,
      event: '2025-06-17-lee-ishiba-meeting',
      leaders: ['shigeru-ishiba'],
    };
    expect(reconcileView(state, events)).toEqual({ state, notices: [] });
  });

  it('deselects an event the filter hides, with a notice naming it', () => {
    const state = {
      ...DEFAULT_VIEW_STATE,
      event: 'martial-law-2024-12',
      leaders: ['shigeru-ishiba'],
    };
    const result = reconcileView(state, events);
    expect(result.state.event).toBeNull();
    expect(result.state.leaders).toEqual(['shigeru-ishiba']);
    expect(result.notices).toHaveLength(1);
    expect(result.notices[0]).toContain('Martial law imposed in South Korea');
  });

  it('selects an event named by one of its aliases by its own id', () => {
    const withAliases = events.map((e) =>
      e.id === '2025-06-17-lee-ishiba-meeting' ? { ...e, aliases: ['lee-ishiba-g7'] } : e,
    );
    const state = { ...DEFAULT_VIEW_STATE, event: 'lee-ishiba-g7', leaders: ['shigeru-ishiba'] };
    expect(reconcileView(state, withAliases)).toEqual({
      state: { ...state, event: '2025-06-17-lee-ishiba-meeting' },
      notices: [],
    });
  });

  it('deselects an alias of an event the filter hides, naming the event', () => {
    const withAliases = events.map((e) =>
      e.id === 'martial-law-2024-12' ? { ...e, aliases: ['yoon-martial-law'] } : e,
    );
    const state = { ...DEFAULT_VIEW_STATE, event: 'yoon-martial-law', leaders: ['shigeru-ishiba'] };
    const result = reconcileView(state, withAliases);
    expect(result.state.event).toBeNull();
    expect(result.notices[0]).toContain('Martial law imposed in South Korea');
  });

  it('drops an id that is neither an event nor an alias', () => {
    const state = { ...DEFAULT_VIEW_STATE, event: 'nothing-here' };
    expect(reconcileView(state, events)).toEqual({
      state: DEFAULT_VIEW_STATE,
      notices: ['No event “nothing-here” exists.'],
    });
  });
});
