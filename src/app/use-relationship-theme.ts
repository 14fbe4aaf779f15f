import { useEffect } from 'react';
import type { Relationship } from '../lib/relationship';

/** The tab's title for a relationship: `Ties — United States–China relations, from the articles`. */
export function documentTitle(relationship: Relationship): string {
  return `Ties — ${relationship.title}, from the articles`;
}

/**
 * The relationship's colours become custom properties on the root element (`--party-a-light`,
 * `--party-a-dark`, the same for b), which app.css picks from by colour scheme; the tab's title
 * names the relationship. Both are undone when the data goes away.
 */
export function useRelationshipTheme(relationship: Relationship): void {
  useEffect(() => {
    const root = document.documentElement;
    const set: string[] = [];
    relationship.parties.forEach((party, i) => {
      const key = i === 0 ? 'a' : 'b';
      const dark = party.colorDark ?? `color-mix(in srgb, ${party.color} 55%, white)`;
      root.style.setProperty(`--party-${key}-light`, party.color);
      root.style.setProperty(`--party-${key}-dark`, dark);
      set.push(`--party-${key}-light`, `--party-${key}-dark`);
    });
    const before = document.title;
    document.title = documentTitle(relationship);
    return () => {
      for (const name of set) root.style.removeProperty(name);
      document.title = before;
    };
  }, [relationship]);
}
