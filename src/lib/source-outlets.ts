import { formatPartialDate } from './partial-date';
import type { ArticleMeta, EventSource, PublishedBasis } from './timeline-data';

/** What a source is called when its article names no outlet. */
export const OUTLET_NOT_STATED = 'outlet not stated';

/** The outlet of a source's article, or {@link OUTLET_NOT_STATED}. */
export function outletOf(meta: Pick<ArticleMeta, 'source'> | undefined): string {
  const outlet = meta?.source?.trim();
  return outlet ? outlet : OUTLET_NOT_STATED;
}

/** `1 source` / `2 sources`. */
export function sourceCountLabel(count: number): string {
  return count === 1 ? '1 source' : `${count} sources`;
}

/**
 * The outlets behind an event's sources, in source order, each once: `MENAFN, outlet not stated`.
 * Two sources from one outlet read `Yonhap (2)`.
 */
export function outletsLabel(
  sources: readonly Pick<EventSource, 'articleId'>[],
  articles: ReadonlyMap<string, Pick<ArticleMeta, 'source'>>,
): string {
  const counts = new Map<string, number>();
  for (const s of sources) {
    const outlet = outletOf(articles.get(s.articleId));
    counts.set(outlet, (counts.get(outlet) ?? 0) + 1);
  }
  return [...counts].map(([outlet, n]) => (n > 1 ? `${outlet} (${n})` : outlet)).join(', ');
}

/** `2 sources: MENAFN, outlet not stated`. */
export function sourcesSummary(
  sources: readonly Pick<EventSource, 'articleId'>[],
  articles: ReadonlyMap<string, Pick<ArticleMeta, 'source'>>,
): string {
  return `${sourceCountLabel(sources.length)}: ${outletsLabel(sources, articles)}`;
}

/** `Published 18 Jun 2025`, `Published 18 Jun 2025 (inferred)` or `Publication date unknown`. */
export function publishedLabel(
  meta: Pick<ArticleMeta, 'published' | 'publishedBasis'> | undefined,
): string {
  if (!meta?.published) return 'Publication date unknown';
  const inferred = meta.publishedBasis.kind === 'inferred' ? ' (inferred)' : '';
  return `Published ${formatPartialDate(meta.published)}${inferred}`;
}

/** How the publication date was found, in words. */
export function publishedBasisLabel(basis: PublishedBasis): string {
  if (basis.kind === 'stated') return `Stated in the article: ${basis.note}`;
  if (basis.kind === 'unknown') return `No publication date: ${basis.note}`;
  // Notes of inferred dates already say so ("inferred from 001_… (dated …), which reports …").
  return /^inferred\b/i.test(basis.note)
    ? `${basis.note.charAt(0).toUpperCase()}${basis.note.slice(1)}`
    : `Inferred: ${basis.note}`;
}
