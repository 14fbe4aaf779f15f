import { describe, expect, it } from 'vitest';
import { splitSentences } from './sentences.ts';

function texts(body: string): string[] {
  const out = splitSentences(body, 0, body.length);
  for (const s of out) expect(body.slice(s.start, s.start + s.text.length)).toBe(s.text);
  return out.map((s) => s.text);
}

describe('sentences', () => {
  it('splits with Intl.Segmenter but not after titles such as "Mr."', () => {
    expect(texts('Mr. KISHIDA Fumio met Dr. Lee. Then they left.')).toEqual([
      'Mr. KISHIDA Fumio met Dr. Lee.',
      'Then they left.',
    ]);
  });

  it('ends a sentence at a line break', () => {
    expect(texts('First line without a stop\nSecond line.')).toEqual([
      'First line without a stop',
      'Second line.',
    ]);
  });

  it('leaves the outlet marker or dateline out of the first sentence', () => {
    expect(texts('(MENAFN) South Korea and Japan agreed.')).toEqual([
      'South Korea and Japan agreed.',
    ]);
    expect(texts('SEOUL, May 7 (Yonhap) -- President Yoon spoke.')).toEqual([
      'President Yoon spoke.',
    ]);
  });

  it('drops a sentence wholly in parentheses', () => {
    expect(texts('A fact.\n(With inputs from agencies.)\n')).toEqual(['A fact.']);
  });
});
