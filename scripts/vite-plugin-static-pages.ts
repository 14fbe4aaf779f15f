/**
 * Vite plugin (build only): writes `chronology.html` (the chronology as plain HTML, from the
 * ingest's `data/timeline.json`) and `embed.html` (the embed documentation with its snippet and this
 * build's framing setting) beside the app. Their stylesheet and script are in public/.
 * See scripts/static-pages.ts and docs/decisions/0016-embed.md.
 */
import type { Plugin } from 'vite';
import { validateTimelineData } from '../src/lib/validate-timeline.ts';
import { FRAME_ANCESTORS_ENV, parseFrameAncestors } from './vite-plugin-csp.ts';
import { chronologyHtml, embedDocHtml } from './static-pages.ts';

export function staticPagesPlugin(): Plugin {
  return {
    name: 'ties-static-pages',
    apply: 'build',
    generateBundle(_options, bundle) {
      const asset = bundle['data/timeline.json'];
      if (!asset || asset.type !== 'asset') {
        this.error('static pages: the ingest emitted no data/timeline.json');
      }
      const text =
        typeof asset.source === 'string' ? asset.source : new TextDecoder().decode(asset.source);
      const data = validateTimelineData(JSON.parse(text));
      this.emitFile({ type: 'asset', fileName: 'chronology.html', source: chronologyHtml(data) });
      this.emitFile({
        type: 'asset',
        fileName: 'embed.html',
        source: embedDocHtml(parseFrameAncestors(process.env[FRAME_ANCESTORS_ENV])),
      });
    },
  };
}
