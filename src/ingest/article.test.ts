import { describe, expect, it } from 'vitest';
import { parseArticle } from './article.ts';

describe('article shapes', () => {
  it('reads a date line and its title', () => {
    const r = parseArticle('x.txt', ' date 2025-06-18 A Title\nBody text here.\n');
    expect(r.ok && r.article).toMatchObject({
      id: 'x',
      title: 'A Title',
      published: '2025-06-18',
      publishedBasis: { kind: 'stated', note: 'date line (line 1)' },
      source: null,
    });
  });

  it('reads a title line and an outlet lead, with no date', () => {
    const r = parseArticle('y.txt', 'A Title\n(MENAFN) South Korea and Japan agreed.\n');
    expect(r.ok && r.article).toMatchObject({
      title: 'A Title',
      published: null,
      source: 'MENAFN',
    });
    expect(r.ok && r.article.publishedBasis.kind).toBe('unknown');
  });

  it('reads a dateline: outlet, and the date when it has a year', () => {
    const a = parseArticle('y.txt', 'Title\nSEOUL, May 7 (Yonhap) -- President Yoon spoke.\n');
    expect(a.ok && a.article).toMatchObject({ source: 'Yonhap', published: null });
    const b = parseArticle('y.txt', 'Title\nTOKYO, March 16, 2023 (Kyodo) -- Leaders met.\n');
    expect(b.ok && b.article).toMatchObject({
      source: 'Kyodo',
      published: '2023-03-16',
      publishedBasis: { kind: 'stated', note: 'dateline (line 2)' },
    });
  });

  it('does not take "(With inputs from agencies.)" for an outlet', () => {
    const r = parseArticle('z.txt', 'T\n(With inputs from agencies.) text\n');
    expect(r.ok && r.article.source).toBeNull();
  });

  it('rejects a malformed date line, naming the line', () => {
    const r = parseArticle('bad.txt', ' date 2025-13-45 Title\nBody.\n');
    expect(r).toMatchObject({ ok: false, problems: [{ file: 'bad.txt', line: 1 }] });
    if (!r.ok) expect(r.problems[0]!.message).toContain('2025-13-45');
  });

  it('does not take a title that starts with the word "Date" for a date line', () => {
    const r = parseArticle('d.txt', 'Date night in Seoul\nA story.\n');
    expect(r.ok && r.article).toMatchObject({ title: 'Date night in Seoul', published: null });
  });

  it('rejects an article with a title and nothing else', () => {
    expect(parseArticle('t.txt', 'Only a title\n\n')).toMatchObject({
      ok: false,
      problems: [{ line: 2 }],
    });
  });

  it('keeps a trailing related-reading block apart from the content', () => {
    const body = 'T\nThe text.\nALSO READ\nOne headline\n\nAnother headline\n';
    const r = parseArticle('r.txt', body);
    if (!r.ok) throw new Error('expected ok');
    expect(r.article.relatedLabel).toBe('ALSO READ');
    expect(r.article.related.map((h) => h.text)).toEqual(['One headline', 'Another headline']);
    for (const h of r.article.related)
      expect(body.slice(h.offset, h.offset + h.text.length)).toBe(h.text);
    expect(body.slice(r.article.contentStart, r.article.contentEnd)).toBe('\nThe text.\n');
  });
});
