import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EVENT_KIND_IDS } from '../src/lib/event-kinds.ts';
import { BEGIN, DOC_PATH, END, generatedSection, renderDataFormat } from './data-format-doc.ts';

describe('docs/data-format.md', () => {
  const page = readFileSync(DOC_PATH, 'utf8');

  it('has the field tables the schema gives (run `npm run docs:data-format` when this fails)', async () => {
    expect(await renderDataFormat(page)).toBe(page);
  });

  it('lists every field of the output types and every event kind', () => {
    const section = generatedSection();
    for (const heading of ['TimelineData', 'TimelineEvent', 'ArticleBody', 'Actor', 'ContextRange'])
      expect(section).toContain(`### \`${heading}\``);
    expect(section).toMatch(
      /^\| `dateKind` \| `'point'` \\\| `'range'` \\\| `'bounded'` \| yes \|/m,
    );
    expect(section).toMatch(/^\| `undated` \| .* \| no \(absent: `\[\]`\) \|/m);
    for (const kind of EVENT_KIND_IDS) expect(section).toContain(`| \`${kind}\` |`);
  });

  it('notices a page whose generated section was edited by hand', async () => {
    const edited = page.replace('Short headline-style title built from the text.', 'Edited.');
    expect(edited).not.toBe(page);
    expect(await renderDataFormat(edited)).toBe(page);
    await expect(renderDataFormat(page.replace(BEGIN, ''))).rejects.toThrow(/markers/);
    expect(page.indexOf(BEGIN)).toBeLessThan(page.indexOf(END));
  });
});
