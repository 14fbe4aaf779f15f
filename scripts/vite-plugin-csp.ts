/**
 * Vite plugin: a strict Content-Security-Policy and a few security headers for the built app.
 *
 * - build: adds the policy to index.html as `<meta http-equiv="Content-Security-Policy">` (first in
 *   <head>, before any script) and writes `dist/_headers` (Netlify / Cloudflare Pages format) so a
 *   static host sends the full policy as real response headers.
 * - preview (`vite preview`): sends the same headers on every response.
 * - dev: nothing. Vite's dev server injects inline styles and a client script; the policy is for
 *   what ships. See docs/decisions/0005-security-and-a11y.md.
 *
 * A `<meta>` policy cannot carry `frame-ancestors` (browsers ignore it there and log a warning), so
 * the meta tag gets every directive except the header-only ones; the headers carry all of them.
 */
import type { Plugin } from 'vite';

/** The policy, one directive per entry. No 'unsafe-inline', no 'unsafe-eval', no remote origin. */
export const CSP_DIRECTIVES: ReadonlyArray<readonly [string, string]> = [
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
  ['frame-ancestors', "'none'"],
];

/** Directives that browsers ignore in a `<meta>` policy. */
const HEADER_ONLY = new Set(['frame-ancestors', 'report-uri', 'sandbox']);

export function cspPolicy(where: 'header' | 'meta'): string {
  return CSP_DIRECTIVES.filter(([name]) => where === 'header' || !HEADER_ONLY.has(name))
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');
}

/** Every response header the app should be served with. */
export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': cspPolicy('header'),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    // For old browsers that do not know frame-ancestors.
    'X-Frame-Options': 'DENY',
  };
}

/** `_headers` file for Netlify and Cloudflare Pages: the headers apply to every path. */
export function headersFile(): string {
  const lines = Object.entries(securityHeaders()).map(([k, v]) => `  ${k}: ${v}`);
  return `/*\n${lines.join('\n')}\n`;
}

export function cspPlugin(): Plugin {
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
      this.emitFile({ type: 'asset', fileName: '_headers', source: headersFile() });
    },
    configurePreviewServer(server) {
      const headers = securityHeaders();
      server.middlewares.use((_req, res, next) => {
        for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
        next();
      });
    },
  };
}
