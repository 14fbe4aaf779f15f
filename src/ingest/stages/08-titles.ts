/**
 * Stage 8: titles. A headline in the present tense built from the anchor clause: who does what,
 * where ("Chun arrives in Japan", "Supreme Court upholds lower court ruling"), without the date words,
 * never cut inside a phrase. Planned events say so ("Lee to visit Tokyo"); a dated noun phrase is its
 * own title ("Japan's colonial rule over the Korean peninsula").
 */
import type { ReferenceActor } from '../actors-file.ts';
import type { Token } from './02-sentences.ts';
import type { DatedCandidate } from './06-dating.ts';
import type { DetectedActor } from './04-mentions.ts';

const FUNCTION_END =
  /^(?:the|a|an|of|to|in|on|at|for|by|with|and|or|from|as|its|their|his|her|that|which|who|into|over|after|before|than|but|while|said|says|s|'s|’s)$/i;
const IRREGULAR: Record<string, string> = { be: 'is', have: 'has', do: 'does', go: 'goes' };

export function presentTense(lemma: string, plural: boolean): string {
  if (plural) return lemma === 'be' ? 'are' : lemma;
  if (IRREGULAR[lemma]) return IRREGULAR[lemma]!;
  if (/(?:s|sh|ch|x|z|o)$/.test(lemma)) return `${lemma}es`;
  if (/[^aeiou]y$/.test(lemma)) return `${lemma.slice(0, -1)}ies`;
  return `${lemma}s`;
}

function join(tokens: Token[], body: string): string {
  if (tokens.length === 0) return '';
  let out = '';
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const prev = tokens[i - 1];
    const gap = prev ? body.slice(prev.end, t.start) : '';
    out += (prev ? (gap.length > 0 ? ' ' : '') : '') + t.text;
  }
  return out.replace(/\s+/g, ' ').trim();
}

function trimPhrase(tokens: Token[], max: number): Token[] {
  let t = tokens.slice(0, max);
  // Stop at a comma, a clause word or an opening quote that is not closed.
  const stop = t.findIndex(
    (x, i) =>
      i > 0 &&
      (x.text === ',' ||
        x.text === ';' ||
        x.text === '(' ||
        /^(?:which|who|where|while|as|amid|because|saying|after|before|following|when|that)$/i.test(
          x.lower,
        )),
  );
  if (stop > 0) t = t.slice(0, stop);
  while (
    t.length > 0 &&
    (FUNCTION_END.test(t[t.length - 1]!.text) ||
      t[t.length - 1]!.pos === 'PUNCT' ||
      t[t.length - 1]!.pos === 'CCONJ' ||
      t[t.length - 1]!.pos === 'DET' ||
      t[t.length - 1]!.pos === 'ADP')
  )
    t = t.slice(0, -1);
  const text = t.map((x) => x.text).join(' ');
  const opens = (text.match(/[“"(]/g) ?? []).length;
  const closes = (text.match(/[”")]/g) ?? []).length;
  if (opens > closes) {
    const q = t.findIndex((x) => /[“"(]/.test(x.text));
    t = t.slice(0, q);
    while (
      t.length > 0 &&
      (FUNCTION_END.test(t[t.length - 1]!.text) ||
        t[t.length - 1]!.pos === 'ADP' ||
        t[t.length - 1]!.pos === 'DET')
    )
      t = t.slice(0, -1);
  }
  return t;
}

function shortName(
  id: string,
  reference: ReadonlyMap<string, ReferenceActor>,
  detected: ReadonlyMap<string, DetectedActor>,
): string {
  const ref = reference.get(id);
  if (ref) return ref.familyName;
  const d = detected.get(id);
  return d ? d.name : id;
}

function capitalise(s: string): string {
  return s.replace(/^[“"']?\p{Ll}/u, (c) => c.toUpperCase());
}

export function titleOf(
  c: DatedCandidate,
  body: string,
  reference: ReadonlyMap<string, ReferenceActor>,
  detected: ReadonlyMap<string, DetectedActor>,
): string {
  const tokens = c.tokens.filter(
    (t) =>
      !(c.temporal && t.start >= c.temporal.start && t.end <= c.temporal.end) &&
      !c.bounds.some((b) => t.start >= b.start && t.end <= b.end),
  );
  const clean = (list: Token[]) =>
    list.filter(
      (t, i) =>
        !(
          /^(?:on|in|at|since|from|by|until|up)$/i.test(t.lower) &&
          (tokens[tokens.indexOf(t) + 1] === undefined ||
            (c.temporal && tokens[tokens.indexOf(t) + 1]!.start >= c.temporal.end && false))
        ) || i < 0,
    );
  if (c.trigger.nominal) {
    const phrase = trimPhrase(
      clean(tokens).filter((t) => !/^(?:the|a|an)$/i.test(t.lower) || t !== tokens[0]),
      12,
    );
    return capitalise(join(phrase, body).replace(/^(?:its|his|her|their)\s+/i, ''));
  }
  const ti = tokens.findIndex(
    (t) => t.start === c.trigger.start || (t.start <= c.trigger.end - 1 && t.end >= c.trigger.end),
  );
  if (ti < 0) return capitalise(join(trimPhrase(tokens, 10), body));
  const trig = tokens[ti]!;
  // Subject: the people of the clause before the verb, else the last noun phrase before it.
  const subjectPeople = c.persons
    .filter((p) => p.end <= trig.start && c.actorIds.includes(p.actorId))
    .map((p) => p.actorId);
  const uniq = [...new Set(subjectPeople)];
  let subject: string;
  let plural: boolean;
  if (uniq.length > 0) {
    const names = uniq.map((id) => shortName(id, reference, detected));
    subject =
      names.length === 1
        ? names[0]!
        : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
    plural = names.length > 1;
  } else {
    let k = ti - 1;
    while (
      k >= 0 &&
      (tokens[k]!.pos === 'AUX' ||
        tokens[k]!.pos === 'ADV' ||
        tokens[k]!.pos === 'PART' ||
        (c.temporal && tokens[k]!.start >= c.temporal.start && tokens[k]!.end <= c.temporal.end))
    )
      k--;
    // Skip a trailing date phrase like "on Monday" that was removed: drop dangling prepositions.
    while (k >= 0 && tokens[k]!.pos === 'ADP') k--;
    if (k < 0) k = -1;
    let s = Math.max(k, 0);
    while (
      k >= 0 &&
      s > 0 &&
      /^(?:PROPN|NOUN|ADJ|DET|NUM|PART|PUNCT|CCONJ)$/.test(tokens[s - 1]!.pos) &&
      tokens[s - 1]!.text !== ',' &&
      !/^[“"]$/.test(tokens[s - 1]!.text)
    )
      s--;
    while (k >= 0 && s <= k && /^(?:DET|PUNCT|CCONJ)$/.test(tokens[s]!.pos)) s++;
    const subj = k >= 0 && s <= k ? tokens.slice(s, k + 1) : [];
    subject = join(subj, body).replace(/['’]$/, '');
    plural =
      subj.some((t) => t.lower === 'and') ||
      (subj.length > 0 &&
        /s$/.test(subj[subj.length - 1]!.lower) &&
        subj[subj.length - 1]!.pos === 'NOUN');
    if (subj.length > 0 && /^(?:he|she|it|they)$/i.test(subject)) subject = '';
  }
  const aux = tokens.slice(Math.max(0, ti - 3), ti).filter((t) => t.pos === 'AUX');
  const passive =
    aux.some((t) => /^(?:was|were|been|is|are|be)$/i.test(t.lower)) && !/ing$/.test(trig.lower);
  let verb: string;
  if (c.mood === 'planned') verb = passive ? `to be ${trig.text}` : `to ${trig.lemma}`;
  else if (passive) verb = `${plural ? 'are' : 'is'} ${trig.text}`;
  else verb = presentTense(trig.lemma, plural);
  // Particles and the object: words after the verb up to a phrase boundary, without date words.
  const rest = tokens
    .slice(ti + 1)
    .filter((t) => !(c.temporal && t.start >= c.temporal.start && t.end <= c.temporal.end));
  let obj = trimPhrase(rest, 9);
  // Drop a preposition left dangling by a removed date ("applauded on Monday their …").
  obj = obj.filter((t, i) => !(t.pos === 'ADP' && obj[i + 1] === undefined));
  const objectText = join(obj, body);
  const subjectText = subject === '' ? '' : subject;
  let title = [subjectText, verb, objectText].filter((s) => s !== '').join(' ');
  title = title
    .replace(/\s+([,.;:])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
  return capitalise(title);
}
