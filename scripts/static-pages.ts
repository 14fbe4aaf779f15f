/**
 * The two static pages the build ships beside the app (written by scripts/vite-plugin-static-pages.ts):
 *
 * - `chronology.html`: the whole chronology as plain HTML, for places that strip iframes or
 *   scripts. Events grouped by year, each with its date at the precision the data has, its title
 *   and its sources (headline, outlet, publication date, the supporting sentence). No script.
 * - `embed.html`: how to embed the app, with a copy-paste snippet and the framing setting of this
 *   build.
 *
 * Everything that comes from the data or the build flags is escaped: it is text, never markup.
 */
import { eventDateLabel, sortEvents } from '../src/lib/event-dates.ts';
import { formatPartialDate } from '../src/lib/partial-date.ts';
import { cspPolicy } from './vite-plugin-csp.ts';
import type {
  ArticleMeta,
  TimelineData,
  TimelineEvent,
  UndatedEvent,
} from '../src/lib/timeline-data.ts';

/** Escapes text for an HTML text node or a double- or single-quoted attribute value. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const STYLESHEET = 'static-pages.css';

function page(title: string, body: string, scripts: readonly string[] = []): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <meta http-equiv="Content-Security-Policy" content="${cspPolicy('meta')}" />
    <meta name="viewport" content="width=device-width, initial-scale=1.0" />
    <meta name="color-scheme" content="light dark" />
    <link rel="icon" type="image/svg+xml" href="./favicon.svg" />
    <link rel="stylesheet" href="./${STYLESHEET}" />
    <title>${escapeHtml(title)}</title>
${scripts.map((src) => `    <script src="./${escapeHtml(src)}" defer></script>\n`).join('')}  </head>
  <body>
${body}
  </body>
</html>
`;
}

function articleLine(article: ArticleMeta | undefined, articleId: string): string {
  if (!article) return `<cite>${escapeHtml(articleId)}</cite>`;
  const outlet = article.source ?? 'unknown outlet';
  const date = article.published
    ? `${formatPartialDate(article.published)}${article.publishedBasis.kind === 'inferred' ? ' (date inferred)' : ''}`
    : 'undated';
  return `<cite>${escapeHtml(article.title)}</cite> — ${escapeHtml(outlet)}, ${escapeHtml(date)}`;
}

function eventItem(
  event: TimelineEvent | UndatedEvent,
  date: string,
  articles: ReadonlyMap<string, ArticleMeta>,
): string {
  const sources = event.sources
    .map(
      (s) => `          <li>
            <blockquote>${escapeHtml(s.quote)}</blockquote>
            <p class="source">${articleLine(articles.get(s.articleId), s.articleId)}</p>
          </li>`,
    )
    .join('\n');
  const link = `./?event=${encodeURIComponent(event.id)}`;
  return `      <li class="event" id="${escapeHtml(event.id)}">
        <p class="date">${date}</p>
        <h3><a href="${escapeHtml(link)}">${escapeHtml(event.title)}</a>${event.planned ? ' <span class="note">(planned)</span>' : ''}</h3>
        <ul class="sources" aria-label="Sources">
${sources}
        </ul>
      </li>`;
}

function datedLabel(event: TimelineEvent): string {
  const label = `<time datetime="${escapeHtml(event.start)}">${escapeHtml(eventDateLabel(event))}</time>`;
  return event.dateInferred
    ? `${label} <span class="note">(worked out: ${escapeHtml(event.dateBasis)})</span>`
    : label;
}

/** The chronology as a plain HTML page: events by year, each with its sources. */
export function chronologyHtml(data: TimelineData): string {
  const articles = new Map(data.articles.map((a) => [a.id, a]));
  const years = new Map<string, TimelineEvent[]>();
  for (const event of sortEvents(data.events)) {
    const year = event.start.slice(0, 4);
    const list = years.get(year) ?? [];
    list.push(event);
    years.set(year, list);
  }
  const sections = [...years].map(
    ([year, events]) => `    <section aria-labelledby="y${escapeHtml(year)}">
      <h2 id="y${escapeHtml(year)}">${escapeHtml(String(Number(year)))}</h2>
      <ol class="events">
${events.map((e) => eventItem(e, datedLabel(e), articles)).join('\n')}
      </ol>
    </section>`,
  );
  const undated = data.undated ?? [];
  if (undated.length > 0) {
    sections.push(`    <section aria-labelledby="undated">
      <h2 id="undated">Undated</h2>
      <p>Events the articles report without a date they give or imply.</p>
      <ol class="events">
${undated.map((e) => eventItem(e, `<span class="note">no date: ${escapeHtml(e.reason)}</span>`, articles)).join('\n')}
      </ol>
    </section>`);
  }
  const n = data.events.length;
  const m = data.articles.length;
  return page(
    'Ties — the chronology, with its sources',
    `    <header>
      <h1>Ties — the chronology</h1>
      <p>${n} ${n === 1 ? 'event' : 'events'}${undated.length > 0 ? ` and ${undated.length} undated` : ''}, from ${m} ${m === 1 ? 'article' : 'articles'}. Each event quotes the sentence it comes from. Dates keep the precision the articles give: a year, a month or a day. <a href="./">Explore them on the interactive timeline.</a></p>
    </header>
    <main>
${sections.join('\n')}
    </main>`,
  );
}

/** The snippet's address until the page's script replaces it with the page's own. */
export const SNIPPET_PLACEHOLDER = 'https://your-site.example/ties/';

/** The copy-paste snippet for an app served at `base` (ending in `/`). */
export function embedSnippet(base: string): string {
  return `<iframe src="${base}?embed=1" title="Ties: an explorable timeline" width="100%" height="640" style="border: 0" loading="lazy" referrerpolicy="no-referrer"></iframe>
<p><a href="${base}chronology.html">Ties: the chronology as plain text, with its sources</a></p>`;
}

/** The embed documentation page, saying which pages this build lets frame the app. */
export function embedDocHtml(frameAncestors: string): string {
  const allowed =
    frameAncestors === "'none'"
      ? `<p class="warning"><strong>This build refuses to be framed</strong> (<code>frame-ancestors 'none'</code>): the snippet shows an empty or error frame until the app is rebuilt with the pages allowed to frame it, e.g. <code>TIES_FRAME_ANCESTORS="'self' https://example.org" npm run build</code>, and served with the headers in <code>_headers</code>.</p>`
      : `<p>This build may be framed by: <code>${escapeHtml(frameAncestors)}</code> (<code>frame-ancestors</code> in its Content-Security-Policy header). Other pages get an empty or error frame.</p>`;
  return page(
    'Ties — embed the timeline',
    `    <header>
      <h1>Embed the timeline</h1>
      <p>Put the explorable timeline on another page: paste this snippet into its HTML. The frame shows the timeline and the article panel without the site header, with an “Open in Ties” link that opens the same view in a tab of its own.</p>
    </header>
    <main>
      <h2>The snippet</h2>
      <pre><code id="snippet">${escapeHtml(embedSnippet(SNIPPET_PLACEHOLDER))}</code></pre>
      <p><button type="button" id="copy-snippet" hidden>Copy the snippet</button> <span id="copy-status" role="status"></span></p>
      <h2>A view of your choice</h2>
      <p>Open the timeline, choose an event, filters and a window, and copy the link: its parameters (<code>event</code>, <code>leaders</code>, <code>match</code>, <code>from</code>, <code>to</code>, <code>q</code>) work in the frame's <code>src</code> too, after <code>embed=1</code>. Inside the frame, selections and filters change the frame's own address, and Back undoes them.</p>
      <h2>Who may frame it</h2>
      ${allowed}
      <p>The paragraph after the frame links to <a href="./chronology.html">the chronology as plain HTML</a>, for places that strip iframes: it stays when the frame is removed.</p>
    </main>`,
    ['embed-doc.js'],
  );
}
