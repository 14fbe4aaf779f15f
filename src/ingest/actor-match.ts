/**
 * Finding actors in a sentence: reference actors by name and alias (name order, hyphen, case and
 * diacritic variants), by family name after a title ("President Lee") or once named ("Lee's office"),
 * and persons the reference file lacks but the text names with a title ("Chancellor Friedrich Merz").
 */
import type { ReferenceActor } from './actors-file.ts';
import { MONTH_NAMES, WEEKDAY_NAMES } from '../lib/partial-date.ts';
import { WORLD_NAMES, type CountryNames } from './countries.ts';

export interface ActorMention {
  /** Reference actor id, or the detected key (see {@link DetectedPerson}). */
  actorId: string;
  /** Offsets within the searched text. */
  start: number;
  end: number;
  text: string;
  via: 'name' | 'family' | 'detected';
  /** Where a title phrase before the name begins ("Canadian Prime Minister Mark Carney" → at "Canadian"). */
  phraseStart: number;
  /** The title before the name, if any ("Prime Minister"). */
  title: string | null;
  /** True when the mention reads as an object ("talks with X", "between X and Y", "quoted X"). */
  object: boolean;
  /**
   * A bare family name several reference actors share ("President Lee"): all of them, to be settled
   * by the event's date against their terms of office. Absent when the mention is unambiguous.
   */
  candidates?: string[];
}

export interface DetectedPerson {
  id: string;
  name: string;
  country: string;
  role: string;
  alias: string;
}

export const TITLES = [
  'Deputy Prime Minister',
  'Prime Minister',
  'Vice President',
  'President',
  'Chancellor',
  'Premier',
  'Crown Prince',
  'King',
  'Queen',
  'Emperor',
  'Chief Cabinet Secretary',
  'Foreign Minister',
  'Defense Minister',
  'Defence Minister',
  'Finance Minister',
  'Trade Minister',
  'Unification Minister',
  'Minister',
  'Secretary of State',
  'Secretary-General',
  'Secretary General',
  'Secretary',
  'Governor',
  'Gov.',
  'Ambassador',
  'Senator',
  'Speaker',
  'Chairman',
  'Chairwoman',
  'Leader',
  'PM',
  'Mr.',
  'Mrs.',
  'Ms.',
  'Dr.',
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const TITLE_ALT = TITLES.map(escape).join('|');
const TITLE_AT_START = new RegExp(`^(?:(?:${TITLE_ALT})\\s+)+`);
/** A title phrase ending right before a name: "South Korea's newly elected President, " */
const TITLE_BEFORE = new RegExp(
  `((?:(?:[A-Z][\\p{L}.-]*(?:'s|’s)?|new|newly|elected|former|then|acting|incumbent|outgoing|late)\\s+){0,4}?)(${TITLE_ALT})[ ,]*$`,
  'u',
);
const OBJECT_BEFORE =
  /\b(?:with|and|between|by|quoted|to|from|against|met|meets|meet|called|urged|told|including|invited|hosted|welcomed)\s*$/i;

const NAME_WORD = "(?:[A-Z][\\p{Ll}'’]+(?:-[A-Za-z][\\p{Ll}]+)?|[A-Z]{2,}(?![\\p{Ll}]))";
const PARTICLE = '(?:von|van|der|de|da|di|del|du|bin|al|la|le)';
const DETECT = new RegExp(
  `(?<![\\p{L}])(${TITLE_ALT})\\s+(${NAME_WORD}(?:\\s+(?:${PARTICLE}\\s+)*${NAME_WORD}){0,3})`,
  'gu',
);
const NOT_A_NAME = new Set(
  [
    'The',
    'A',
    'An',
    'Of',
    'And',
    'In',
    'On',
    'For',
    'To',
    'At',
    'By',
    'With',
    'Office',
    'Administration',
    'Government',
    'Cabinet',
    'Ministry',
    'House',
    'Palace',
    'Council',
    'Commission',
    'Assembly',
    'Parliament',
    'Party',
    'Republic',
    'Kingdom',
    'State',
    'States',
    'Union',
    'Nations',
    'This',
    'That',
    'These',
    'Those',
    'He',
    'She',
    'His',
    'Her',
    'They',
    'It',
    'Its',
    'Their',
    ...MONTH_NAMES,
    ...WEEKDAY_NAMES,
    'Elect',
    'General',
    'Minister',
    'President',
  ].map((w) => w.toLowerCase()),
);

function stripDiacritics(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '');
}

function wordPattern(word: string): string {
  return word
    .split(/[-‐‑]/)
    .filter((p) => p !== '')
    .map(escape)
    .join('[-‐‑\\s]?');
}

function namePattern(words: string[]): string {
  return words.map(wordPattern).join('[\\s\\-‐‑]+');
}

function aliasPatterns(alias: string, familyName: string): string[] {
  const clean = alias.replace(TITLE_AT_START, '').trim();
  const words = clean.split(/\s+/).filter((w) => w !== '');
  const family = familyName.split(/\s+/);
  const out: string[] = [];
  if (words.length === 0) return out;
  const lower = words.map((w) => w.toLowerCase());
  const fam = family.map((w) => w.toLowerCase());
  if (lower.join(' ') === fam.join(' ')) return out; // family name alone: handled with context rules
  out.push(namePattern(words));
  const startsWithFamily = fam.every((w, i) => lower[i] === w);
  const endsWithFamily = fam.every((w, i) => lower[lower.length - fam.length + i] === w);
  if (startsWithFamily && words.length > fam.length) {
    out.push(namePattern([...words.slice(fam.length), ...words.slice(0, fam.length)]));
  } else if (endsWithFamily && words.length > fam.length) {
    out.push(
      namePattern([
        ...words.slice(words.length - fam.length),
        ...words.slice(0, words.length - fam.length),
      ]),
    );
  }
  return out;
}

interface CompiledActor {
  actor: ReferenceActor;
  full: RegExp;
  family: RegExp | null;
}

export class ActorMatcher {
  private readonly compiled: CompiledActor[];

  constructor(
    readonly actors: ReferenceActor[],
    private readonly countries: CountryNames = WORLD_NAMES,
  ) {
    this.compiled = actors.map((actor) => {
      const sources = new Set<string>();
      for (const alias of [actor.name, ...actor.aliases]) {
        for (const form of new Set([alias, stripDiacritics(alias)])) {
          for (const p of aliasPatterns(form, actor.familyName)) sources.add(p);
          for (const p of aliasPatterns(form, stripDiacritics(actor.familyName))) sources.add(p);
        }
      }
      const alt = [...sources].sort((a, b) => b.length - a.length).join('|');
      const full = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alt})(?![\\p{L}\\p{N}])`, 'giu');
      const fam = actor.familyName.trim();
      const famForms = new Set([
        fam,
        stripDiacritics(fam),
        fam.toUpperCase(),
        fam[0]!.toUpperCase() + fam.slice(1),
      ]);
      const family =
        fam === ''
          ? null
          : new RegExp(
              `(?<![\\p{L}\\p{N}-])(?:${[...famForms].map((f) => namePattern(f.split(/\s+/))).join('|')})(?![\\p{L}\\p{N}-])`,
              'gu',
            );
      return { actor, full, family };
    });
  }

  /**
   * Mentions in `text`, in order. `named` holds the ids of reference actors already named in full
   * earlier in the article; it is updated with the names found here.
   */
  find(text: string, named: Set<string>): { mentions: ActorMention[]; detected: DetectedPerson[] } {
    const taken: ActorMention[] = [];
    const overlaps = (s: number, e: number) => taken.some((m) => s < m.end && m.start < e);
    const withTitle = (
      start: number,
      end: number,
      actorId: string,
      via: ActorMention['via'],
    ): ActorMention => {
      const before = text.slice(Math.max(0, start - 90), start);
      const t = TITLE_BEFORE.exec(before);
      const phraseStart = t ? start - before.length + t.index : start;
      const object = OBJECT_BEFORE.test(text.slice(Math.max(0, phraseStart - 20), phraseStart));
      return {
        actorId,
        start,
        end,
        text: text.slice(start, end),
        via,
        phraseStart,
        title: t ? t[2]! : null,
        object,
      };
    };
    for (const c of this.compiled) {
      c.full.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = c.full.exec(text))) {
        const start = m.index;
        const end = start + m[0].length;
        if (overlaps(start, end)) continue;
        taken.push(withTitle(start, end, c.actor.id, 'name'));
      }
    }
    for (const m of taken) named.add(m.actorId);
    // Family names: "President Lee", "Lee's office", "Ishiba" once named.
    const familyHits = new Map<string, { start: number; end: number; ids: string[] }>();
    for (const c of this.compiled) {
      if (!c.family) continue;
      c.family.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = c.family.exec(text))) {
        const start = m.index;
        const end = start + m[0].length;
        if (overlaps(start, end)) continue;
        // "Kim Jong-pil" is not the family name "Kim" alone: a given name follows.
        if (
          /^\s+[A-Z][a-z]+(?:-[a-z]+)?\b/.test(text.slice(end)) &&
          !/^\s+(?:[A-Z][a-z]+\s+)?(?:said|says|told)\b/.test(text.slice(end))
        )
          continue;
        const key = `${start}:${end}`;
        const hit = familyHits.get(key) ?? { start, end, ids: [] };
        hit.ids.push(c.actor.id);
        familyHits.set(key, hit);
      }
    }
    for (const hit of [...familyHits.values()].sort((a, b) => a.start - b.start)) {
      const probe = withTitle(hit.start, hit.end, '', 'family');
      let ids = hit.ids;
      const namedIds = ids.filter((id) => named.has(id));
      if (namedIds.length > 0) ids = namedIds;
      else if (probe.title === null) continue;
      if (ids.length > 1 && probe.title !== null) {
        const title = probe.title.toLowerCase();
        const byRole = ids.filter((id) =>
          this.actors
            .find((a) => a.id === id)!
            .role.toLowerCase()
            .includes(title),
        );
        if (byRole.length > 0) ids = byRole;
      }
      if (ids.length === 0) continue;
      taken.push({ ...probe, actorId: ids[0]!, ...(ids.length > 1 ? { candidates: ids } : {}) });
    }
    // Titled persons the reference file lacks.
    const detected: DetectedPerson[] = [];
    DETECT.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = DETECT.exec(text))) {
      const title = m[1]!;
      let words = m[2]!.split(/\s+/);
      const cut = words.findIndex((w) => {
        const bare = w.replace(/['’]s$/, '');
        return NOT_A_NAME.has(bare.toLowerCase()) || this.countries.isOneWordName(bare);
      });
      if (cut >= 0) words = words.slice(0, cut);
      while (words.length > 0 && new RegExp(`^${PARTICLE}$`).test(words[words.length - 1]!))
        words.pop();
      if (words.length === 0) continue;
      const last = words[words.length - 1]!;
      if (/['’]s$/.test(last)) words[words.length - 1] = last.replace(/['’]s$/, '');
      const nameText = words.join(' ');
      const start = m.index + m[0].length - m[2]!.length;
      const end = start + nameText.length;
      if (overlaps(start, end)) continue;
      if (title === 'Mr.' || title === 'Mrs.' || title === 'Ms.' || title === 'Dr.') {
        if (words.length < 2) continue; // "Mr. Smith" alone says too little to make an actor
      }
      const probe = withTitle(start, end, '', 'detected');
      const prefix = text.slice(probe.phraseStart, start);
      const country = this.countries.fromPrefix(prefix);
      const org =
        /\b(European Commission|European Council|European Parliament|United Nations|NATO|World Bank|IMF)\b/.exec(
          prefix,
        );
      const name = words.map(displayWord).join(' ');
      const id = slugify(stripDiacritics(name));
      if (id === '') continue;
      const role = org
        ? `${title} of the ${org[1]}`
        : country
          ? `${title} of ${country}`
          : title.replace(/\.$/, '');
      detected.push({
        id,
        name,
        country: country ?? (org ? 'International' : 'Unknown'),
        role,
        alias: nameText,
      });
      taken.push({ ...probe, actorId: id, title });
    }
    taken.sort((a, b) => a.start - b.start);
    return { mentions: taken, detected };
  }
}

function displayWord(w: string): string {
  return /^[A-Z]{2,}$/.test(w) ? w[0] + w.slice(1).toLowerCase() : w;
}

export function slugify(s: string): string {
  return stripDiacritics(s)
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
