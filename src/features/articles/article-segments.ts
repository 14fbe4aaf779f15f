import type { ArticleBody } from '../../lib/timeline-data';

/**
 * Splits an article's text into paragraphs of pieces for rendering as text: the supporting
 * sentence is marked, dated passages of other events become links, and the related-reading block
 * is separated from the article proper. Pure: offsets in, pieces out.
 */

export interface Piece {
  text: string;
  /** Inside the supporting sentence. */
  marked: boolean;
  /** A dated passage that belongs to this (other) event. */
  eventId: string | null;
}

export interface Paragraph {
  offset: number;
  pieces: Piece[];
}

export interface ArticleLayout {
  paragraphs: Paragraph[];
  /** The related-reading block, or null when the article has none. */
  related: { label: string | null; headlines: string[] } | null;
}

export interface Highlight {
  offset: number;
  length: number;
}

/** Where the related-reading block starts (its label line, or its first headline). */
export function relatedStart(
  article: Pick<ArticleBody, 'body' | 'relatedLabel' | 'related'>,
): number | null {
  const first = article.related.reduce<number | null>(
    (min, r) => (min === null || r.offset < min ? r.offset : min),
    null,
  );
  if (article.relatedLabel) {
    const at = article.body.lastIndexOf(article.relatedLabel, first ?? article.body.length);
    if (at >= 0) return at;
  }
  return first;
}

export function layoutArticle(
  article: Pick<ArticleBody, 'body' | 'relatedLabel' | 'related' | 'dateMentions'>,
  highlight: Highlight | null,
  currentEventId: string | null,
): ArticleLayout {
  const cut = relatedStart(article);
  const main = cut === null ? article.body : article.body.slice(0, cut);
  const links = article.dateMentions
    .filter(
      (m) =>
        m.eventId !== currentEventId && m.offset >= 0 && m.offset + m.text.length <= main.length,
    )
    .sort((a, b) => a.offset - b.offset);
  const hl =
    highlight && highlight.offset >= 0 && highlight.offset + highlight.length <= main.length
      ? { start: highlight.offset, end: highlight.offset + highlight.length }
      : null;

  const paragraphs: Paragraph[] = [];
  let lineStart = 0;
  for (const line of main.split('\n')) {
    const lineEnd = lineStart + line.length;
    if (line.trim() !== '') {
      const cuts = new Set<number>([lineStart, lineEnd]);
      if (hl) [hl.start, hl.end].forEach((p) => p > lineStart && p < lineEnd && cuts.add(p));
      for (const m of links) {
        [m.offset, m.offset + m.text.length].forEach(
          (p) => p > lineStart && p < lineEnd && cuts.add(p),
        );
      }
      const points = [...cuts].sort((a, b) => a - b);
      const pieces: Piece[] = [];
      for (let i = 0; i < points.length - 1; i += 1) {
        const from = points[i]!;
        const to = points[i + 1]!;
        if (to <= from) continue;
        const link = links.find((m) => m.offset <= from && m.offset + m.text.length >= to);
        const piece: Piece = {
          text: main.slice(from, to),
          marked: hl !== null && hl.start <= from && hl.end >= to,
          eventId: link ? link.eventId : null,
        };
        const prev = pieces[pieces.length - 1];
        if (
          prev &&
          prev.marked === piece.marked &&
          prev.eventId === piece.eventId &&
          piece.eventId === null
        ) {
          prev.text += piece.text;
        } else {
          pieces.push(piece);
        }
      }
      paragraphs.push({ offset: lineStart, pieces });
    }
    lineStart = lineEnd + 1;
  }

  const related =
    cut === null
      ? null
      : {
          label: article.relatedLabel,
          headlines: article.related.map((r) => r.text.trim()).filter((t) => t !== ''),
        };
  return { paragraphs, related };
}
