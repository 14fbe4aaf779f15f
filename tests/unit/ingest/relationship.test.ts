/** The relationship file reaches the output, and actors' countries are its names, exactly. */
import { describe, expect, it } from 'vitest';
import { ingest } from '../../../src/ingest/ingest.ts';
import { file, run, seedActors, seedArticles } from './helpers.ts';

const ARTICLE =
  ' date 2024-03-05 Talks\n' +
  'North Korean Foreign Minister Choe Son Hui said on Monday that the talks had failed.\n' +
  'Korean Foreign Minister Cho Tae-yul met Canadian Foreign Minister Melanie Joly on Tuesday.\n' +
  'Irish Prime Minister Micheál Martin welcomed the talks on Wednesday.\n';

describe('relationship in the ingest', () => {
  it('writes the seeds’ relationship into timeline.json', () => {
    const r = run(seedArticles());
    expect(r.problems).toEqual([]);
    expect(r.timeline!.relationship).toMatchObject({
      title: 'Korea–Japan relations',
      parties: [{ id: 'south-korea' }, { id: 'japan' }],
      lanes: { pair: 'Korea–Japan' },
    });
  });

  it('gives detected actors their country’s one name: North Korea is not South Korea', () => {
    const r = run([file('900_talks.txt', ARTICLE)]);
    expect(r.problems).toEqual([]);
    const country = (name: string) => r.timeline!.actors.find((a) => a.name === name)?.country;
    expect(country('Choe Son Hui')).toBe('North Korea');
    expect(country('Cho Tae-yul')).toBe('South Korea');
    expect(country('Melanie Joly')).toBe('Canada');
    // A family name that is a word of a country's name ("Saint Martin") is still a name.
    expect(country('Micheál Martin')).toBe('Ireland');
  });

  it('fails, naming the file, without a relationship file or with a broken one', () => {
    const none = ingest({ articles: seedArticles(), actors: seedActors() });
    expect(none.timeline).toBeNull();
    expect(none.problems).toEqual([
      expect.objectContaining({
        file: 'relationship.json',
        line: 1,
        message: expect.stringMatching(/no relationship file/),
      }),
    ]);
    const broken = ingest({
      articles: seedArticles(),
      actors: seedActors(),
      relationship: file('relationship.json', '{\n  "version": 1,\n  "title": "T"\n}\n'),
    });
    expect(broken.problems).toEqual([
      { file: 'relationship.json', line: 1, message: 'relationship is missing "parties"' },
    ]);
  });
});
