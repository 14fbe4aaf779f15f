import { describe, expect, it } from 'vitest';
import { decodeArticle, firstInvalidUtf8 } from './decode.ts';
import { MAX_ARTICLE_BYTES } from './types.ts';

const enc = (s: string) => new TextEncoder().encode(s);

describe('decoding article files', () => {
  it('removes a byte-order mark and normalises CRLF and CR line endings', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...enc('Title\r\nLine two\rLine three\n')]);
    expect(decodeArticle('a.txt', bytes)).toEqual({
      ok: true,
      text: 'Title\nLine two\nLine three\n',
    });
  });

  it('rejects non-UTF-8 bytes, naming the line', () => {
    const bytes = new Uint8Array([...enc('Title\nok\n'), 0xff, 0xfe, ...enc(' bad\n')]);
    const r = decodeArticle('a.txt', bytes);
    expect(r).toMatchObject({ ok: false, problem: { file: 'a.txt', line: 3 } });
    if (!r.ok) expect(r.problem.message).toMatch(/UTF-8/);
  });

  it('rejects binary content, naming the line', () => {
    const r = decodeArticle('b.txt', new Uint8Array([...enc('Title\n'), 0x00, 0x01, 0x02]));
    expect(r).toMatchObject({ ok: false, problem: { line: 2 } });
    if (!r.ok) expect(r.problem.message).toMatch(/binary/);
  });

  it('rejects empty and whitespace-only files', () => {
    expect(decodeArticle('e.txt', new Uint8Array())).toMatchObject({
      ok: false,
      problem: { line: 1 },
    });
    expect(decodeArticle('e.txt', enc(' \n\r\n'))).toMatchObject({
      ok: false,
      problem: { line: 1 },
    });
  });

  it('rejects files over the size limit at line 1', () => {
    const r = decodeArticle('big.txt', new Uint8Array(MAX_ARTICLE_BYTES + 1).fill(0x61));
    expect(r).toMatchObject({ ok: false, problem: { file: 'big.txt', line: 1 } });
    if (!r.ok) expect(r.problem.message).toMatch(/at most 1\.0 MB/);
  });

  it('finds invalid UTF-8: overlong forms, surrogates, truncated sequences', () => {
    expect(firstInvalidUtf8(enc('héllo ✓ 𝄞'))).toBe(-1);
    expect(firstInvalidUtf8(new Uint8Array([0x41, 0xc0, 0x80]))).toBe(1);
    expect(firstInvalidUtf8(new Uint8Array([0xed, 0xa0, 0x80]))).toBe(0);
    expect(firstInvalidUtf8(new Uint8Array([0x41, 0xe2, 0x9c]))).toBe(1);
  });
});
