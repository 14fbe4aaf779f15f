import { describe, expect, it } from 'vitest';
import { readArticles } from './01-read.ts';
import { splitSentences } from './02-sentences.ts';

function sentencesOf(text: string) {
  const read = readArticles([{ name: 'a.txt', bytes: new TextEncoder().encode(text) }]);
  const article = read.articles[0]!;
  return { article, sentences: splitSentences(article) };
}

describe('sentences (wink-nlp), with offsets into the body', () => {
  it('does not split at U.S. or H.E. inside a sentence, and quotes are verbatim', () => {
    const { article, sentences } = sentencesOf(
      ' date 2025-06-19 T\nFollowing remarks by H.E. Mr. PARK Cheol-hee, the U.S. envoy spoke. Then they left.\n',
    );
    expect(sentences.map((s) => s.text)).toEqual([
      'Following remarks by H.E. Mr. PARK Cheol-hee, the U.S. envoy spoke.',
      'Then they left.',
    ]);
    for (const s of sentences) expect(article.body.slice(s.start, s.end)).toBe(s.text);
  });

  it('leaves a dateline, an outlet and a list bullet out of the first sentence', () => {
    expect(
      sentencesOf('T\nSEOUL, Dec. 28 (Yonhap) -- Moon said Thursday that it ended.\n').sentences[0]!
        .text,
    ).toBe('Moon said Thursday that it ended.');
    expect(sentencesOf('T\n(Kyodo) The assembly voted.\n').sentences[0]!.text).toBe(
      'The assembly voted.',
    );
    expect(
      sentencesOf(' date 2025-06-19 T\nIntro.\n- Ishiba delivered a speech.\n').sentences[1]!.text,
    ).toBe('Ishiba delivered a speech.');
  });

  it('skips a deck or sub-heading that does not end a sentence', () => {
    const { sentences } = sentencesOf(
      ' date 2023-08-24 T\nChina bans Japanese seafood after water is released\nAt least 16 people were arrested.\n',
    );
    expect(sentences.map((s) => s.text)).toEqual(['At least 16 people were arrested.']);
  });

  it('never ends a sentence inside a word', () => {
    const { sentences } = sentencesOf(
      ' date 2025-06-18 T\nIt linked window.__pwned=3 for details.\n',
    );
    expect(sentences).toHaveLength(1);
  });

  it('tags parts of speech and lemmas', () => {
    const { sentences } = sentencesOf(' date 2025-06-18 T\nThe ministers signed treaties.\n');
    const signed = sentences[0]!.tokens.find((t) => t.text === 'signed')!;
    expect(signed).toMatchObject({ pos: 'VERB', lemma: 'sign' });
  });
});
