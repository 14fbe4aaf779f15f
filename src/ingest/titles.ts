/** Headline-style event titles built from the text of the event's sources. */
import type { Sentence } from './sentences.ts';

export interface TitleActor {
  id: string;
  name: string;
  familyName: string;
  country: string;
  role: string;
}

const SHORT_COUNTRY: Record<string, string> = {
  'European Union': 'EU',
  'United States': 'U.S.',
  'United States of America': 'U.S.',
  'United Kingdom': 'UK',
  'Republic of Korea': 'South Korea',
  "Democratic People's Republic of Korea": 'North Korea',
};

export function shortCountry(name: string): string {
  const clean = name.replace(/^the\s+/i, '').trim();
  return SHORT_COUNTRY[clean] ?? clean;
}

export function possessive(name: string): string {
  return /s$/.test(name) ? `${name}'` : `${name}'s`;
}

export function joinAnd(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** "the Korean Peninsula" → "Korea"; other names as written. */
export function landName(name: string, demonyms: Record<string, string>): string {
  const m = /^(?:the\s+)?([A-Z][\p{L}]+(?:\s+[A-Z][\p{L}]+)?)\s+Peninsula$/u.exec(name);
  if (m && demonyms[m[1]!]) return demonyms[m[1]!]!;
  return name.replace(/^the\s+/i, '');
}

const VERB_BASE: Record<string, string> = {
  'further develop': 'deepen',
  'further strengthen': 'deepen',
  'further deepen': 'deepen',
  bolstering: 'bolster',
  deepening: 'deepen',
  strengthening: 'strengthen',
  expanding: 'expand',
  enhancing: 'enhance',
  boosting: 'boost',
  developing: 'develop',
  improving: 'improve',
};

const AGREEMENT =
  /\b(agreed|agree|pledged|committed|vowed|promised)\s+to\s+(further\s+)?([a-z]+)\s+(?:(?:their|its|the)\s+(?:(?:nations|countries|two\s+countries)['’]\s+)?)?((?:[a-z-]+\s+){0,2}?(?:cooperation|ties|relations|partnership|collaboration|coordination|relationship|efforts))\b/;
const PARTNERS =
  /^\s+(among|between|with)\s+((?:the\s+)?[A-Z][^.;:"“”]*?)(?=\s+to\s|\s+in\s|\s+on\s|\s+for\s|[.;:"“”]|,\s+(?:including|to|in|which|while|as)\b|$)/;

const VERB_RANK: Record<string, number> = {
  agreed: 0,
  agree: 0,
  pledged: 1,
  vowed: 2,
  promised: 2,
  committed: 3,
};

/**
 * "They agreed to further develop trilateral cooperation among the Republic of Korea, the United States
 * and Japan" → "agree to deepen trilateral cooperation with U.S." (the parties' own countries left out).
 */
export function agreementPhrase(sentences: string[], ownCountries: string[]): string | null {
  let best: { rank: number; phrase: string } | null = null;
  const own = new Set(ownCountries.map((c) => shortCountry(c)));
  for (const sentence of sentences) {
    const m = AGREEMENT.exec(sentence);
    if (!m) continue;
    const rawVerb = `${m[2] ? 'further ' : ''}${m[3]!}`;
    const verb = VERB_BASE[rawVerb] ?? VERB_BASE[m[3]!] ?? m[3]!;
    if (/(?:ed|s)$/.test(verb) && !/ss$/.test(verb)) continue;
    const object = m[4]!.trim();
    let partners = '';
    const list = PARTNERS.exec(sentence.slice(m.index + m[0].length));
    // "between X and Y" names the parties themselves; "among …" and "with …" may add a third.
    if (list && list[1] !== 'between') {
      const names = list[2]!
        .split(/,\s*(?:and\s+)?|\s+and\s+/)
        .map((n) => shortCountry(n.trim()))
        .filter((n) => n !== '' && !own.has(n));
      if (names.length > 0) partners = ` with ${joinAnd(names)}`;
    }
    const phrase = `agree to ${verb} ${object}${partners}`;
    const rank = VERB_RANK[m[1]!] ?? 9;
    if (best === null || rank < best.rank) best = { rank, phrase };
  }
  return best?.phrase ?? null;
}

export function neighbourText(sentences: Sentence[], index: number, span: number): string[] {
  return sentences.slice(index, index + span + 1).map((s) => s.text);
}

const CHANGE_VERB: [RegExp, string][] = [
  [/^improv/, 'improve'],
  [/^warm/, 'warm'],
  [/^thaw/, 'thaw'],
  [/^deteriorat/, 'deteriorate'],
  [/^sour/, 'sour'],
  [/^normali/, 'are normalised'],
  [/^restor/, 'are restored'],
  [/^worsen/, 'worsen'],
  [/^fray/, 'fray'],
  [/^strain/, 'are strained'],
  [/^ruptur/, 'rupture'],
  [/^sever/, 'are severed'],
];

export function relationsVerb(change: string | null): string {
  for (const [re, verb] of CHANGE_VERB) if (change && re.test(change)) return verb;
  return 'change';
}

const PAST_TO_BASE: Record<string, string> = {
  normalized: 'normalize',
  normalised: 'normalise',
  restored: 'restore',
  severed: 'sever',
  improved: 'improve',
  warmed: 'warm',
  soured: 'sour',
  strained: 'strain',
  ruptured: 'rupture',
  worsened: 'worsen',
  deteriorated: 'deteriorate',
  thawed: 'thaw',
};

/** "normalized diplomatic relations" with subject "Japan and South Korea" → "normalize diplomatic relations". */
export function presentPhrase(phrase: string, plural: boolean): string {
  const [first = '', ...rest] = phrase.split(/\s+/);
  const base = PAST_TO_BASE[first.toLowerCase()];
  if (!base) return phrase;
  const verb = plural ? base : /(?:s|sh|ch|x|z)$/.test(base) ? `${base}es` : `${base}s`;
  return [verb, ...rest].join(' ');
}

export function martialLawVerb(noun: string | null): string {
  if (!noun) return 'declared';
  if (/^(?:imposition|imposed)$/.test(noun)) return 'imposed';
  if (/^(?:lifting|lifted)$/.test(noun)) return 'lifted';
  return 'declared';
}
