/**
 * Deterministic synthetic news corpus for the benchmark (issue 5).
 *
 * Writes N articles in the two seed shapes into a seeds folder:
 *   - dated:   first line ` date YYYY-MM-DD Title`, then the body;
 *   - undated: a title line, then a lead opening with `(Outlet)`, no date anywhere.
 * Sentences name the actors of seeds/actors.json (or a built-in list of the same leaders) and carry
 * dated events ("on June 4", "on Tuesday", "last December", "in March 2019", "from 1910 to 1945")
 * spread over 1910–2025 and bunched like real news (most in the last two years), about five per
 * article. Article i depends only on (seed, i): the first k articles of a corpus are the same
 * whatever N is.
 *
 * THE TEXT IS SYNTHETIC. It reads like news but describes made-up meetings; it exists only to load
 * the ingest and the browser. It is never committed (bench/.work/ is ignored).
 *
 * Besides the seeds folder it returns (and the CLI writes, with --truth) the events it planted, in
 * the shape of `TimelineData`, so the peers can still be measured while the real ingest is missing.
 *
 * CLI: npx tsx bench/generate-corpus.ts --articles 1000 --out bench/.work/corpus [--seed 1] [--truth file]
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MONTH_NAMES, WEEKDAY_NAMES } from '../src/lib/partial-date.ts';
import { readRelationshipFile } from '../src/ingest/relationship-file.ts';
import type {
  Actor,
  ArticleMeta,
  EventKind,
  PartialDate,
  TimelineData,
  TimelineEvent,
} from '../src/lib/timeline-data.ts';

// ---------- PRNG ----------

/** 32-bit string hash (FNV-1a), for seeding and ids. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: small, fast, good enough for test data. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  constructor(readonly next: () => number) {}
  int(min: number, maxInclusive: number): number {
    return min + Math.floor(this.next() * (maxInclusive - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

// ---------- actors ----------

export interface CorpusActor {
  id: string;
  name: string;
  country: string;
  /** e.g. "South Korean President Lee Jae-myung" */
  full: string;
  /** e.g. "President Lee" */
  short: string;
  /** e.g. "Lee" */
  surname: string;
  /** Years in which the actor plausibly acts in the news (used to place their events). */
  from: number;
  to: number;
}

interface KnownActor {
  name: string;
  country: string;
  title: string;
  shortTitle: string;
  surname: string;
  from: number;
  to: number;
}

const KNOWN: KnownActor[] = [
  {
    name: 'Lee Jae-myung',
    country: 'South Korea',
    title: 'South Korean President',
    shortTitle: 'President',
    surname: 'Lee',
    from: 2010,
    to: 2025,
  },
  {
    name: 'Yoon Suk Yeol',
    country: 'South Korea',
    title: 'South Korean President',
    shortTitle: 'President',
    surname: 'Yoon',
    from: 2019,
    to: 2025,
  },
  {
    name: 'Shigeru Ishiba',
    country: 'Japan',
    title: 'Japanese Prime Minister',
    shortTitle: 'Prime Minister',
    surname: 'Ishiba',
    from: 2008,
    to: 2025,
  },
  {
    name: 'Fumio Kishida',
    country: 'Japan',
    title: 'Japanese Prime Minister',
    shortTitle: 'Prime Minister',
    surname: 'Kishida',
    from: 2012,
    to: 2024,
  },
  {
    name: 'Mark Carney',
    country: 'Canada',
    title: 'Canadian Prime Minister',
    shortTitle: 'Prime Minister',
    surname: 'Carney',
    from: 2013,
    to: 2025,
  },
  {
    name: 'Ursula von der Leyen',
    country: 'European Union',
    title: 'European Commission President',
    shortTitle: 'Commission President',
    surname: 'von der Leyen',
    from: 2019,
    to: 2025,
  },
  {
    name: 'Antonio Costa',
    country: 'European Union',
    title: 'European Council President',
    shortTitle: 'Council President',
    surname: 'Costa',
    from: 2015,
    to: 2025,
  },
];

const DEMONYM: Record<string, string> = {
  'South Korea': 'South Korean',
  Japan: 'Japanese',
  Canada: 'Canadian',
  'United States': 'U.S.',
  China: 'Chinese',
  'North Korea': 'North Korean',
  Australia: 'Australian',
};

function slug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function toCorpusActor(k: KnownActor): CorpusActor {
  return {
    id: slug(k.name),
    name: k.name,
    country: k.country,
    full: `${k.title} ${k.name}`,
    short: `${k.shortTitle} ${k.surname}`,
    surname: k.surname,
    from: k.from,
    to: k.to,
  };
}

/**
 * Actors from a seeds/actors.json when present (read defensively: an array, or `{ actors: [...] }`,
 * of objects with at least `name`), else the built-in list of the seed articles' leaders.
 */
export function loadActors(actorsFile: string | undefined): CorpusActor[] {
  if (!actorsFile || !existsSync(actorsFile)) return KNOWN.map(toCorpusActor);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(actorsFile, 'utf8'));
  } catch {
    return KNOWN.map(toCorpusActor);
  }
  const list: unknown[] = Array.isArray(raw)
    ? raw
    : raw && typeof raw === 'object' && Array.isArray((raw as { actors?: unknown }).actors)
      ? (raw as { actors: unknown[] }).actors
      : [];
  const out: CorpusActor[] = [];
  for (const item of list) {
    if (!item || typeof item !== 'object') continue;
    const rec = item as Record<string, unknown>;
    const name = typeof rec.name === 'string' ? rec.name : undefined;
    if (!name) continue;
    const role = typeof rec.role === 'string' && rec.role ? rec.role : 'Leader';
    const country = typeof rec.country === 'string' ? rec.country : 'Unknown';
    const surname =
      typeof rec.familyName === 'string' ? rec.familyName : (name.split(' ').at(-1) ?? name);
    // "President of South Korea" → "South Korean President"; "President of the X" → "X President".
    const m = role.match(/^(.*?) of (?:the )?(.*)$/);
    const office = m ? m[1]! : role;
    const title = m ? `${DEMONYM[m[2]!] ?? m[2]} ${office}` : role;
    const years = Array.isArray(rec.terms)
      ? (rec.terms as Array<Record<string, unknown>>).flatMap((t) => [
          typeof t.start === 'string' ? Number(t.start.slice(0, 4)) : NaN,
          typeof t.end === 'string' ? Number(t.end.slice(0, 4)) : 2025,
        ])
      : [];
    const valid = years.filter((y) => Number.isFinite(y));
    out.push({
      id: typeof rec.id === 'string' ? rec.id : slug(name),
      name,
      country,
      full: `${title} ${name}`,
      short: `${office} ${surname}`,
      surname,
      // Active in the news from some years before their first term to the end of the last.
      from: valid.length ? Math.min(...valid) - 8 : 2015,
      to: valid.length ? Math.max(...valid) : 2025,
    });
  }
  return out.length >= 2 ? out : KNOWN.map(toCorpusActor);
}

// ---------- dates ----------

const MONTHS = MONTH_NAMES;
const WEEKDAYS = WEEKDAY_NAMES;

/** The latest date the corpus uses: nothing is dated after it. */
const LAST_DAY = Date.UTC(2025, 10, 30);
const DAY = 86_400_000;

function ymd(t: number): string {
  return new Date(t).toISOString().slice(0, 10);
}
function partsOf(t: number): { y: number; m: number; d: number; wd: number } {
  const dt = new Date(t);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth(), d: dt.getUTCDate(), wd: dt.getUTCDay() };
}

/**
 * A publication date bunched like real news: three quarters in the last two years,
 * the rest thinning out back to 2005.
 */
function publicationDate(r: Rng): number {
  const u = r.next();
  let daysAgo: number;
  if (u < 0.75) daysAgo = r.int(0, 700);
  else daysAgo = r.int(700, 7300);
  return LAST_DAY - daysAgo * DAY;
}

interface DatePhrase {
  text: string;
  start: PartialDate;
  end?: PartialDate;
}

/** A date phrase for an event on day `t`, relative to publication day `pub` when the article is dated. */
function dayPhrase(r: Rng, t: number, pub: number | null): DatePhrase {
  const p = partsOf(t);
  const start = ymd(t);
  if (pub !== null) {
    const q = partsOf(pub);
    const ago = Math.round((pub - t) / DAY);
    if (ago >= 1 && ago <= 6 && r.chance(0.7)) return { text: `on ${WEEKDAYS[p.wd]}`, start };
    if (p.y === q.y && t < pub && r.chance(0.8)) return { text: `on ${MONTHS[p.m]} ${p.d}`, start };
  }
  return { text: `on ${MONTHS[p.m]} ${p.d}, ${p.y}`, start };
}

function monthPhrase(r: Rng, t: number, pub: number | null): DatePhrase {
  const p = partsOf(t);
  const start = `${p.y}-${String(p.m + 1).padStart(2, '0')}`;
  if (pub !== null) {
    const q = partsOf(pub);
    // "last December" in June 2025 is 2024-12: only used where it cannot be misread.
    if (p.y === q.y - 1 && p.m > q.m && r.chance(0.8))
      return { text: `last ${MONTHS[p.m]}`, start };
  }
  return { text: `in ${MONTHS[p.m]} ${p.y}`, start };
}

// ---------- text ----------

const PLACES = [
  'Seoul',
  'Tokyo',
  'Busan',
  'Osaka',
  'Hiroshima',
  'Gyeongju',
  'Ottawa',
  'Brussels',
  'Kananaskis, Alberta',
  'Washington',
  'New York',
  'Geneva',
  'Jakarta',
  'Hanoi',
  'Lima',
  'Madrid',
  'The Hague',
  'Singapore',
  'Canberra',
  'Vientiane',
  'Incheon',
  'Daegu',
  'Gwangju',
  'Jeju',
  'Kyoto',
  'Nagoya',
  'Fukuoka',
  'Sapporo',
  'Yokohama',
  'Kobe',
  'Toronto',
  'Vancouver',
  'Montreal',
  'Paris',
  'Berlin',
  'Rome',
  'London',
  'Lisbon',
  'Warsaw',
  'Vienna',
  'Stockholm',
  'Copenhagen',
  'Bangkok',
  'Manila',
  'Kuala Lumpur',
  'New Delhi',
  'Ulaanbaatar',
  'Honolulu',
  'San Francisco',
  'Mexico City',
  'Santiago',
  'Buenos Aires',
  'Nairobi',
  'Cairo',
  'Riyadh',
  'Doha',
  'Abu Dhabi',
  'Istanbul',
  'Wellington',
  'Auckland',
];

const TOPICS = [
  'trilateral security cooperation with the United States',
  'supply chains for semiconductors',
  'North Korea’s missile launches',
  'energy security and liquefied natural gas',
  'climate change and carbon markets',
  'artificial intelligence safety',
  'the arms industry and defence procurement',
  'youth exchanges and visa rules',
  'fisheries in the East Sea',
  'critical minerals',
  'trade tariffs and export controls',
  'the release of treated water from Fukushima',
  'compensation for wartime forced labour',
  'a free trade agreement',
  'disaster relief coordination',
];

const OUTLETS = [
  'MENAFN',
  'Asia Wire',
  'Korea Daily Report',
  'Pacific Ledger',
  'Northeast Monitor',
  'Global Desk',
];

const SUMMITS = [
  'the Group of Seven (G7) summit',
  'the APEC leaders’ meeting',
  'the G20 summit',
  'the NATO summit',
  'the ASEAN Regional Forum',
  'a trilateral summit',
];

const FILLERS = [
  'Analysts said the tone of the discussions was noticeably warmer than in previous years.',
  'Officials did not release a joint statement, but both sides described the exchange as constructive.',
  'The talks come as both governments face pressure at home over rising prices.',
  'Opposition lawmakers criticised the government for moving too quickly.',
  'Business groups welcomed the move, saying it would ease uncertainty for exporters.',
  'Diplomats cautioned that disputes over history remain unresolved.',
  'Civic groups staged a small protest outside the venue.',
  'A senior official, speaking on condition of anonymity, said more meetings would follow.',
  'Markets reacted calmly to the news.',
  'The foreign ministry said it would brief reporters in the coming days.',
  'Public opinion surveys show support for closer ties has grown among younger voters.',
  'Both sides agreed to keep working-level channels open.',
];

const HEAD_VERBS = [
  'Leaders Pledge Closer Ties on',
  'Agree to Deepen Cooperation on',
  'Hold Talks on',
  'Seek Common Ground on',
  'Vow Joint Action on',
];

const HEAD_TOPICS = [
  'Security',
  'Chip Supply Chains',
  'North Korea',
  'Energy',
  'Climate',
  'Artificial Intelligence',
  'Defence',
  'Trade',
  'History Disputes',
  'Critical Minerals',
];

const HEADLINES = [
  'Exporters brace for new tariff round as talks stall',
  'Regional forum opens with calls for restraint',
  'Central bank holds rates steady amid currency swings',
  'Tech firms pledge investment in chip packaging plants',
  'Heavy rain disrupts rail services across the south',
  'Students rally for climate action in the capital',
];

interface PlannedEvent {
  kind: EventKind;
  actors: CorpusActor[];
  place: string | null;
  date: DatePhrase;
  sentence: string;
  title: string;
}

function pickTwo(r: Rng, actors: CorpusActor[], year: number): [CorpusActor, CorpusActor] {
  const active = actors.filter((a) => a.from <= year && year <= a.to);
  const pool = active.length >= 2 ? active : actors;
  const a = r.pick(pool);
  // Leaders meet leaders of other countries; fall back to anyone else when only one country is left.
  const others = pool.filter((x) => x.country !== a.country);
  const rest = others.length > 0 ? others : actors.filter((x) => x.id !== a.id);
  const b = rest.length > 0 ? r.pick(rest) : a;
  return [a, b];
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A recent, actor-bearing event near the publication date (or anywhere recent when undated). */
function newsEvent(
  r: Rng,
  actors: CorpusActor[],
  pub: number | null,
  first: boolean,
): PlannedEvent {
  const base = pub ?? LAST_DAY - r.int(0, 900) * DAY;
  const ago = r.chance(0.5) ? r.int(1, 6) : r.int(7, 330);
  const t = base - ago * DAY;
  const year = partsOf(t).y;
  const [a, b] = pickTwo(r, actors, year);
  const place = r.pick(PLACES);
  const topic = r.pick(TOPICS);
  const monthOnly = r.chance(0.15);
  const date = monthOnly ? monthPhrase(r, t, pub) : dayPhrase(r, t, pub);
  const A = first ? a.full : r.chance(0.5) ? a.short : a.full;
  const B = b.full;
  const variant = r.int(0, 7);
  let kind: EventKind;
  let sentence: string;
  let title: string;
  switch (variant) {
    case 0:
      kind = 'meeting';
      sentence = `${A} met ${B} in ${place} ${date.text}, and the two agreed to deepen cooperation on ${topic}.`;
      title = `${a.surname} and ${b.surname} meet in ${place}`;
      break;
    case 1:
      kind = 'meeting';
      sentence = `${cap(date.text)}, ${A} held talks with ${B} in ${place}, focusing on ${topic}.`;
      title = `${a.surname} holds talks with ${b.surname}`;
      break;
    case 2:
      kind = 'meeting';
      sentence = `${A} and ${B} met on the sidelines of ${r.pick(SUMMITS)} in ${place} ${date.text}.`;
      title = `${a.surname} and ${b.surname} meet at summit in ${place}`;
      break;
    case 3:
      kind = 'meeting';
      sentence = `${A} spoke by phone with ${B} ${date.text} about ${topic}.`;
      title = `${a.surname} and ${b.surname} speak by phone`;
      break;
    case 4:
      kind = 'agreement';
      sentence = `${A} and ${B} signed a memorandum on ${topic} at a summit in ${place} ${date.text}.`;
      title = `${a.surname} and ${b.surname} sign memorandum at summit`;
      break;
    case 5:
      kind = 'meeting';
      sentence = `${A} travelled to ${place} ${date.text} for a meeting with ${B} on ${topic}.`;
      title = `${a.surname} travels to ${place} to meet ${b.surname}`;
      break;
    case 6:
      kind = 'meeting';
      sentence = `${A} hosted ${B} for talks over a working dinner in ${place} ${date.text}, where they discussed ${topic}.`;
      title = `${a.surname} hosts ${b.surname} for talks in ${place}`;
      break;
    default:
      kind = 'meeting';
      sentence = `${A} held a phone call with ${B} ${date.text}, a week after tensions flared over ${topic}.`;
      title = `${a.surname} and ${b.surname} hold phone call`;
  }
  return { kind, actors: [a, b], place, date, sentence, title };
}

/** An older background event: absolute date, often one actor, sometimes none. */
function backgroundEvent(r: Rng, actors: CorpusActor[]): PlannedEvent {
  const u = r.next();
  // 60 %: 2005–2023, 25 %: 1960–2004, 15 %: 1910–1959.
  const year = u < 0.6 ? r.int(2005, 2023) : u < 0.85 ? r.int(1960, 2004) : r.int(1910, 1959);
  const t = Date.UTC(year, r.int(0, 11), r.int(1, 28));
  const p = partsOf(t);
  const place = r.pick(PLACES);
  const precision = r.next();
  let date: DatePhrase;
  if (precision < 0.35) date = { text: `in ${p.y}`, start: String(p.y) };
  else if (precision < 0.75) date = monthPhrase(r, t, null);
  else date = dayPhrase(r, t, null);

  const topic = r.pick(TOPICS);
  const u2 = r.next();
  if (u2 < 0.1) {
    // Many articles recall the same history: these merge into one event with many sources.
    return {
      kind: 'period',
      actors: [],
      place: null,
      date: { text: 'from 1910 to 1945', start: '1910', end: '1945' },
      sentence: `Relations between the two countries have long been shaped by Japan’s colonial rule over the Korean Peninsula from 1910 to 1945.`,
      title: `Japan's colonial rule over the Korean Peninsula`,
    };
  }
  if (u2 < 0.15) {
    const from = r.int(1946, 2015);
    const to = Math.min(from + r.int(2, 12), 2024);
    return {
      kind: 'relations',
      actors: [],
      place: null,
      date: { text: `from ${from} to ${to}`, start: String(from), end: String(to) },
      sentence: `Relations between Seoul and Tokyo remained strained from ${from} to ${to}, according to historians.`,
      title: `Relations between Seoul and Tokyo strained`,
    };
  }
  // Two people meet: leaders of the actors file when two of different countries were active that
  // year, else (fictional) foreign ministers of the two countries.
  const active = actors.filter((x) => x.from <= year && year <= x.to);
  let a: CorpusActor;
  let b: CorpusActor;
  if (new Set(active.map((x) => x.country)).size >= 2 && r.chance(0.6)) {
    [a, b] = pickTwo(r, actors, year);
  } else {
    const era = Math.floor((year - 1900) / 10);
    a = minister(r, 'ko', era);
    b = minister(r, 'ja', era);
    if (r.chance(0.5)) [a, b] = [b, a];
  }
  const templates: Array<[EventKind, string, string]> = [
    [
      'meeting',
      `${cap(a.full)} met ${b.full} in ${place} ${date.text} to discuss the return of cultural artefacts.`,
      `${a.surname} and ${b.surname} meet on cultural artefacts`,
    ],
    [
      'meeting',
      `${cap(a.full)} held talks with ${b.full} in ${place} ${date.text} on ${topic}.`,
      `${a.surname} holds talks with ${b.surname} in ${place}`,
    ],
    [
      'meeting',
      `${cap(a.full)} and ${b.full} met at a regional summit in ${place} ${date.text}, though a proposed framework on ${topic} stalled for years.`,
      `${a.surname} and ${b.surname} meet at regional summit`,
    ],
    [
      'meeting',
      `${cap(a.full)} first raised ${topic} in talks with ${b.full} in ${place} ${date.text}.`,
      `${a.surname} raises issue in talks with ${b.surname}`,
    ],
  ];
  const [kind, sentence, title] = r.pick(templates);
  return { kind, actors: [a, b], place, date, sentence, title };
}

const KO_FAMILY = ['Kim', 'Park', 'Choi', 'Jung', 'Kang', 'Han', 'Yoo', 'Shin'];
const KO_GIVEN = ['Do-hyun', 'Min-jae', 'Sung-ho', 'Young-soo', 'Jae-won', 'Hyun-woo'];
const JA_FAMILY = ['Sato', 'Tanaka', 'Watanabe', 'Mori', 'Okada', 'Hayashi', 'Ueda', 'Kato'];
const JA_GIVEN = ['Kenji', 'Hiroshi', 'Takeshi', 'Masato', 'Ichiro', 'Yoshio'];

/**
 * A fictional foreign minister of South Korea ('ko') or Japan ('ja') for a decade: two per country
 * and decade, so the leader filter gains a realistic, bounded number of detected people.
 */
function minister(r: Rng, country: 'ko' | 'ja', era: number): CorpusActor {
  const k = r.int(0, 1);
  const h = hash32(`${country}:${era}:${k}`);
  const fam = country === 'ko' ? KO_FAMILY : JA_FAMILY;
  const giv = country === 'ko' ? KO_GIVEN : JA_GIVEN;
  const family = fam[h % fam.length]!;
  const given = giv[(h >>> 8) % giv.length]!;
  const name = country === 'ko' ? `${family} ${given}` : `${given} ${family}`;
  const title = country === 'ko' ? 'South Korean Foreign Minister' : 'Japanese Foreign Minister';
  return {
    id: slug(name),
    name,
    country: country === 'ko' ? 'South Korea' : 'Japan',
    full: `${title} ${name}`,
    short: `Foreign Minister ${family}`,
    surname: family,
    from: 1900 + era * 10,
    to: 1909 + era * 10,
  };
}

export interface GeneratedArticle {
  id: string;
  file: string;
  text: string;
  title: string;
  published: string | null;
  source: string | null;
  events: Array<PlannedEvent & { offset: number }>;
}

/** Article i of the corpus with the given seed: a pure function of (seed, i, actors). */
export function generateArticle(
  seed: number,
  index: number,
  actors: CorpusActor[],
): GeneratedArticle {
  const r = new Rng(mulberry32(hash32(`ties-bench:${seed}:${index}`)));
  const dated = r.chance(0.6);
  const pub = publicationDate(r);
  const pubForText = dated ? pub : null;

  const events: PlannedEvent[] = [];
  const nNews = r.chance(0.5) ? 3 : r.chance(0.5) ? 2 : 4;
  for (let i = 0; i < nNews; i++) events.push(newsEvent(r, actors, pubForText, i === 0));
  while (events.length < 5) events.push(backgroundEvent(r, actors));
  if (r.chance(0.2)) events.push(backgroundEvent(r, actors));

  const lead = events[0];
  if (!lead) throw new Error('no lead event');
  const [la, lb] = lead.actors;
  const headline = `${la?.country ?? 'South Korea'} and ${lb?.country ?? 'Japan'} ${r.pick(HEAD_VERBS)} ${r.pick(HEAD_TOPICS)}`;
  const outlet = r.pick(OUTLETS);

  const lines: string[] = [];
  if (dated) lines.push(` date ${ymd(pub)} ${headline}`);
  else {
    lines.push(headline);
    lines.push(
      `(${outlet}) ${la?.country ?? 'South Korea'} and ${lb?.country ?? 'Japan'} have committed to closer cooperation, according to local reports on ${r.pick(WEEKDAYS)}.`,
    );
  }
  // The body: event sentences interleaved with undated filler, two or three sentences per paragraph.
  const sentences: Array<{ text: string; event?: PlannedEvent }> = [];
  for (const e of events) {
    sentences.push({ text: e.sentence, event: e });
    if (r.chance(0.6)) sentences.push({ text: r.pick(FILLERS) });
  }
  if (r.chance(0.5)) {
    sentences.push({
      text: `"We will keep working together for the benefit of our region," ${lead.actors[0]?.short ?? 'an official'} told reporters.`,
    });
  }
  const placed: Array<PlannedEvent & { offset: number }> = [];
  let text = lines.join('\n') + '\n';
  let para: string[] = [];
  const flush = () => {
    if (para.length) text += para.join(' ') + '\n';
    para = [];
  };
  for (const s of sentences) {
    const offsetInText = text.length + (para.length ? para.join(' ').length + 1 : 0);
    para.push(s.text);
    if (s.event) placed.push({ ...s.event, offset: offsetInText });
    if (para.length >= 2 && r.chance(0.6)) flush();
  }
  flush();
  if (!dated && r.chance(0.5)) text += '(With inputs from agencies.)\n';
  if (r.chance(0.3)) {
    text += 'ALSO READ\n';
    const n = r.int(2, 4);
    const start = r.int(0, HEADLINES.length - 1);
    for (let i = 0; i < n; i++) text += HEADLINES[(start + i) % HEADLINES.length] + '\n';
  }
  const hex = (hash32(`a:${seed}:${index}`).toString(16).padStart(8, '0') +
    hash32(`b:${seed}:${index}`).toString(16).padStart(8, '0')) as string;
  const id = `${String(index).padStart(6, '0')}_${hex}`;
  for (const e of placed) {
    if (text.slice(e.offset, e.offset + e.sentence.length) !== e.sentence) {
      throw new Error(`offset bookkeeping broke in article ${id}`);
    }
  }
  return {
    id,
    file: `${id}.txt`,
    text,
    title: headline,
    published: dated ? ymd(pub) : null,
    source: dated ? null : outlet,
    events: placed,
  };
}

export interface CorpusOptions {
  articles: number;
  outDir: string;
  seed?: number;
  /** seeds/actors.json to copy and take names from; skipped when missing. */
  actorsFile?: string;
}

export interface CorpusResult {
  articles: number;
  plantedEvents: number;
  bytes: number;
  /** The planted events as TimelineData: a stand-in for the peers while the real ingest is absent. */
  truth: TimelineData;
  /** A few undated filler-free body sentences, to check that bodies stay out of the initial JS. */
  bodyProbes: string[];
}

export function generateCorpus(opts: CorpusOptions): CorpusResult {
  const seed = opts.seed ?? 1;
  const actors = loadActors(opts.actorsFile);
  rmSync(opts.outDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  mkdirSync(opts.outDir, { recursive: true });
  if (opts.actorsFile && existsSync(opts.actorsFile)) {
    copyFileSync(opts.actorsFile, join(opts.outDir, 'actors.json'));
  }
  // The corpus tells of the project's relationship: its relationship file goes with it.
  const relationshipFile = resolve(
    dirname(fileURLToPath(import.meta.url)),
    '../seeds/relationship.json',
  );
  copyFileSync(relationshipFile, join(opts.outDir, 'relationship.json'));
  const relationship = readRelationshipFile(
    'relationship.json',
    readFileSync(relationshipFile, 'utf8'),
  ).relationship;
  if (!relationship) throw new Error(`${relationshipFile} is invalid: run the ingest to see why`);
  const articles: ArticleMeta[] = [];
  const events: TimelineEvent[] = [];
  const bodyProbes: string[] = [];
  let bytes = 0;
  for (let i = 0; i < opts.articles; i++) {
    const a = generateArticle(seed, i, actors);
    writeFileSync(join(opts.outDir, a.file), a.text);
    bytes += Buffer.byteLength(a.text);
    const eventIds: string[] = [];
    a.events.forEach((e, k) => {
      const id = `planted-${i}-${k}`;
      eventIds.push(id);
      events.push({
        id,
        title: e.title,
        kind: e.kind,
        start: e.date.start,
        ...(e.date.end ? { end: e.date.end } : {}),
        dateKind: e.date.end ? 'range' : 'point',
        dateInferred: false,
        dateBasis: 'planted by bench/generate-corpus.ts',
        actors: e.actors.map((x) => x.id),
        place: e.place,
        sources: [{ articleId: a.id, quote: e.sentence, offset: e.offset }],
      });
    });
    if (i < 3) {
      const probe = a.events.at(-1)?.sentence;
      if (probe) bodyProbes.push(probe);
    }
    articles.push({
      id: a.id,
      file: a.file,
      title: a.title,
      published: a.published,
      publishedBasis: a.published
        ? { kind: 'stated', note: 'date line (line 1)' }
        : { kind: 'unknown', note: 'synthetic undated article' },
      source: a.source,
      eventIds,
    });
  }
  const truthActors: Actor[] = actors.map((a) => ({
    id: a.id,
    name: a.name,
    country: a.country,
    role: a.full.slice(0, a.full.length - a.name.length).trim(),
    aliases: [],
    terms: [],
    sources: [],
    detected: false,
  }));
  return {
    articles: opts.articles,
    plantedEvents: events.length,
    bytes,
    truth: {
      version: 1,
      relationship,
      articles,
      actors: truthActors,
      events,
      undated: [],
      contexts: [],
      unresolved: [],
    },
    bodyProbes,
  };
}

// ---------- CLI ----------

function argValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const articles = Number(argValue(args, '--articles') ?? 200);
  const out = argValue(args, '--out') ?? 'bench/.work/corpus';
  const seed = Number(argValue(args, '--seed') ?? 1);
  const truthFile = argValue(args, '--truth');
  const res = generateCorpus({ articles, outDir: out, seed, actorsFile: 'seeds/actors.json' });
  if (truthFile) writeFileSync(truthFile, JSON.stringify(res.truth));
  console.log(
    `wrote ${res.articles} articles (${(res.bytes / 1024).toFixed(0)} KiB, ${res.plantedEvents} planted events) to ${out}`,
  );
}
