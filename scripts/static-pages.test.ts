import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingest } from '../src/ingest/ingest.ts';
import { readSeedsFolder } from '../src/ingest/read-folder.ts';
import { eventDateLabel } from '../src/lib/event-dates.ts';
import { chronologyHtml, embedDocHtml, embedSnippet, escapeHtml } from './static-pages.ts';
import {
  headersFile,
  parseFrameAncestors,
  parseHeadersFile,
  securityHeaders,
} from './vite-plugin-csp.ts';

const root = resolve(import.meta.dirname, '..');
const load = (folder: string) =>
  ingest(
    readSeedsFolder(
      join(root, folder),
      join(root, 'seeds', 'actors.json'),
      join(root, 'seeds', 'relationship.json'),
    ).input,
  ).timeline!;

/** Decodes character references the way a browser does for text (one pass). */
const NAMED: Record<string, string> = { lt: '<', gt: '>', quot: '"', amp: '&' };
const decode = (html: string) =>
  html.replace(/&(?:#(\d+)|(lt|gt|quot|amp));/g, (_, n: string | undefined, name: string) =>
    n ? String.fromCharCode(Number(n)) : NAMED[name]!,
  );

/** The text of every element whose opening tag matches `open` (no nesting of the same tag). */
const texts = (html: string, tag: string) =>
  [...html.matchAll(new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => m[1]!);

describe('escapeHtml', () => {
  it('escapes the five characters that matter in text and quoted attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe(
      '&#60;a href=&#34;x&#34; title=&#39;y&#39;&#62;&#38;amp;&#60;/a&#62;',
    );
    expect(escapeHtml('plain – text 石破')).toBe('plain – text 石破');
  });
});

describe('chronology.html', () => {
  it('shows hostile article text as text: no markup from the data becomes a tag', () => {
    const data = load('tests/fixtures/hostile-seeds');
    const html = chronologyHtml(data);
    // The data is full of tags; the page has none of them.
    expect(data.articles[0]!.title).toContain('<script>');
    expect(html).not.toMatch(/<(script|img|svg|iframe)\b/i);
    expect(html).not.toMatch(/<[a-z][^>]*\son\w+=/i);
    expect(html).not.toMatch(/<[a-z][^>]*href="javascript:/i);
    // Every title, quote and headline is there, and reads back exactly as the data has it.
    const headings = texts(html, 'h3').map((h) => decode(h.replace(/<[^>]+>/g, '')));
    for (const event of data.events) expect(headings).toContain(event.title);
    const quotes = texts(html, 'blockquote').map(decode);
    for (const event of data.events)
      for (const s of event.sources) expect(quotes).toContain(s.quote);
    const cites = texts(html, 'cite').map(decode);
    expect(cites).toContain(data.articles[0]!.title);
    // Entities in the article stay literal: "&lt;b&gt;" is shown, not bold.
    expect(decode(html)).toContain('Leaders meet &lt;b&gt;Tokyo&lt;/b&gt; &amp; more');
  });

  it('groups the seed events by year, with dates at their real precision and every source', () => {
    const data = load('seeds');
    const html = chronologyHtml(data);
    const years = texts(html, 'h2').filter((h) => /^\d+$/.test(h));
    expect(years).toEqual([
      ...new Set(data.events.map((e) => String(Number(e.start.slice(0, 4))))),
    ]);
    expect(years).toEqual([...years].sort());
    for (const event of data.events) {
      // The date as the app labels it, with the data's own precision in datetime=.
      expect(html).toContain(
        `<time datetime="${event.start}">${escapeHtml(eventDateLabel(event))}</time>`,
      );
    }
    // A year-only event stays a year: "1910 – 1945", not a day.
    const yearOnly = data.events.find((e) => e.start.length === 4);
    expect(yearOnly).toBeDefined();
    expect(html).toMatch(
      new RegExp(`<time datetime="${yearOnly!.start}">\\d{4}( – \\d{4})?</time>`),
    );
    const sourceCount = [...data.events, ...(data.undated ?? [])].reduce(
      (n, e) => n + e.sources.length,
      0,
    );
    expect(texts(html, 'blockquote')).toHaveLength(sourceCount);
    // Headline, outlet and publication date of the article.
    const article = data.articles[0]!;
    expect(html).toContain(`<cite>${escapeHtml(article.title)}</cite> — ${article.source}`);
    expect(html.match(/class="event"/g)).toHaveLength(
      data.events.length + (data.undated ?? []).length,
    );
    expect(html).toContain('<h2 id="undated">Undated</h2>');
  });
});

describe('embed.html', () => {
  it('shows the snippet as text, and the framing setting of the build', () => {
    const refused = embedDocHtml("'none'");
    expect(refused).toContain('This build refuses to be framed');
    const snippet = decode(texts(refused, 'code').find((c) => c.includes('iframe'))!);
    expect(snippet).toBe(embedSnippet('https://your-site.example/ties/'));
    expect(snippet).toContain('src="https://your-site.example/ties/?embed=1"');
    expect(refused).not.toMatch(/<iframe\b/);
    const allowed = embedDocHtml("'self' https://a.example");
    expect(allowed).toContain('framed by: <code>&#39;self&#39; https://a.example</code>');
  });
});

describe('the framing setting (TIES_FRAME_ANCESTORS)', () => {
  it('defaults to refusing all framing', () => {
    expect(parseFrameAncestors(undefined)).toBe("'none'");
    expect(parseFrameAncestors('  ')).toBe("'none'");
    expect(securityHeaders()['Content-Security-Policy']).toContain("frame-ancestors 'none'");
    expect(securityHeaders()['X-Frame-Options']).toBe('DENY');
  });

  it('accepts source lists and refuses anything that would change the policy', () => {
    expect(parseFrameAncestors(" 'self'   https://example.org ")).toBe(
      "'self' https://example.org",
    );
    expect(parseFrameAncestors('https://*.example.org:8443/news/')).toBe(
      'https://*.example.org:8443/news/',
    );
    for (const bad of [
      "'self'; script-src *",
      'https://a.example,https://b.example',
      'self',
      "'unsafe-inline'",
      "'none' 'self'",
      'https://a.example"',
    ]) {
      expect(() => parseFrameAncestors(bad), bad).toThrow(/TIES_FRAME_ANCESTORS/);
    }
  });

  it('sends X-Frame-Options only when it can say the same as the policy', () => {
    expect(securityHeaders("'self'")['X-Frame-Options']).toBe('SAMEORIGIN');
    expect(securityHeaders("'self' https://example.org")['X-Frame-Options']).toBeUndefined();
    expect(securityHeaders("'self' https://example.org")['Content-Security-Policy']).toMatch(
      /; frame-ancestors 'self' https:\/\/example\.org$/,
    );
  });

  it('reads back the _headers file it writes (what vite preview serves)', () => {
    for (const setting of ["'none'", "'self'", "'self' https://example.org"]) {
      expect(parseHeadersFile(headersFile(setting))).toEqual(securityHeaders(setting));
    }
  });
});
