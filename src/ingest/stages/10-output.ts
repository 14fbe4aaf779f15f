/**
 * Stage 10: output and report. Merged, titled, identified events become `timeline.json` and one
 * `articles/<id>.json` per article: dated events on the timeline, undated ones listed apart with the
 * reason, contexts (eras from period events, terms of office from the actors file), date mentions
 * linked to their events, and every unresolved passage reported as file:line. Before anything is
 * written, the output is checked against the data format's schema (src/lib/timeline-schema.ts), the
 * same the app checks what it loads with: output the app would reject fails the ingest.
 */
import type {
  ArticleBody,
  ArticleMeta,
  Actor,
  ContextRange,
  DateMention,
  TimelineData,
  TimelineEvent,
  UndatedEvent,
  UnresolvedMention,
} from '../../lib/timeline-data.ts';
import { articleProblems, timelineProblems } from '../../lib/validate-timeline.ts';
import type { Relationship } from '../../lib/relationship.ts';
import type { ReferenceActor } from '../actors-file.ts';
import type { IngestProblem } from '../types.ts';
import { lineOf } from '../article.ts';
import { comparePartial } from '../../lib/partial-date.ts';
import type { ReadArticle } from './01-read.ts';
import type { DetectedActor } from './04-mentions.ts';
import { candidatePlace, type MergedEvent } from './07-merging.ts';
import type { IdAssignment } from './09-ids.ts';
import type { Reference } from './06-dating.ts';

export interface OutputInput {
  relationship: Relationship;
  articles: ReadArticle[];
  references: Map<string, Reference & { fromArticleId?: string }>;
  events: MergedEvent[];
  titles: string[];
  ids: IdAssignment[];
  reference: ReferenceActor[];
  detected: Map<string, DetectedActor>;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function buildOutput(input: OutputInput): { timeline: TimelineData; bodies: ArticleBody[] } {
  const { articles, events, titles, ids, reference, detected } = input;
  const articleById = new Map(articles.map((a) => [a.id, a]));
  const referenceIds = new Set(reference.map((a) => a.id));
  const political = (id: string) => referenceIds.has(id) || detected.get(id)?.political === true;
  const dated: TimelineEvent[] = [];
  const undated: UndatedEvent[] = [];
  const mentions = new Map<string, DateMention[]>();
  const unresolved: UnresolvedMention[] = [];
  events.forEach((e, i) => {
    const { id, aliases } = ids[i]!;
    const anchor = e.members[0]!;
    const actors: string[] = [];
    for (const m of e.members)
      for (const a of m.actorIds) if (political(a) && !actors.includes(a)) actors.push(a);
    const sources = [];
    // One source per reporting article: its sentence that is most telling (members come anchor
    // first, then the richest report), so the panel lists each article once.
    const seen = new Set<string>();
    for (const m of e.members) {
      if (!seen.has(m.articleId))
        sources.push({ articleId: m.articleId, quote: m.sentence.text, offset: m.sentence.start });
      seen.add(m.articleId);
      if (m.temporal && m.date) {
        const list = mentions.get(m.articleId) ?? [];
        list.push({ text: m.temporal.text, offset: m.temporal.start, eventId: id });
        mentions.set(m.articleId, list);
      }
    }
    sources.sort((a, b) => cmp(a.articleId, b.articleId) || a.offset - b.offset);
    const base = {
      id,
      ...(aliases.length > 0 ? { aliases } : {}),
      title: titles[i]!,
      kind: anchor.kind,
      actors,
      place: candidatePlace(anchor),
      sources,
      ...(anchor.mood === 'planned' ? { planned: true } : {}),
    };
    if (e.date) {
      const others = e.members
        .filter((m) => m.date && m.date.start !== e.date!.start)
        .map((m) => `${m.articleId}: ${m.date!.start}`);
      dated.push({
        ...base,
        start: e.date.start,
        ...(e.date.end ? { end: e.date.end } : {}),
        dateKind: e.date.dateKind,
        dateInferred: e.date.inferred,
        dateBasis:
          e.date.basis + (others.length > 0 ? `; other sources give ${others.join(', ')}` : ''),
      });
    } else {
      const reason = anchor.undatedReason ?? 'the text gives no date for it';
      undated.push({ ...base, reason });
      const article = articleById.get(anchor.articleId)!;
      unresolved.push({
        articleId: anchor.articleId,
        quote: anchor.sentence.text,
        offset: anchor.sentence.start,
        line: lineOf(article.body, anchor.sentence.start),
        reason,
      });
    }
  });
  dated.sort((a, b) => comparePartial(a.start, b.start) || cmp(a.id, b.id));
  undated.sort((a, b) => cmp(a.id, b.id));
  // Each article's events in timeline order, dated first.
  const idsByArticle = new Map<string, string[]>();
  for (const e of [...dated, ...undated])
    for (const articleId of new Set(e.sources.map((s) => s.articleId))) {
      const list = idsByArticle.get(articleId) ?? [];
      list.push(e.id);
      idsByArticle.set(articleId, list);
    }
  const eventIdsOf = (articleId: string) => idsByArticle.get(articleId) ?? [];
  const metas: ArticleMeta[] = articles.map((a) => {
    const ref = input.references.get(a.id)!;
    return {
      id: a.id,
      file: a.file,
      title: a.title,
      published: ref.date,
      publishedBasis: ref.inferred
        ? {
            kind: 'inferred',
            note: ref.note,
            ...(ref.fromArticleId ? { fromArticleId: ref.fromArticleId } : {}),
          }
        : a.publishedBasis,
      source: a.source,
      eventIds: eventIdsOf(a.id),
    };
  });
  metas.sort((a, b) => cmp(a.id, b.id));
  const used = new Set([...dated, ...undated].flatMap((e) => e.actors));
  const actors: Actor[] = [
    ...reference.map((a) => ({
      id: a.id,
      name: a.name,
      country: a.country,
      role: a.role,
      aliases: a.aliases,
      terms: a.terms.map((t) => ({
        office: t.office,
        start: t.start,
        end: t.end,
        source: t.source,
      })),
      sources: a.sources,
      detected: false,
    })),
    ...[...detected.values()]
      .filter((d) => used.has(d.id) && !referenceIds.has(d.id))
      .map((d) => ({
        id: d.id,
        name: d.name,
        country: d.country,
        role: d.role,
        aliases: [],
        terms: [],
        sources: [],
        detected: true,
      })),
  ].sort((a, b) => cmp(a.id, b.id));
  const contexts: ContextRange[] = [];
  for (const e of dated)
    if (e.kind === 'period' && e.dateKind === 'range' && e.end)
      contexts.push({
        id: `era:${e.id}`,
        kind: 'era',
        title: e.title,
        start: e.start,
        end: e.end,
        eventId: e.id,
        source: e.sources[0]!.articleId,
      });
  for (const a of reference)
    a.terms.forEach((t, k) =>
      contexts.push({
        id: `term:${a.id}${a.terms.length > 1 ? `:${k + 1}` : ''}`,
        kind: 'term',
        title: `${a.name}: ${t.office}`,
        start: t.start,
        end: t.end,
        actorId: a.id,
        source: t.source,
      }),
    );
  contexts.sort((a, b) => comparePartial(a.start, b.start) || cmp(a.id, b.id));
  unresolved.sort((a, b) => cmp(a.articleId, b.articleId) || a.offset - b.offset);
  const timeline: TimelineData = {
    version: 1,
    relationship: input.relationship,
    articles: metas,
    actors,
    events: dated,
    undated,
    contexts,
    unresolved,
  };
  const bodies: ArticleBody[] = metas.map((m) => {
    const a = articleById.get(m.id)!;
    return {
      ...m,
      body: a.body,
      relatedLabel: a.relatedLabel,
      related: a.related,
      dateMentions: (mentions.get(a.id) ?? []).sort((x, y) => x.offset - y.offset),
    };
  });
  return { timeline, bodies };
}

/**
 * The output checked against the data format (the schema the app validates with). Each problem
 * names the article and line the offending event or article comes from, where there is one, and
 * the output file and path of the value: an ingest bug, reported before anything is written.
 */
export function checkOutput(
  timeline: TimelineData,
  bodies: ArticleBody[],
  articles: ReadArticle[],
): IngestProblem[] {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const where = (articleId: string | undefined, offset = 0) => {
    const article = articleId === undefined ? undefined : byId.get(articleId);
    return article
      ? { file: article.file, line: lineOf(article.body, offset) }
      : { file: '.', line: 1 };
  };
  const message = (file: string, problem: string) =>
    `the ingest's output breaks the data format (src/lib/timeline-schema.ts): ${file}: ${problem}`;
  const problems: IngestProblem[] = [];
  for (const problem of timelineProblems(timeline)) {
    // `events[3]…` / `undated[0]…` / `articles[2]…`: where the value comes from.
    const m = /^(events|undated|articles)\[(\d+)\]/.exec(problem);
    let at = where(undefined);
    if (m?.[1] === 'articles') at = where(timeline.articles[Number(m[2])]?.id);
    else if (m) {
      const source = timeline[m[1] as 'events' | 'undated'][Number(m[2])]?.sources?.[0];
      at = where(source?.articleId, source?.offset);
    }
    problems.push({ ...at, message: message('timeline.json', problem) });
  }
  for (const body of bodies)
    for (const problem of articleProblems(body, body.id))
      problems.push({ ...where(body.id), message: message(`articles/${body.id}.json`, problem) });
  return problems;
}
