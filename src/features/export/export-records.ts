import { eventDateLabel, eventPrecisionNote } from '../../lib/event-dates';
import { kindLabel } from '../../lib/event-kinds';
import { formatPartialDate, precisionOf } from '../../lib/partial-date';
import type {
  Actor,
  ArticleMeta,
  DateKind,
  EventEdit,
  EventKind,
  PartialDate,
  Precision,
  PublishedBasis,
  TimelineEvent,
  UndatedEvent,
} from '../../lib/timeline-data';
import { DEFAULT_VIEW_STATE, serializeViewState } from '../../lib/url-search-params';

/**
 * One exported event, flat and self-contained: what a reader needs to cite it without the app.
 * CSV, JSON and iCalendar are all written from these records (to-csv.ts, to-json.ts, to-ics.ts),
 * in the browser and by `npm run export`.
 */
export interface ExportSource {
  articleId: string;
  /** The article's headline, or null when the article is missing from the data. */
  headline: string | null;
  /** The outlet, or null when the text does not name one. */
  outlet: string | null;
  /** `YYYY-MM-DD`, or null when the article has no known publication date. */
  published: string | null;
  /** stated, inferred (from another article) or unknown. */
  publishedBasis: PublishedBasis['kind'];
  /** The supporting sentence, verbatim. */
  sentence: string;
}

export interface ExportRecord {
  id: string;
  /** The start as the data has it (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`); null for an undated event. */
  date: PartialDate | null;
  precision: Precision | null;
  end: PartialDate | null;
  endPrecision: Precision | null;
  /** point, range (lasted start–end) or bounded (happened once between start and end); null when undated. */
  dateKind: DateKind | null;
  /** True when the text only bounds the date: it happened once, somewhere between `date` and `end`. */
  bounded: boolean;
  /** The date as the app shows it (`Dec 2024`, `Between Dec 2024 and 4 Apr 2025`); empty when undated. */
  dateLabel: string;
  /** What the precision means for a reader (`known to the month only`), or null. */
  dateNote: string | null;
  dateInferred: boolean;
  /** How the date was found, or null when undated. */
  dateBasis: string | null;
  /** Why there is no date, for an undated event; null otherwise. */
  undatedReason: string | null;
  title: string;
  kind: EventKind;
  kindLabel: string;
  planned: boolean;
  leaders: { id: string; name: string }[];
  place: string | null;
  sources: ExportSource[];
  /** The event's deep link; null for an undated event (the timeline cannot select it). */
  link: string | null;
  /** Corrections an editor applied (seeds/corrections.json), each with its note; empty when none. */
  edited: EventEdit[];
}

/** What was exported, said in the file and in the menu. */
export interface ExportScope {
  kind: 'view' | 'all';
  /** e.g. `events in view (filter: leader Ann Example; window 1 Jan 2025 – 31 Dec 2025)`. */
  description: string;
  /** The part in parentheses: the filter and, for "view", the window. */
  detail: string;
}

export interface ExportContext {
  articles: ReadonlyMap<string, ArticleMeta>;
  actors: ReadonlyMap<string, Actor>;
  /** Where the app lives, e.g. `http://127.0.0.1:4173/`; deep links are built on it. */
  baseUrl: string;
}

/**
 * The event's deep link: the app's own URL serialisation (`src/lib/url-search-params.ts`) with only
 * the event selected, on the given base (its query and fragment are dropped).
 */
export function eventLink(baseUrl: string, eventId: string): string {
  const url = new URL(baseUrl);
  url.search = serializeViewState({ ...DEFAULT_VIEW_STATE, leaders: [], event: eventId });
  url.hash = '';
  return url.href;
}

function exportSources(
  sources: TimelineEvent['sources'],
  articles: ReadonlyMap<string, ArticleMeta>,
): ExportSource[] {
  return sources.map((s) => {
    const meta = articles.get(s.articleId);
    return {
      articleId: s.articleId,
      headline: meta?.title ?? null,
      outlet: meta?.source ?? null,
      published: meta?.published ?? null,
      publishedBasis: meta?.publishedBasis.kind ?? 'unknown',
      sentence: s.quote,
    };
  });
}

function leadersOf(ids: readonly string[], actors: ReadonlyMap<string, Actor>) {
  return ids.map((id) => ({ id, name: actors.get(id)?.name ?? id }));
}

export function datedRecord(event: TimelineEvent, ctx: ExportContext): ExportRecord {
  return {
    id: event.id,
    date: event.start,
    precision: precisionOf(event.start),
    end: event.end ?? null,
    endPrecision: event.end ? precisionOf(event.end) : null,
    dateKind: event.dateKind,
    bounded: event.dateKind === 'bounded',
    dateLabel: eventDateLabel(event),
    dateNote: eventPrecisionNote(event),
    dateInferred: event.dateInferred,
    dateBasis: event.dateBasis,
    undatedReason: null,
    ...describedBy(event, ctx),
    link: eventLink(ctx.baseUrl, event.id),
    edited: event.edited ?? [],
  };
}

/** What dated and undated records share: what happened, who, where, and the sources. */
function describedBy(event: TimelineEvent | UndatedEvent, ctx: ExportContext) {
  return {
    title: event.title,
    kind: event.kind,
    kindLabel: kindLabel(event.kind),
    planned: event.planned === true,
    leaders: leadersOf(event.actors, ctx.actors),
    place: event.place,
    sources: exportSources(event.sources, ctx.articles),
  };
}

export function undatedRecord(event: UndatedEvent, ctx: ExportContext): ExportRecord {
  return {
    id: event.id,
    date: null,
    precision: null,
    end: null,
    endPrecision: null,
    dateKind: null,
    bounded: false,
    dateLabel: '',
    dateNote: null,
    dateInferred: false,
    dateBasis: null,
    undatedReason: event.reason,
    ...describedBy(event, ctx),
    link: null,
    edited: event.edited ?? [],
  };
}

/** Dated events in the order given (the timeline's), then the undated ones. */
export function exportRecords(
  events: readonly TimelineEvent[],
  undated: readonly UndatedEvent[],
  ctx: ExportContext,
): ExportRecord[] {
  return [...events.map((e) => datedRecord(e, ctx)), ...undated.map((u) => undatedRecord(u, ctx))];
}

/** The human form of a source's publication date: `18 Jun 2025`, `18 Jun 2025 (inferred)`, `date unknown`. */
export function publishedLabel(source: ExportSource): string {
  if (!source.published) return 'publication date unknown';
  const label = formatPartialDate(source.published);
  return source.publishedBasis === 'inferred' ? `${label} (inferred)` : label;
}

/** The edits in one line: each note, then what it changed (`note (title: “a” → “b”) | …`). */
export function editedLabel(r: Pick<ExportRecord, 'edited'>): string {
  return r.edited.map((e) => `${e.note} (${e.changes.join('; ')})`).join(' | ');
}
