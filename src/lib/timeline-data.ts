/**
 * The data format shared by the build-time ingest (`src/ingest/`) and the app: the types of the
 * schema in src/lib/timeline-schema.ts, which is written once and also gives the validation (app
 * load, ingest output) and the field tables of docs/data-format.md.
 *
 * Files written by the ingest into the output folder (by default `public/data/`):
 *   - `timeline.json`             → {@link TimelineData}
 *   - `articles/<articleId>.json` → {@link ArticleBody}
 */
import type * as v from 'valibot';
import type * as schema from './timeline-schema.ts';

export { DATA_FORMAT_VERSION } from './timeline-schema.ts';
export type { EventKind } from './event-kinds.ts';

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: the string's length shows the precision. */
export type PartialDate = string;

export type Precision = 'year' | 'month' | 'day';

/**
 * point:   happened at `start` (to its precision).
 * range:   lasted from `start` to `end`.
 * bounded: happened once, at some unknown time between `start` and `end` (both bounds).
 */
export type DateKind = (typeof schema.DATE_KINDS)[number];

export type TimelineData = v.InferOutput<typeof schema.TimelineDataSchema>;
export type PublishedBasis = v.InferOutput<typeof schema.PublishedBasisSchema>;
export type ArticleMeta = v.InferOutput<typeof schema.ArticleMetaSchema>;
export type RelatedHeadline = v.InferOutput<typeof schema.RelatedHeadlineSchema>;
/** A dated passage of an article that belongs to an event ("From text to time"). */
export type DateMention = v.InferOutput<typeof schema.DateMentionSchema>;
export type ArticleBody = v.InferOutput<typeof schema.ArticleBodySchema>;
export type Term = v.InferOutput<typeof schema.TermSchema>;
export type Actor = v.InferOutput<typeof schema.ActorSchema>;
export type EventSource = v.InferOutput<typeof schema.EventSourceSchema>;
export type TimelineEvent = v.InferOutput<typeof schema.TimelineEventSchema>;
export type EventEdit = v.InferOutput<typeof schema.EventEditSchema>;
export type HiddenEvent = v.InferOutput<typeof schema.HiddenEventSchema>;
export type ContextRange = v.InferOutput<typeof schema.ContextRangeSchema>;
export type UnresolvedMention = v.InferOutput<typeof schema.UnresolvedMentionSchema>;
/** An event the text reports without a date: same fields as a dated event, minus the date, plus why. */
export type UndatedEvent = v.InferOutput<typeof schema.UndatedEventSchema>;
