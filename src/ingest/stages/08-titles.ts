/**
 * Stage 8: titles. A headline in the present tense built from the anchor clause: who does what,
 * where ("Chun arrives in Japan", "Supreme Court upholds lower court ruling"), without the date words,
 * people by their short names, never cut inside a phrase. Planned events say so ("Lee to visit
 * Tokyo"). An event noun becomes a clause when the text says who took part ("a meeting between Lee
 * and Ishiba" → "Lee and Ishiba meet"; "his impeachment by the National Assembly" → "National
 * Assembly impeaches Yoon"); otherwise the noun phrase is the title ("Japan's colonial rule over
 * the Korean Peninsula").
 */
import type { ReferenceActor } from '../actors-file.ts';
import type { Token } from './02-sentences.ts';
import { placeAfter, type PersonMention } from './04-mentions.ts';
import { SPEECH } from './05-candidates.ts';
import type { DatedCandidate } from './06-dating.ts';
import type { DetectedActor } from './04-mentions.ts';

const IRREGULAR: Record<string, string> = { be: 'is', have: 'has', do: 'does', go: 'goes' };

export function presentTense(lemma: string, plural: boolean): string {
  if (plural) return lemma === 'be' ? 'are' : lemma;
  if (IRREGULAR[lemma]) return IRREGULAR[lemma]!;
  if (/(?:s|sh|ch|x|z|o)$/.test(lemma)) return `${lemma}es`;
  if (/[^aeiou]y$/.test(lemma)) return `${lemma.slice(0, -1)}ies`;
  return `${lemma}s`;
}

/** Event nouns and the verb they name: the verb's base and past participle. */
const NOUN_VERB: Record<string, [string, string]> = {
  meeting: ['meet', 'met'],
  talks: ['hold talks', 'held'],
  summit: ['hold a summit', 'held'],
  visit: ['visit', 'visited'],
  trip: ['travel', 'made'],
  call: ['speak by phone', 'made'],
  impeachment: ['impeach', 'impeached'],
  inauguration: ['inaugurate', 'inaugurated'],
  election: ['elect', 'elected'],
  invasion: ['invade', 'invaded'],
  annexation: ['annex', 'annexed'],
  kidnapping: ['kidnap', 'kidnapped'],
  assassination: ['assassinate', 'assassinated'],
  signing: ['sign', 'signed'],
  imposition: ['impose', 'imposed'],
  declaration: ['declare', 'declared'],
  lifting: ['lift', 'lifted'],
  release: ['release', 'released'],
  occupation: ['occupy', 'occupied'],
  apology: ['apologise', 'apologised'],
  resignation: ['resign', 'resigned'],
  restoration: ['restore', 'restored'],
  normalization: ['normalize', 'normalized'],
  normalisation: ['normalise', 'normalised'],
  establishment: ['establish', 'established'],
  adoption: ['adopt', 'adopted'],
  abolition: ['abolish', 'abolished'],
  ratification: ['ratify', 'ratified'],
  liberation: ['liberate', 'liberated'],
};

/** Nouns that govern an event as its subject: "the outbreak of the war" → the war breaks out. */
const GOVERNING_INTRANSITIVE: Record<string, string> = {
  outbreak: 'break out',
  start: 'start',
  beginning: 'begin',
  end: 'end',
  collapse: 'collapse',
};

/** Event nouns whose participants are their subjects ("Lee and Ishiba meet"). */
const AGENT_NOUNS = new Set(['meeting', 'talks', 'summit', 'visit', 'trip', 'call']);
/** Event nouns whose possessor is the one it happens to ("his assassination": he is assassinated). */
const PATIENT_NOUNS = new Set([
  'impeachment',
  'inauguration',
  'election',
  'assassination',
  'kidnapping',
]);

/** A title never ends on these: "… talks with", "… in the". */
const DANGLING = /^(?:ADP|DET|CCONJ|SCONJ|PART|PUNCT|AUX|PRON)$/;
const STOP_WORD =
  /^(?:which|who|where|while|as|amid|because|saying|after|before|following|when|that|according|,|;|\(|—|--)$/i;

function shortName(
  id: string,
  reference: ReadonlyMap<string, ReferenceActor>,
  detected: ReadonlyMap<string, DetectedActor>,
): string {
  const ref = reference.get(id);
  if (ref) return ref.familyName;
  return detected.get(id)?.name ?? id;
}

function joinNames(names: string[]): string {
  const unique = [...new Set(names)];
  if (unique.length <= 1) return unique[0] ?? '';
  return `${unique.slice(0, -1).join(', ')} and ${unique[unique.length - 1]}`;
}

function capitalise(s: string): string {
  return s.replace(/^[“"'‘]?\p{Ll}/u, (c) => c.toUpperCase());
}

interface Ctx {
  c: DatedCandidate;
  body: string;
  /** The clause's tokens without its date expressions (and a preposition left dangling by them). */
  tokens: Token[];
  name: (id: string) => string;
}

/** Whether a token belongs to a date expression of the candidate. */
function inDate(c: DatedCandidate, t: Token): boolean {
  const exprs = [...(c.temporal ? [c.temporal] : []), ...c.bounds];
  return exprs.some((e) => t.start >= e.start && t.end <= e.end);
}

/**
 * The text of `tokens` as written, each person (with the title phrase before the name) replaced by
 * the person's short name, a possessive kept: "Japanese Prime Minister Shigeru Ishiba's" → "Ishiba's".
 */
function render(ctx: Ctx, tokens: Token[]): string {
  const persons = ctx.c.persons.filter((p) => p.via !== 'pronoun' && p.via !== 'description');
  let out = '';
  let prev: Token | null = null;
  const done = new Set<PersonMention>();
  for (const t of tokens) {
    const p = persons.find((m) => t.start >= m.phraseStart && t.end <= m.end);
    const gap = prev ? (ctx.body.slice(prev.end, t.start).length > 0 ? ' ' : '') : '';
    if (p) {
      if (!done.has(p)) out += gap + ctx.name(p.actorId);
      done.add(p);
    } else out += gap + t.text;
    prev = t;
  }
  return out.replace(/\s+/g, ' ').trim();
}

/**
 * Words after position `from` up to a phrase boundary, at most `max` words (tokens written without a
 * space between them are one word, so nothing is cut inside "Jae-myung" or "<b>"), never ending on
 * a function word.
 */
function phraseFrom(tokens: Token[], from: number, max: number): Token[] {
  const out: Token[] = [];
  let words = 0;
  for (let i = from; i < tokens.length; i++) {
    const t = tokens[i]!;
    const prev = tokens[i - 1];
    const joined = prev !== undefined && i > from && prev.end === t.start;
    if (STOP_WORD.test(t.text) && out.length > 0) break;
    // "… opposed the plan and said …": a second verb starts another clause.
    if (t.pos === 'CCONJ' && /^(?:VERB|AUX)$/.test(tokens[i + 1]?.pos ?? '') && out.length > 0)
      break;
    if (!joined) {
      // At the limit, a noun phrase still under way ("a working dinner", "Kuala Lumpur") ends first.
      const last = out[out.length - 1];
      const compound =
        last !== undefined &&
        /^(?:ADJ|NOUN|PROPN)$/.test(last.pos) &&
        /^(?:NOUN|PROPN)$/.test(t.pos) &&
        words < max + 3;
      if (words >= max && !compound) break;
      words++;
    }
    out.push(t);
  }
  // An opening quote or bracket that the phrase does not close is cut before it.
  const open = out.findIndex((t) => /^[“"(‘]$/.test(t.text));
  if (open >= 0 && !out.slice(open + 1).some((t) => /^[”")’]$/.test(t.text))) out.length = open;
  while (out.length > 0) {
    const last = out[out.length - 1]!;
    const glued = out.length > 1 && out[out.length - 2]!.end === last.start;
    if (
      last.pos === 'PUNCT' ? !glued || /^[,;:.(“"‘–—-]$/.test(last.text) : DANGLING.test(last.pos)
    )
      out.pop();
    else break;
  }
  return out;
}

function isPlural(subject: Token[], names: number): boolean {
  if (names > 1) return true;
  if (subject.some((t) => t.lower === 'and')) return true;
  const head = [...subject].reverse().find((t) => t.pos === 'NOUN' || t.pos === 'PROPN');
  return (
    head !== undefined && head.pos === 'NOUN' && head.lower !== head.lemma && /s$/.test(head.lower)
  );
}

/** "at the Group of Seven (G7) summit", "in Kananaskis": where the sentence says it happened. */
function setting(ctx: Ctx, afterOffset: number): string {
  const rest = ctx.c.sentence.text.slice(afterOffset - ctx.c.sentence.start);
  const occasion =
    /^[^.;]*?\b(?:on the sidelines of|at)\s+(?:the\s+)?((?:[A-Z][\w’'-]*|\(\w+\)|of)(?:\s+(?:[A-Z][\w’'-]*|\(\w+\)|of))*\s+(?:summit|meeting|conference|forum|talks|Games|Olympics|ceremony))/.exec(
      rest,
    );
  const place = placeAfter(ctx.c.sentence, afterOffset);
  return [occasion ? `at ${occasion[1]}` : '', place ? `in ${place}` : '']
    .filter((s) => s !== '')
    .join(' ');
}

/** The noun phrase that opens `tokens` ("North Korea's Foreign Ministry"), if any. */
function leadingNounPhrase(tokens: Token[]): Token[] {
  let i = 0;
  while (i < tokens.length && /^(?:ADP|SCONJ|CCONJ|ADV|PUNCT)$/.test(tokens[i]!.pos)) i++;
  const out: Token[] = [];
  for (; i < tokens.length && /^(?:PROPN|NOUN|ADJ|DET|NUM|PART)$/.test(tokens[i]!.pos); i++)
    out.push(tokens[i]!);
  while (out.length > 0 && /^(?:DET)$/.test(out[0]!.pos)) out.shift();
  return out.some((t) => t.pos === 'NOUN' || t.pos === 'PROPN') ? out : [];
}

function verbalTitle(ctx: Ctx, ti: number): string {
  const { c, tokens } = ctx;
  const trig = tokens[ti]!;
  // Subject: the people named before the verb, else the noun phrase right before it.
  const before = tokens.slice(0, ti);
  const people = c.persons.filter((p) => p.end <= trig.start && c.actorIds.includes(p.actorId));
  let subjectText: string;
  let plural: boolean;
  if (people.length > 0) {
    const names = [...new Set(people.map((p) => ctx.name(p.actorId)))];
    subjectText = joinNames(names);
    plural = names.length > 1;
  } else {
    let k = before.length - 1;
    while (k >= 0 && /^(?:AUX|ADV|PART|ADP)$/.test(before[k]!.pos)) k--;
    let s = Math.max(k, 0);
    while (s > 0 && /^(?:PROPN|NOUN|ADJ|DET|NUM|PART|CCONJ)$/.test(before[s - 1]!.pos)) s--;
    while (s <= k && /^(?:DET|CCONJ|PUNCT)$/.test(before[s]!.pos)) s++;
    let subject = k >= 0 && s <= k ? before.slice(s, k + 1) : [];
    // "The ministry called the release a crime and said …": a coordinated verb shares the
    // subject that opens its clause.
    if (before[k]?.pos === 'CCONJ' || subject.length === 0) subject = leadingNounPhrase(before);
    // "After being promulgated Friday, the amendment will be enforced": a subordinate clause
    // without a subject has the subject of the clause it hangs on.
    if (
      subject.length === 0 &&
      /^(?:after|before|once|when|upon|while)$/i.test(before[0]?.text ?? '')
    )
      subject = leadingNounPhrase(
        c.sentence.tokens.filter((t) => t.start >= c.clause.end && !/^[,;]$/.test(t.text)),
      );
    subjectText = render(ctx, subject);
    plural = isPlural(subject, 0);
    if (/^(?:he|she|it|they|we|i)$/i.test(subjectText)) {
      // "Lisbon and Madrid said they were banning …": the pronoun is the speaker.
      const speechAt = before.findIndex((t) => t.pos === 'VERB' && SPEECH.has(t.lemma));
      const saying = before.slice(0, Math.max(speechAt, 0));
      const speaker = saying.every((t) => /^(?:PROPN|NOUN|ADJ|DET|NUM|PART|CCONJ)$/.test(t.pos))
        ? saying.filter((t, i) => i > 0 || t.pos !== 'DET')
        : leadingNounPhrase(saying);
      subjectText = speaker.length > 0 ? render(ctx, speaker) : '';
      if (speaker.length > 0) plural = isPlural(speaker, 0);
    }
  }
  const aux = before.slice(-3).filter((t) => t.pos === 'AUX');
  const passive =
    aux.some((t) => /^(?:was|were|been|being|is|are|be)$/i.test(t.lower)) &&
    !/ing$/.test(trig.lower);
  let verb: string;
  if (c.mood === 'planned') verb = passive ? `to be ${trig.text}` : `to ${trig.lemma}`;
  else if (passive) verb = `${plural ? 'are' : 'is'} ${trig.text}`;
  else verb = presentTense(trig.lemma, plural);
  const object = render(ctx, phraseFrom(tokens, ti + 1, 10));
  return [subjectText, verb, object].filter((s) => s !== '').join(' ');
}

function nominalTitle(ctx: Ctx): string {
  const { c, tokens } = ctx;
  const headIndex = tokens.findIndex((t) => t.end === c.trigger.end);
  const head = tokens[headIndex];
  let phrase = render(ctx, phraseFrom(tokens, 0, 14)).replace(/^(?:its|his|her|their)\s+/i, '');
  if (!head) return phrase;
  const clause = c.sentence.tokens.filter((t) => t.start >= c.clause.start && !inDate(c, t));
  const after = clause.findIndex((t) => t.start > head.start);
  // "a 1961 coup that put Park Chung-hee in power": the relative clause says what it did;
  // "its landmark ruling that Japanese companies are liable": the content clause says what it is.
  if (clause[after]?.lower === 'that' || clause[after]?.lower === 'which') {
    const verbAt = clause.findIndex((t, i) => i > after && (t.pos === 'VERB' || t.pos === 'AUX'));
    const verb = clause[verbAt];
    if (verb && verbAt - after === 1 && verb.pos === 'VERB') {
      const object = render({ ...ctx, tokens: clause }, phraseFrom(clause, verbAt + 1, 8));
      return [phrase, presentTense(verb.lemma, false), object].join(' ').trim();
    }
    if (verb)
      phrase = `${phrase} ${render({ ...ctx, tokens: clause }, phraseFrom(clause, after, 10))}`;
  }
  // A noun that is the subject of the verb that follows it: "Diplomatic ties saw improvement …".
  const next = clause[after];
  // A capitalised word after a capitalised head is part of a name ("Summit Meeting"), not a verb.
  const inName = next !== undefined && /^\p{Lu}/u.test(next.text) && /^\p{Lu}/u.test(head.text);
  if (
    next &&
    !inName &&
    (next.pos === 'VERB' || (next.pos === 'AUX' && clause[after + 1]?.pos === 'VERB'))
  ) {
    const verbIndex = next.pos === 'VERB' ? after : after + 1;
    const verb = clause[verbIndex]!;
    const subject = clause.slice(0, after).filter((t) => t.start >= tokens[0]!.start);
    const plural = isPlural(subject, 0);
    const object = render({ ...ctx, tokens: clause }, phraseFrom(clause, verbIndex + 1, 10));
    return [render(ctx, subject), presentTense(verb.lemma, plural), object].join(' ').trim();
  }
  // "helped him win the 1997 election": the noun phrase is the object of a verb whose subject is a
  // participant; that person does it.
  const sentenceTokens = c.sentence.tokens;
  const first = sentenceTokens.findIndex((t) => t.start === tokens[0]!.start);
  const governor = sentenceTokens[first - 1];
  const doer = sentenceTokens[first - 2];
  if (governor?.pos === 'VERB' && doer) {
    const person = c.persons.find(
      (p) => p.start <= doer.start && p.end >= doer.end && c.actorIds.includes(p.actorId),
    );
    if (person)
      return `${ctx.name(person.actorId)} ${presentTense(governor.lemma, false)} ${phrase}`;
  }
  const verb = NOUN_VERB[head.lemma] ?? NOUN_VERB[head.lower];
  if (!verb) {
    // "the imposition of martial law": martial law is imposed.
    const governing = /\b([a-z]+)\s+of\s+$/.exec(
      ctx.body.slice(c.sentence.start, tokens[0]!.start),
    );
    const passive = governing ? NOUN_VERB[governing[1]!] : undefined;
    // The phrase's number is its head noun's ("the Treaty on Basic Relations" is one treaty).
    const plural = head.lower !== head.lemma && /s$/.test(head.lower);
    if (passive) return `${phrase} ${plural ? 'are' : 'is'} ${passive[1]}`;
    const intransitive = governing ? GOVERNING_INTRANSITIVE[governing[1]!] : undefined;
    if (intransitive) {
      const [v, ...rest] = intransitive.split(' ');
      return [phrase, presentTense(v!, plural), ...rest].join(' ');
    }
    return phrase;
  }
  const setIn = setting(ctx, c.clause.end);
  const names = c.actorIds.map(ctx.name);
  // "his assassination", "Park's impeachment": the possessor is the one it happens to.
  const possessor = tokens[headIndex - 1];
  const possessed =
    possessor && (/^(?:his|her|their)$/i.test(possessor.lower) || /^['’]s$/.test(possessor.text));
  // "his impeachment by the National Assembly": the agent does it to the possessor.
  const by =
    /\bby\s+((?:[A-Z][\w’'-]*|of|the)(?:\s+(?:[A-Z][\w’'-]*|of|the))*(?:['’]s\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)?)/.exec(
      ctx.body.slice(head.end, c.clause.end),
    );
  if (by && names.length === 1) {
    const agent = by[1]!.replace(/^the\s+/i, '');
    return `${agent} ${presentTense(verb[0], false)} ${names[0]}`;
  }
  if (possessed && names.length === 1 && PATIENT_NOUNS.has(head.lemma))
    return `${names[0]} is ${verb[1]}`;
  if (!AGENT_NOUNS.has(head.lemma)) return phrase;
  if (names.length >= 2 || (names.length === 1 && ['visit', 'trip'].includes(head.lemma)))
    return [joinNames(names), presentTense(verb[0], names.length > 1), setIn]
      .filter((s) => s !== '')
      .join(' ');
  return phrase;
}

export function titleOf(
  c: DatedCandidate,
  body: string,
  reference: ReadonlyMap<string, ReferenceActor>,
  detected: ReadonlyMap<string, DetectedActor>,
): string {
  const tokens = c.tokens.filter((t, i, all) => {
    if (inDate(c, t)) return false;
    // A preposition whose object was the date: "met … on June 3" → "met …".
    const next = all[i + 1];
    return !(t.pos === 'ADP' && next !== undefined && inDate(c, next));
  });
  const ctx: Ctx = { c, body, tokens, name: (id) => shortName(id, reference, detected) };
  let title: string;
  if (c.trigger.nominal) title = nominalTitle(ctx);
  else {
    const ti = tokens.findIndex((t) => t.start === c.trigger.start);
    title = ti < 0 ? render(ctx, phraseFrom(tokens, 0, 12)) : verbalTitle(ctx, ti);
  }
  return capitalise(
    title
      .replace(/\s+([,.;:’'])(?=\s|$)/g, '$1')
      .replace(/\s+/g, ' ')
      .trim(),
  );
}
