/**
 * Country names for the ingest: the world gazetteer (`data/countries.json`, see
 * scripts/make-countries.ts) under the relationship's own names (its two parties and the other
 * countries it lists), which take precedence. Gives the country a title phrase names ("Canadian
 * Prime Minister", "Ottawa's envoy") and the one name each country goes by in the output.
 */
import type { Relationship } from '../lib/relationship.ts';
import gazetteer from './data/countries.json' with { type: 'json' };

export interface CountryEntry {
  id: string;
  name: string;
  adjectives: string[];
  aliases: string[];
}

export const WORLD: readonly CountryEntry[] = gazetteer.countries;

/**
 * Every country name of the gazetteer and its capitalised words ("Africa" of "South Africa"), less
 * the words that many names share ("Islands", "Saint", "Republic"), which name no one country.
 */
export const COUNTRY_NAME_WORDS: ReadonlySet<string> = (() => {
  const uses = new Map<string, number>();
  for (const c of WORLD)
    for (const w of new Set(c.name.split(/\s+/))) uses.set(w, (uses.get(w) ?? 0) + 1);
  return new Set(
    WORLD.flatMap((c) => [
      c.name,
      ...c.name.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w) && uses.get(w)! < 3),
    ]),
  );
})();

/** Whole country names and capitalised aliases ("Japan", "South Korea", "Hong Kong"). */
export const COUNTRY_NAMES: ReadonlySet<string> = new Set(
  WORLD.flatMap((c) => [c.name, ...c.aliases.filter((a) => /^\p{Lu}/u.test(a))]),
);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Lookup tables of a list of countries; the first country to claim a name or adjective keeps it. */
class Tables {
  /** Lower-cased id, name or alias → the country's name. */
  readonly byName = new Map<string, string>();
  /** Adjective → the country's name. */
  readonly byAdjective = new Map<string, string>();
  /** Lower-cased one-word names (and, for the relationship's countries, one-word aliases). */
  readonly oneWordNames = new Set<string>();
  /** Every adjective, longest first, as whole words. */
  readonly adjectivePattern: RegExp | null;

  constructor(entries: readonly CountryEntry[], oneWordAliases: boolean) {
    for (const c of entries) {
      for (const n of oneWordAliases ? [c.name, ...c.aliases] : [c.name])
        if (!/\s/.test(n)) this.oneWordNames.add(n.toLowerCase());
      for (const n of [c.name, c.id, ...c.aliases]) {
        const key = n.toLowerCase();
        if (!this.byName.has(key)) this.byName.set(key, c.name);
      }
      for (const a of c.adjectives) if (!this.byAdjective.has(a)) this.byAdjective.set(a, c.name);
    }
    const alternatives = [...this.byAdjective.keys()].sort((x, y) => y.length - x.length);
    this.adjectivePattern =
      alternatives.length > 0
        ? new RegExp(`(?<![\\p{L}])(?:${alternatives.map(escape).join('|')})(?![\\p{L}])`, 'gu')
        : null;
  }

  /** The longest adjective in `text`, if any. */
  longestAdjective(text: string): string | null {
    if (!this.adjectivePattern) return null;
    let best: string | null = null;
    this.adjectivePattern.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = this.adjectivePattern.exec(text)))
      if (best === null || m[0].length > best.length) best = m[0];
    return best;
  }
}

/** The gazetteer's tables, built once: each ingest only adds its relationship's few countries. */
const WORLD_TABLES = new Tables(WORLD, false);

export class CountryNames {
  /** The relationship's own countries (its parties, then its others): they come first. */
  private readonly own: Tables;

  constructor(relationship: Relationship | null = null) {
    this.own = new Tables(
      [
        ...(relationship?.parties ?? []).map((p) => ({
          id: p.id,
          name: p.name,
          adjectives: [p.adjective, ...p.adjectives],
          aliases: p.aliases,
        })),
        ...(relationship?.others ?? []),
      ],
      true,
    );
  }

  /** The name a country goes by ("USA", "United States of America" → its name); unknown names unchanged. */
  canonical(name: string): string {
    const key = name.trim().toLowerCase();
    return this.own.byName.get(key) ?? WORLD_TABLES.byName.get(key) ?? name;
  }

  /** Whether `word` is a country's one-word name (or a one-word alias the relationship gives). */
  isOneWordName(word: string): boolean {
    const key = word.toLowerCase();
    return this.own.oneWordNames.has(key) || WORLD_TABLES.oneWordNames.has(key);
  }

  /**
   * The country a title phrase names: by its longest adjective ("Papua New Guinean Foreign
   * Minister" → Papua New Guinea, not the "Guinean" inside it), else by a possessive ("Canada's
   * Prime Minister", "Ottawa's envoy"), known names given as the country's own name.
   */
  fromPrefix(prefix: string): string | null {
    const mine = this.own.longestAdjective(prefix);
    const world = WORLD_TABLES.longestAdjective(prefix);
    const best = mine !== null && (world === null || mine.length >= world.length) ? mine : world;
    if (best !== null) return this.own.byAdjective.get(best) ?? WORLD_TABLES.byAdjective.get(best)!;
    const poss = /\b((?:[A-Z][\p{L}]+\s+)*[A-Z][\p{L}]+)(?:'s|’s)\s/u.exec(prefix);
    return poss ? this.canonical(poss[1]!) : null;
  }
}

/** The world's names alone, for callers without a relationship. */
export const WORLD_NAMES = new CountryNames();
