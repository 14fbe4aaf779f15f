import { MAX_ARTICLE_BYTES, type IngestProblem } from './types.ts';

export type DecodeResult = { ok: true; text: string } | { ok: false; problem: IngestProblem };

/** Index of the first byte that does not start a valid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    let cp = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

function lineAtByte(bytes: Uint8Array, index: number): number {
  let line = 1;
  for (let i = 0; i < index && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

function formatSize(n: number): string {
  return n >= 1024 * 1024 ? `${(n / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;
}

/**
 * Decodes an article file: rejects files over the size limit, non-UTF-8 and binary content, and empty files;
 * removes a UTF-8 byte-order mark and normalises CRLF / CR line endings to LF.
 */
export function decodeArticle(
  file: string,
  bytes: Uint8Array,
  what: 'article' | 'actors file' | 'relationship file' = 'article',
): DecodeResult {
  const fail = (line: number, message: string): DecodeResult => ({
    ok: false,
    problem: { file, line, message },
  });
  if (bytes.length > MAX_ARTICLE_BYTES) {
    return fail(
      1,
      `file is ${formatSize(bytes.length)}; an ${what} may be at most ${formatSize(MAX_ARTICLE_BYTES)} (split it or shorten it)`,
    );
  }
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  const content = bytes.subarray(start);
  const bad = firstInvalidUtf8(content);
  if (bad >= 0) {
    return fail(
      lineAtByte(content, bad),
      `not valid UTF-8 text (byte 0x${content[bad]!.toString(16).padStart(2, '0')} at byte ${bad + start}); ${what === 'article' ? 'articles' : 'the actors file'} must be UTF-8 text`,
    );
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(content);
  } catch {
    return fail(1, 'not valid UTF-8 text');
  }
  text = text.replace(/\r\n?/g, '\n');
  // eslint-disable-next-line no-control-regex
  const control = /[\u0000-\u0008\u000e-\u001f\u007f\ufffe\uffff]/.exec(text);
  if (control) {
    const line = text.slice(0, control.index).split('\n').length;
    return fail(
      line,
      `binary content (control character U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}); ${what === 'article' ? 'articles' : 'the actors file'} must be plain text`,
    );
  }
  if (text.trim() === '') return fail(1, `empty ${what}: the file has no text`);
  return { ok: true, text };
}
