import { describe, expect, it } from 'vitest';
import { readRelationshipFile } from './relationship-file.ts';

const party = (id: string, name: string, adjective: string, color: string) => ({
  id,
  name,
  adjective,
  color,
});
const valid = {
  version: 1,
  title: 'Chile–Peru relations',
  parties: [
    party('chile', 'Chile', 'Chilean', '#aa0000'),
    party('peru', 'Peru', 'Peruvian', '#0000aa'),
  ],
};
const read = (value: unknown) =>
  readRelationshipFile('relationship.json', JSON.stringify(value, null, 2));

describe('relationship file', () => {
  it('reads a valid file and fills in every default', () => {
    const r = read(valid);
    expect(r.problems).toEqual([]);
    expect(r.relationship).toEqual({
      version: 1,
      title: 'Chile–Peru relations',
      parties: [
        {
          id: 'chile',
          name: 'Chile',
          shortName: 'Chile',
          adjective: 'Chilean',
          adjectives: [],
          aliases: [],
          color: '#aa0000',
          colorDark: null,
        },
        {
          id: 'peru',
          name: 'Peru',
          shortName: 'Peru',
          adjective: 'Peruvian',
          adjectives: [],
          aliases: [],
          color: '#0000aa',
          colorDark: null,
        },
      ],
      lanes: {
        pair: 'Chile–Peru',
        international: 'With other countries',
        termsOther: 'In office · others',
      },
      others: [],
    });
  });

  it('keeps the labels, names and other countries it is given', () => {
    const r = read({
      ...valid,
      parties: [
        { ...valid.parties[0], shortName: 'CL', aliases: ['Santiago'], colorDark: '#ff8888' },
        valid.parties[1],
      ],
      lanes: { pair: 'Both', international: 'Abroad', termsOther: 'Others in office' },
      others: [{ id: 'bolivia', name: 'Bolivia', adjectives: ['Bolivian'], aliases: ['La Paz'] }],
    });
    expect(r.problems).toEqual([]);
    expect(r.relationship!.parties[0]).toMatchObject({
      shortName: 'CL',
      aliases: ['Santiago'],
      colorDark: '#ff8888',
    });
    expect(r.relationship!.lanes).toEqual({
      pair: 'Both',
      international: 'Abroad',
      termsOther: 'Others in office',
    });
    expect(r.relationship!.others).toEqual([
      { id: 'bolivia', name: 'Bolivia', adjectives: ['Bolivian'], aliases: ['La Paz'] },
    ]);
  });

  it('names the line of a JSON syntax error', () => {
    const r = readRelationshipFile('relationship.json', '{\n  "version": 1,\n  "title": ,\n}\n');
    expect(r.relationship).toBeNull();
    expect(r.problems).toEqual([
      { file: 'relationship.json', line: 3, message: expect.stringMatching(/invalid JSON/) },
    ]);
  });

  it('names the line of each invalid field, all in one run', () => {
    const r = read({
      version: 2,
      title: '',
      parties: [
        { ...valid.parties[0], id: 'Not A Slug', color: 'red' },
        { ...valid.parties[1], name: 'Chile', colour: '#000000' },
      ],
      others: [{ id: 'peru', name: 'Peru' }],
    });
    expect(r.relationship).toBeNull();
    const lines = (re: RegExp) =>
      r.problems.filter((p) => re.test(p.message)).map((p) => `${p.line}: ${p.message}`);
    expect(lines(/version/)).toEqual(['2: "version" must be 1']);
    expect(lines(/title/)).toEqual(['3: "title" must be a non-empty string']);
    expect(lines(/id “Not A Slug”/)).toEqual([
      '6: id “Not A Slug” must be lower-case letters, digits and hyphens',
    ]);
    expect(lines(/colour written/)).toEqual(['9: "color" “red” must be a colour written #rrggbb']);
    expect(lines(/unknown party key "colour"/)).toHaveLength(1);
    expect(r.problems.every((p) => p.file === 'relationship.json' && p.line > 0)).toBe(true);
  });

  it('wants exactly two parties with different names', () => {
    const one = read({ ...valid, parties: [valid.parties[0]] });
    expect(one.problems.map((p) => `${p.line}: ${p.message}`)).toEqual([
      '4: "parties" must be an array of exactly two countries',
    ]);
    const same = read({
      ...valid,
      parties: [valid.parties[0], { ...valid.parties[1], aliases: ['chile'] }],
    });
    expect(same.problems.map((p) => p.message)).toEqual(['“chile” names both parties']);
    const missing = read({ version: 1, title: 'T' });
    expect(missing.problems.map((p) => `${p.line}: ${p.message}`)).toEqual([
      '1: relationship is missing "parties"',
    ]);
  });

  it('refuses a party listed again among the other countries, and unknown keys', () => {
    const r = read({ ...valid, others: [{ id: 'peru', name: 'Peru' }], partys: [] });
    expect(r.problems.map((p) => p.message)).toEqual([
      'unknown relationship key "partys" (known: version, title, parties, lanes, others)',
      '“Peru” is one of the parties, not another country',
    ]);
  });
});
