/**
 * Stage 4: mentions of people. Reference actors (the actors file) by name, alias, name-order and
 * capitalised-surname variants; a bare family name ("President Lee", "Lee's office") once the article
 * names the person or with a title, keeping every reference actor of that name as a candidate for the
 * dating stage to settle by terms of office; persons the file lacks when the text names them with a
 * title ("Prime Minister …", "Gov. …"), a role in lower case ("Chinese leader …", "hospital official
 * …", "lawyer …"), or in the family-name-first form Family Given-name ("Kim Jong-pil", "PARK Cheol-hee");
 * and pronouns or definite descriptions ("he", "the president") that refer back to a named person.
 */
import { ActorMatcher, slugify, type ActorMention } from '../actor-match.ts';
import { WORLD_NAMES, type CountryNames } from '../countries.ts';
import type { ReferenceActor } from '../actors-file.ts';
import { MONTH_NAMES, WEEKDAY_NAMES } from '../../lib/partial-date.ts';
import type { Sentence } from './02-sentences.ts';

export interface PersonMention {
  /** Reference actor id or detected person id. */
  actorId: string;
  /** Other reference actors the same words may mean (a shared family name); settled by date. */
  candidates: string[];
  /** Offsets in the article body. */
  start: number;
  end: number;
  text: string;
  via: 'name' | 'family' | 'detected' | 'pronoun' | 'description';
  /** The title or role written before the name, if any. */
  title: string | null;
  /** Where the name's title phrase begins ("Canadian Prime Minister Mark Carney" → at "Canadian"). */
  phraseStart: number;
}

const CALENDAR_WORDS = new Set<string>([...MONTH_NAMES, ...WEEKDAY_NAMES]);

/**
 * The place a sentence names between `offset` and `end` with "in": "in Kananaskis", "in The Hague", "in New
 * Delhi" (capitalised words that are not month or weekday names), or null.
 */
export function placeAfter(sentence: Sentence, offset: number, end = sentence.end): string | null {
  const rest = sentence.text.slice(Math.max(0, offset - sentence.start), end - sentence.start);
  const re = /\bin\s+((?:The\s+)?[A-Z][\p{L}’'-]+(?:\s+[A-Z][\p{L}’'-]+)?)(?=[\s,.;:)]|$)/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(rest))) {
    const words = m[1]!.split(/\s+/);
    if (words.some((w) => CALENDAR_WORDS.has(w))) continue;
    return m[1]!;
  }
  return null;
}

export interface DetectedActor {
  id: string;
  name: string;
  country: string;
  role: string;
  /** True when the role is a public office (head of state or government, minister, official, …). */
  political: boolean;
}

/** Roles that make a person a political actor: office-holders, officials, diplomats, party leaders. */
const POLITICAL_ROLE =
  /\b(?:president|prime minister|premier|minister|secretary|governor|gov\.|ambassador|envoy|diplomat|chancellor|king|queen|emperor|senator|lawmaker|legislator|congressman|congresswoman|spokes(?:person|man|woman)|official|leader|chairman|chairwoman|mayor|director|deputy|commissioner|general|chief|premier|foreign|parliament|assembly)\b/i;

export function isPoliticalRole(role: string): boolean {
  return POLITICAL_ROLE.test(role);
}

const NAME_WORD = "[A-Z][\\p{Ll}'’]+(?:-[A-Za-z][\\p{Ll}]+)?";
const LOWER_ROLE =
  /(?:^|[^\p{L}])((?:[A-Z][\p{L}]+\s+)?(?:[a-z]+\s+){0,2}(?:leader|spokesperson|spokesman|spokeswoman|official|lawyer|attorney|activist|worker|victim|professor|scholar|historian|analyst|envoy|diplomat|governor|ambassador|minister|president|premier|chairman|chairwoman|director|mayor|judge|survivor|researcher|economist|expert|journalist|reporter))\s+/gu;
const NAME_AFTER_ROLE = new RegExp(`^((?:${NAME_WORD}\\s+){1,2}${NAME_WORD})(?![\\p{L}])`, 'u');
/** The family-name-first form with a hyphenated given name, in any case ("Kim Jong-pil", "PARK Cheol-hee", "NAM DUCK-WOO"). */
const FAMILY_GIVEN_FORM =
  /(?<![\p{L}-])([A-Z][a-z]{1,5}|[A-Z]{2,6})\s+([A-Z][a-z]+-[a-z]+|[A-Z][a-z]+-[A-Z][a-z]+|[A-Z]+-[A-Z]+)(?![\p{L}-])/gu;
const TITLE_NEAR =
  /(prime minister|president|minister(?: of [a-z ]+)?|ambassador|governor|director|official|secretary|chairman|premier|leader|spokes(?:person|man|woman))[^.;]{0,40}$/i;

function display(word: string): string {
  return word
    .split('-')
    .map((p, i) =>
      /^[A-Z]{2,}$/.test(p) ? (i === 0 ? p[0] + p.slice(1).toLowerCase() : p.toLowerCase()) : p,
    )
    .join('-');
}

export interface MentionState {
  /** The family name of each person mentioned so far ("Kim" for Kim Jong-pil, "Abe" for Shinzo Abe). */
  families: Map<string, string>;
  /** Reference actors named in full earlier in the article. */
  named: Set<string>;
  /** Every person mention so far, in article order (for pronouns and descriptions). */
  history: PersonMention[];
  /** Roles seen per actor in this article ("the president" → the last person called President). */
  roles: Map<string, string>;
}

export function newMentionState(): MentionState {
  return { named: new Set(), history: [], roles: new Map(), families: new Map() };
}

export class MentionFinder {
  private readonly matcher: ActorMatcher;
  private readonly byId: Map<string, ReferenceActor>;

  constructor(
    reference: ReferenceActor[],
    private readonly countries: CountryNames = WORLD_NAMES,
  ) {
    this.matcher = new ActorMatcher(reference, countries);
    this.byId = new Map(reference.map((a) => [a.id, a]));
  }

  /** Person mentions of one sentence, in order; detected persons are added to `detected`. */
  find(
    sentence: Sentence,
    state: MentionState,
    detected: Map<string, DetectedActor>,
  ): PersonMention[] {
    const text = sentence.text;
    const base = sentence.start;
    const found = this.matcher.find(text, state.named);
    const out: PersonMention[] = [];
    const taken = (s: number, e: number) => out.some((m) => s < m.end - base && m.start - base < e);
    for (const m of found.mentions) {
      const mention = this.fromMatcher(m, base);
      // A bare family name is the person of that name mentioned most recently in the article.
      if (mention.via === 'family') {
        const recent = [...state.history]
          .reverse()
          .find((h) => state.families.get(h.actorId)?.toLowerCase() === m.text.toLowerCase());
        if (recent) {
          mention.actorId = recent.actorId;
          mention.candidates = recent.candidates;
        }
      }
      out.push(mention);
    }
    for (const d of found.detected) {
      if (!detected.has(d.id))
        detected.set(d.id, { ...d, political: isPoliticalRole(d.role) || d.role !== 'Unknown' });
    }
    // Lower-case roles before a name: "Chinese leader Xi Jinping", "spokesperson Shu Jueting".
    LOWER_ROLE.lastIndex = 0;
    let r: RegExpExecArray | null;
    while ((r = LOWER_ROLE.exec(text))) {
      const at = r.index + r[0].length;
      const n = NAME_AFTER_ROLE.exec(text.slice(at));
      if (!n) continue;
      const nameText = n[1]!;
      if (taken(at, at + nameText.length)) continue;
      const role = r[1]!.trim();
      this.addDetected(
        out,
        detected,
        nameText,
        at,
        base,
        role,
        text.slice(Math.max(0, r.index - 40), at),
      );
    }
    // Family-name-first form without a title.
    FAMILY_GIVEN_FORM.lastIndex = 0;
    let k: RegExpExecArray | null;
    while ((k = FAMILY_GIVEN_FORM.exec(text))) {
      const at = k.index;
      if (taken(at, at + k[0].length)) continue;
      const before = text.slice(Math.max(0, at - 80), at);
      const after = text.slice(at + k[0].length, at + k[0].length + 160);
      const titled = TITLE_NEAR.exec(before);
      const appositive = /^,\s+(?:the|a|an|who)\s+([^.;]{0,150})/i.exec(after);
      const role = titled
        ? titled[1]!
        : appositive && POLITICAL_ROLE.test(appositive[1]!)
          ? (POLITICAL_ROLE.exec(appositive[1]!)?.[0] ?? 'Unknown')
          : 'Unknown';
      this.addDetected(out, detected, k[0], at, base, role, before);
    }
    // A bare family name of a person the article named, not matched above ("Kim" for Kim Jong-pil).
    for (const t of sentence.tokens) {
      if (t.pos !== 'PROPN' || taken(t.start - base, t.end - base)) continue;
      const next = text.slice(t.end - base);
      if (/^\s+[A-Z][a-z]+(?:-[a-z]+)?\b/.test(next) || /^-/.test(next)) continue;
      const recent = [...state.history, ...out]
        .reverse()
        .find((h) => state.families.get(h.actorId) === t.text);
      if (recent)
        out.push({
          actorId: recent.actorId,
          candidates: recent.candidates,
          start: t.start,
          end: t.end,
          text: t.text,
          via: 'family',
          title: null,
          phraseStart: t.start,
        });
    }
    // Pronouns and descriptions that refer back to a named person.
    for (const t of sentence.tokens) {
      if (taken(t.start - base, t.end - base)) continue;
      const referent = this.referent(
        t.lower,
        state,
        out.filter((m) => m.end <= t.start),
      );
      if (referent) {
        out.push({
          actorId: referent.actorId,
          candidates: referent.candidates,
          start: t.start,
          end: t.end,
          text: t.text,
          via: 'pronoun',
          title: null,
          phraseStart: t.start,
        });
      }
    }
    const described = /\bthe\s+(president|prime minister|premier|foreign minister|governor)\b/gi;
    let d: RegExpExecArray | null;
    while ((d = described.exec(text))) {
      const s = d.index;
      const e = s + d[0].length;
      if (taken(s, e)) continue;
      const role = d[1]!.toLowerCase();
      const prior = [...state.history, ...out]
        .reverse()
        .find((m) => (state.roles.get(m.actorId) ?? '').includes(role));
      if (prior)
        out.push({
          actorId: prior.actorId,
          candidates: prior.candidates,
          start: base + s,
          end: base + e,
          text: d[0],
          via: 'description',
          title: d[1]!,
          phraseStart: base + s,
        });
    }
    out.sort((a, b) => a.start - b.start);
    for (const m of out) {
      if (!state.families.has(m.actorId) && (m.via === 'name' || m.via === 'detected')) {
        const ref = this.byId.get(m.actorId);
        const words = m.text.split(/\s+/);
        const familyFirst = FAMILY_GIVEN_FORM.test(m.text);
        FAMILY_GIVEN_FORM.lastIndex = 0;
        const family = ref ? ref.familyName : familyFirst ? words[0]! : words[words.length - 1]!;
        state.families.set(
          m.actorId,
          family.replace(/^([A-Z])([A-Z]+)$/, (_, a: string, b: string) => a + b.toLowerCase()),
        );
      }
      if (m.via === 'name' || m.via === 'detected' || m.via === 'family') {
        const role =
          m.title ?? this.byId.get(m.actorId)?.role ?? detected.get(m.actorId)?.role ?? '';
        if (role) state.roles.set(m.actorId, role.toLowerCase());
      }
    }
    state.history.push(...out.filter((m) => m.via !== 'pronoun'));
    return out;
  }

  private fromMatcher(m: ActorMention, base: number): PersonMention {
    return {
      actorId: m.actorId,
      candidates: m.candidates ?? [m.actorId],
      start: base + m.start,
      end: base + m.end,
      text: m.text,
      via: m.via,
      title: m.title,
      phraseStart: base + m.phraseStart,
    };
  }

  private addDetected(
    out: PersonMention[],
    detected: Map<string, DetectedActor>,
    nameText: string,
    at: number,
    base: number,
    role: string,
    before: string,
  ) {
    const words = nameText.split(/\s+/);
    const name = words.map(display).join(' ');
    // A detected name that is a reference actor's full name in another form is that actor.
    const asRef = this.matcher.find(name, new Set()).mentions.find((m) => m.via === 'name');
    const id = asRef ? asRef.actorId : slugify(name);
    if (id === '') return;
    if (!asRef && !detected.has(id)) {
      const country = this.countries.fromPrefix(before) ?? 'Unknown';
      detected.set(id, {
        id,
        name,
        country,
        role: role === 'Unknown' ? 'Unknown' : role.replace(/^\w/, (c) => c.toUpperCase()),
        political: role !== 'Unknown' && isPoliticalRole(role),
      });
    }
    out.push({
      actorId: id,
      candidates: [id],
      start: base + at,
      end: base + at + nameText.length,
      text: nameText,
      via: asRef ? 'name' : 'detected',
      title: role === 'Unknown' ? null : role,
      phraseStart:
        base + at - (role !== 'Unknown' && before.endsWith(`${role} `) ? role.length + 1 : 0),
    });
  }

  private referent(lower: string, state: MentionState, current: PersonMention[]) {
    if (!/^(?:he|his|him|she|her)$/.test(lower)) return null;
    const here = current.filter((m) => m.via !== 'pronoun').sort((a, b) => a.start - b.start);
    const prior = [...state.history.filter((m) => m.via !== 'pronoun'), ...here];
    return prior[prior.length - 1] ?? null;
  }
}
