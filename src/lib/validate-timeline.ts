import { EVENT_KIND_IDS, isEventKind } from './event-kinds';
import { parsePartialDate } from './partial-date';
import { DATA_FORMAT_VERSION, type ArticleBody, type TimelineData } from './timeline-data';

/**
 * A small hand-written validator for the JSON the app loads. It checks what the UI relies on
 * (types, ids, dates, references) and reports every problem with its path, so that broken data
 * produces a clear message instead of a crash deep inside the timeline.
 */

export class DataValidationError extends Error {
  readonly problems: string[];
  constructor(what: string, problems: string[]) {
    const shown = problems.slice(0, 8).join('; ');
    super(
      `${what} is invalid: ${shown}${problems.length > 8 ? ` (and ${problems.length - 8} more)` : ''}`,
    );
    this.name = 'DataValidationError';
    this.problems = problems;
  }
}

type Rec = Record<string, unknown>;

function isRecord(value: unknown): value is Rec {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

class Checker {
  readonly problems: string[] = [];
  private static readonly LIMIT = 200;

  fail(path: string, message: string): void {
    if (this.problems.length < Checker.LIMIT) this.problems.push(`${path} ${message}`);
  }

  record(value: unknown, path: string): Rec | null {
    if (isRecord(value)) return value;
    this.fail(path, 'should be an object');
    return null;
  }

  array(value: unknown, path: string): unknown[] {
    if (Array.isArray(value)) return value;
    this.fail(path, 'should be an array');
    return [];
  }

  string(obj: Rec, key: string, path: string): string {
    const value = obj[key];
    if (typeof value === 'string') return value;
    this.fail(`${path}.${key}`, 'should be a string');
    return '';
  }

  nonEmptyString(obj: Rec, key: string, path: string): string {
    const value = this.string(obj, key, path);
    if (value === '' && typeof obj[key] === 'string') this.fail(`${path}.${key}`, 'is empty');
    return value;
  }

  nullableString(obj: Rec, key: string, path: string): string | null {
    const value = obj[key];
    if (value === null || typeof value === 'string') return value;
    this.fail(`${path}.${key}`, 'should be a string or null');
    return null;
  }

  optionalString(obj: Rec, key: string, path: string): void {
    if (obj[key] !== undefined && typeof obj[key] !== 'string') {
      this.fail(`${path}.${key}`, 'should be a string when present');
    }
  }

  stringArray(obj: Rec, key: string, path: string): string[] {
    const arr = this.array(obj[key], `${path}.${key}`);
    arr.forEach((item, i) => {
      if (typeof item !== 'string') this.fail(`${path}.${key}[${i}]`, 'should be a string');
    });
    return arr.filter((item): item is string => typeof item === 'string');
  }

  optionalBoolean(obj: Rec, key: string, path: string): void {
    if (obj[key] !== undefined && typeof obj[key] !== 'boolean') {
      this.fail(`${path}.${key}`, 'should be true or false when present');
    }
  }

  optionalStringArray(obj: Rec, key: string, path: string): void {
    if (obj[key] !== undefined) this.stringArray(obj, key, path);
  }

  eventKind(obj: Rec, path: string): void {
    if (!isEventKind(obj.kind))
      this.fail(`${path}.kind`, `should be one of ${EVENT_KIND_IDS.join(', ')}`);
  }

  oneOf(obj: Rec, key: string, path: string, allowed: readonly string[]): void {
    const value = obj[key];
    if (typeof value !== 'string' || !allowed.includes(value)) {
      this.fail(`${path}.${key}`, `should be one of ${allowed.join(', ')}`);
    }
  }

  integer(obj: Rec, key: string, path: string): number {
    const value = obj[key];
    if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
    this.fail(`${path}.${key}`, 'should be a non-negative integer');
    return 0;
  }

  partialDate(obj: Rec, key: string, path: string, nullable = false): void {
    const value = obj[key];
    if (nullable && value === null) return;
    if (typeof value !== 'string' || parsePartialDate(value) === null) {
      this.fail(`${path}.${key}`, 'should be a date written YYYY, YYYY-MM or YYYY-MM-DD');
    }
  }

  uniqueIds(items: unknown[], path: string): Set<string> {
    const ids = new Set<string>();
    items.forEach((item, i) => {
      if (!isRecord(item) || typeof item.id !== 'string') return;
      if (ids.has(item.id)) this.fail(`${path}[${i}].id`, `repeats “${item.id}”`);
      ids.add(item.id);
    });
    return ids;
  }
}

function checkArticleMeta(c: Checker, value: unknown, path: string): void {
  const a = c.record(value, path);
  if (!a) return;
  c.nonEmptyString(a, 'id', path);
  c.string(a, 'file', path);
  c.string(a, 'title', path);
  const published = c.nullableString(a, 'published', path);
  if (published !== null && parsePartialDate(published)?.precision !== 'day') {
    c.fail(`${path}.published`, 'should be YYYY-MM-DD or null');
  }
  const basis = c.record(a.publishedBasis, `${path}.publishedBasis`);
  if (basis) {
    c.oneOf(basis, 'kind', `${path}.publishedBasis`, ['stated', 'inferred', 'unknown']);
    c.string(basis, 'note', `${path}.publishedBasis`);
    c.optionalString(basis, 'fromArticleId', `${path}.publishedBasis`);
  }
  c.nullableString(a, 'source', path);
  c.stringArray(a, 'eventIds', path);
}

/** What dated and undated events share: id, aliases, title, kind, actors, place, sources. */
function checkEventCore(
  c: Checker,
  e: Rec,
  path: string,
  actorIds: ReadonlySet<string>,
  articleIds: ReadonlySet<string>,
): void {
  c.nonEmptyString(e, 'id', path);
  c.optionalStringArray(e, 'aliases', path);
  c.optionalBoolean(e, 'planned', path);
  c.nonEmptyString(e, 'title', path);
  c.eventKind(e, path);
  for (const actor of c.stringArray(e, 'actors', path)) {
    if (!actorIds.has(actor)) c.fail(`${path}.actors`, `names unknown actor “${actor}”`);
  }
  c.nullableString(e, 'place', path);
  c.array(e.sources, `${path}.sources`).forEach((s, j) => {
    const sp = `${path}.sources[${j}]`;
    const src = c.record(s, sp);
    if (!src) return;
    const articleId = c.string(src, 'articleId', sp);
    if (typeof src.articleId === 'string' && !articleIds.has(articleId)) {
      c.fail(`${sp}.articleId`, `names unknown article “${articleId}”`);
    }
    c.string(src, 'quote', sp);
    c.integer(src, 'offset', sp);
  });
}

const COLOR = /^#[0-9a-fA-F]{6}$/;

/** The two countries: what the header, lanes, filter and colours are built from. */
function checkRelationship(c: Checker, value: unknown): void {
  const path = 'relationship';
  const r = c.record(value, path);
  if (!r) return;
  c.nonEmptyString(r, 'title', path);
  const parties = c.array(r.parties, `${path}.parties`);
  if (parties.length !== 2) c.fail(`${path}.parties`, 'should name exactly two countries');
  parties.forEach((p, i) => {
    const pp = `${path}.parties[${i}]`;
    const party = c.record(p, pp);
    if (!party) return;
    for (const key of ['id', 'name', 'shortName', 'adjective']) c.nonEmptyString(party, key, pp);
    c.stringArray(party, 'adjectives', pp);
    c.stringArray(party, 'aliases', pp);
    if (typeof party.color !== 'string' || !COLOR.test(party.color))
      c.fail(`${pp}.color`, 'should be a colour written #rrggbb');
    if (
      party.colorDark !== null &&
      (typeof party.colorDark !== 'string' || !COLOR.test(party.colorDark))
    )
      c.fail(`${pp}.colorDark`, 'should be a colour written #rrggbb, or null');
  });
  c.uniqueIds(parties, `${path}.parties`);
  const lanes = c.record(r.lanes, `${path}.lanes`);
  if (lanes)
    for (const key of ['pair', 'international', 'termsOther'])
      c.nonEmptyString(lanes, key, `${path}.lanes`);
  c.array(r.others, `${path}.others`);
}

export function validateTimelineData(value: unknown): TimelineData {
  const c = new Checker();
  const root = c.record(value, 'timeline');
  if (!root) throw new DataValidationError('The timeline data', c.problems);
  if (root.version !== DATA_FORMAT_VERSION) {
    c.fail('timeline.version', `should be ${DATA_FORMAT_VERSION}`);
  }

  checkRelationship(c, root.relationship);

  const articles = c.array(root.articles, 'timeline.articles');
  articles.forEach((a, i) => checkArticleMeta(c, a, `articles[${i}]`));
  const articleIds = c.uniqueIds(articles, 'articles');

  const actors = c.array(root.actors, 'timeline.actors');
  actors.forEach((value, i) => {
    const path = `actors[${i}]`;
    const a = c.record(value, path);
    if (!a) return;
    c.nonEmptyString(a, 'id', path);
    c.nonEmptyString(a, 'name', path);
    c.string(a, 'country', path);
    c.string(a, 'role', path);
    c.stringArray(a, 'aliases', path);
    c.stringArray(a, 'sources', path);
    if (typeof a.detected !== 'boolean') c.fail(`${path}.detected`, 'should be true or false');
    c.array(a.terms, `${path}.terms`).forEach((t, j) => {
      const tp = `${path}.terms[${j}]`;
      const term = c.record(t, tp);
      if (!term) return;
      c.string(term, 'office', tp);
      c.partialDate(term, 'start', tp);
      c.partialDate(term, 'end', tp, true);
      c.string(term, 'source', tp);
    });
  });
  const actorIds = c.uniqueIds(actors, 'actors');

  const events = c.array(root.events, 'timeline.events');
  events.forEach((value, i) => {
    const path = `events[${i}]`;
    const e = c.record(value, path);
    if (!e) return;
    checkEventCore(c, e, path, actorIds, articleIds);
    c.partialDate(e, 'start', path);
    c.oneOf(e, 'dateKind', path, ['point', 'range', 'bounded']);
    if (e.dateKind === 'range' || e.dateKind === 'bounded' || e.end !== undefined) {
      c.partialDate(e, 'end', path);
      if (typeof e.start === 'string' && typeof e.end === 'string' && e.end < e.start) {
        c.fail(`${path}.end`, 'is before its start');
      }
    }
    if (typeof e.dateInferred !== 'boolean')
      c.fail(`${path}.dateInferred`, 'should be true or false');
    c.string(e, 'dateBasis', path);
  });
  c.uniqueIds(events, 'events');

  // Older files have no undated list: read as empty.
  const undated = root.undated === undefined ? [] : c.array(root.undated, 'timeline.undated');
  undated.forEach((value, i) => {
    const path = `undated[${i}]`;
    const u = c.record(value, path);
    if (!u) return;
    checkEventCore(c, u, path, actorIds, articleIds);
    c.string(u, 'reason', path);
  });
  c.uniqueIds(undated, 'undated');

  c.array(root.contexts, 'timeline.contexts').forEach((value, i) => {
    const path = `contexts[${i}]`;
    const ctx = c.record(value, path);
    if (!ctx) return;
    c.nonEmptyString(ctx, 'id', path);
    c.oneOf(ctx, 'kind', path, ['era', 'term']);
    c.string(ctx, 'title', path);
    c.partialDate(ctx, 'start', path);
    c.partialDate(ctx, 'end', path, true);
    c.optionalString(ctx, 'actorId', path);
    c.optionalString(ctx, 'eventId', path);
    c.string(ctx, 'source', path);
  });

  if (root.unresolved !== undefined) c.array(root.unresolved, 'timeline.unresolved');

  if (c.problems.length > 0) throw new DataValidationError('The timeline data', c.problems);
  return (root.undated === undefined ? { ...root, undated: [] } : root) as unknown as TimelineData;
}

export function validateArticleBody(value: unknown, expectedId: string): ArticleBody {
  const c = new Checker();
  const path = `article ${expectedId}`;
  checkArticleMeta(c, value, path);
  const a = isRecord(value) ? value : null;
  if (a) {
    if (a.id !== expectedId) c.fail(`${path}.id`, `should be “${expectedId}”`);
    const body = c.string(a, 'body', path);
    c.nullableString(a, 'relatedLabel', path);
    c.array(a.related, `${path}.related`).forEach((r, i) => {
      const rp = `${path}.related[${i}]`;
      const rec = c.record(r, rp);
      if (!rec) return;
      c.string(rec, 'text', rp);
      c.integer(rec, 'offset', rp);
    });
    c.array(a.dateMentions, `${path}.dateMentions`).forEach((m, i) => {
      const mp = `${path}.dateMentions[${i}]`;
      const rec = c.record(m, mp);
      if (!rec) return;
      c.string(rec, 'text', mp);
      const offset = c.integer(rec, 'offset', mp);
      c.string(rec, 'eventId', mp);
      if (typeof rec.text === 'string' && offset + rec.text.length > body.length) {
        c.fail(`${mp}.offset`, 'points past the end of the text');
      }
    });
  }
  if (c.problems.length > 0)
    throw new DataValidationError(`The article “${expectedId}”`, c.problems);
  return value as ArticleBody;
}
