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

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class CountryNames {
  /** Lower-cased id, name or alias → the country's name. */
  private readonly byName = new Map<string, string>();
  /** Adjective → the country's name. */
  private readonly byAdjective = new Map<string, string>();
  private readonly adjectivePattern: RegExp | null;
  /**
   * Country names of one word ("Canada"), and the relationship's one-word aliases, lower-cased: after
   * a title, never a person's name. Not the gazetteer's words of longer names ("Costa" of "Costa
   * Rica", "Marshall" of "Marshall Islands"), which are.
   */
  private readonly oneWordNames = new Set<string>();

  constructor(relationship: Relationship | null = null) {
    const entries: CountryEntry[] = [
      ...(relationship?.parties ?? []).map((p) => ({
        id: p.id,
        name: p.name,
        adjectives: [p.adjective, ...p.adjectives],
        aliases: p.aliases,
      })),
      ...(relationship?.others ?? []),
      ...WORLD,
    ];
    const own = new Set<CountryEntry>(entries.slice(0, entries.length - WORLD.length));
    for (const c of entries) {
      for (const n of own.has(c) ? [c.name, ...c.aliases] : [c.name])
        if (!/\s/.test(n)) this.oneWordNames.add(n.toLowerCase());
      for (const n of [c.name, c.id, ...c.aliases]) {
        const key = n.toLowerCase();
        if (!this.byName.has(key)) this.byName.set(key, c.name);
      }
      for (const a of c.adjectives) if (!this.byAdjective.has(a)) this.byAdjective.set(a, c.name);
    }
    const alternatives = [...this.byAdjective.keys()].sort((a, b) => b.length - a.length);
    this.adjectivePattern =
      alternatives.length > 0
        ? new RegExp(`(?<![\\p{L}])(?:${alternatives.map(escape).join('|')})(?![\\p{L}])`, 'gu')
        : null;
  }

  /** The name a country goes by ("USA", "United States of America" → its name); unknown names unchanged. */
  canonical(name: string): string {
    return this.byName.get(name.trim().toLowerCase()) ?? name;
  }

  /** Whether `word` is a country's one-word name (or a one-word alias the relationship gives). */
  isOneWordName(word: string): boolean {
    return this.oneWordNames.has(word.toLowerCase());
  }

  /**
   * The country a title phrase names: by its longest adjective ("Papua New Guinean Foreign
   * Minister" → Papua New Guinea, not the "Guinean" inside it), else by a possessive ("Canada's
   * Prime Minister", "Ottawa's envoy"), known names given as the country's own name.
   */
  fromPrefix(prefix: string): string | null {
    let best: string | null = null;
    if (this.adjectivePattern) {
      this.adjectivePattern.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = this.adjectivePattern.exec(prefix)))
        if (best === null || m[0].length > best.length) best = m[0];
    }
    if (best !== null) return this.byAdjective.get(best)!;
    const poss = /\b((?:[A-Z][\p{L}]+\s+)*[A-Z][\p{L}]+)(?:'s|’s)\s/u.exec(prefix);
    return poss ? this.canonical(poss[1]!) : null;
  }
}

/** The world's names alone, for callers without a relationship. */
export const WORLD_NAMES = new CountryNames();
