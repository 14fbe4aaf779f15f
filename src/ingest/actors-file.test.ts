import { describe, expect, it } from 'vitest';
import { readActorsFile } from './actors-file.ts';

const valid = {
  id: 'a-b',
  name: 'A B',
  country: 'C',
  role: 'R',
  aliases: [],
  terms: [{ office: 'O', start: '2020-01-02', end: null, source: 'https://example.org/a' }],
  sources: ['https://example.org/a'],
};

describe('actors file', () => {
  it('reads valid actors', () => {
    const r = readActorsFile('actors.json', JSON.stringify({ actors: [valid] }, null, 2));
    expect(r.problems).toEqual([]);
    expect(r.actors[0]).toMatchObject({ id: 'a-b', familyName: 'B', detected: false });
  });

  it('names the line of a JSON syntax error', () => {
    const r = readActorsFile('actors.json', '{\n  "actors": [\n    { "id": "x", }\n  ]\n}\n');
    expect(r.problems).toEqual([
      { file: 'actors.json', line: 3, message: expect.stringMatching(/invalid JSON/) },
    ]);
  });

  it('names the line of each invalid field, all in one run', () => {
    const bad = [
      valid,
      { ...valid, id: 'Bad Id' },
      {
        ...valid,
        id: 'c-d',
        terms: [{ office: 'O', start: '2025-13-01', end: null, source: 'nope' }],
      },
      valid,
    ];
    const text = JSON.stringify({ actors: bad }, null, 2);
    const r = readActorsFile('actors.json', text);
    const lines = text.split('\n');
    const linesWith = (needle: string) =>
      lines.flatMap((l, i) => (l.includes(needle) ? [i + 1] : []));
    expect(r.problems.map((p) => p.line)).toEqual([
      linesWith('"Bad Id"')[0],
      linesWith('2025-13-01')[0],
      linesWith('"nope"')[0],
      linesWith('"id": "a-b"')[1],
    ]);
    expect(r.actors.map((a) => a.id)).toEqual(['a-b']);
    expect(r.problems.map((p) => p.message).join('\n')).toMatch(
      /lower-case[\s\S]*not a valid[\s\S]*not an http[\s\S]*duplicate/,
    );
  });
});
