/** Fuzz (issue 4): random bytes and mangled seed files never crash the ingest; every problem names file and line. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IngestResult } from '../../../src/ingest/types.ts';
import { file, run, seedArticles } from './helpers.ts';

const seeds = seedArticles();

function checkResult(r: IngestResult, names: string[]) {
  for (const p of [...r.problems, ...r.warnings]) {
    expect(typeof p.file).toBe('string');
    expect(p.file.length).toBeGreaterThan(0);
    expect(Number.isInteger(p.line) && p.line >= 1).toBe(true);
    expect(p.message.length).toBeGreaterThan(0);
    expect(p.message).not.toMatch(/internal error/);
  }
  if (r.timeline) {
    expect(r.problems).toEqual([]);
    expect(r.timeline.articles.map((a) => a.file).sort()).toEqual([...names].sort());
    for (const e of r.timeline.events) {
      for (const s of e.sources) {
        const body = r.bodies.find((b) => b.id === s.articleId)!.body;
        expect(body.slice(s.offset, s.offset + s.quote.length)).toBe(s.quote);
      }
    }
  } else {
    // Nothing disappears silently: a failed run names at least one problem.
    expect(r.problems.length).toBeGreaterThan(0);
  }
}

type Op =
  | { kind: 'cut'; at: number }
  | { kind: 'flip'; at: number; byte: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'delete'; at: number; length: number };

const mangle: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('flip' as const),
    at: fc.nat(),
    byte: fc.integer({ min: 0, max: 255 }),
  }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    bytes: fc.uint8Array({ maxLength: 16 }),
  }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.nat({ max: 200 }) }),
);

function apply(bytes: Uint8Array, ops: Op[]): Uint8Array {
  let out = bytes;
  for (const op of ops) {
    const at = op.at % (out.length + 1);
    if (op.kind === 'cut') out = out.slice(0, at);
    else if (op.kind === 'flip') {
      if (at < out.length) {
        out = out.slice();
        out[at] = op.byte;
      }
    } else if (op.kind === 'insert')
      out = new Uint8Array([...out.slice(0, at), ...op.bytes, ...out.slice(at)]);
    else out = new Uint8Array([...out.slice(0, at), ...out.slice(at + op.length)]);
  }
  return out;
}

// Hundreds of whole ingests per test: the timeout guards against hangs, it is not a speed limit
// (the bench measures speed), so it leaves room for a busy machine.
describe('ingest fuzz', { timeout: 60_000 }, () => {
  it('survives random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const r = run([file('random.txt', bytes)]);
        checkResult(r, ['random.txt']);
      }),
      { numRuns: 150, seed: 20250618 },
    );
  });

  it('survives random text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400, unit: 'grapheme' }), (text) => {
        checkResult(run([file('text.txt', text)]), ['text.txt']);
      }),
      { numRuns: 100, seed: 4 },
    );
  });

  it('survives truncated and mangled seed articles, alone and together', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(0, 1),
        fc.array(mangle, { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        (which, ops, withOther) => {
          const target = seeds[which]!;
          const mangled = file(target.name, apply(target.bytes, ops));
          const files = withOther ? [mangled, seeds[1 - which]!] : [mangled];
          checkResult(
            run(files),
            files.map((f) => f.name),
          );
        },
      ),
      { numRuns: 200, seed: 7 },
    );
  });

  it('survives mangled actors files', () => {
    const actors = new TextEncoder().encode(
      JSON.stringify(
        {
          actors: [
            {
              id: 'a',
              name: 'A B',
              country: 'C',
              role: 'R',
              aliases: ['B A'],
              terms: [{ office: 'O', start: '2020', end: null, source: 'https://x.org' }],
              sources: ['https://x.org'],
            },
          ],
        },
        null,
        2,
      ),
    );
    fc.assert(
      fc.property(fc.array(mangle, { minLength: 1, maxLength: 3 }), (ops) => {
        checkResult(
          run(seeds, file('actors.json', apply(actors, ops))),
          seeds.map((f) => f.name),
        );
      }),
      { numRuns: 100, seed: 11 },
    );
  });
});
