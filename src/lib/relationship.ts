/**
 * The relationship the app presents: which two countries, what they are called, their colours, the
 * lane labels. Read by the ingest from `seeds/relationship.json` (src/ingest/relationship-file.ts),
 * written with every default filled in as `timeline.json`'s `relationship`, and read by the app.
 */

export const RELATIONSHIP_VERSION = 1;

/** One of the two countries of the relationship. */
export interface Party {
  /** Slug, e.g. `united-states`: lane and filter ids are built from it. */
  id: string;
  /** Name as actors' `country` gives it, e.g. `United States`. */
  name: string;
  /** Short name for compact labels ("In office · …", the pair lane); defaults to `name`. */
  shortName: string;
  /** e.g. `American`. */
  adjective: string;
  /** Other adjectives the articles use for it. */
  adjectives: string[];
  /** Other names the articles use for it (official name, abbreviation, capital). */
  aliases: string[];
  /** `#rrggbb` on the light theme. */
  color: string;
  /** `#rrggbb` on the dark theme; defaults to `color` lightened. */
  colorDark: string | null;
}

/** A country that is not one of the pair but that the articles name (besides the gazetteer's). */
export interface OtherCountry {
  id: string;
  name: string;
  adjectives: string[];
  aliases: string[];
}

export interface LaneLabels {
  /** Events of both countries, relations and periods; defaults to `<short A>–<short B>`. */
  pair: string;
  /** Events with actors of other countries; defaults to `With other countries`. */
  international: string;
  /** Terms of office of actors of other countries; defaults to `In office · others`. */
  termsOther: string;
}

export interface Relationship {
  version: typeof RELATIONSHIP_VERSION;
  /** e.g. `United States–China relations`: the header and the document title. */
  title: string;
  parties: [Party, Party];
  lanes: LaneLabels;
  others: OtherCountry[];
}

/**
 * The party of an actor's country: the party whose id, name or alias the country is, exactly (case
 * aside), never one whose name it merely contains ("South Sudan" is not "Sudan").
 */
export function partyOfCountry(
  relationship: Relationship,
  country: string | undefined,
): Party | null {
  if (country === undefined) return null;
  const c = country.trim().toLowerCase();
  return (
    relationship.parties.find(
      (p) =>
        p.id === c || p.name.toLowerCase() === c || p.aliases.some((a) => a.toLowerCase() === c),
    ) ?? null
  );
}
