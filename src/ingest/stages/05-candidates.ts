/**
 * Stage 5: event candidates. A candidate is a clause that states that something happened, or is
 * planned, with its trigger (a verb such as "signed", "met", "was held", or an event noun such as
 * "treaty", "ruling", "colonial rule"), the people its own clause names or refers to, and the date
 * expression that belongs to it. Kinds come from a lexicon of trigger lemmas; a verb outside the
 * lexicon still makes an event (`other`) when the clause dates it.
 */
import type { EventKind } from '../../lib/event-kinds.ts';
import type { Sentence, Token } from './02-sentences.ts';
import type { TemporalExpr } from './03-temporal.ts';
import type { PersonMention } from './04-mentions.ts';
import { COUNTRY_NAMES } from '../countries.ts';

export type Mood = 'past' | 'planned';

export interface Candidate {
  articleId: string;
  sentence: Sentence;
  /** The trigger word(s), body offsets. */
  trigger: { start: number; end: number; text: string; lemma: string; nominal: boolean };
  kind: EventKind;
  /** Body offsets of the clause the event is read from. */
  clause: { start: number; end: number };
  /** Tokens of the clause (for titles). */
  tokens: Token[];
  persons: PersonMention[];
  /** The date expression that belongs to this event, if any. */
  temporal: TemporalExpr | null;
  /** Date bounds stated by "since", "until", "before", "after" expressions of the clause. */
  bounds: TemporalExpr[];
  /** "during X's administration/tenure/presidency": the actor whose term dates the event. */
  duringTermOf: PersonMention | null;
  /** "X following Y" / "X after Y": the candidates of the same sentence this one comes after. */
  follows: Candidate[];
  mood: Mood;
}

/** Verb lemmas that report events, with their kind. */
const VERB_KIND: Record<string, EventKind> = {};
function verbs(kind: EventKind, words: string) {
  for (const w of words.split(/\s+/)) if (w) VERB_KIND[w] = kind;
}
verbs(
  'meeting',
  'meet hold talk discuss confer consult host attend summit negotiate phone call engage',
);
verbs('visit', 'visit arrive travel tour land depart');
verbs(
  'agreement',
  'sign agree conclude ratify normalize normalise settle pledge commit forge reach seal',
);
verbs(
  'statement',
  'say announce declare state tell add stress emphasize emphasise note reiterate express vow hail welcome applaud confirm reveal praise',
);
verbs('apology', 'apologize apologise');
verbs(
  'criticism',
  'condemn criticize criticise denounce oppose protest urge demand warn accuse reject slam deplore lament',
);
verbs('protest', 'rally march demonstrate');
verbs('ruling', 'rule uphold overturn sue file convict sentence acquit order side dismiss');
verbs(
  'measure',
  'ban impose lift restore designate pass enact adopt approve decide redesignate downgrade upgrade revise promulgate enforce release discharge launch introduce suspend resume cancel add inscribe list drop extend provide return begin start commence open close build establish create found',
);
verbs('election', 'elect inaugurate impeach oust resign win appoint nominate succeed swear assume');
verbs(
  'conflict',
  'invade attack annex occupy kill bomb kidnap assassinate seize detain arrest invade fire shoot strike carve conscript',
);
verbs('relations', 'restore reconcile improve');
verbs('incident', 'crash explode sink collapse escape');
verbs('death', 'die');
verbs('other', 'cut join');

/** Verbs that never make an event on their own (states, attitudes, reporting of reporting). */
const NOT_EVENT = new Set(
  'be have do seem appear remain stay know think believe feel want hope wish like need mean include consider regard look become continue keep let make get go come take give see try seek intend aim plan expect use show tend deserve involve concern cause bring run face require belong refer describe remember recall call'.split(
    ' ',
  ),
);

/** Event nouns (dated by a modifier or an expression in their phrase), with their kind. */
const NOUN_KIND: Record<string, EventKind> = {};
function nouns(kind: EventKind, words: string) {
  for (const w of words.split(/\s+/)) if (w) NOUN_KIND[w] = kind;
}
nouns('meeting', 'meeting summit talks talk conference negotiation negotiations call');
nouns('visit', 'visit trip tour');
nouns(
  'agreement',
  'treaty accord agreement deal pact communique normalization normalisation signing',
);
nouns('statement', 'statement declaration speech announcement remarks notice');
nouns('apology', 'apology');
nouns('criticism', 'condemnation');
nouns('protest', 'protest protests demonstration rally');
nouns('ruling', 'ruling rulings verdict lawsuit decision judgment judgement case');
nouns(
  'measure',
  'ban law ordinance sanctions controls measure measures embargo bill listing inscription release discharge imposition',
);
nouns('election', 'election inauguration impeachment resignation ouster');
nouns(
  'conflict',
  'war invasion attack coup kidnapping assassination annexation bombing occupation surrender armistice',
);
nouns('period', 'rule colonisation colonization era period');
nouns('relations', 'relations ties improvement deterioration rapprochement');
/**
 * "Relations" and "ties" name a state, not a happening: they make an event only in a clause that
 * tells of a change of them ("ties saw improvement", "restored relations", "relations soured").
 */
const STATE_NOUNS = new Set(['relations', 'ties']);
const CHANGE =
  /^(?:improv|normali[sz]|restor|sour|worsen|deteriorat|establish|sever|br[eo]k|thaw|warm|fr[oe]z|cut|resum|upgrad|downgrad|rapprochement|reconcil|strain|chill)/;
nouns('incident', 'earthquake tsunami meltdown disaster accident crash fire explosion');
nouns('death', 'death');

/** Words that end a clause (relative pronouns, subordinators); a following event is its own clause. */
const BOUNDARY_WORDS = new Set(
  'which who whom whose where when while after before following as because although though until unless whereas but since'.split(
    ' ',
  ),
);
/** Verbs of saying (a report's source, not its event, unless it is dated or has a venue). */
export const SPEECH = new Set(
  'say tell add state announce declare note reiterate stress emphasize emphasise'.split(' '),
);
const VENUE =
  /\b(?:statement|briefing|press conference|news conference|interview|speech|remarks|address|release|on X|on Twitter|communique|meeting|session|parliament|rally)\b/i;
const PLANNING =
  /\b(?:will|shall|plans? to|planning to|is to|are to|set to|scheduled to|expected to|due to|would)\s+(?:\w+\s+)?$/i;

/** Verbs whose past tense is their base form ("cut off their fingers on Monday"). */
const SAME_PAST = new Set(
  'cut put set hit let shut spread cost hurt quit cast broadcast upset bet burst split thrust'.split(
    ' ',
  ),
);

/**
 * Whether a finite verb form reports a past (or headline-present) event. A base form that is also
 * a past form counts only when the clause gives a date.
 */
function isPastForm(t: Token, datedClause: boolean): boolean {
  if (t.lower === t.lemma) return datedClause && SAME_PAST.has(t.lemma);
  return !/ing$/.test(t.lower);
}

export interface SentenceCandidatesInput {
  articleId: string;
  sentence: Sentence;
  temporals: TemporalExpr[];
  persons: PersonMention[];
}

interface Clause {
  from: number; // token index
  to: number; // token index, exclusive
  /** Token index of the relative pronoun's antecedent phrase start, for "X, which/who …". */
  antecedentFrom: number | null;
}

function clausesOf(tokens: Token[]): Clause[] {
  const out: Clause[] = [];
  let from = 0;
  let antecedentFrom: number | null = null;
  const close = (to: number, nextAntecedent: number | null) => {
    if (to > from) out.push({ from, to, antecedentFrom });
    from = to;
    antecedentFrom = nextAntecedent;
  };
  // A sentence that opens with a prepositional phrase ("In addition to his meeting with X, …") has
  // that phrase as its own clause: its people are not the main clause's.
  const introComma = tokens[0]?.pos === 'ADP' ? tokens.findIndex((t) => t.text === ',') : -1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (i === introComma) {
      close(i + 1, null);
      continue;
    }
    if (t.text === ';' || t.text === ':' || t.text === '—' || t.text === '--') {
      close(i + 1, null);
      continue;
    }
    if (i > 0 && BOUNDARY_WORDS.has(t.lower)) {
      // "after"/"before"/"following" followed by a date is a date phrase, not a clause.
      const next = tokens[i + 1];
      if (
        (t.lower === 'after' ||
          t.lower === 'before' ||
          t.lower === 'following' ||
          t.lower === 'until' ||
          t.lower === 'as' ||
          t.lower === 'since') &&
        next &&
        (next.pos === 'NUM' ||
          (/^(?:the|a|an|his|her|its|their)$/.test(next.lower) === false &&
            next.pos !== 'PRON' &&
            next.pos !== 'PROPN' &&
            next.pos !== 'DET' &&
            next.pos !== 'NOUN'))
      )
        continue;
      let antecedent: number | null = null;
      if (/^(?:which|who|whom|whose)$/.test(t.lower)) {
        let k = i - 1;
        while (k >= 0 && tokens[k]!.text === ',') k--;
        let s = k;
        while (
          s > 0 &&
          (/^(?:PROPN|NOUN|ADJ|DET|PART|NUM)$/.test(tokens[s - 1]!.pos) ||
            // "the country's first female president": an adverb-tagged ordinal before an adjective.
            (tokens[s - 1]!.pos === 'ADV' && tokens[s]!.pos === 'ADJ'))
        )
          s--;
        antecedent = s;
      }
      close(i, antecedent);
    }
  }
  close(tokens.length, null);
  return out;
}

function tokenIndexAt(tokens: Token[], offset: number): number {
  let best = 0;
  for (let i = 0; i < tokens.length; i++) if (tokens[i]!.start <= offset) best = i;
  return best;
}

/** Candidates of one sentence. */
export function findCandidates(input: SentenceCandidatesInput): Candidate[] {
  const { sentence, temporals, persons } = input;
  const tokens = sentence.tokens;
  if (tokens.length < 3) return [];
  // A photo caption describes a picture, not the story ("This photo, taken on Oct. 24, …").
  if (
    /^(?:this|the|a|in this)\s+(?:file\s+|handout\s+)?(?:photo|picture|image)\b/i.test(
      sentence.text,
    )
  )
    return [];
  // A sentence that is wholly a quotation is speech, not a report of events.
  if (/^["“]/.test(sentence.text) && /["”]\s*$/.test(sentence.text.replace(/[.,]$/, ''))) return [];
  const clauses = clausesOf(tokens);
  const tempTok = temporals.map((t) => tokenIndexAt(tokens, t.start));
  const insideTemporal = (i: number) =>
    temporals.some((t) => tokens[i]!.start >= t.start && tokens[i]!.end <= t.end);
  const inQuote = quotedRanges(sentence);
  const quoted = (i: number) =>
    inQuote.some(([s, e]) => tokens[i]!.start >= s && tokens[i]!.end <= e);

  interface Trigger {
    i: number;
    kind: EventKind;
    nominal: boolean;
    mood: Mood;
    clause: Clause;
    known: boolean;
    span: [number, number];
  }
  const triggers: Trigger[] = [];
  for (const clause of clauses) {
    for (let i = clause.from; i < clause.to; i++) {
      const t = tokens[i]!;
      if (insideTemporal(i) || quoted(i)) continue;
      const prev = tokens[i - 1];
      const before = sentence.text.slice(0, t.start - sentence.start);
      if (t.pos === 'VERB') {
        // "called for calm", "called on Tokyo to …": a demand, unlike "calls the islets Tok-do".
        const demand = t.lemma === 'call' && /^(?:for|on)$/.test(tokens[i + 1]?.lower ?? '');
        if (NOT_EVENT.has(t.lemma) && !demand) continue;
        // Participles modifying a noun ("a ruling ordering …", "islets controlled by …") and
        // infinitives ("agreed to normalise") are not events of their own.
        const aux = auxBefore(tokens, i);
        const isIng = /ing$/.test(t.lower);
        // "the signing of the treaty", "the killing of …": a gerund after an article is an event
        // noun of its verb's kind.
        if (isIng && prev?.pos === 'DET' && /^(?:the|a|an)$/.test(prev.lower)) {
          const verbKind = VERB_KIND[t.lemma];
          if (verbKind && tokens[i + 1]?.lower === 'of')
            triggers.push({
              i,
              kind: verbKind,
              nominal: true,
              mood: 'past',
              clause,
              known: true,
              span: [i, i + 1],
            });
          continue;
        }
        // A gerund after a preposition ("since assuming office on June 4") is an event when dated.
        const gerund =
          isIng &&
          prev !== undefined &&
          /^(?:since|after|before|upon|on|by|following)$/.test(prev.lower);
        if (isIng && !aux.progressive && !gerund) continue;
        const planned = PLANNING.test(before) || aux.future;
        if (prev?.lower === 'to' && !planned) continue;
        const datedClause = temporals.some(
          (e, k) => tempTok[k]! >= clause.from && tempTok[k]! < clause.to,
        );
        // "were banning": a past progressive reports what was under way.
        const pastProgressive =
          aux.progressive &&
          /^(?:was|were)$/.test(
            tokens.slice(Math.max(0, i - 3), i).find((x) => x.pos === 'AUX')?.lower ?? '',
          );
        if (
          !planned &&
          !gerund &&
          !aux.perfect &&
          !aux.passive &&
          !pastProgressive &&
          !isPastForm(t, datedClause)
        )
          continue;
        if (
          !aux.finite &&
          !planned &&
          prev &&
          (prev.pos === 'NOUN' || prev.pos === 'PROPN') &&
          /ed$/.test(t.lower) &&
          tokens[i + 1]?.lower === 'by'
        )
          continue; // "islets controlled by South Korea"
        const next = tokens[i + 1];
        const participle = t.lower !== t.lemma && !/(?:s|ing)$/.test(t.lower);
        // "those arrested", "the accused": a participle after a determiner names people.
        if (!aux.finite && participle && prev && /^(?:those|these|the)$/.test(prev.lower)) continue;
        // "… accused of attempting …": a passive participle without its auxiliary describes.
        if (!aux.finite && participle && next?.lower === 'of') continue;
        // "was met with a unified response": a reception, not a meeting.
        if (t.lemma === 'meet' && aux.passive && next?.lower === 'with') continue;
        // A participle after a comma and before a preposition modifies the phrase before it
        // ("a meeting …, held on the sidelines of …"); one before a noun is an adjective
        // ("the newly elected President").
        if (!aux.finite && !planned && participle && prev?.text === ',' && next?.pos === 'ADP')
          continue;
        if (
          !aux.finite &&
          participle &&
          (next?.pos === 'NOUN' || next?.pos === 'PROPN') &&
          prev !== undefined &&
          (/^(?:ADV|DET|PART|ADJ)$/.test(prev.pos) ||
            /^(?:my|our|your|his|her|its|their)$/.test(prev.lower)) &&
          // "who narrowly escaped death": after a subject and adverbs, it is the finite verb.
          !/^(?:who|which|that|he|she|they|we|i|it)$/.test(subjectBeforeAdverbs(tokens, i))
        )
          continue;
        let kind = demand ? 'criticism' : VERB_KIND[t.lemma];
        // "demonstrated the globalisation …" (showed) and "marched into the hall" (walked) are not
        // protests: a protest verb takes no direct object and goes to or against somewhere.
        if (
          kind === 'protest' &&
          (/^(?:DET|ADJ|NOUN|PRON|NUM)$/.test(next?.pos ?? '') ||
            /^(?:into|onto|out)$/.test(next?.lower ?? ''))
        )
          kind = undefined;
        triggers.push({
          i,
          kind: kind ?? 'other',
          nominal: false,
          mood: planned ? 'planned' : 'past',
          clause,
          known: kind !== undefined && !gerund,
          span: [i, i + 1],
        });
      } else if (t.pos === 'NOUN' || (t.pos === 'PROPN' && NOUN_KIND[t.lower])) {
        const kind = NOUN_KIND[t.lower] ?? NOUN_KIND[t.lemma];
        if (!kind) continue;
        if (
          STATE_NOUNS.has(t.lower) &&
          !tokens.slice(clause.from, clause.to).some((x) => CHANGE.test(x.lower))
        )
          continue;
        // "colonial rule", "martial law": keep the adjective or noun before as part of the trigger.
        let s = i;
        if (
          tokens[i - 1] &&
          (tokens[i - 1]!.pos === 'ADJ' || tokens[i - 1]!.pos === 'NOUN') &&
          !insideTemporal(i - 1)
        )
          s = i - 1;
        triggers.push({
          i,
          kind,
          nominal: true,
          mood: 'past',
          clause,
          known: true,
          span: [s, i + 1],
        });
      }
    }
  }
  if (triggers.length === 0) return [];
  // "issued a ruling", "made an apology", "gave a speech": a verb outside the lexicon whose object
  // is an event noun reports that event, of the noun's kind.
  for (const tr of triggers) {
    if (tr.nominal || tr.known || tr.kind !== 'other') continue;
    const object = triggers.find(
      (o) =>
        o.nominal &&
        o.clause === tr.clause &&
        o.span[0] > tr.i &&
        o.span[0] - tr.i <= 4 &&
        tokens.slice(tr.i + 1, o.span[0]).every((x) => /^(?:DET|ADJ|NUM|PRON)$/.test(x.pos)),
    );
    // It still needs a date of its own to be an event (the verb is outside the lexicon).
    if (object) tr.kind = object.kind;
  }
  // "After being promulgated Friday, the amendment will be enforced …": a subordinate clause of
  // time in a sentence about the future is future too.
  const future = triggers.filter((t) => t.mood === 'planned');
  for (const tr of triggers) {
    const opener = tokens[tr.clause.from]!.lower;
    if (
      tr.mood === 'past' &&
      /^(?:after|before|once|when|until|upon)$/.test(opener) &&
      future.some((f) => f.clause !== tr.clause)
    )
      tr.mood = 'planned';
  }

  // Attach each date expression to one trigger: the nearest in its clause, a noun it modifies
  // ("the 2018 ruling", "colonial rule from 1910 to 1945") first.
  const dateOf = new Map<Trigger, TemporalExpr>();
  const bounds = new Map<Trigger, TemporalExpr[]>();
  // "the 30th anniversary of the restoration of ties": dates the event noun right after it; the
  // anniversary's own date ("This year marks …") is then used up.
  const usedUp = new Set<TemporalExpr>();
  temporals.forEach((expr, k) => {
    if (expr.form.type !== 'anniversary') return;
    const named = triggers
      .filter((tr) => tr.nominal && tr.span[0] > tempTok[k]! && tr.span[0] - tempTok[k]! <= 10)
      .sort((a, b) => a.i - b.i)[0];
    if (!named || dateOf.has(named)) return;
    dateOf.set(named, expr);
    // "This year marks the 150th anniversary": the year is the anniversary's, not an event's; "On
    // June 19, X attended the reception of the 60th anniversary of …" still dates the attending.
    if (expr.form.of && !triggers.some((tr) => !tr.nominal && tr.known)) usedUp.add(expr.form.of);
  });
  // An approximate or unplaceable expression ("nearly a year ago") dates nothing, but it belongs to
  // the event it is written with: the report says why that event has no date.
  const vagueOf = new Map<Trigger, TemporalExpr>();
  temporals.forEach((expr, k) => {
    if (expr.form.type !== 'vague') return;
    const clause = clauses.find((c) => tempTok[k]! >= c.from && tempTok[k]! < c.to);
    const owner = triggers
      .filter((tr) => tr.clause === clause && !tr.nominal && tr.i < tempTok[k]!)
      .pop();
    if (owner && !vagueOf.has(owner)) vagueOf.set(owner, expr);
  });
  temporals.forEach((expr, k) => {
    if (expr.form.type === 'vague' || expr.form.type === 'anniversary' || usedUp.has(expr)) return;
    // "according to local reports on Wednesday": the date of the report, not of the event.
    if (/\baccording to\b[^,;]*$/i.test(sentence.text.slice(0, expr.start - sentence.start)))
      return;
    const ti = tempTok[k]!;
    const clause = clauses.find((c) => ti >= c.from && ti < c.to);
    // "the first exchange of envoys since 1900": the last time before, not a bound of this event.
    if (
      expr.role === 'since' &&
      clause &&
      tokens.slice(clause.from, ti).some((x) => /^(?:first|last)$/.test(x.lower))
    )
      return;
    let best: Trigger | null = null;
    let bestScore = Infinity;
    for (const tr of triggers) {
      let score = Math.abs(tr.i - ti);
      const same = tr.clause === clause;
      if (!same) score += 12;
      if (tr.nominal) {
        // A date right before the noun modifies it: "its landmark 2018 ruling".
        const gap = tr.span[0] - ti;
        if (
          gap >= 1 &&
          gap <= 3 &&
          tokens
            .slice(ti + 1, tr.span[0])
            .every(
              (x) => x.pos === 'ADJ' || x.pos === 'NOUN' || x.pos === 'PUNCT' || x.pos === 'PROPN',
            )
        )
          score -= 10;
        // A date adverbial of a clause with a verb dates the verb's event ("… met on the
        // sidelines of the G20 summit on Friday"): a noun takes it only without such a verb.
        // A verb of saying before the noun does not count: what is said is dated ("said she had
        // a summit with X the day before").
        else
          score += triggers.some(
            (v) =>
              !v.nominal &&
              v.known &&
              v.clause === clause &&
              !(SPEECH.has(tokens[v.i]!.lemma) && v.i < tr.span[0]),
          )
            ? 40
            : 3;
      } else if (ti < tr.i && same) score += 1;
      // "X said she met Y on Tuesday": a date after what is said is not the date of the saying.
      else if (
        SPEECH.has(tokens[tr.i]!.lemma) &&
        ti > tr.i &&
        // (… but "said in a statement on Thursday" names where it was said).
        triggers.some((o) => o !== tr && o.i > tr.i && o.i < ti && o.kind !== 'statement')
      )
        score += 30;
      if (score < bestScore) {
        bestScore = score;
        best = tr;
      }
    }
    if (!best) return;
    if (expr.role === 'at' || expr.form.type === 'year-range') {
      if (!dateOf.has(best)) dateOf.set(best, expr);
    } else {
      bounds.set(best, [...(bounds.get(best) ?? []), expr]);
    }
  });

  const duringOf = new Map<Trigger, PersonMention>();
  for (const tr of triggers) {
    const from = tokens[tr.clause.from]!.start;
    const to = tokens[tr.clause.to - 1]!.end;
    for (const p of persons) {
      if (p.start < from || p.end > to) continue;
      const prefix = sentence.text
        .slice(0, p.start - sentence.start)
        .replace(/(?:President|Prime Minister|Premier|Chancellor)\s+$/, '');
      const suffix = sentence.text.slice(p.end - sentence.start, p.end - sentence.start + 40);
      if (
        /\bduring\s+(?:the\s+)?$/i.test(prefix) &&
        /^(?:['’]s)?\s+(?:administration|government|presidency|tenure|term|premiership|rule)\b/i.test(
          suffix,
        )
      )
        duringOf.set(tr, p);
    }
  }
  // "X following Y" / "X after Y": an undated X is kept when Y is dated (it is then bounded).
  const followed = (tr: Trigger) => triggers.filter((o) => follows(sentence, tokens, tr, o));
  const followsDated = (tr: Trigger) => followed(tr).some((o) => dateOf.has(o) || bounds.has(o));
  const out: Candidate[] = [];
  const chosen: Trigger[] = [];
  /** Where a first conjunct ends when a dated second one is its own event. */
  const endsAt = new Map<Trigger, number>();
  for (const tr of triggers) {
    const dated =
      dateOf.has(tr) || bounds.has(tr) || duringOf.has(tr) || (tr.nominal && followsDated(tr));
    if (tr.nominal && !dated) continue;
    if (!tr.known && !dated) continue;
    // An undated report needs an actor that makes it news: a named person, an institution or a
    // country as the subject of its clause ("Koizumi called for calm", "the South Korean
    // government condemned …"), not "two airliners arrived" or "football purists lamented".
    // What a named speaker says they did ("Lisbon and Madrid said they were banning imports")
    // has that speaker as its actor.
    const reportedBy = tr.nominal
      ? undefined
      : triggers.find((o) => !o.nominal && o.clause === tr.clause && reports(tokens, o, tr));
    const namedSpeaker =
      reportedBy !== undefined &&
      tokens.slice(reportedBy.clause.from, reportedBy.i).some((t) => t.pos === 'PROPN');
    if (!dated && !tr.nominal && !namedSpeaker && !actorSubject(tokens, tr, persons)) continue;
    // An undated verb of saying yields to the event it reports in its clause.
    if (
      !dated &&
      !tr.nominal &&
      SPEECH.has(tokens[tr.i]!.lemma) &&
      triggers.some(
        (o) =>
          !o.nominal &&
          o.known &&
          o.clause === tr.clause &&
          reports(tokens, tr, o) &&
          !SPEECH.has(tokens[o.i]!.lemma) &&
          !quoted(o.i),
      )
    )
      continue;
    // "I have concluded that …", "we hope …": outside a quotation, an undated clause in the first
    // person is the writer's or speaker's voice, not a report.
    if (!dated && !tr.nominal && firstPersonSubject(tokens, tr)) continue;
    // An undated verb whose clause names a dated event as its occasion ("consensus was reached
    // during a Tuesday meeting") reports that event, not another one.
    if (!tr.nominal && !dated && triggers.some((o) => occasionOf(tokens, tr, o) && dateOf.has(o)))
      continue;
    // Two event nouns of one clause dated by the same words ("ties saw improvement during X's
    // administration") are one event.
    if (
      tr.nominal &&
      chosen.some(
        (c) =>
          c.nominal &&
          c.clause === tr.clause &&
          dateOf.get(c) === dateOf.get(tr) &&
          duringOf.get(c) === duringOf.get(tr),
      )
    )
      continue;
    const lemma = tokens[tr.i]!.lemma;
    const clauseText = sentence.text.slice(
      tokens[tr.clause.from]!.start - sentence.start,
      tokens[tr.clause.to - 1]!.end - sentence.start,
    );
    if (SPEECH.has(lemma) && !dated && !VENUE.test(clauseText)) continue;
    // One event per clause: a second trigger in the same clause joins the first unless it has its own date.
    const sameClause = chosen.find((c) => c.clause === tr.clause && !c.nominal);
    if (sameClause && !dated && !tr.nominal) continue;
    if (sameClause && !tr.nominal && dateOf.get(sameClause) === undefined && dateOf.has(tr)) {
      // "… has expressed opposition and on Thursday announced a ban": a date inside a second
      // conjunct dates that conjunct's verb, its own event.
      const date = dateOf.get(tr)!;
      const dateAt = tempTok[temporals.indexOf(date)]!;
      const and = tokens.findIndex(
        (t, k) => k > sameClause.i && k < Math.min(dateAt, tr.i) && t.lower === 'and',
      );
      if (and < 0) {
        // The date belongs to the clause: it dates the clause's first event.
        dateOf.set(sameClause, date);
        continue;
      }
      endsAt.set(sameClause, and);
    }
    chosen.push(tr);
  }
  const made = new Map<Trigger, Candidate>();
  for (const tr of chosen) {
    const clauseFrom = tr.clause.antecedentFrom ?? tr.clause.from;
    let from = tr.nominal ? nounPhraseStart(tokens, tr.span[0], tr.clause.from) : clauseFrom;
    let to = tr.nominal
      ? nounPhraseEnd(tokens, tr.i, tr.clause.to)
      : (endsAt.get(tr) ?? tr.clause.to);
    if (tr.clause.antecedentFrom !== null && !tr.nominal) from = tr.clause.antecedentFrom;
    if (from > tr.span[0]) from = tr.span[0];
    if (to <= tr.i) to = tr.i + 1;
    const start = tokens[from]!.start;
    const end = tokens[to - 1]!.end;
    const within = (s: number, e: number) =>
      persons.filter(
        (p) =>
          p.start >= s &&
          p.end <= e &&
          !isQuotedOffset(inQuote, p.start) &&
          !attributionOf(sentence, p),
      );
    let clausePersons = within(start, end);
    // An event noun has the people of a restrictive relative clause right after it ("a 1961 coup
    // that put the general in power"), and, when its clause only links a subject to it ("Ruiz
    // was a key member of a 1961 coup"), that subject; not those of a clause with a verb of its
    // own ("Ruiz didn't lead the army at the time of the 1990 coup").
    if (tr.nominal) {
      const relAt = [to - 1, to].find((k) => /^(?:that|which)$/.test(tokens[k]?.lower ?? ''));
      if (relAt !== undefined && relAt > tr.i) {
        const rel = tokens[relAt]!;
        const relClause = clauses.find((c) => relAt >= c.from && relAt < c.to);
        if (relClause)
          for (const p of within(rel.start, tokens[relClause.to - 1]!.end))
            if (!clausePersons.includes(p)) clausePersons.push(p);
      }
      // The linking words are those since the last comma before the noun phrase.
      let segFrom = from;
      while (segFrom > tr.clause.from && tokens[segFrom - 1]!.text !== ',') segFrom--;
      const linking = tokens.slice(segFrom, from);
      // … or a verb whose object it is ("helped him win the 1997 election").
      // ("did" is do-support: a verb follows, however it was tagged).
      const hasVerb = linking.some(
        (x) => x.pos === 'VERB' || (x.pos === 'AUX' && x.lemma === 'do'),
      );
      const governor = tokens[from - 1];
      if (
        !hasVerb ||
        governor?.pos === 'VERB' ||
        // "he had a summit meeting with …": "have" as the main verb, however it was tagged.
        (governor?.pos === 'AUX' && governor.lemma === 'have' && tokens[from]?.pos === 'DET')
      )
        for (const p of within(tokens[segFrom]!.start, start))
          if (!clausePersons.includes(p)) clausePersons.unshift(p);
    }
    // "Ana Ruiz, the country's first female president who was ousted …": the person the
    // antecedent stands in apposition to.
    if (!tr.nominal && tr.clause.antecedentFrom !== null && clausePersons.length === 0) {
      const k = tr.clause.antecedentFrom;
      const appositive =
        tokens[k - 1]?.text === ',' ? persons.filter((p) => p.end === tokens[k - 2]?.end) : [];
      clausePersons = appositive;
    }
    const during = duringOf.get(tr);
    if (during && !clausePersons.includes(during)) clausePersons.push(during);
    const trig = tokens[tr.i]!;
    const duringTermOf = during ?? null;
    // A gerund clause ("since assuming office") has the subject of the clause it hangs on.
    if (clausePersons.length === 0 && !tr.nominal && /ing$/.test(trig.lower)) {
      const prior = persons.filter((p) => p.end <= start).pop();
      if (prior) clausePersons.push(prior);
    }
    out.push({
      articleId: input.articleId,
      sentence,
      trigger: {
        start: tokens[tr.span[0]]!.start,
        end: trig.end,
        text: sentence.text.slice(
          tokens[tr.span[0]]!.start - sentence.start,
          trig.end - sentence.start,
        ),
        lemma: trig.lemma,
        nominal: tr.nominal,
      },
      kind: tr.kind,
      clause: { start, end },
      tokens: tokens.slice(from, to),
      persons: clausePersons,
      temporal: dateOf.get(tr) ?? vagueOf.get(tr) ?? null,
      bounds: bounds.get(tr) ?? [],
      duringTermOf,
      follows: [],
      mood: tr.mood,
    });
    made.set(tr, out[out.length - 1]!);
  }
  for (const [tr, c] of made)
    for (const o of followed(tr)) {
      const other = made.get(o);
      if (other) c.follows.push(other);
    }
  return out;
}

/** Nouns that name an institution acting as one. */
const INSTITUTION =
  /^(?:government|administration|ministry|court|assembly|parliament|cabinet|office|agency|council|commission|legislature|lawmakers|diet|congress|senate|embassy|military|army|navy|police|prosecutors|prosecution|party|committee|president|minister|governor|ambassador|spokesperson|spokesman|leader|officials?)$/;

const COUNT_WORDS = /^(?:dozens|hundreds|thousands|scores|millions|several|many)$/;
const PEOPLE =
  /^(?:people|person|protester|activist|student|worker|civilian|soldier|resident|victim|passenger|demonstrator|citizen|refugee|fisherman|fishermen|survivor|migrant|journalist|lawmaker|member)s?$/;

/** Whether the trigger's clause names a person, or its subject an institution or a country. */
function actorSubject(
  tokens: Token[],
  tr: { i: number; clause: Clause },
  persons: PersonMention[],
): boolean {
  const from = tr.clause.antecedentFrom ?? tr.clause.from;
  const subject = tokens.slice(from, tr.i);
  if (subject.length === 0) return false;
  // A person named anywhere in the clause takes part ("talks were held with X").
  const start = subject[0]!.start;
  const end = tokens[tr.clause.to - 1]!.end;
  if (persons.some((p) => p.start >= start && p.end <= end)) return true;
  if (subject.some((t) => t.pos === 'NOUN' && INSTITUTION.test(t.lemma))) return true;
  // A count of people ("at least 16 people were arrested", "dozens of protesters marched").
  if (
    subject.some((t) => t.pos === 'NUM' || COUNT_WORDS.test(t.lower)) &&
    subject.some((t) => t.pos === 'NOUN' && PEOPLE.test(t.lemma))
  )
    return true;
  // A country named whole and not as a modifier ("France and Spain protested …", not "two
  // Spanish airliners arrived …").
  for (let k = 0; k < subject.length; k++)
    for (let n = 3; n >= 1; n--) {
      const name = subject
        .slice(k, k + n)
        .map((t) => t.text)
        .join(' ');
      if (k + n > subject.length || !COUNTRY_NAMES.has(name)) continue;
      const after = subject[k + n] ?? tokens[tr.i];
      if (after && (after.pos === 'NOUN' || after.pos === 'PROPN') && after !== tokens[tr.i])
        continue;
      return true;
    }
  return false;
}

/**
 * Whether verb of saying `speech` reports the event of `verb`: "said (that) they were banning …",
 * the reported clause right after it, not a phrase after a comma ("said in a release, announcing …").
 */
function reports(tokens: Token[], speech: { i: number }, verb: { i: number }): boolean {
  if (!SPEECH.has(tokens[speech.i]!.lemma) || verb.i <= speech.i || verb.i - speech.i > 7)
    return false;
  const between = tokens.slice(speech.i + 1, verb.i);
  return (
    !between.some((t) => t.text === ',' || t.pos === 'ADP') &&
    /^(?:PRON|NOUN|PROPN|DET|SCONJ)$|^that$/.test(between[0]?.pos ?? '')
  );
}

/** The word before the adverbs that precede token `i` ("who" in "who narrowly escaped"), lower case. */
function subjectBeforeAdverbs(tokens: Token[], i: number): string {
  let k = i - 1;
  while (k >= 0 && tokens[k]!.pos === 'ADV') k--;
  return k >= 0 && k < i - 1 ? tokens[k]!.lower : '';
}

/** Whether the clause's subject, right before its verb, is "I" or "we". */
function firstPersonSubject(tokens: Token[], tr: { i: number; clause: Clause }): boolean {
  for (let k = tr.i - 1; k >= tr.clause.from; k--) {
    const t = tokens[k]!;
    if (t.pos === 'AUX' || t.pos === 'ADV' || t.pos === 'PART') continue;
    return /^(?:i|we)$/.test(t.lower);
  }
  return false;
}

/** A person named as the source of the report (", said hospital official X", "according to X"). */
function attributionOf(sentence: Sentence, p: PersonMention): boolean {
  const before = sentence.text.slice(0, p.start - sentence.start);
  const after = sentence.text.slice(p.end - sentence.start);
  return (
    /(?:,\s*|\b)(?:said|says|told|added|according to)\s+(?:[\w.'’-]+\s+){0,4}$/i.test(before) &&
    /^\s*(?:said|says)?[.,;]?\s*$/.test(after)
  );
}

/** Whether event noun `o` is the occasion of verb `v`: "reached during/at a … meeting" in v's clause. */
function occasionOf(
  tokens: Token[],
  v: { i: number; clause: Clause },
  o: { i: number; nominal: boolean; clause: Clause; span: [number, number] },
): boolean {
  if (!o.nominal || o.clause !== v.clause || o.i < v.i) return false;
  const before = tokens.slice(v.i + 1, o.span[0]).map((t) => t.lower);
  return before.length <= 5 && before.some((w) => w === 'during' || w === 'at');
}

/** Whether the event of trigger `a` comes after that of a later trigger `b`: "a following/after b". */
function follows(
  sentence: Sentence,
  tokens: Token[],
  a: { i: number },
  b: { i: number; span: [number, number] },
): boolean {
  if (b.i <= a.i) return false;
  const between = sentence.text.slice(
    tokens[a.i]!.end - sentence.start,
    tokens[b.span[0]]!.start - sentence.start,
  );
  return between.length < 90 && /\b(?:following|after|in the wake of)\b[^,;]*$/i.test(between);
}

function auxBefore(tokens: Token[], i: number) {
  let perfect = false;
  let passive = false;
  let future = false;
  let progressive = false;
  let finite = false;
  for (let k = i - 1; k >= Math.max(0, i - 4); k--) {
    const t = tokens[k]!;
    if (t.pos === 'ADV' || (t.pos === 'PART' && t.lower !== 'to')) continue;
    if (t.pos !== 'AUX' && t.lower !== 'to') break;
    finite = true;
    if (/^(?:has|have|had)$/.test(t.lower)) perfect = true;
    if (/^(?:was|were|been|is|are|be|being)$/.test(t.lower)) {
      if (/ing$/.test(tokens[i]!.lower)) progressive = true;
      else passive = true;
    }
    if (/^(?:will|shall|'ll)$/.test(t.lower)) future = true;
  }
  return { perfect, passive, future, progressive, finite };
}

function nounPhraseStart(tokens: Token[], i: number, min: number): number {
  let s = i;
  while (
    s > min &&
    /^(?:ADJ|NOUN|PROPN|DET|NUM|PART|PRON)$/.test(tokens[s - 1]!.pos) &&
    tokens[s - 1]!.text !== ','
  ) {
    s--;
    if (tokens[s]!.pos === 'DET' || tokens[s]!.pos === 'PRON') break;
  }
  return s;
}

function nounPhraseEnd(tokens: Token[], i: number, max: number): number {
  let e = i + 1;
  // Keep "of/over/between/by/against/with/on/in/to …" modifiers up to the next comma or clause word.
  while (e < max) {
    const t = tokens[e]!;
    // A capitalised word inside a name is part of it, however it was tagged ("Summit Meeting").
    const inName = /^\p{Lu}/u.test(t.text) && /^\p{Lu}/u.test(tokens[e - 1]!.text);
    if (
      t.text === ',' ||
      t.text === ';' ||
      /^[-–—]+$/.test(t.text) ||
      BOUNDARY_WORDS.has(t.lower) ||
      (t.pos === 'VERB' && !/ed$/.test(t.lower) && !inName) ||
      t.pos === 'AUX'
    )
      break;
    e++;
  }
  return e;
}

function quotedRanges(sentence: Sentence): [number, number][] {
  const out: [number, number][] = [];
  const re = /["“]([^"”]{12,})["”]/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(sentence.text)))
    out.push([sentence.start + m.index, sentence.start + m.index + m[0].length]);
  return out;
}

function isQuotedOffset(ranges: [number, number][], offset: number): boolean {
  return ranges.some(([s, e]) => offset >= s && offset < e);
}
