/**
 * Writes the ingest's gazetteer, `src/ingest/data/countries.json`: the world's countries with the
 * names and adjectives English news uses for them. Made once from the `world-countries` package
 * (mledoze/countries, ODbL 1.0), which the project does not depend on:
 *
 *   npm pack world-countries@5.1.0 && tar xzf world-countries-5.1.0.tgz
 *   npx tsx scripts/make-countries.ts package/countries.json
 *
 * Kept: the common name, the official name, the English demonyms, and the Latin-script alternative
 * spellings that are not ISO-style ("Congo, the Democratic Republic of the") or two-letter codes. Added: the few
 * adjectives news use besides the demonym (`EXTRA_ADJECTIVES`). A territory keeps no adjective that
 * an independent country has ("American" is the United States', not American Samoa's).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { slugify } from '../src/ingest/actor-match.ts';

interface Source {
  name: { common: string; official: string };
  cca3: string;
  altSpellings: string[];
  demonyms?: { eng?: { m: string; f: string } };
  independent?: boolean;
}

/** Adjectives in common use that the package does not list as demonyms. */
const EXTRA_ADJECTIVES: Record<string, string[]> = {
  PHL: ['Philippine'],
  SAU: ['Saudi'],
  ARG: ['Argentine'],
  NZL: ['New Zealand'],
};

const input = process.argv[2];
if (!input) {
  console.error('usage: npx tsx scripts/make-countries.ts <world-countries countries.json>');
  process.exit(2);
}
const source = JSON.parse(readFileSync(input, 'utf8')) as Source[];
const LATIN = /^[A-Z][A-Za-z .'’()-]*$/;
const adjectivesOf = (c: Source) =>
  [
    ...new Set([
      ...(c.demonyms?.eng ? [c.demonyms.eng.m, c.demonyms.eng.f] : []),
      ...(EXTRA_ADJECTIVES[c.cca3] ?? []),
    ]),
  ].filter((a) => a !== '');
const sovereign = new Set(source.filter((c) => c.independent).flatMap(adjectivesOf));
const countries = source
  .map((c) => {
    const name = c.name.common;
    const adjectives = adjectivesOf(c).filter((a) => c.independent || !sovereign.has(a));
    const aliases = [
      ...new Set([c.name.official, ...c.altSpellings].filter((s) => s !== name)),
    ].filter((s) => LATIN.test(s) && !/^[A-Z]{1,2}$/.test(s));
    return { id: slugify(name), name, adjectives, aliases };
  })
  .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
const out = {
  source:
    'world-countries 5.1.0 (github.com/mledoze/countries), Open Database License 1.0; written by scripts/make-countries.ts',
  countries,
};
writeFileSync('src/ingest/data/countries.json', `${JSON.stringify(out, null, 2)}\n`);
console.log(`wrote ${countries.length} countries to src/ingest/data/countries.json`);
