import { parsePartialDate } from './partial-date';

/**
 * The single source of shareable state: everything a link reproduces lives in the URL query.
 *
 *   event=<eventId>            the selected event (its articles are open in the panel); an alias
 *                              of an event selects that event and is rewritten to its own id
 *   leaders=<id>,<id>          leader filter (actor ids)
 *   match=all                  events with all the leaders (absent: any of them)
 *   from=YYYY-MM-DD            start of the visible window
 *   to=YYYY-MM-DD              end of the visible window
 *   q=<words>                  search in titles and quotes
 *   view=timeline|list         the timeline or the chronology (absent: the screen's default, the
 *                              chronology below 700 px wide and the timeline above)
 *   embed=1                    embedded in another page's frame: no site header, an 'Open in
 *                              Ties' link instead (kept across in-app navigation)
 *
 * Parsing never throws: valid parts are kept, everything else is dropped with a notice.
 */

export type MatchMode = 'any' | 'all';

/** How the events are shown: on the time axis, or as a chronology read top to bottom. */
export type ViewMode = 'timeline' | 'list';

/** Below this width (in CSS px) a link without `view` opens the chronology. */
export const LIST_DEFAULT_BELOW_PX = 700;

/** The mode shown: the link's, or the screen's default when the link does not say. */
export function effectiveViewMode(view: ViewMode | null, narrow: boolean): ViewMode {
  return view ?? (narrow ? 'list' : 'timeline');
}

export interface ViewState {
  event: string | null;
  leaders: string[];
  match: MatchMode;
  from: string | null;
  to: string | null;
  q: string;
  /** Null: the screen's default (see {@link effectiveViewMode}). */
  view: ViewMode | null;
  embed: boolean;
}

export const DEFAULT_VIEW_STATE: ViewState = Object.freeze({
  event: null,
  leaders: Object.freeze([]) as unknown as string[],
  match: 'any',
  from: null,
  to: null,
  q: '',
  view: null,
  embed: false,
}) as ViewState;

export interface KnownIds {
  eventIds: ReadonlySet<string>;
  /** Other ids that open an event (alias → the event's own id), for links made before a rename. */
  eventAliases?: ReadonlyMap<string, string>;
  /** Ids (and aliases) of events an editor hid, to the notice a link to one shows instead. */
  hiddenEvents?: ReadonlyMap<string, string>;
  actorIds: ReadonlySet<string>;
}

export interface ParsedViewState {
  state: ViewState;
  notices: string[];
}

const KNOWN_KEYS = ['event', 'leaders', 'match', 'from', 'to', 'q', 'view', 'embed'] as const;
type Key = (typeof KNOWN_KEYS)[number];

/** Ids are slugs: lower-case letters, digits and a few separators. */
const ID_PATTERN = /^[a-z0-9][a-z0-9._:-]{0,199}$/;
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const MAX_Q_LENGTH = 200;
const MAX_LEADERS = 50;
const MAX_NOTICE_VALUE = 40;

/** Shortens a user-supplied value for a notice; notices are rendered as text, never HTML. */
function quoteValue(value: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = value.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
  const chars = Array.from(clean);
  return chars.length > MAX_NOTICE_VALUE
    ? `“${chars.slice(0, MAX_NOTICE_VALUE).join('')}…”`
    : `“${clean}”`;
}

export function isValidDay(value: string): boolean {
  if (!DAY_PATTERN.test(value)) return false;
  const parsed = parsePartialDate(value);
  return parsed !== null && parsed.precision === 'day' && parsed.year >= 1000;
}

/** Replaces lone UTF-16 surrogates (which encodeURIComponent rejects) with U+FFFD. */
function toWellFormed(value: string): string {
  return value.replace(
    /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    '\uFFFD',
  );
}

function collapseWhitespace(value: string): string {
  return (
    toWellFormed(value)
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f-\u009f\s]+/gu, ' ')
      .trim()
  );
}

/** Collapses whitespace, strips control characters and bounds the length. */
export function normalizeQuery(value: string): string {
  const collapsed = collapseWhitespace(value);
  const chars = Array.from(collapsed);
  // Cut at a character boundary and drop a trailing lone space the cut could leave.
  return chars.length > MAX_Q_LENGTH ? chars.slice(0, MAX_Q_LENGTH).join('').trimEnd() : collapsed;
}

function safeParams(search: string): URLSearchParams {
  try {
    // URLSearchParams decodes leniently and does not throw on malformed escapes.
    return new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  } catch {
    return new URLSearchParams();
  }
}

export function parseViewState(search: string, known?: KnownIds): ParsedViewState {
  const notices: string[] = [];
  const state: ViewState = { ...DEFAULT_VIEW_STATE, leaders: [] };
  const params = safeParams(typeof search === 'string' ? search : '');

  const values = new Map<Key, string>();
  const unknownKeys = new Set<string>();
  const repeated = new Set<string>();
  for (const [key, value] of params) {
    if ((KNOWN_KEYS as readonly string[]).includes(key)) {
      const k = key as Key;
      if (values.has(k)) repeated.add(k);
      else values.set(k, value);
    } else if (key !== '' || value !== '') {
      unknownKeys.add(key);
    }
  }
  if (unknownKeys.size > 0) {
    const names = [...unknownKeys].slice(0, 5).map(quoteValue).join(', ');
    notices.push(
      `Ignored unknown link parameter${unknownKeys.size > 1 ? 's' : ''} ${names}${unknownKeys.size > 5 ? ' and more' : ''}.`,
    );
  }
  for (const key of repeated) {
    notices.push(`The link repeats “${key}”; only the first one was used.`);
  }

  const event = values.get('event');
  if (event !== undefined && event !== '') {
    if (!ID_PATTERN.test(event)) {
      notices.push(`Ignored the malformed event id ${quoteValue(event)}.`);
    } else if (!known || known.eventIds.has(event)) {
      state.event = event;
    } else {
      const primary = known.eventAliases?.get(event);
      const hidden = known.hiddenEvents?.get(event);
      if (primary !== undefined) state.event = primary;
      else if (hidden !== undefined) notices.push(hidden);
      else notices.push(`No event ${quoteValue(event)} exists; nothing is selected.`);
    }
  }

  const leaders = values.get('leaders');
  if (leaders !== undefined && leaders !== '') {
    const kept: string[] = [];
    const dropped: string[] = [];
    for (const raw of leaders.split(',')) {
      const id = raw.trim();
      if (id === '') continue;
      if (!ID_PATTERN.test(id) || (known && !known.actorIds.has(id))) {
        dropped.push(id);
      } else if (!kept.includes(id) && kept.length < MAX_LEADERS) {
        kept.push(id);
      }
    }
    state.leaders = kept;
    if (dropped.length > 0) {
      const names = dropped.slice(0, 5).map(quoteValue).join(', ');
      notices.push(
        `Ignored unknown leader${dropped.length > 1 ? 's' : ''} ${names}${dropped.length > 5 ? ' and more' : ''}.`,
      );
    }
  }

  const match = values.get('match');
  if (match !== undefined && match !== '') {
    if (match === 'all' || match === 'any') state.match = match;
    else notices.push(`Ignored match=${quoteValue(match)}: use “all” or leave it out.`);
  }

  for (const key of ['from', 'to'] as const) {
    const value = values.get(key);
    if (value === undefined || value === '') continue;
    if (isValidDay(value)) state[key] = value;
    else notices.push(`Ignored ${key}=${quoteValue(value)}: dates are written YYYY-MM-DD.`);
  }
  if (state.from !== null && state.to !== null && state.from >= state.to) {
    notices.push(
      `Ignored the window ${state.from} – ${state.to}: “from” must be before “to”. Showing all events.`,
    );
    state.from = null;
    state.to = null;
  }

  const q = values.get('q');
  if (q !== undefined) {
    const normalized = normalizeQuery(q);
    if (Array.from(collapseWhitespace(q)).length > MAX_Q_LENGTH) {
      notices.push(`The search words were shortened to ${MAX_Q_LENGTH} characters.`);
    }
    state.q = normalized;
  }

  const view = values.get('view');
  if (view !== undefined && view !== '') {
    if (view === 'timeline' || view === 'list') state.view = view;
    else notices.push(`Ignored view=${quoteValue(view)}: use “timeline” or “list”.`);
  }
  const embed = values.get('embed');
  if (embed !== undefined) {
    if (embed === '1' || embed === 'true') state.embed = true;
    else if (embed !== '0' && embed !== 'false' && embed !== '') {
      notices.push(`Ignored embed=${quoteValue(embed)}: use “1” or leave it out.`);
    }
  }

  return { state, notices };
}

/** Percent-encodes a value but keeps it readable: commas and spaces (as +) stay legible. */
function encodeValue(value: string): string {
  return encodeURIComponent(toWellFormed(value)).replace(/%20/g, '+').replace(/%2C/gi, ',');
}

/** Canonical query string without the leading `?`; empty for the default view. */
export function serializeViewState(state: ViewState): string {
  const parts: string[] = [];
  if (state.event) parts.push(`event=${encodeValue(state.event)}`);
  if (state.leaders.length > 0) parts.push(`leaders=${state.leaders.map(encodeValue).join(',')}`);
  if (state.match === 'all') parts.push('match=all');
  if (state.from) parts.push(`from=${encodeValue(state.from)}`);
  if (state.to) parts.push(`to=${encodeValue(state.to)}`);
  const q = normalizeQuery(state.q);
  if (q) parts.push(`q=${encodeValue(q)}`);
  if (state.view) parts.push(`view=${state.view}`);
  if (state.embed) parts.push('embed=1');
  return parts.join('&');
}

/** The same view outside a frame: the query of the 'Open in Ties' link. */
export function serializeOpenView(state: ViewState): string {
  return serializeViewState({ ...state, embed: false });
}

export function viewStatesEqual(a: ViewState, b: ViewState): boolean {
  return serializeViewState(a) === serializeViewState(b);
}

/** True when only the window differs (such changes replace the history entry instead of pushing). */
export function onlyWindowDiffers(a: ViewState, b: ViewState): boolean {
  return viewStatesEqual({ ...a, from: b.from, to: b.to }, b) && !viewStatesEqual(a, b);
}
