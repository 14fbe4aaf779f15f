/** The seed articles are verbatim copies of the shared originals: never edited, byte for byte. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SHARED = join(import.meta.dirname, '../../../shared/seeds');
const SEEDS = join(import.meta.dirname, '../../seeds');

describe.skipIf(!existsSync(SHARED))('seeds/', () => {
  it('holds every shared seed article byte for byte', () => {
    const originals = readdirSync(SHARED).filter((f) => f.endsWith('.txt'));
    expect(originals.length).toBeGreaterThan(0);
    for (const name of originals) {
      const copy = join(SEEDS, name);
      expect(existsSync(copy), `${name} is missing from seeds/`).toBe(true);
      expect(readFileSync(copy).equals(readFileSync(join(SHARED, name))), `${name} differs`).toBe(
        true,
      );
    }
  });
});
