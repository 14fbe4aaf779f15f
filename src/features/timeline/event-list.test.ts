import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../../tests/unit/fixture';
import { periodStart } from '../../lib/partial-date';
import { eventsInWindow } from './event-list';

const { events } = loadFixture();
const at = (s: string) => periodStart(s).getTime();

describe('eventsInWindow', () => {
  it('lists the events that overlap the window, ranges included', () => {
    const ids = eventsInWindow(events, { start: at('2025-06-01'), end: at('2025-07-01') }).map(
      (e) => e.id,
    );
    expect(ids).toContain('2025-06-17-lee-ishiba-meeting');
    expect(ids).toContain('yoon-impeached'); // bounded Dec 2024 – 4 Jun 2025 reaches into June
    expect(ids).not.toContain('martial-law-2024-12');
    expect(ids).not.toContain('colonial-rule-1910-1945');
  });

  it('treats a month-precision event as its whole month', () => {
    const ids = eventsInWindow(events, { start: at('2024-12-30'), end: at('2025-01-02') }).map(
      (e) => e.id,
    );
    expect(ids).toContain('martial-law-2024-12');
  });

  it('is empty for a window without events', () => {
    expect(eventsInWindow(events, { start: at('1960-01-01'), end: at('1961-01-01') })).toEqual([]);
  });
});
