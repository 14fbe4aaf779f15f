/**
 * The data contract, written once: the schema of `timeline.json` and `articles/<id>.json`.
 *
 * From it come the TypeScript types (src/lib/timeline-data.ts), the app's check of what it loads
 * and the ingest's check of what it writes (src/lib/validate-timeline.ts), and the field tables of
 * docs/data-format.md (`npm run docs:data-format`). Each message reads after the value's path
 * (`events[3].start should be a date written YYYY, YYYY-MM or YYYY-MM-DD`); checks that relate
 * fields (end not before start, ids that must name a listed actor, article or event, unique ids,
 * offsets inside the text) are part of the schema.
 *
 * Descriptions are short (they ship in the app bundle): the prose around the tables in
 * docs/data-format.md says the rest.
 */
import * as v from 'valibot';
import { EVENT_KIND_IDS } from './event-kinds.ts';
import { firstDay, lastDay, parsePartialDate } from './partial-date.ts';

export const DATA_FORMAT_VERSION = 1;

// ---------------------------------------------------------------------------------------------------
// Building blocks

type Entries = v.ObjectEntries;
type AnySchema = v.GenericSchema & { message?: unknown; wrapped?: { message?: unknown } };

/** The message a field's own schema gives: reused when the field is missing altogether. */
function messageOf(schema: AnySchema | undefined): string | undefined {
  const own = schema?.message ?? schema?.wrapped?.message;
  return typeof own === 'string' ? own : undefined;
}

/** An object whose missing fields are reported as their type would be ("should be a string"). */
function record<const T extends Entries>(entries: T) {
  return v.object(entries, (issue) => {
    const last = issue.path?.[issue.path.length - 1];
    if (last?.origin === 'key') {
      return messageOf(entries[last.key as string] as AnySchema | undefined) ?? 'is missing';
    }
    return 'should be an object';
  });
}

const list = <T extends v.GenericSchema>(item: T) => v.array(item, 'should be an array');

const text = v.string('should be a string');
const nonEmptyText = v.pipe(v.string('should be a string'), v.nonEmpty('is empty'));
const nullableText = v.nullable(v.string('should be a string or null'));
const flag = v.boolean('should be true or false');
const optionalFlag = v.optional(v.boolean('should be true or false when present'));
const textList = list(text);
const offset = v.pipe(
  v.number('should be a non-negative integer'),
  v.check((n) => Number.isInteger(n) && n >= 0, 'should be a non-negative integer'),
  v.title('integer ≥ 0'),
);

const lineNumber = v.pipe(
  v.number('should be a positive integer'),
  v.check((n) => Number.isInteger(n) && n >= 1, 'should be a positive integer'),
  v.title('integer ≥ 1'),
);

const DATE_MESSAGE = 'should be a date written YYYY, YYYY-MM or YYYY-MM-DD';
export const PartialDateSchema = v.pipe(
  v.string(DATE_MESSAGE),
  v.check((s) => parsePartialDate(s) !== null, DATE_MESSAGE),
  v.title('PartialDate'),
  v.description(
    '`YYYY`, `YYYY-MM` or `YYYY-MM-DD`, a real calendar date; its length is its precision.',
  ),
);

const DAY_MESSAGE = 'should be YYYY-MM-DD or null';
const nullableDay = v.nullable(
  v.pipe(
    v.string(DAY_MESSAGE),
    v.check((s) => parsePartialDate(s)?.precision === 'day', DAY_MESSAGE),
    v.title('YYYY-MM-DD'),
  ),
);

const oneOf = <const T extends readonly string[]>(options: T) =>
  v.picklist(options, `should be one of ${options.join(', ')}`);

const field = <T extends v.GenericSchema>(schema: T, description: string) =>
  v.pipe(schema, v.description(description));

type PathKey = string | number;

/** Adds an issue at a path below the checked value (`['events', 3, 'actors']`). */
function issueAt(
  addIssue: (info: { message: string; path: [v.IssuePathItem, ...v.IssuePathItem[]] }) => void,
  root: unknown,
  keys: [PathKey, ...PathKey[]],
  message: string,
): void {
  let input = root as Record<PathKey, unknown>;
  const path = keys.map((key) => {
    const value = input?.[key];
    const item = {
      type: typeof key === 'number' ? 'array' : 'object',
      origin: 'value',
      input,
      key,
      value,
    } as v.IssuePathItem;
    input = value as Record<PathKey, unknown>;
    return item;
  }) as [v.IssuePathItem, ...v.IssuePathItem[]];
  addIssue({ message, path });
}

const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

const arrayOf = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);

const isDate = (x: unknown): x is string => typeof x === 'string' && parsePartialDate(x) !== null;

/**
 * `end`, when a date, does not end before `start` begins; and, with `needsEnd`, there is an `end`
 * unless `dateKind` is `point`. Runs even when other fields are wrong.
 */
function endNotBeforeStart<T extends { start: string; end?: string | null | undefined }>(
  needsEnd = false,
) {
  return v.rawCheck<T>(({ dataset, addIssue }) => {
    const x: unknown = dataset.value;
    if (!isObject(x)) return;
    if (needsEnd && x.end === undefined && (x.dateKind === 'range' || x.dateKind === 'bounded'))
      issueAt(addIssue, x, ['end'], DATE_MESSAGE);
    if (isDate(x.start) && isDate(x.end) && lastDay(x.end) < firstDay(x.start))
      issueAt(addIssue, x, ['end'], 'is before its start');
  });
}

/** The string `id`s of a list's objects. */
function idsOf(items: unknown): Set<string> {
  const ids = new Set<string>();
  for (const item of arrayOf(items))
    if (isObject(item) && typeof item.id === 'string') ids.add(item.id);
  return ids;
}

/** No two objects of the list have the same `id`. Runs even when other fields are wrong. */
function uniqueIds<T extends unknown[]>() {
  return v.rawCheck<T>(({ dataset, addIssue }) => {
    const seen = new Set<string>();
    arrayOf(dataset.value).forEach((item, i) => {
      if (!isObject(item) || typeof item.id !== 'string') return;
      if (seen.has(item.id)) issueAt(addIssue, dataset.value, [i, 'id'], `repeats “${item.id}”`);
      seen.add(item.id);
    });
  });
}

// ---------------------------------------------------------------------------------------------------
// Articles

export const PublishedBasisSchema = v.pipe(
  record({
    kind: field(
      oneOf(['stated', 'inferred', 'unknown'] as const),
      '`stated`: the article says it; `inferred`: taken from another article; `unknown`: neither.',
    ),
    note: field(text, 'In words, e.g. `date line (line 1)` or `inferred from … (dated …)`.'),
    fromArticleId: field(
      v.optional(v.string('should be a string when present')),
      'For `inferred`: the dated article the date was taken from.',
    ),
  }),
  v.title('PublishedBasis'),
  v.description('Where the publication date comes from.'),
);

const articleMetaEntries = {
  id: field(nonEmptyText, 'Stable id: the file name without `.txt`.'),
  file: field(text, 'File name inside the seeds folder.'),
  title: field(text, 'The first line of the article (after a date line, its title).'),
  published: field(nullableDay, 'Publication date, or null when neither stated nor inferred.'),
  publishedBasis: PublishedBasisSchema,
  source: field(nullableText, 'The outlet, e.g. `MENAFN`, or null when the text names none.'),
  eventIds: field(textList, 'Events this article is a source of, in timeline order.'),
};

export const ArticleMetaSchema = v.pipe(
  record(articleMetaEntries),
  v.title('ArticleMeta'),
  v.description('An article as the timeline lists it; sorted by id.'),
);

export const RelatedHeadlineSchema = v.pipe(
  record({
    text: field(text, 'The headline as written.'),
    offset: field(offset, 'Offset of the headline in `body`.'),
  }),
  v.title('RelatedHeadline'),
  v.description('A headline of the related-reading block: never a source of events.'),
);

export const DateMentionSchema = v.pipe(
  record({
    text: field(text, 'The date expression as written, e.g. `Tuesday`.'),
    offset: field(offset, 'Offset of `text` in `body`.'),
    eventId: field(text, 'The event it dates.'),
  }),
  v.title('DateMention'),
  v.description('A resolved date expression of the text, linked to its event.'),
);

/** Each `{ text, offset }` of a list is the body's text at that offset. */
function checkPassages(
  addIssue: Parameters<typeof issueAt>[0],
  article: Record<string, unknown>,
  key: 'related' | 'dateMentions',
): void {
  const body = article.body;
  if (typeof body !== 'string') return;
  arrayOf(article[key]).forEach((item, i) => {
    if (!isObject(item) || typeof item.text !== 'string' || typeof item.offset !== 'number') return;
    if (item.offset + item.text.length > body.length)
      issueAt(addIssue, article, [key, i, 'offset'], 'points past the end of the text');
    else if (body.slice(item.offset, item.offset + item.text.length) !== item.text)
      issueAt(addIssue, article, [key, i, 'offset'], 'does not point at its text in the body');
  });
}

/** Related headlines and date mentions point at their text in the body. */
function passagesInBody<T>() {
  return v.rawCheck<T>(({ dataset, addIssue }) => {
    if (!isObject(dataset.value)) return;
    checkPassages(addIssue, dataset.value, 'related');
    checkPassages(addIssue, dataset.value, 'dateMentions');
  });
}

export const ArticleBodySchema = v.pipe(
  record({
    ...articleMetaEntries,
    body: field(
      text,
      'The text as read (BOM removed, line endings LF), title line included; all offsets refer to it.',
    ),
    relatedLabel: field(
      nullableText,
      'The label of the related-reading block (`ALSO READ`), or null.',
    ),
    related: field(list(RelatedHeadlineSchema), 'Headlines listed as related reading.'),
    dateMentions: field(list(DateMentionSchema), 'Date expressions of the text and their events.'),
  }),
  passagesInBody(),
  v.title('ArticleBody'),
  v.description(
    '`articles/<id>.json`: the fields of `ArticleMeta`, then the text and what was read in it.',
  ),
);

// ---------------------------------------------------------------------------------------------------
// The relationship

const COLOR_MESSAGE = 'should be a colour written #rrggbb';
const color = v.pipe(
  v.string(COLOR_MESSAGE),
  v.regex(/^#[0-9a-fA-F]{6}$/, COLOR_MESSAGE),
  v.title('#rrggbb'),
);

export const PartySchema = v.pipe(
  record({
    id: field(nonEmptyText, 'Slug, e.g. `united-states`: lane and filter ids are built from it.'),
    name: field(nonEmptyText, 'Name as actors’ `country` gives it, e.g. `United States`.'),
    shortName: field(nonEmptyText, 'Short name for compact labels; defaults to `name`.'),
    adjective: field(nonEmptyText, 'e.g. `American`.'),
    adjectives: field(textList, 'Other adjectives the articles use for it.'),
    aliases: field(textList, 'Other names the articles use for it (official name, capital).'),
    color: field(color, 'Its colour on the light theme.'),
    colorDark: field(
      v.nullable(
        v.pipe(
          v.string(`${COLOR_MESSAGE}, or null`),
          v.regex(/^#[0-9a-fA-F]{6}$/, `${COLOR_MESSAGE}, or null`),
        ),
      ),
      'Its colour on the dark theme; null: `color` lightened.',
    ),
  }),
  v.title('Party'),
  v.description('One of the two countries of the relationship.'),
);

export const OtherCountrySchema = v.pipe(
  record({
    id: field(nonEmptyText, 'Slug.'),
    name: field(nonEmptyText, 'Name as actors’ `country` gives it.'),
    adjectives: field(textList, 'Adjectives the articles use for it.'),
    aliases: field(textList, 'Other names the articles use for it.'),
  }),
  v.title('OtherCountry'),
  v.description(
    'A country the articles name that is not one of the pair (besides the gazetteer’s).',
  ),
);

export const RelationshipSchema = v.pipe(
  record({
    version: field(v.literal(1, 'should be 1'), 'The format version of the relationship.'),
    title: field(nonEmptyText, 'e.g. `United States–China relations`: the header and tab title.'),
    parties: field(
      v.pipe(
        list(PartySchema),
        v.length(2, 'should name exactly two countries'),
        uniqueIds(),
        v.transform((p) => p as [(typeof p)[number], (typeof p)[number]]),
      ),
      'The two countries.',
    ),
    lanes: field(
      record({
        pair: field(nonEmptyText, 'Events of both countries; defaults to `<A>–<B>`.'),
        international: field(nonEmptyText, 'Events with other countries’ actors.'),
        termsOther: field(nonEmptyText, 'Terms of office of other countries’ actors.'),
      }),
      'Lane labels.',
    ),
    others: field(
      list(OtherCountrySchema),
      'Other countries the articles name (e.g. North Korea).',
    ),
  }),
  v.title('Relationship'),
  v.description(
    'The two countries and how the app presents them, from `seeds/relationship.json` with defaults filled in.',
  ),
);

// ---------------------------------------------------------------------------------------------------
// Actors

export const TermSchema = v.pipe(
  record({
    office: field(text, 'The office held.'),
    start: field(PartialDateSchema, 'Start of the term.'),
    end: field(v.nullable(PartialDateSchema), 'Null while in office or unknown.'),
    source: field(text, 'URL that supports this fact.'),
  }),
  endNotBeforeStart(),
  v.title('Term'),
  v.description('A term of office, from the actors file.'),
);

export const ActorSchema = v.pipe(
  record({
    id: field(nonEmptyText, 'Stable slug, e.g. `jane-doe`.'),
    name: field(nonEmptyText, 'Display name.'),
    country: field(text, 'Country (or `European Union`, `Unknown`).'),
    role: field(text, 'Role or title.'),
    aliases: field(textList, 'Other spellings of the name.'),
    terms: field(list(TermSchema), 'Terms of office; empty for detected actors.'),
    sources: field(textList, 'URLs supporting the facts; empty for detected actors.'),
    detected: field(
      flag,
      'True when the actor is not in the actors file but the text names them with a title.',
    ),
  }),
  v.title('Actor'),
  v.description('A person; sorted by id.'),
);

// ---------------------------------------------------------------------------------------------------
// Events

export const EventSourceSchema = v.pipe(
  record({
    articleId: field(text, 'The reporting article.'),
    quote: field(text, 'The supporting sentence, verbatim.'),
    offset: field(offset, 'Offset of the quote in the article body.'),
  }),
  v.title('EventSource'),
  v.description(
    'One per reporting article: `body.slice(offset, offset + quote.length) === quote`.',
  ),
);

export const EDIT_ACTIONS = ['set', 'merge', 'split'] as const;

export const EventEditSchema = v.pipe(
  record({
    action: field(
      oneOf(EDIT_ACTIONS),
      '`set`: fields changed; `merge`: another event folded in; `split`: a source split off.',
    ),
    changes: field(textList, 'What changed, in words, e.g. `title: “…” → “…”`.'),
    note: field(nonEmptyText, 'Why, as the editor wrote it in `corrections.json`.'),
  }),
  v.title('EventEdit'),
  v.description('A correction an editor applied to the event (`seeds/corrections.json`).'),
);

const eventCoreEntries = {
  id: field(nonEmptyText, 'Stable, readable, URL-safe id: re-running or adding articles keeps it.'),
  aliases: field(
    v.optional(list(text)),
    'Other ids the event was or could have been published under; each still opens it.',
  ),
  planned: field(optionalFlag, 'True when the text reports it as planned, not yet happened.'),
  title: field(nonEmptyText, 'Short headline-style title built from the text.'),
  kind: field(oneOf(EVENT_KIND_IDS), 'For display and filtering only.'),
  actors: field(textList, 'Actor ids, the main or acting one first.'),
  place: field(nullableText, 'Where it happened, as the text names it, or null.'),
  sources: field(list(EventSourceSchema), 'The reporting articles.'),
  edited: field(
    v.optional(list(EventEditSchema)),
    'Corrections applied by an editor, in file order; absent when none.',
  ),
};

export const DATE_KINDS = ['point', 'range', 'bounded'] as const;

export const TimelineEventSchema = v.pipe(
  record({
    ...eventCoreEntries,
    start: field(
      PartialDateSchema,
      'When it happened (`point`), began (`range`), or the earliest it can have happened (`bounded`).',
    ),
    end: field(
      v.optional(PartialDateSchema),
      'When it ended (`range`) or the latest it can have happened (`bounded`); required for both.',
    ),
    dateKind: field(
      oneOf(DATE_KINDS),
      '`point`: at `start`; `range`: lasted `start`–`end`; `bounded`: once, between `start` and `end`.',
    ),
    dateInferred: field(
      flag,
      'True when the date is derived (relative date, inferred publication date, bounds), not stated.',
    ),
    dateBasis: field(text, 'How the date was obtained, in words, naming where it came from.'),
  }),
  endNotBeforeStart(true),
  v.title('TimelineEvent'),
  v.description('A dated event; sorted by start, then id.'),
);

export const UndatedEventSchema = v.pipe(
  record({
    ...eventCoreEntries,
    reason: field(text, 'Why it has no date.'),
  }),
  v.title('UndatedEvent'),
  v.description('An event the text reports without a date it gives or implies; never on the axis.'),
);

export const ContextRangeSchema = v.pipe(
  record({
    id: field(nonEmptyText, '`era:<event id>` or `term:<actor id>[:n]`.'),
    kind: field(
      oneOf(['era', 'term'] as const),
      '`era`: a period taken from an event; `term`: a term of office from the actors file.',
    ),
    title: field(text, 'Label of the range.'),
    start: field(PartialDateSchema, 'When it began.'),
    end: field(v.nullable(PartialDateSchema), 'Null while it lasts.'),
    actorId: field(
      v.optional(v.string('should be a string when present')),
      'For terms: the actor.',
    ),
    eventId: field(
      v.optional(v.string('should be a string when present')),
      'For eras: the event it is taken from.',
    ),
    source: field(text, 'A URL (terms) or an article id (eras).'),
  }),
  endNotBeforeStart(),
  v.title('ContextRange'),
  v.description('A background range that is context, not an article event.'),
);

export const UnresolvedMentionSchema = v.pipe(
  record({
    articleId: field(text, 'The article.'),
    quote: field(text, 'The passage, verbatim.'),
    offset: field(offset, 'Offset of the quote in the article body.'),
    line: field(lineNumber, '1-based line in the file.'),
    reason: field(text, 'Why it could not be dated.'),
  }),
  v.title('UnresolvedMention'),
  v.description(
    'A passage that looks like an event but could not be dated: reported, never guessed.',
  ),
);

export const HiddenEventSchema = v.pipe(
  record({
    id: field(nonEmptyText, 'The id the event had: a link to it says it was hidden.'),
    aliases: field(v.optional(list(text)), 'Its other ids.'),
    title: field(text, 'Its title as the ingest built it.'),
    note: field(nonEmptyText, 'Why, as the editor wrote it.'),
  }),
  v.title('HiddenEvent'),
  v.description('An event an editor hid (`seeds/corrections.json`): not shown, but explained.'),
);

// ---------------------------------------------------------------------------------------------------
// The timeline, and the references between its lists

/** Every id an event, context or article names is listed in the timeline. */
function knownReferences<T>() {
  return v.rawCheck<T>(({ dataset, addIssue }) => {
    const root = dataset.value;
    if (!isObject(root)) return;
    const articleIds = idsOf(root.articles);
    const actorIds = idsOf(root.actors);
    const eventIds = new Set([...idsOf(root.events), ...idsOf(root.undated)]);
    arrayOf(root.hidden).forEach((h, i) => {
      if (isObject(h) && typeof h.id === 'string' && eventIds.has(h.id))
        issueAt(addIssue, root, ['hidden', i, 'id'], `is also a shown event “${h.id}”`);
    });
    for (const list of ['events', 'undated'] as const)
      arrayOf(root[list]).forEach((e, i) => {
        if (!isObject(e)) return;
        for (const actor of arrayOf(e.actors))
          if (typeof actor === 'string' && !actorIds.has(actor))
            issueAt(addIssue, root, [list, i, 'actors'], `names unknown actor “${actor}”`);
        arrayOf(e.sources).forEach((s, j) => {
          if (isObject(s) && typeof s.articleId === 'string' && !articleIds.has(s.articleId))
            issueAt(
              addIssue,
              root,
              [list, i, 'sources', j, 'articleId'],
              `names unknown article “${s.articleId}”`,
            );
        });
      });
    arrayOf(root.articles).forEach((a, i) => {
      if (!isObject(a)) return;
      for (const id of arrayOf(a.eventIds))
        if (typeof id === 'string' && !eventIds.has(id))
          issueAt(addIssue, root, ['articles', i, 'eventIds'], `names unknown event “${id}”`);
      const from = isObject(a.publishedBasis) ? a.publishedBasis.fromArticleId : undefined;
      if (typeof from === 'string' && !articleIds.has(from))
        issueAt(
          addIssue,
          root,
          ['articles', i, 'publishedBasis', 'fromArticleId'],
          `names unknown article “${from}”`,
        );
    });
    arrayOf(root.contexts).forEach((c, i) => {
      if (!isObject(c)) return;
      if (typeof c.actorId === 'string' && !actorIds.has(c.actorId))
        issueAt(addIssue, root, ['contexts', i, 'actorId'], `names unknown actor “${c.actorId}”`);
      if (typeof c.eventId === 'string' && !eventIds.has(c.eventId))
        issueAt(addIssue, root, ['contexts', i, 'eventId'], `names unknown event “${c.eventId}”`);
    });
  });
}

const uniqueList = <T extends v.GenericSchema>(item: T) => v.pipe(list(item), uniqueIds());

export const TimelineDataSchema = v.pipe(
  record({
    version: field(
      v.literal(DATA_FORMAT_VERSION, `should be ${DATA_FORMAT_VERSION}`),
      'The format version.',
    ),
    relationship: field(RelationshipSchema, 'The two countries and how the app presents them.'),
    articles: field(uniqueList(ArticleMetaSchema), 'Every article, sorted by id.'),
    actors: field(
      uniqueList(ActorSchema),
      'The actors file’s actors, plus persons the text names with a title who take part in an event.',
    ),
    events: field(uniqueList(TimelineEventSchema), 'Dated events, sorted by start then id.'),
    undated: field(
      v.optional(uniqueList(UndatedEventSchema), () => []),
      'Events without a date, sorted by id.',
    ),
    hidden: field(
      v.optional(uniqueList(HiddenEventSchema)),
      'Events an editor hid, sorted by id; absent when none.',
    ),
    contexts: field(list(ContextRangeSchema), 'Eras from period events and terms of office.'),
    unresolved: field(
      v.optional(list(UnresolvedMentionSchema), () => []),
      'Passages that could not be dated, by article and offset.',
    ),
  }),
  knownReferences(),
  v.title('TimelineData'),
  v.description(
    '`timeline.json`: everything the timeline shows. No timestamp: output is reproducible.',
  ),
);
