/**
 * The pure ingest: article files and the actors file in, timeline data and article bodies out, with every
 * problem (file:line) collected in one run. It runs the stages of `src/ingest/stages/` in order:
 * read → sentences → temporal → mentions → candidates → dating → merging → titles → ids → output.
 * No I/O here; see read-folder.ts and scripts/ingest.ts.
 */
import { readActorsFile, type ReferenceActor } from './actors-file.ts';
import { weekdayName } from './calendar.ts';
import { decodeArticle } from './decode.ts';
import { readArticles, type ReadArticle } from './stages/01-read.ts';
import { splitSentences, type Sentence } from './stages/02-sentences.ts';
import { findTemporal, type TemporalExpr } from './stages/03-temporal.ts';
import { MentionFinder, newMentionState, type DetectedActor } from './stages/04-mentions.ts';
import { findCandidates, type Candidate } from './stages/05-candidates.ts';
import { dateArticle, type DatedCandidate, type Reference } from './stages/06-dating.ts';
import { contentWords, mergeCandidates } from './stages/07-merging.ts';
import { titleOf } from './stages/08-titles.ts';
import { assignIds, readPublishedIds } from './stages/09-ids.ts';
import { buildOutput } from './stages/10-output.ts';
import type { IngestInput, IngestProblem, IngestResult } from './types.ts';
import { lineOf } from './article.ts';

export interface IngestOptions {
  /** How date bases name the actors file, e.g. `seeds/actors.json`. Defaults to the file's name. */
  actorsLabel?: string;
}

interface ArticleWork {
  article: ReadArticle;
  sentences: Sentence[];
  temporals: TemporalExpr[][];
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
  let published = readPublishedIds(null);
  if (input.eventIds) {
    try {
      published = readPublishedIds(new TextDecoder().decode(input.eventIds.bytes));
    } catch (error) {
      problems.push({
        file: input.eventIds.name,
        line: 1,
        message: `not a valid published-ids file: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  }

  // Stage 1: read and decode.
  const read = readArticles(input.articles);
  problems.push(...read.problems);
  const byId = new Map(reference.map((a) => [a.id, a]));
  const finder = new MentionFinder(reference);
  const detected = new Map<string, DetectedActor>();
  const work: ArticleWork[] = [];
  for (const article of read.articles) {
    try {
      // Stages 2–5: sentences, temporal expressions, mentions, candidates.
      const sentences = splitSentences(article);
      const state = newMentionState();
      const temporals: TemporalExpr[][] = [];
      const candidates: Candidate[] = [];
      for (const sentence of sentences) {
        const t = findTemporal(sentence);
        temporals.push(t);
        const persons = finder.find(sentence, state, detected);
        candidates.push(
          ...findCandidates({ articleId: article.id, sentence, temporals: t, persons }),
        );
      }
      work.push({ article, sentences, temporals, candidates });
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
  const twinWords = undatedArticles.length > 0 ? rareSharedWords(work) : null;
  for (const w of undatedArticles) {
    const inferred = inferReference(w, work, firstPass, twinWords!, warnings);
    if (inferred) own.set(w.article.id, inferred);
  }
  const dated: DatedCandidate[] = [];
  for (const w of work)
    dated.push(...dateArticle(w.candidates, own.get(w.article.id)!, byId, actorsLabel));
  // Stages 7–9: merging, titles, ids.
  const merged = mergeCandidates(dated);
  const bodyOf = new Map(work.map((w) => [w.article.id, w.article.body]));
  const titles = merged.map((e) => {
    const anchor = e.members[0]!;
    const body = bodyOf.get(anchor.articleId)!;
    try {
      return titleOf(anchor, body, byId, detected);
    } catch (error) {
      problems.push({
        file: read.articles.find((a) => a.id === anchor.articleId)!.file,
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
    articles: read.articles,
    references: own,
    events: merged,
    titles,
    ids,
    reference,
    detected,
  });
  for (const u of built.timeline.unresolved) {
    const article = read.articles.find((a) => a.id === u.articleId)!;
    warnings.push({
      file: article.file,
      line: lineOf(article.body, u.offset),
      message: `undated: ${u.reason}`,
    });
  }
  return { timeline: built.timeline, bodies: built.bodies, problems, warnings };
}

/**
 * For each pair of articles, how many words the two share that no third article uses: twin reports
 * of one happening share many ("Fukushima", "seafood", "wastewater"), unrelated articles few.
 */
function rareSharedWords(all: ArticleWork[]): (a: ArticleWork, b: ArticleWork) => number {
  const words = new Map<ArticleWork, Set<string>>();
  const df = new Map<string, number>();
  for (const x of all) {
    const seen = new Set<string>();
    for (const sentence of x.sentences)
      for (const t of sentence.tokens)
        if ((t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'VERB') && t.lemma.length >= 4)
          seen.add(t.lemma.slice(0, 6));
    words.set(x, seen);
    for (const word of seen) df.set(word, (df.get(word) ?? 0) + 1);
  }
  return (a, b) => {
    const other = words.get(b)!;
    let n = 0;
    for (const word of words.get(a)!) if (df.get(word) === 2 && other.has(word)) n++;
    return n;
  };
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
  all: ArticleWork[],
  firstPass: Map<string, DatedCandidate[]>,
  twinWords: (a: ArticleWork, b: ArticleWork) => number,
  warnings: IngestProblem[],
): (Reference & { fromArticleId: string }) | null {
  const mine = firstPass.get(w.article.id)!;
  let best: { donor: ArticleWork; date: string; score: number; what: string } | null = null;
  for (const d of all) {
    if (!d.article.published || d === w) continue;
    const theirs = firstPass.get(d.article.id)!;
    const twins = twinWords(w, d) >= TWIN_WORDS;
    for (const c of mine) {
      if (!c.temporal || c.date) continue;
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
        if (!best || score > best.score)
          best = { donor: d, date: d.article.published, score, what: o.trigger.text };
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
