import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CountryNames, COUNTRY_NAME_WORDS, WORLD } from './countries.ts';
import { readRelationshipFile } from './relationship-file.ts';

const seeds = readRelationshipFile(
  'relationship.json',
  readFileSync(resolve(import.meta.dirname, '../../seeds/relationship.json'), 'utf8'),
).relationship!;

describe('country names', () => {
  it('has the world’s countries, each once', () => {
    expect(WORLD.length).toBeGreaterThan(190);
    expect(new Set(WORLD.map((c) => c.id)).size).toBe(WORLD.length);
    expect(COUNTRY_NAME_WORDS.has('Mongolia')).toBe(true);
    expect(COUNTRY_NAME_WORDS.has('Islands')).toBe(false);
  });

  it('reads the country of a title phrase by its longest adjective, or a possessive', () => {
    const names = new CountryNames();
    expect(names.fromPrefix('Canadian Prime Minister ')).toBe('Canada');
    expect(names.fromPrefix('the visiting American Secretary of State ')).toBe('United States');
    expect(names.fromPrefix('North Korean Foreign Minister ')).toBe('North Korea');
    expect(names.fromPrefix('Papua New Guinean Prime Minister ')).toBe('Papua New Guinea');
    expect(names.fromPrefix('South Korean President ')).toBe('South Korea');
    expect(names.fromPrefix("Mexico's President ")).toBe('Mexico');
    expect(names.fromPrefix("the USA's envoy ")).toBe('United States');
    expect(names.fromPrefix('Ruritania’s King ')).toBe('Ruritania');
    expect(names.fromPrefix('the President ')).toBeNull();
  });

  it('gives every country one name, the relationship’s own first', () => {
    const names = new CountryNames(seeds);
    expect(names.canonical('ROK')).toBe('South Korea');
    expect(names.canonical('Republic of Korea')).toBe('South Korea');
    expect(names.canonical('DPRK')).toBe('North Korea');
    expect(names.canonical('USA')).toBe('United States');
    expect(names.canonical('Atlantis')).toBe('Atlantis');
    // The relationship's adjectives and aliases: a bare "Korean" is its party, "Seoul's" too.
    expect(names.fromPrefix('Korean President ')).toBe('South Korea');
    expect(names.fromPrefix("Seoul's envoy ")).toBe('South Korea');
    expect(names.fromPrefix("Pyongyang's envoy ")).toBe('North Korea');
    expect(names.fromPrefix('North Korean leader ')).toBe('North Korea');
    // After a title, a one-word country name is no person's name; a word of a longer one may be.
    expect(names.isOneWordName('KOREA')).toBe(true);
    expect(names.isOneWordName('Canada')).toBe(true);
    expect(names.isOneWordName('Costa')).toBe(false);
    // Without the relationship, a bare "Korean" names no country.
    expect(new CountryNames().fromPrefix('Korean President ')).toBeNull();
  });
});
