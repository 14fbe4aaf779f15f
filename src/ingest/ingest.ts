/**
 * The pure ingest: article files and the actors file in, timeline data and article bodies out, with every
 * problem (file:line) collected in one run. It runs the stages of `src/ingest/stages/` in order:
 * read → sentences → temporal → mentions → candidates → dating → merging → titles → ids → output
 * → corrections (an editor's fixes from `corrections.json`) → the output check.
 * No I/O here; see read-folder.ts and scripts/ingest.ts.
 */
import { readActorsFile, type ReferenceActor } from './actors-file.ts';
import type { Relationship } from '../lib/relationship.ts';
import { weekdayName } from '../lib/partial-date.ts';
import { CountryNames } from './countries.ts';
import { readRelationshipFile } from './relationship-file.ts';
import { decodeArticle } from './decode.ts';
import { readArticles, type ReadArticle } from './stages/01-read.ts';
import { splitSentences, type Sentence } from './stages/02-sentences.ts';
import { findTemporal } from './stages/03-temporal.ts';
import { MentionFinder, newMentionState, type DetectedActor } from './stages/04-mentions.ts';
import { findCandidates, type Candidate } from './stages/05-candidates.ts';
import { dateArticle, type DatedCandidate, type Reference } from './stages/06-dating.ts';
import { contentWords, mergeCandidates } from './stages/07-merging.ts';
import { titleOf } from './stages/08-titles.ts';
import { assignIds, readPublishedIds } from './stages/09-ids.ts';
import { buildOutput, checkOutput } from './stages/10-output.ts';
import { applyCorrections, readCorrections, type SourceFacts } from './stages/10b-corrections.ts';
import type { IngestInput, IngestProblem, IngestResult } from './types.ts';
import { lineOf } from './article.ts';

export interface IngestOptions {
  /** How date bases name the actors file, e.g. `seeds/actors.json`. Defaults to the file's name. */
  actorsLabel?: string;
}

interface ArticleWork {
  article: ReadArticle;
  sentences: Sentence[];
  candidates: Candidate[];
}

export function ingest(input: IngestInput, options: IngestOptions = {}): IngestResult {
  const problems: IngestProblem[] = [];
  const warnings: IngestProblem[] = [];

  let reference: ReferenceActor[] = [];
  if (input.actors) {
    const decoded = decodeArticle(input.actors.name, input.actors.bytes, 'actors file');
    if (!decoded.ok) problems.push(decoded.problem);
    else {
      const read = readActorsFile(input.actors.name, decoded.text);
      problems.push(...read.problems);
      reference = read.actors;
    }
  } else {
    warnings.push({
      file: 'actors.json',
      line: 1,
      message: 'no actors file: only persons the text names with a title or role become actors',
    });
  }
  let relationship: Relationship | null = null;
  if (input.relationship) {
    const decoded = decodeArticle(
      input.relationship.name,
      input.relationship.bytes,
      'relationship file',
    );
    if (!decoded.ok) problems.push(decoded.problem);
    else {
      const read = readRelationshipFile(input.relationship.name, decoded.text);
      problems.push(...read.problems);
      relationship = read.relationship;
    }
  } else {
    problems.push({
      file: 'relationship.json',
      line: 1,
      message:
        'no relationship file: the seeds folder needs a relationship.json that names the two countries (see docs/data-format.md)',
    });
  }
  // Every country goes by one name: the relationship's, else the gazetteer's ("ROK" → its name).
  const countries = new CountryNames(relationship);
  reference = reference.map((a) => ({ ...a, country: countries.canonical(a.country) }));
  const idsRead = readPublishedIds(
    input.eventIds?.name ?? 'event-ids.json',
    input.eventIds ? new TextDecoder().decode(input.eventIds.bytes) : null,
  );
  problems.push(...idsRead.problems);
  const published = idsRead.ids;
  const correctionsFile = input.corrections?.name ?? 'corrections.json';
  const correctionsRead = readCorrections(
    correctionsFile,
    input.corrections ? new TextDecoder().decode(input.corrections.bytes) : null,
  );
  problems.push(...correctionsRead.problems);

  // Stage 1: read and decode.
  const read = readArticles(input.articles);
  problems.push(...read.problems);
  const byId = new Map(reference.map((a) => [a.id, a]));
  const finder = new MentionFinder(reference, countries);
  const detected = new Map<string, DetectedActor>();
  const work: ArticleWork[] = [];
  for (const article of read.articles) {
    try {
      // Stages 2–5: sentences, temporal expressions, mentions, candidates.
      const sentences = splitSentences(article);
      const state = newMentionState();
      const candidates: Candidate[] = [];
      for (const sentence of sentences) {
        const t = findTemporal(sentence);
        const persons = finder.find(sentence, state, detected);
        candidates.push(
          ...findCandidates({ articleId: article.id, sentence, temporals: t, persons }),
        );
      }
      work.push({ article, sentences, candidates });
    } catch (error) {
      problems.push({
        file: article.file,
        line: 1,
        message: `internal error while reading events: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  }
  problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
  if (problems.length > 0) return { timeline: null, bodies: [], problems, warnings };

  const actorsLabel = options.actorsLabel ?? input.actors?.name ?? 'actors.json';
  // Stage 6: dating, with each article's reference time (its own date, or one inferred from a twin).
  const own = new Map<string, Reference & { fromArticleId?: string }>();
  for (const w of work)
    own.set(
      w.article.id,
      w.article.published
        ? { date: w.article.published, note: w.article.publishedBasis.note, inferred: false }
        : { date: null, note: 'no publication date', inferred: false },
    );
  const firstPass = new Map(
    work.map((w) => [
      w.article.id,
      dateArticle(w.candidates, own.get(w.article.id)!, byId, actorsLabel),
    ]),
  );
  const undatedArticles = work.filter((w) => !w.article.published);
  const donors = undatedArticles.length > 0 ? new DonorIndex(work, firstPass) : null;
  for (const w of undatedArticles) {
    const inferred = inferReference(w, donors!, firstPass, warnings);
    if (inferred) own.set(w.article.id, inferred);
  }
  const dated: DatedCandidate[] = [];
  for (const w of work)
    dated.push(...dateArticle(w.candidates, own.get(w.article.id)!, byId, actorsLabel));
  const byArticle = new Map(work.map((w) => [w.article.id, w]));
  // Stages 7–9: merging, titles, ids.
  // An undated article and the dated one it took its date from report the same happenings.
  const twins = new Map<string, string[]>();
  for (const [id, ref] of own)
    if (ref.fromArticleId) {
      twins.set(id, [...(twins.get(id) ?? []), ref.fromArticleId]);
      twins.set(ref.fromArticleId, [...(twins.get(ref.fromArticleId) ?? []), id]);
    }
  const merged = mergeCandidates(dated, twins);
  const bodyOf = new Map(work.map((w) => [w.article.id, w.article.body]));
  const titles = merged.map((e) => {
    const anchor = e.members[0]!;
    const body = bodyOf.get(anchor.articleId)!;
    try {
      return titleOf(anchor, body, byId, detected);
    } catch (error) {
      problems.push({
        file: byArticle.get(anchor.articleId)!.article.file,
        line: lineOf(body, anchor.sentence.start),
        message: `internal error while titling an event: ${error instanceof Error ? error.message : String(error)}`,
      });
      return '';
    }
  });
  if (problems.length > 0) return { timeline: null, bodies: [], problems, warnings };
  const ids = assignIds(merged, published, byId, detected);
  // Stage 10: output and report.
  const built = buildOutput({
    relationship: relationship!,
    articles: read.articles,
    references: own,
    events: merged,
    titles,
    ids,
    reference,
    detected,
  });
  // Stage 10b: the editor's corrections, keyed on the ids just assigned.
  const corrected = applyCorrections({
    file: correctionsFile,
    corrections: correctionsRead.corrections,
    timeline: built.timeline,
    bodies: built.bodies,
    published: new Set(published.byKey.values()),
    sourceFacts: sourceFactsOf(merged, ids),
  });
  problems.push(...corrected.problems);
  if (problems.length > 0) return { timeline: null, bodies: [], problems, warnings };
  const corrections = { applied: corrected.applied, stale: corrected.stale };
  problems.push(...checkOutput(corrected.timeline, corrected.bodies, read.articles));
  if (problems.length > 0) return { timeline: null, bodies: [], problems, warnings, corrections };
  for (const u of corrected.timeline.unresolved) {
    const article = byArticle.get(u.articleId)!.article;
    warnings.push({
      file: article.file,
      line: lineOf(article.body, u.offset),
      message: `undated: ${u.reason}`,
    });
  }
  return {
    timeline: corrected.timeline,
    bodies: corrected.bodies,
    problems,
    warnings,
    corrections,
  };
}

/** Event id → article id → that article's own report of it (its first member): for `split`. */
function sourceFactsOf(
  merged: { members: DatedCandidate[] }[],
  ids: { id: string }[],
): Map<string, Map<string, SourceFacts>> {
  const out = new Map<string, Map<string, SourceFacts>>();
  merged.forEach((e, i) => {
    const byArticle = new Map<string, SourceFacts>();
    for (const m of e.members)
      if (!byArticle.has(m.articleId))
        byArticle.set(m.articleId, {
          date: m.date,
          undatedReason: m.undatedReason,
          actorIds: m.actorIds,
        });
    out.set(ids[i]!.id, byArticle);
  });
  return out;
}

/**
 * Where an undated article may have a twin: the dated articles that share a participant with one
 * of its candidates, and those that share with it many words no third article uses (twin reports of
 * one happening share many, "Fukushima", "seafood", "wastewater"; unrelated articles few).
 * Built once, so that each undated article looks at a few articles, not all of them.
 */
class DonorIndex {
  private readonly owners = new Map<string, ArticleWork[]>();
  private readonly words = new Map<ArticleWork, Set<string>>();
  private readonly byActor = new Map<string, Set<ArticleWork>>();

  constructor(all: ArticleWork[], firstPass: Map<string, DatedCandidate[]>) {
    for (const x of all) {
      const seen = new Set<string>();
      for (const sentence of x.sentences)
        for (const t of sentence.tokens)
          if ((t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'VERB') && t.lemma.length >= 4)
            seen.add(t.lemma.slice(0, 6));
      this.words.set(x, seen);
      for (const word of seen) {
        const list = this.owners.get(word) ?? [];
        if (list.length < 3) list.push(x);
        this.owners.set(word, list);
      }
      if (!x.article.published) continue;
      for (const c of firstPass.get(x.article.id)!)
        for (const id of c.actorIds) {
          const set = this.byActor.get(id) ?? new Set<ArticleWork>();
          set.add(x);
          this.byActor.set(id, set);
        }
    }
  }

  /** Dated articles worth comparing with `w`, each with whether it is `w`'s twin. */
  donors(w: ArticleWork, candidates: DatedCandidate[]): Map<ArticleWork, boolean> {
    const rare = new Map<ArticleWork, number>();
    for (const word of this.words.get(w)!) {
      const owners = this.owners.get(word)!;
      if (owners.length !== 2) continue;
      const other = owners[0] === w ? owners[1]! : owners[0]!;
      rare.set(other, (rare.get(other) ?? 0) + 1);
    }
    const out = new Map<ArticleWork, boolean>();
    for (const [d, n] of rare) if (n >= TWIN_WORDS && d.article.published) out.set(d, true);
    for (const c of candidates)
      for (const id of c.actorIds)
        for (const d of this.byActor.get(id) ?? []) if (!out.has(d)) out.set(d, false);
    out.delete(w);
    return out;
  }
}

/** Twin articles share at least this many words no other article uses. */
const TWIN_WORDS = 5;

/**
 * An undated article takes the publication date of a dated article that reports the same happening:
 * the same relative date expression resolves there to an event with the same participants or words,
 * and, when the article says on which weekday it reports ("reports on Wednesday"), that date falls on it.
 */
function inferReference(
  w: ArticleWork,
  index: DonorIndex,
  firstPass: Map<string, DatedCandidate[]>,
  warnings: IngestProblem[],
): (Reference & { fromArticleId: string }) | null {
  const mine = firstPass.get(w.article.id)!.filter((c) => c.temporal && !c.date);
  let best: { donor: ArticleWork; date: string; score: number; what: string } | null = null;
  for (const [d, twins] of index.donors(w, mine)) {
    const theirs = firstPass.get(d.article.id)!;
    for (const c of mine) {
      const words = contentWords(c);
      for (const o of theirs) {
        const ow = contentWords(o);
        let shared = 0;
        for (const x of words) if (ow.has(x)) shared++;
        const people = c.actorIds.filter((id) => o.actorIds.includes(id)).length;
        const score = shared + 2 * people;
        // The same happening: shared participants and words, the same kind of event in twin
        // articles, or many shared words.
        const twin = twins && o.kind === c.kind && shared >= 2;
        if (!(people >= 2 && shared >= 2) && !(people >= 1 && shared >= 4) && !twin && shared < 6)
          continue;
        if (
          !best ||
          score > best.score ||
          (score === best.score && d.article.id < best.donor.article.id)
        )
          best = { donor: d, date: d.article.published!, score, what: o.trigger.text };
      }
    }
  }
  if (!best) return null;
  const report = /\breports?\s+on\s+((?:Sun|Mon|Tues|Wednes|Thurs|Fri|Satur)day)\b/.exec(
    w.article.body,
  );
  if (report && weekdayName(best.date) !== report[1]) {
    warnings.push({
      file: w.article.file,
      line: 2,
      message: `no publication date: ${best.donor.article.id} (dated ${best.date}, a ${weekdayName(best.date)}) reports the same event, but this article says it reports on ${report[1]}`,
    });
    return null;
  }
  let note = `inferred from ${best.donor.article.id} (dated ${best.date}), which reports the same event (“${best.what}”)`;
  if (report)
    note += `; consistent with this article's “reports on ${report[1]}” (${best.date} is a ${weekdayName(best.date)})`;
  return { date: best.date, note, inferred: true, fromArticleId: best.donor.article.id };
}
