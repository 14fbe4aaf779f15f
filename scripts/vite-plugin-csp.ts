/**
 * Vite plugin: a strict Content-Security-Policy and a few security headers for the built app.
 *
 * - build: adds the policy to index.html as `<meta http-equiv="Content-Security-Policy">` (first in
 *   <head>, before any script) and writes `dist/_headers` (Netlify / Cloudflare Pages format) so a
 *   static host sends the full policy as real response headers.
 * - preview (`vite preview`): sends the headers of the build it serves (its `_headers` file) on
 *   every response, so a build made with a framing setting is previewed with that setting.
 * - dev: nothing. Vite's dev server injects inline styles and a client script; the policy is for
 *   what ships. See docs/decisions/0005-security-and-a11y.md.
 *
 * A `<meta>` policy cannot carry `frame-ancestors` (browsers ignore it there and log a warning), so
 * the meta tag gets every directive except the header-only ones; the headers carry all of them.
 *
 * Framing: `frame-ancestors 'none'` unless the build flag TIES_FRAME_ANCESTORS lists the pages that
 * may frame the app (the embed, `?embed=1`), e.g. TIES_FRAME_ANCESTORS="'self' https://example.org".
 * See docs/decisions/0016-embed.md.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

/** The policy, one directive per entry. No 'unsafe-inline', no 'unsafe-eval', no remote origin. */
const BASE_DIRECTIVES: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  // CSSOM writes (element.style.x = …, as React and vis-timeline do) are not governed by CSP; only
  // <style> elements and style="" attributes are, and the app creates neither.
  ['style-src', "'self'"],
  // Only the favicon is an image; nothing in the app or its libraries uses data: images.
  ['img-src', "'self'"],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
];

/** The env variable (build flag) that lets pages frame the app. */
export const FRAME_ANCESTORS_ENV = 'TIES_FRAME_ANCESTORS';

/** A host source: optional scheme, host (a leading `*.` allowed), optional port, optional path. */
const HOST_SOURCE =
  /^(?:[a-z][a-z0-9+.-]*:\/\/)?(?:\*\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*(?::(?:\d{1,5}|\*))?(?:\/[^\s;,'"]*)?$/i;
const SCHEME_SOURCE = /^(?:https?|wss?):$/i;

/**
 * Checks the value of the framing flag and returns the `frame-ancestors` source list: `'none'`
 * when unset or blank. Throws an error naming the flag and the bad token on anything that is not
 * a CSP source expression (a `;` would otherwise smuggle another directive into the policy).
 */
export function parseFrameAncestors(value: string | undefined): string {
  const tokens = (value ?? '').trim().split(/\s+/).filter(Boolean);
  if (tokens.length === 0) return "'none'";
  for (const token of tokens) {
    if (/^(?:self|none)$/i.test(token)) {
      throw new Error(
        `${FRAME_ANCESTORS_ENV}: write ${token} with its single quotes, '${token}' (the shell may have removed them: TIES_FRAME_ANCESTORS="'${token}'").`,
      );
    }
    const ok =
      token === "'self'" ||
      token === "'none'" ||
      token === '*' ||
      SCHEME_SOURCE.test(token) ||
      HOST_SOURCE.test(token);
    if (!ok) {
      throw new Error(
        `${FRAME_ANCESTORS_ENV}: ${JSON.stringify(token)} is not a frame-ancestors source. ` +
          `Use 'self' (with the quotes), origins such as https://example.org or https://*.example.org, ` +
          `separated by spaces; leave it unset to refuse all framing.`,
      );
    }
  }
  if (tokens.includes("'none'") && tokens.length > 1) {
    throw new Error(`${FRAME_ANCESTORS_ENV}: 'none' cannot be combined with other sources.`);
  }
  return tokens.join(' ');
}

/** The policy, one directive per entry, with the given framing sources. */
export function cspDirectives(frameAncestors = "'none'"): ReadonlyArray<readonly [string, string]> {
  return [...BASE_DIRECTIVES, ['frame-ancestors', frameAncestors]];
}

/** The default policy (no framing). */
export const CSP_DIRECTIVES = cspDirectives();

/** Directives that browsers ignore in a `<meta>` policy. */
const HEADER_ONLY = new Set(['frame-ancestors', 'report-uri', 'sandbox']);

export function cspPolicy(where: 'header' | 'meta', frameAncestors = "'none'"): string {
  return cspDirectives(frameAncestors)
    .filter(([name]) => where === 'header' || !HEADER_ONLY.has(name))
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');
}

/** Every response header the app should be served with. */
export function securityHeaders(frameAncestors = "'none'"): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Security-Policy': cspPolicy('header', frameAncestors),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  };
  // For old browsers that do not know frame-ancestors (browsers that do ignore it when the policy
  // has frame-ancestors). It can say "nobody" or "this origin" only; for a list of other sites
  // it is left out rather than contradicting the policy.
  if (frameAncestors === "'none'") headers['X-Frame-Options'] = 'DENY';
  else if (frameAncestors === "'self'") headers['X-Frame-Options'] = 'SAMEORIGIN';
  return headers;
}

/** `_headers` file for Netlify and Cloudflare Pages: the headers apply to every path. */
export function headersFile(frameAncestors = "'none'"): string {
  const lines = Object.entries(securityHeaders(frameAncestors)).map(([k, v]) => `  ${k}: ${v}`);
  return `/*\n${lines.join('\n')}\n`;
}

/** The headers a `_headers` file (as {@link headersFile} writes it) gives every path. */
export function parseHeadersFile(text: string): Record<string, string> {
  const headers: Record<string, string> = {};
  let applies = false;
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      applies = line.trim() === '/*';
      continue;
    }
    const colon = line.indexOf(':');
    if (applies && colon > 0) headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return headers;
}

export interface CspPluginOptions {
  /** The frame-ancestors sources; defaults to env TIES_FRAME_ANCESTORS, then 'none'. */
  frameAncestors?: string;
}

export function cspPlugin(options: CspPluginOptions = {}): Plugin {
  const frameAncestors = parseFrameAncestors(
    options.frameAncestors ?? process.env[FRAME_ANCESTORS_ENV],
  );
  return {
    name: 'ties-csp',
    // Build and `vite preview` only. A plain `apply: 'build'` would also drop the plugin from
    // preview, which Vite resolves with command 'serve' (and isPreview true).
    apply: (_config, env) => env.command === 'build' || env.isPreview === true,
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        // Right after <meta charset> (which must stay first), before any script or stylesheet.
        const tag = `<meta http-equiv="Content-Security-Policy" content="${cspPolicy('meta')}" />`;
        const charset = /<meta\s+charset=[^>]*>/i.exec(html);
        if (charset) {
          const at = charset.index + charset[0].length;
          return `${html.slice(0, at)}\n    ${tag}${html.slice(at)}`;
        }
        return html.replace(/<head[^>]*>/i, (head) => `${head}\n    ${tag}`);
      },
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: '_headers', source: headersFile(frameAncestors) });
    },
    configurePreviewServer(server) {
      // The headers of the build being served; this plugin's own setting when it has none.
      let headers = securityHeaders(frameAncestors);
      try {
        const built = resolve(server.config.root, server.config.build.outDir, '_headers');
        headers = parseHeadersFile(readFileSync(built, 'utf8'));
      } catch {
        // No build there yet: `vite preview` will serve its own 404s with the plugin's headers.
      }
      server.middlewares.use((_req, res, next) => {
        for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
        next();
      });
    },
  };
}
