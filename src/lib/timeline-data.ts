/**
 * The data format shared by the build-time ingest (`src/ingest/`) and the app.
 * This file holds types only; docs/data-format.md describes the same format in prose.
 *
 * Files written by the ingest into the output folder (by default `public/data/`):
 *   - `timeline.json`             → {@link TimelineData}
 *   - `articles/<articleId>.json` → {@link ArticleBody}
 */

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: the string's length shows the precision. */
export type PartialDate = string;

export type Precision = 'year' | 'month' | 'day';

export const DATA_FORMAT_VERSION = 1;

export interface TimelineData {
  version: typeof DATA_FORMAT_VERSION;
  /** The two countries and how the app presents them, from the seeds' `relationship.json`. */
  relationship: Relationship;
  /** ISO timestamp of the ingest run is deliberately absent: output is reproducible byte for byte. */
  articles: ArticleMeta[];
  actors: Actor[];
  events: TimelineEvent[];
  /** Events the text reports without a date it gives or implies: listed, never placed on the axis. */
  undated: UndatedEvent[];
  /** Background ranges that are context, not article events (colonial rule, terms of office). */
  contexts: ContextRange[];
  /** Passages that look like events but could not be dated: reported, never guessed. */
  unresolved: UnresolvedMention[];
}

export interface PublishedBasis {
  /** stated: the article says it; inferred: derived from another article; unknown: neither. */
  kind: 'stated' | 'inferred' | 'unknown';
  /** Human-readable, e.g. `date line (line 1)` or `inferred from 001_… (dated 2025-06-18), which reports the same meeting`. */
  note: string;
  /** For `inferred`: the dated article the date was taken from. */
  fromArticleId?: string;
}

export interface ArticleMeta {
  /** Stable id: the file name without `.txt`. */
  id: string;
  /** File name inside the seeds folder. */
  file: string;
  title: string;
  /** `YYYY-MM-DD` or null. */
  published: string | null;
  publishedBasis: PublishedBasis;
  /** The outlet, e.g. `MENAFN`, or null when the text does not name one. */
  source: string | null;
  /** Ids of the events this article is a source of. */
  eventIds: string[];
}

export interface RelatedHeadline {
  text: string;
  /** Offset of the headline in {@link ArticleBody.body}. */
  offset: number;
}

/** A dated passage of an article that belongs to an event ("From text to time"). */
export interface DateMention {
  text: string;
  offset: number;
  eventId: string;
}

export interface ArticleBody extends ArticleMeta {
  /**
   * The article text as read (BOM removed, CRLF normalised to LF), including its title line.
   * Every source quote satisfies `body.slice(offset, offset + quote.length) === quote`.
   */
  body: string;
  /** The label of the related-reading block as written (e.g. `ALSO READ`), or null. */
  relatedLabel: string | null;
  /** Headlines of other articles listed as related reading: never a source of events. */
  related: RelatedHeadline[];
  dateMentions: DateMention[];
}

export interface Term {
  office: string;
  /** PartialDate. */
  start: PartialDate;
  /** PartialDate, or null while in office or unknown. */
  end: PartialDate | null;
  /** URL that supports this fact. */
  source: string;
}

export interface Actor {
  /** Stable slug, e.g. `lee-jae-myung`. */
  id: string;
  name: string;
  country: string;
  role: string;
  aliases: string[];
  terms: Term[];
  /** URLs supporting the reference facts. Empty for detected actors. */
  sources: string[];
  /** True when the actor is not in the reference file but the text names them with a title. */
  detected: boolean;
}

export type { EventKind } from './event-kinds.ts';
import type { Relationship } from './relationship.ts';
import type { EventKind } from './event-kinds.ts';

/**
 * point:   happened at `start` (to its precision).
 * range:   lasted from `start` to `end`.
 * bounded: happened once, at some unknown time between `start` and `end` (both bounds).
 */
export type DateKind = 'point' | 'range' | 'bounded';

export interface EventSource {
  articleId: string;
  /** The supporting sentence, verbatim. */
  quote: string;
  /** Offset of the quote in the article body. */
  offset: number;
}

export interface TimelineEvent {
  /** Stable id: re-running the ingest or adding articles never changes it. */
  id: string;
  /** Other ids this event was or could have been published under; each still opens it. */
  aliases?: string[];
  /** True for an event the text reports as planned or scheduled, not yet happened. */
  planned?: boolean;
  /** Short headline-style title built from the text. */
  title: string;
  kind: EventKind;
  start: PartialDate;
  end?: PartialDate;
  dateKind: DateKind;
  /** True when the date is derived (relative date, inferred publication date, bounds), not stated outright. */
  dateInferred: boolean;
  /** How the date was obtained, in words, naming where it came from. */
  dateBasis: string;
  /** Actor ids. */
  actors: string[];
  /** Where it happened, as the text names it, or null. */
  place: string | null;
  sources: EventSource[];
}

export interface ContextRange {
  id: string;
  /** `era` for historical periods from the text, `term` for terms of office from the actors file. */
  kind: 'era' | 'term';
  title: string;
  start: PartialDate;
  end: PartialDate | null;
  /** Actor id for terms. */
  actorId?: string;
  /** Event id for eras taken from an event. */
  eventId?: string;
  /** A URL or an article id. */
  source: string;
}

export interface UnresolvedMention {
  articleId: string;
  quote: string;
  offset: number;
  /** 1-based line in the file. */
  line: number;
  reason: string;
}

/** An event the text reports without a date: same fields as a dated event, minus the date, plus why. */
export interface UndatedEvent {
  id: string;
  aliases?: string[];
  planned?: boolean;
  title: string;
  kind: EventKind;
  actors: string[];
  place: string | null;
  sources: EventSource[];
  /** Why it has no date, e.g. `relative date “on Monday” cannot be resolved: the article has no publication date`. */
  reason: string;
}
