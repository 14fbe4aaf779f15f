import { partyOfCountry, type Relationship } from './relationship';
import type { MatchMode } from './url-search-params';
import type { Actor, TimelineEvent } from './timeline-data';

export interface EventFilter {
  leaders: readonly string[];
  match: MatchMode;
  q: string;
}

/** Lower-cases and strips accents so that "Antonio" finds "António" and "lee" finds "Lee". */
export function foldText(value: string): string {
  return value.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase('en');
}

export function searchWords(q: string): string[] {
  return foldText(q)
    .split(/[\s,;]+/u)
    .filter((w) => w.length > 0);
}

/** What the filter reads of an event: dated ({@link TimelineEvent}) or not (`UndatedEvent`). */
export type FilterableEvent = Pick<TimelineEvent, 'title' | 'place' | 'sources' | 'actors'>;

/** Every word must appear in the title, a quote or the place (case- and accent-insensitive). */
export function matchesSearch(event: FilterableEvent, words: readonly string[]): boolean {
  if (words.length === 0) return true;
  const haystack = foldText(
    [event.title, event.place ?? '', ...event.sources.map((s) => s.quote)].join('\n'),
  );
  return words.every((w) => haystack.includes(w));
}

export function matchesLeaders(
  event: FilterableEvent,
  leaders: readonly string[],
  match: MatchMode,
): boolean {
  if (leaders.length === 0) return true;
  return match === 'all'
    ? leaders.every((id) => event.actors.includes(id))
    : leaders.some((id) => event.actors.includes(id));
}

export function filterEvents<T extends FilterableEvent>(
  events: readonly T[],
  filter: EventFilter,
): T[] {
  const words = searchWords(filter.q);
  return events.filter(
    (e) => matchesLeaders(e, filter.leaders, filter.match) && matchesSearch(e, words),
  );
}

export function isFilterActive(filter: EventFilter): boolean {
  return filter.leaders.length > 0 || searchWords(filter.q).length > 0;
}

/**
 * Events per actor among the events that pass the search words (the leader filter itself is
 * ignored, so each count says what checking that box alone would show).
 */
export function actorEventCounts(events: readonly TimelineEvent[], q: string): Map<string, number> {
  const words = searchWords(q);
  const counts = new Map<string, number>();
  for (const event of events) {
    if (!matchesSearch(event, words)) continue;
    for (const id of new Set(event.actors)) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

/**
 * Actors with events in the data (or checked in the filter) come first; the others are listed apart
 * ("No events yet"), so a reference file of every office-holder does not bury the few who appear.
 */
export function partitionByEvents(
  actors: readonly Actor[],
  allCounts: ReadonlyMap<string, number>,
  checked: readonly string[],
): { active: Actor[]; idle: Actor[] } {
  const active: Actor[] = [];
  const idle: Actor[] = [];
  for (const actor of actors)
    ((allCounts.get(actor.id) ?? 0) > 0 || checked.includes(actor.id) ? active : idle).push(actor);
  return { active, idle };
}

export interface CountryGroup {
  country: string;
  actors: Actor[];
}

/**
 * Actors grouped by country: the relationship's two parties first, in its order, then the others
 * alphabetically. An actor is in a party's group when its country is that party exactly (by id,
 * name or alias), never when the party's name is only part of it.
 */
export function groupActorsByCountry(
  actors: readonly Actor[],
  relationship: Relationship,
): CountryGroup[] {
  const byCountry = new Map<string, Actor[]>();
  const rankOf = new Map<string, number>();
  for (const actor of actors) {
    const party = partyOfCountry(relationship, actor.country);
    const country = party?.name ?? (actor.country.trim() || 'Other');
    if (party) rankOf.set(country, relationship.parties.indexOf(party));
    const list = byCountry.get(country) ?? [];
    list.push(actor);
    byCountry.set(country, list);
  }
  const rank = (country: string) => rankOf.get(country) ?? 2;
  return [...byCountry.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || compareFolded(a, b))
    .map(([country, list]) => ({
      country,
      actors: [...list].sort((a, b) => compareFolded(a.name, b.name)),
    }));
}

/**
 * Alphabetical order of names without accents and case ("Émile" with the E's). Not
 * `localeCompare`: its first call sets up an ICU collator, 10–30 ms on the first render.
 */
export function compareFolded(a: string, b: string): number {
  const x = foldText(a);
  const y = foldText(b);
  if (x !== y) return x < y ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Above this many leaders the filter offers a box to find one by name. */
export const FIND_LEADER_ABOVE = 12;

/**
 * The groups narrowed to leaders whose name, an alias or role contains every word of `query`
 * (case- and accent-insensitive); checked leaders always stay. Groups left empty are dropped.
 */
export function findLeaders(
  groups: readonly CountryGroup[],
  query: string,
  checked: readonly string[],
): CountryGroup[] {
  const words = searchWords(query);
  if (words.length === 0) return [...groups];
  return groups
    .map((g) => ({
      country: g.country,
      actors: g.actors.filter((a) => {
        if (checked.includes(a.id)) return true;
        const text = foldText([a.name, ...a.aliases, a.role].join('\n'));
        return words.every((w) => text.includes(w));
      }),
    }))
    .filter((g) => g.actors.length > 0);
}
