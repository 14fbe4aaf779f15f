/**
 * The relationship the app presents: which two countries, what they are called, their colours, the
 * lane labels. Read by the ingest from `seeds/relationship.json` (src/ingest/relationship-file.ts),
 * written with every default filled in as `timeline.json`'s `relationship`, and read by the app.
 */

import type * as v from 'valibot';
import type { OtherCountrySchema, PartySchema, RelationshipSchema } from './timeline-schema.ts';

export const RELATIONSHIP_VERSION = 1;

/** One of the two countries of the relationship (fields documented in the schema). */
export type Party = v.InferOutput<typeof PartySchema>;
/** A country that is not one of the pair but that the articles name (besides the gazetteer's). */
export type OtherCountry = v.InferOutput<typeof OtherCountrySchema>;
export type Relationship = v.InferOutput<typeof RelationshipSchema>;
export type LaneLabels = Relationship['lanes'];

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
