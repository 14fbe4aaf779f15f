/** Reports of the same event merge into one event; different events stay apart. */
import { describe, expect, it } from 'vitest';
import { file, run } from './helpers.ts';

const a = (body: string) => ` date 2025-06-18 A\n${body}\n`;

describe('event merging', () => {
  it('merges the same meeting reported by two articles (same leaders, occasion and kind)', () => {
    const r = run([
      file(
        'a.txt',
        a(
          'President Lee Jae-myung met Prime Minister Shigeru Ishiba on Tuesday at the G7 summit in Canada.',
        ),
      ),
      file(
        'b.txt',
        a('Lee Jae Myung and Shigeru Ishiba held a meeting on the sidelines of the G7 summit.'),
      ),
    ]);
    const meetings = r.timeline!.events.filter((e) => e.kind === 'meeting');
    expect(meetings).toHaveLength(1);
    expect(meetings[0]!.sources.map((s) => s.articleId)).toEqual(['a', 'b']);
    expect(meetings[0]!.start).toBe('2025-06-17');
  });

  it('keeps meetings of the same leaders at different occasions apart', () => {
    const r = run([
      file(
        'a.txt',
        a(
          'President Lee Jae-myung met Prime Minister Shigeru Ishiba at the G7 summit on June 17, 2025.',
        ),
      ),
      file(
        'b.txt',
        a(
          'President Lee Jae-myung met Prime Minister Shigeru Ishiba at the APEC summit on October 30, 2025.',
        ),
      ),
    ]);
    const meetings = r.timeline!.events.filter((e) => e.kind === 'meeting');
    expect(meetings.map((e) => e.start).sort()).toEqual(['2025-06-17', '2025-10-30']);
    expect(new Set(meetings.map((e) => e.id)).size).toBe(2);
  });

  it('keeps meetings of different leaders apart, with ids from each event’s own date, kind, actors and place', () => {
    const r = run([
      file(
        'a.txt',
        a('President Lee Jae-myung met Prime Minister Shigeru Ishiba in Tokyo on May 2, 2025.'),
      ),
      file(
        'b.txt',
        a('President Lee Jae-myung met Prime Minister Shigeru Ishiba in Tokyo on March 3, 2025.'),
      ),
      file(
        'c.txt',
        a('President Lee Jae-myung met Prime Minister Mark Carney in Ottawa on March 3, 2025.'),
      ),
    ]);
    expect(r.timeline!.events.map((e) => e.id).sort()).toEqual([
      '2025-03-03-meeting-carney-lee-ottawa',
      '2025-03-03-meeting-ishiba-lee-tokyo',
      '2025-05-02-meeting-ishiba-lee-tokyo',
    ]);
  });

  it('gives colliding ids a suffix from the event itself, whatever the file order', () => {
    const talks = 'President Lee Jae-myung held talks with Prime Minister Mark Carney.';
    const files = [
      file('a.txt', ` date 2025-06-18 A\n${talks}\n`),
      file('b.txt', ` date 2025-06-20 B\n${talks}\n`),
    ];
    const ids = run(files).timeline!.events.map((e) => e.id);
    expect(ids.sort()).toEqual([
      '2025-06-04-talks-carney-lee',
      '2025-06-04-talks-carney-lee-20250620',
    ]);
    expect(
      run([...files].reverse())
        .timeline!.events.map((e) => e.id)
        .sort(),
    ).toEqual(ids);
  });
});
