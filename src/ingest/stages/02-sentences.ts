/**
 * Stage 2: sentences and tokens. wink-nlp (with its lite English model) splits each paragraph into
 * sentences and tags every token with its part of speech (Universal Dependencies tags) and lemma.
 * Every offset refers to the article body, so a quote is always `body.slice(start, end)`.
 * See docs/decisions/0007-general-ingest.md for why wink-nlp and not compromise.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { MONTH_NAMES } from '../../lib/partial-date.ts';
import type { ReadArticle } from './01-read.ts';

export interface Token {
  /** As written. */
  text: string;
  /** Lower case. */
  lower: string;
  /** wink-nlp's lemma (lower case). */
  lemma: string;
  /** Universal Dependencies part of speech: NOUN, PROPN, VERB, AUX, ADP, DET, … */
  pos: string;
  /** Offsets in the article body. */
  start: number;
  end: number;
}

export interface Sentence {
  /** Position in the article, from 0. */
  index: number;
  text: string;
  /** Offsets in the article body: `body.slice(start, end) === text`. */
  start: number;
  end: number;
  /** 1-based line in the file. */
  line: number;
  tokens: Token[];
}

type Wink = ReturnType<typeof winkNLP>;
let nlp: Wink | null = null;

function wink(): Wink {
  nlp ??= winkNLP(model);
  return nlp;
}

/**
 * Lead-in that is not part of the first sentence: an outlet in parentheses "(MENAFN) ", a dateline
 * "SEOUL, Dec. 28 (Yonhap) -- ", "TOKYO - ", "SEOUL: ", or a list bullet "- ".
 */
const LEAD_IN =
  /^(?:[-–—•*]\s+|\([^()\n]{1,60}\)\s+|[A-Z][A-Za-z.'-]*(?:\s[A-Z][A-Za-z.'-]*){0,3}(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?(?:\s*\([^()\n]{1,80}\))?\s*(?:--|—|–|\s-|:)\s*)/;
/** A lead-in must be in capitals or carry a date/outlet to be a dateline ("Seoul, March 6 (…) :"). */
function leadInLength(text: string, isLead: boolean): number {
  const m = LEAD_IN.exec(text);
  if (!m) return 0;
  const s = m[0];
  if (/^[-–—•*]\s/.test(s) || s.startsWith('(')) return s.length;
  if (!isLead) return 0;
  const place = /^[^,(:–—-]+/.exec(s)?.[0].trim() ?? '';
  const capitals = place === place.toUpperCase() && /[A-Z]{2}/.test(place);
  return capitals || /\d|\(/.test(s) ? s.length : 0;
}

/** A sentence wholly in parentheses, "(With inputs from agencies.)", or a bare list number "(1)". */
const WHOLLY_PARENTHESISED = /^\([^()]*\)\.?$/;

/**
 * A line that is a sub-heading, deck or kicker, not prose: it does not end a sentence
 * ("92-YEAR-OLD PASSED AWAY FROM NATURAL CAUSES", "China bans Japanese seafood after …"), and is
 * short enough to be a heading. Prose lines end with a full stop, a question or exclamation mark,
 * or a closing quote or bracket after one.
 */
function isHeadingLine(text: string): boolean {
  if (/[.!?:]["”’)]*\s*$/.test(text)) return false;
  return text.split(/\s+/).length <= 30;
}

/**
 * Splits the article's content (between the title line and any related-reading block) into sentences,
 * one paragraph (line) at a time, so no sentence spans a line break.
 */
export function splitSentences(article: ReadArticle): Sentence[] {
  const { body, contentStart, contentEnd } = article;
  const nlp = wink();
  const its = nlp.its;
  const out: Sentence[] = [];
  let line = 1;
  for (let i = 0; i < contentStart; i++) if (body.charCodeAt(i) === 10) line++;
  let lineStart = contentStart;
  let firstProse = true;
  while (lineStart < contentEnd) {
    let lineEnd = body.indexOf('\n', lineStart);
    if (lineEnd < 0 || lineEnd > contentEnd) lineEnd = contentEnd;
    const raw = body.slice(lineStart, lineEnd);
    const text = raw.trim();
    if (text !== '' && !isHeadingLine(text)) {
      const lead = raw.length - raw.trimStart().length;
      const skip = leadInLength(text, firstProse);
      firstProse = false;
      const from = lineStart + lead + skip;
      const paragraph = body.slice(from, lineEnd);
      // wink-nlp splits "Hyun-woo" into three tokens and then tags the rest of the clause wrongly
      // ("woo" as a verb, "held" as a noun). A hyphen between a capitalised word and lower-case
      // letters is tagged as one word: the hyphen is swapped for a letter, so every offset stays
      // the same, and every token's text is taken back from the body.
      const tagged = paragraph.replace(/(?<=\b\p{Lu}\p{Ll}+)-(?=\p{Ll})/gu, 'x');
      const doc = nlp.readDoc(tagged);
      let cursor = 0;
      doc
        .sentences()
        .each(
          (
            s: ReturnType<ReturnType<Wink['readDoc']>['sentences']>['itemAt'] extends (
              i: number,
            ) => infer R
              ? R
              : never,
          ) => {
            const words = s.tokens().out() as string[];
            const pos = s.tokens().out(its.pos) as string[];
            const lemmas = s.tokens().out(its.lemma as never) as string[];
            const tokens: Token[] = [];
            for (let k = 0; k < words.length; k++) {
              const seen = words[k]!;
              let at = tagged.indexOf(seen, cursor);
              if (at < 0 || at - cursor > 40) at = cursor; // normalised token: keep its place
              const start = from + at;
              const w = body.slice(start, start + seen.length);
              tokens.push({
                text: w,
                lower: w.toLowerCase(),
                lemma: seen === w ? (lemmas[k] ?? w).toLowerCase() : w.toLowerCase(),
                pos: pos[k] ?? 'X',
                start,
                end: start + w.length,
              });
              cursor = at + w.length;
            }
            if (tokens.length === 0) return;
            const start = tokens[0]!.start;
            const end = Math.max(...tokens.map((t) => t.end));
            const sentenceText = body.slice(start, end);
            if (sentenceText.trim() === '' || WHOLLY_PARENTHESISED.test(sentenceText)) return;
            out.push({ index: out.length, text: sentenceText, start, end, line, tokens });
          },
        );
    }
    line++;
    lineStart = lineEnd + 1;
  }
  return mergeAbbreviationBreaks(out, body);
}

/** Abbreviations after which wink-nlp sometimes ends a sentence although the sentence goes on. */
const TITLE_ABBREVIATION =
  /(?:^|[\s(])(?:Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Col|Maj|Capt|Sgt|Sen|Rep|Gov|Rev|St|No|vs|H\.E)\.$/;
/** `Jan.` … `Dec.` (and `Sept.`): every month name longer than its three-letter abbreviation. */
const MONTH_ABBREVIATION = new RegExp(
  `(?:^|[\\s(])(?:${MONTH_NAMES.filter((m) => m.length > 3)
    .map((m) => m.slice(0, 3))
    .concat('Sept')
    .join('|')})\\.$`,
);

function mergeAbbreviationBreaks(sentences: Sentence[], body: string): Sentence[] {
  const out: Sentence[] = [];
  for (const s of sentences) {
    const prev = out[out.length - 1];
    const between = prev ? body.slice(prev.end, s.start) : '';
    if (
      prev &&
      prev.line === s.line &&
      /^[ \t]*$/.test(between) &&
      // A sentence ends before white space, never inside a word ("window.__pwned", "e.g.x").
      (between === '' ||
        TITLE_ABBREVIATION.test(prev.text) ||
        (MONTH_ABBREVIATION.test(prev.text) && /^\d/.test(s.text)) ||
        /^[a-z]/.test(s.text))
    ) {
      prev.end = s.end;
      prev.text = body.slice(prev.start, prev.end);
      prev.tokens.push(...s.tokens);
      continue;
    }
    out.push({ ...s, index: out.length });
  }
  return out;
}
