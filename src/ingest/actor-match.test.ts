import { describe, expect, it } from 'vitest';
import { ActorMatcher } from './actor-match.ts';
import type { ReferenceActor } from './actors-file.ts';

function actor(
  id: string,
  name: string,
  familyName: string,
  role: string,
  aliases: string[] = [],
): ReferenceActor {
  return {
    id,
    name,
    familyName,
    country: 'X',
    role,
    aliases,
    terms: [],
    sources: [],
    detected: false,
    line: 1,
  };
}

const matcher = new ActorMatcher([
  actor('lee-jae-myung', 'Lee Jae-myung', 'Lee', 'President of South Korea'),
  actor('fumio-kishida', 'Fumio Kishida', 'Kishida', 'Prime Minister of Japan', ['KISHIDA Fumio']),
  actor('antonio-costa', 'António Costa', 'Costa', 'President of the European Council'),
  actor(
    'ursula-von-der-leyen',
    'Ursula von der Leyen',
    'von der Leyen',
    'President of the European Commission',
  ),
]);

function ids(text: string, named = new Set<string>()): string[] {
  return matcher.find(text, named).mentions.map((m) => m.actorId);
}

describe('actor matching', () => {
  it('maps name variants to one actor', () => {
    for (const text of [
      'South Korean President Lee Jae-myung said',
      "South Korea's new President Lee Jae Myung said",
      'LEE Jae Myung said',
      'Lee Jaemyung said',
      'Jae-myung Lee said',
    ]) {
      expect(ids(text), text).toEqual(['lee-jae-myung']);
    }
  });

  it('takes a family name after a title, or once the person was named', () => {
    expect(ids('President Lee engaged in talks')).toEqual(['lee-jae-myung']);
    expect(ids("Lee's office issued a statement")).toEqual([]);
    expect(ids("Lee's office issued a statement", new Set(['lee-jae-myung']))).toEqual([
      'lee-jae-myung',
    ]);
    const named = new Set<string>();
    expect(ids('Lee Jae-myung arrived. Later Lee’s aides spoke.', named)).toEqual([
      'lee-jae-myung',
      'lee-jae-myung',
    ]);
  });

  it('matches names with their family name first in capitals, with titles, and without diacritics', () => {
    expect(ids('Mr. KISHIDA Fumio visited Seoul')).toEqual(['fumio-kishida']);
    expect(ids('Prime Minister Kishida visited Seoul')).toEqual(['fumio-kishida']);
    expect(ids('European Council President Antonio Costa spoke')).toEqual(['antonio-costa']);
    expect(ids('with Ursula von der Leyen and Antonio Costa')).toEqual([
      'ursula-von-der-leyen',
      'antonio-costa',
    ]);
  });

  it('makes titled persons the reference file lacks into detected actors, with their country', () => {
    const { mentions, detected } = matcher.find(
      'German Chancellor Friedrich Merz met President Lee',
      new Set(),
    );
    expect(detected).toEqual([
      expect.objectContaining({
        id: 'friedrich-merz',
        name: 'Friedrich Merz',
        country: 'Germany',
        role: 'Chancellor of Germany',
      }),
    ]);
    expect(mentions.map((m) => m.actorId)).toEqual(['friedrich-merz', 'lee-jae-myung']);
  });

  it('does not take title words, places or months for names', () => {
    expect(matcher.find('The President of France said', new Set()).detected).toEqual([]);
    expect(matcher.find('the Prime Minister Office said', new Set()).detected).toEqual([]);
    expect(matcher.find('Mr. Smith said', new Set()).detected).toEqual([]);
  });

  it('tells subjects from objects', () => {
    const { mentions } = matcher.find(
      'In addition to his meeting with Kishida, President Lee engaged in talks with Antonio Costa',
      new Set(['fumio-kishida']),
    );
    expect(mentions.map((m) => [m.actorId, m.object])).toEqual([
      ['fumio-kishida', true],
      ['lee-jae-myung', false],
      ['antonio-costa', true],
    ]);
  });
});
