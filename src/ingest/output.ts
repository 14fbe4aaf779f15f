/** Serialising an ingest result to files, byte for byte reproducible. */
import type { IngestProblem, IngestResult } from './types.ts';

/**
 * Relative path (`timeline.json`, `articles/<id>.json`) → file content. Sorted, stable.
 * `indented` (the ingest CLI's files, meant to be read and diffed) or `compact` (what the app
 * build serves: the same data without the indentation, about a quarter fewer bytes to download
 * and parse before the first frame).
 */
export function outputFiles(
  result: IngestResult,
  layout: 'indented' | 'compact' = 'indented',
): Map<string, string> {
  const files = new Map<string, string>();
  if (!result.timeline) return files;
  const indent = layout === 'indented' ? 2 : undefined;
  files.set('timeline.json', `${JSON.stringify(result.timeline, null, indent)}\n`);
  for (const body of result.bodies)
    files.set(`articles/${body.id}.json`, `${JSON.stringify(body, null, indent)}\n`);
  return files;
}

export function formatProblem(p: IngestProblem, folder?: string): string {
  const file = folder && p.file !== '.' ? `${folder.replace(/\/+$/, '')}/${p.file}` : p.file;
  return `${file}:${p.line}: ${p.message}`;
}

/** The short report printed by the CLI and the Vite plugin. */
export function formatReport(result: IngestResult, folder?: string): string {
  const lines: string[] = [];
  if (result.timeline) {
    const t = result.timeline;
    lines.push(
      `ingest: ${t.articles.length} article(s), ${t.events.length} event(s), ${t.actors.length} actor(s), ${t.unresolved.length} unresolved mention(s)`,
    );
  }
  const corrections = result.corrections;
  if (corrections && (corrections.applied > 0 || corrections.stale.length > 0)) {
    lines.push(
      `corrections: ${corrections.applied} applied, ${corrections.stale.length} no longer apply${corrections.stale.length > 0 ? ' (edit or remove them):' : ''}`,
    );
    for (const s of corrections.stale) lines.push(`  ${formatProblem(s, folder)}`);
  }
  if (result.warnings.length > 0) {
    lines.push(`${result.warnings.length} warning(s):`);
    for (const w of result.warnings) lines.push(`  ${formatProblem(w, folder)}`);
  }
  if (result.problems.length > 0) {
    lines.push(`ingest failed with ${result.problems.length} problem(s):`);
    for (const p of result.problems) lines.push(`  ${formatProblem(p, folder)}`);
  }
  return lines.join('\n');
}
