import { describe, expect, it } from 'vitest';
import { loadFixture, loadFixtureArticle } from '../../../tests/unit/fixture';
import { layoutArticle, relatedStart } from './article-segments';

const data = loadFixture();
const a0 = loadFixtureArticle('000_86a969139ba81000');
const a1 = loadFixtureArticle('001_2187417dd207f657');
const g7 = data.events.find((e) => e.id === '2025-06-17-lee-ishiba-meeting')!;

const text = (layout: ReturnType<typeof layoutArticle>) =>
  layout.paragraphs.map((p) => p.pieces.map((x) => x.text).join('')).join('\n');

describe('layoutArticle', () => {
  it('marks exactly the supporting sentence', () => {
    const source = g7.sources.find((s) => s.articleId === a0.id)!;
    const layout = layoutArticle(a0, { offset: source.offset, length: source.quote.length }, g7.id);
    const marked = layout.paragraphs.flatMap((p) =>
      p.pieces.filter((x) => x.marked).map((x) => x.text),
    );
    expect(marked.join('')).toBe(source.quote);
  });

  it('keeps every character of the article text, in order', () => {
    const layout = layoutArticle(a0, null, null);
    expect(text(layout)).toBe(
      a0.body
        .split('\n')
        .filter((l) => l.trim() !== '')
        .join('\n'),
    );
  });

  it('links dated passages of other events but not of the current one', () => {
    const layout = layoutArticle(a0, null, g7.id);
    const links = layout.paragraphs.flatMap((p) => p.pieces.filter((x) => x.eventId));
    expect(links.map((l) => l.eventId)).toContain('martial-law-2024-12');
    expect(links.map((l) => l.eventId)).not.toContain(g7.id);
    expect(links.find((l) => l.eventId === 'martial-law-2024-12')!.text).toBe('last December');
  });

  it('keeps a link inside the mark when a dated passage is part of the quote', () => {
    const imp = data.events.find((e) => e.id === 'yoon-impeached')!;
    const s = imp.sources[0]!;
    const layout = layoutArticle(a0, { offset: s.offset, length: s.quote.length }, imp.id);
    const link = layout.paragraphs
      .flatMap((p) => p.pieces)
      .find((x) => x.eventId === 'martial-law-2024-12');
    expect(link?.marked).toBe(true);
  });

  it('separates the related-reading block from the article', () => {
    expect(relatedStart(a1)).toBe(a1.body.indexOf('ALSO READ'));
    const layout = layoutArticle(a1, null, null);
    expect(text(layout)).not.toContain('ALSO READ');
    expect(text(layout)).not.toContain('Bengaluru');
    expect(layout.related?.label).toBe('ALSO READ');
    expect(layout.related?.headlines).toHaveLength(a1.related.length);
    expect(layoutArticle(a0, null, null).related).toBeNull();
  });

  it('ignores a highlight that does not fit the text', () => {
    const layout = layoutArticle(a0, { offset: a0.body.length + 5, length: 10 }, null);
    expect(layout.paragraphs.flatMap((p) => p.pieces).some((x) => x.marked)).toBe(false);
  });
});
