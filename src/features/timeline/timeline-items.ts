import { eventDateLabel, eventInterval, eventPrecisionNote } from '../../lib/event-dates';
import { formatPartialDate, periodEnd, periodStart, precisionOf } from '../../lib/partial-date';
import { outletsLabel, sourceCountLabel } from '../../lib/source-outlets';
import { partyOfCountry, type Party, type Relationship } from '../../lib/relationship';
import type { Actor, ArticleMeta, ContextRange, TimelineEvent } from '../../lib/timeline-data';

/**
 * Pure mapping from timeline data to the items and groups vis-timeline draws. The component turns
 * these specs into vis items whose content is DOM built with textContent (never HTML strings).
 */

/** `pair`, `international`, `terms-other`, or `party:<id>` / `terms:<id>` for a party of the relationship. */
export type LaneId = string;

export interface LaneSpec {
  id: LaneId;
  label: string;
  order: number;
  /** Classes of the lane: `lane-party-a`, `lane-pair`, … (colours by position in the pair). */
  className: string;
}

export const PAIR_LANE = 'pair';
export const INTERNATIONAL_LANE = 'international';
export const TERMS_OTHER_LANE = 'terms-other';
export const partyLane = (party: Party): LaneId => `party:${party.id}`;
export const termsLane = (party: Party): LaneId => `terms:${party.id}`;

/** Every lane the relationship can have, in order; the labels come from the data. */
export function lanesOf(relationship: Relationship): LaneSpec[] {
  const [a, b] = relationship.parties;
  return [
    { id: termsLane(a), label: `In office · ${a.shortName}`, className: 'lane-terms lane-terms-a' },
    { id: termsLane(b), label: `In office · ${b.shortName}`, className: 'lane-terms lane-terms-b' },
    { id: TERMS_OTHER_LANE, label: relationship.lanes.termsOther, className: 'lane-terms' },
    { id: PAIR_LANE, label: relationship.lanes.pair, className: 'lane-pair' },
    { id: partyLane(a), label: a.name, className: 'lane-party-a' },
    { id: partyLane(b), label: b.name, className: 'lane-party-b' },
    {
      id: INTERNATIONAL_LANE,
      label: relationship.lanes.international,
      className: 'lane-international',
    },
  ].map((lane, order) => ({ ...lane, order }));
}

/** Which side an actor is on: party 0 or 1 of the relationship, or another country. */
export type Side = 0 | 1 | 'other';

/** Actor id → side, by the exact party its country names (see {@link partyOfCountry}). */
export function sidesOf(relationship: Relationship, actors: readonly Actor[]): Map<string, Side> {
  const sides = new Map<string, Side>();
  for (const actor of actors) {
    const party = partyOfCountry(relationship, actor.country);
    sides.set(actor.id, party === null ? 'other' : party === relationship.parties[0] ? 0 : 1);
  }
  return sides;
}

/** What an item says: built only for the items drawn (see {@link itemText}). */
export interface ItemText {
  /** Short date label shown on the item, with the data's precision (e.g. `Dec 2024`). */
  dateLabel: string;
  title: string;
  /** `2 sources` when there are several, otherwise null. */
  sourcesLabel: string | null;
  /** Plain-text tooltip (rendered with textContent). */
  tooltip: string;
}

export interface ItemSpec {
  /** Event id for events; `ctx:<id>` for context ranges. */
  id: string;
  /** Null for background eras, which span every lane. */
  group: LaneId | null;
  type: 'box' | 'range' | 'background';
  start: number;
  end?: number;
  className: string;
  /** The event this item stands for, or null for context. */
  eventId: string | null;
  /**
   * The event itself, or null for context. Its labels and tooltip are built from it when the item
   * is drawn: with thousands of events, only a few hundred ever are.
   */
  event: TimelineEvent | null;
  /** Context items: their text, built up front (they are few). Null for events. */
  contextText: ItemText | null;
  /** Events: the outlets of its sources (`MENAFN, outlet not stated`), when the articles are known. */
  sourceOutlets?: string | null;
}

export const CONTEXT_PREFIX = 'ctx:';

/**
 * Lane by the sides of the event's actors: both parties, or a relation or a period, in the pair's
 * lane; any other country in the international lane; else the one party's lane.
 */
export function laneForEvent(
  event: TimelineEvent,
  sides: ReadonlyMap<string, Side>,
  relationship: Relationship,
): LaneId {
  if (event.kind === 'period' || event.kind === 'relations') return PAIR_LANE;
  const seen = new Set(event.actors.map((id) => sides.get(id) ?? 'other'));
  if (seen.has(0) && seen.has(1)) return PAIR_LANE;
  if (seen.has('other')) return INTERNATIONAL_LANE;
  if (seen.has(0)) return partyLane(relationship.parties[0]);
  if (seen.has(1)) return partyLane(relationship.parties[1]);
  return PAIR_LANE;
}

export function eventItem(
  event: TimelineEvent,
  lane: LaneId,
  sourceOutlets: string | null = null,
): ItemSpec {
  const { start, end } = eventInterval(event);
  const precision = precisionOf(event.start);
  let className = `ev ev-kind-${event.kind} ev-${event.dateKind} ev-prec-${precision}`;
  if (event.dateInferred) className += ' ev-inferred';
  if (event.sources.length > 1) className += ' ev-multi';
  // Day-precision points are boxes on their day; anything less precise is drawn over the whole
  // period it could be in, so a month never looks like a day.
  const isDayPoint = event.dateKind === 'point' && precision === 'day';
  return {
    id: event.id,
    group: lane,
    type: isDayPoint ? 'box' : 'range',
    start,
    ...(isDayPoint ? {} : { end }),
    className,
    eventId: event.id,
    event,
    contextText: null,
    sourceOutlets,
  };
}

const eventTexts = new WeakMap<TimelineEvent, ItemText>();

/** The item's labels and tooltip (an event's are built on first use and cached per event). */
export function itemText(spec: ItemSpec): ItemText {
  if (spec.contextText) return spec.contextText;
  const event = spec.event;
  if (!event) throw new Error(`item ${spec.id} has neither an event nor a context text`);
  let text = eventTexts.get(event);
  if (!text) {
    text = eventText(event, spec.sourceOutlets ?? null);
    eventTexts.set(event, text);
  }
  return text;
}

function eventText(event: TimelineEvent, outlets: string | null): ItemText {
  const sourceCount = event.sources.length;
  const sourcesLabel = sourceCount > 1 ? `${sourceCount} sources` : null;
  const fullDate = eventDateLabel(event);
  // On the item, a bounded date reads "Dec 2024 … 4 Jun 2025" (the hatching says "sometime in").
  const dateLabel =
    event.dateKind === 'bounded' && event.end
      ? `${formatPartialDate(event.start)} … ${formatPartialDate(event.end)}`
      : fullDate;
  const note = eventPrecisionNote(event);
  const tooltip = [
    event.title,
    `${fullDate}${note ? ` (${note})` : ''}`,
    event.dateInferred ? `Date inferred: ${event.dateBasis}` : `Date: ${event.dateBasis}`,
    event.place ? `Place: ${event.place}` : null,
    `${sourceCountLabel(sourceCount)}${outlets ? `: ${outlets}` : ''}`,
  ]
    .filter((line): line is string => line !== null && line !== '')
    .join('\n');
  return { dateLabel, title: event.title, sourcesLabel, tooltip };
}

export function contextItem(
  context: ContextRange,
  sides: ReadonlyMap<string, Side>,
  relationship: Relationship,
  openEnd: number,
): ItemSpec | null {
  const start = periodStart(context.start).getTime();
  // A term that ends on a day hands over that day (the successor starts on it): end at its start.
  const end = context.end
    ? (precisionOf(context.end) === 'day'
        ? periodStart(context.end)
        : periodEnd(context.end)
      ).getTime()
    : Math.max(openEnd, start + 1);
  if (!Number.isFinite(start) || !Number.isFinite(end) || end <= start) return null;
  const span = context.end
    ? `${formatPartialDate(context.start)} – ${formatPartialDate(context.end)}`
    : `since ${formatPartialDate(context.start)}`;
  if (context.kind === 'era') {
    return {
      id: `${CONTEXT_PREFIX}${context.id}`,
      group: null,
      type: 'background',
      start,
      end,
      className: 'ctx ctx-era',
      eventId: null,
      event: null,
      contextText: {
        dateLabel: span,
        title: context.title,
        sourcesLabel: null,
        tooltip: `${context.title}, ${span} (context, not an article event)`,
      },
    };
  }
  const side = (context.actorId ? sides.get(context.actorId) : undefined) ?? 'other';
  return {
    id: `${CONTEXT_PREFIX}${context.id}`,
    group: side === 'other' ? TERMS_OTHER_LANE : termsLane(relationship.parties[side]),
    type: 'range',
    start,
    end,
    className: `ctx ctx-term ctx-${side === 'other' ? 'other' : side === 0 ? 'party-a' : 'party-b'}${context.end ? '' : ' ctx-open'}`,
    eventId: null,
    event: null,
    contextText: {
      dateLabel: span,
      title: context.title,
      sourcesLabel: null,
      tooltip: `${context.title}, ${span}${context.end ? '' : ' (no end date in the data)'}\nTerm of office, from the actors file: ${context.source}`,
    },
  };
}

export interface TimelineModel {
  items: ItemSpec[];
  lanes: LaneSpec[];
}

/** Events → items in lanes; contexts → a band of terms plus background eras. Only used lanes are kept. */
export function buildTimelineModel(
  events: readonly TimelineEvent[],
  contexts: readonly ContextRange[],
  actors: readonly Actor[],
  relationship: Relationship,
  openEnd: number,
  /** When given, each event's tooltip names the outlets of its sources. */
  articles?: ReadonlyMap<string, Pick<ArticleMeta, 'source'>>,
): TimelineModel {
  const sides = sidesOf(relationship, actors);
  const items: ItemSpec[] = [];
  const used = new Set<LaneId>();
  for (const event of events) {
    const lane = laneForEvent(event, sides, relationship);
    used.add(lane);
    items.push(eventItem(event, lane, articles ? outletsLabel(event.sources, articles) : null));
  }
  for (const context of contexts) {
    const item = contextItem(context, sides, relationship, openEnd);
    if (!item) continue;
    if (item.group) used.add(item.group);
    items.push(item);
  }
  return { items, lanes: lanesOf(relationship).filter((lane) => used.has(lane.id)) };
}

/**
 * The model restricted to the events in `eventIds` (context items are always kept), with only the
 * lanes still in use. Specs are shared with `model`, so filtering never rebuilds labels, and a
 * diff against what is drawn compares identical objects. Null `eventIds` means no filter.
 */
export function restrictModel(
  model: TimelineModel,
  eventIds: ReadonlySet<string> | null,
): TimelineModel {
  if (eventIds === null) return model;
  const used = new Set<LaneId>();
  const items = model.items.filter((item) => {
    const keep = item.eventId === null || eventIds.has(item.eventId);
    if (keep && item.group) used.add(item.group);
    return keep;
  });
  return { items, lanes: model.lanes.filter((lane) => used.has(lane.id)) };
}

/**
 * With many events, only items overlapping the window (widened by `margin` of its span on each
 * side) are handed to vis-timeline. Context items are always kept (they are few).
 */
export function itemsNearWindow(
  items: readonly ItemSpec[],
  window: { start: number; end: number },
  margin = 1,
): ItemSpec[] {
  const span = window.end - window.start;
  const lo = window.start - span * margin;
  const hi = window.end + span * margin;
  return items.filter(
    (item) => item.eventId === null || (item.start <= hi && (item.end ?? item.start) >= lo),
  );
}

/**
 * Keeps at most `cap` event items, evenly spread in time (items are in chronological order), plus
 * the item `keep` (the selection) and every context item. Returns how many events were left out so
 * the view can say so.
 */
export function capEventItems(
  items: readonly ItemSpec[],
  cap: number,
  keep: string | null,
): { items: ItemSpec[]; omitted: number } {
  const events = items.filter((i) => i.eventId !== null);
  if (events.length <= cap) return { items: [...items], omitted: 0 };
  const stride = events.length / cap;
  const chosen = new Set<string>();
  for (let k = 0; k < cap; k += 1) chosen.add(events[Math.floor(k * stride)]!.id);
  if (keep) chosen.add(keep);
  const kept = items.filter((i) => i.eventId === null || chosen.has(i.id));
  const keptEvents = kept.filter((i) => i.eventId !== null).length;
  return { items: kept, omitted: events.length - keptEvents };
}

export interface ItemDiff {
  add: ItemSpec[];
  update: ItemSpec[];
  remove: string[];
}

function sameText(a: ItemText | null, b: ItemText | null): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return (
    a.dateLabel === b.dateLabel &&
    a.title === b.title &&
    a.sourcesLabel === b.sourcesLabel &&
    a.tooltip === b.tooltip
  );
}

function sameItem(a: ItemSpec, b: ItemSpec): boolean {
  if (a === b) return true;
  return (
    a.group === b.group &&
    a.type === b.type &&
    a.start === b.start &&
    a.end === b.end &&
    a.className === b.className &&
    // Loaded events are never mutated: the same event object has the same text.
    a.event === b.event &&
    sameText(a.contextText, b.contextText)
  );
}

/** What to add, update and remove so that the DataSet holding `current` ends up holding `next`. */
export function diffItems(
  current: ReadonlyMap<string, ItemSpec>,
  next: readonly ItemSpec[],
): ItemDiff {
  const add: ItemSpec[] = [];
  const update: ItemSpec[] = [];
  const seen = new Set<string>();
  for (const item of next) {
    if (seen.has(item.id)) continue;
    seen.add(item.id);
    const existing = current.get(item.id);
    if (!existing) add.push(item);
    else if (!sameItem(existing, item)) update.push(item);
  }
  const remove = [...current.keys()].filter((id) => !seen.has(id));
  return { add, update, remove };
}

export interface Cluster {
  start: number;
  end: number;
  count: number;
  label: string;
}

function yearOf(ms: number): number {
  return new Date(ms).getFullYear();
}

/**
 * Groups events whose starts lie close together (gaps above `minGap` or 1/40 of the whole span
 * separate clusters), so the first, century-wide view can offer "jump to 2024–2025 (7 events)".
 */
export function findClusters(events: readonly TimelineEvent[]): Cluster[] {
  if (events.length === 0) return [];
  const spans = events.map(eventInterval).sort((a, b) => a.start - b.start);
  const first = spans[0]!;
  const total = Math.max(...spans.map((s) => s.end)) - first.start;
  const gap = Math.max(365 * 24 * 3600 * 1000, total / 40);
  const clusters: { start: number; end: number; lastStart: number; count: number }[] = [];
  for (const span of spans) {
    const current = clusters[clusters.length - 1];
    if (current && span.start - current.lastStart <= gap) {
      current.count += 1;
      current.lastStart = span.start;
      current.end = Math.max(current.end, span.end);
    } else {
      clusters.push({ start: span.start, end: span.end, lastStart: span.start, count: 1 });
    }
  }
  return clusters.map((c) => {
    const y1 = yearOf(c.start);
    const y2 = yearOf(c.end - 1);
    const years = y1 === y2 ? String(y1) : `${y1}–${y2}`;
    return {
      start: c.start,
      end: c.end,
      count: c.count,
      label: `${years} (${c.count} event${c.count === 1 ? '' : 's'})`,
    };
  });
}
