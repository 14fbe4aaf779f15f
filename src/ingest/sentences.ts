/** Sentence segmentation with Intl.Segmenter, keeping offsets into the article body. */

export interface Sentence {
  text: string;
  /** Offset of `text` in the body: `body.slice(start, start + text.length) === text`. */
  start: number;
}

const ABBREVIATION =
  /(?:^|[\s(])(?:Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Col|Capt|Sgt|Sen|Rep|Gov|Rev|St|Jr|Sr|No|Vol|vs|etc|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.\s*$/;
/** An initial such as "J." in "John F. Kennedy". */
const INITIAL = /(?:^|\s)[A-Z]\.\s*$/;
/** "(MENAFN) " or a dateline "SEOUL, May 7 (Yonhap) -- " before the first sentence of the lead. */
const OUTLET_PREFIX =
  /^(?:\([^()\n]{1,40}\)\s+|[A-Z][A-Z .'-]{1,30},\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?\s+\([^()\n]{1,40}\)\s*(?:--|—|–|-)\s*)/;
const WHOLLY_PARENTHESISED = /^\([^()]*\)\.?$/;

let segmenter: Intl.Segmenter | null = null;

/**
 * Splits `body.slice(from, to)` into sentences. Line breaks always end a sentence; a break after an
 * abbreviation ("Mr.") or an initial is undone; an outlet marker such as "(MENAFN) " is not part of the
 * sentence; a sentence wholly in parentheses ("(With inputs from agencies.)") is dropped.
 */
export function splitSentences(body: string, from: number, to: number): Sentence[] {
  segmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' });
  const out: Sentence[] = [];
  let lineStart = from;
  while (lineStart < to) {
    let lineEnd = body.indexOf('\n', lineStart);
    if (lineEnd < 0 || lineEnd > to) lineEnd = to;
    const line = body.slice(lineStart, lineEnd);
    const pieces: Sentence[] = [];
    for (const seg of segmenter.segment(line)) {
      const prev = pieces[pieces.length - 1];
      if (prev && (ABBREVIATION.test(prev.text) || INITIAL.test(prev.text))) {
        prev.text += seg.segment;
      } else {
        pieces.push({ text: seg.segment, start: lineStart + seg.index });
      }
    }
    for (const piece of pieces) {
      let text = piece.text;
      let start = piece.start;
      const lead = text.length - text.trimStart().length;
      text = text.trim();
      start += lead;
      const outlet = OUTLET_PREFIX.exec(text);
      if (outlet && text.length > outlet[0].length) {
        start += outlet[0].length;
        text = text.slice(outlet[0].length);
      }
      if (text === '' || WHOLLY_PARENTHESISED.test(text)) continue;
      out.push({ text, start });
    }
    lineStart = lineEnd + 1;
  }
  return out;
}
