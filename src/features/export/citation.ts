import { publishedLabel, type ExportRecord } from './export-records';

/**
 * A short citation of one event: title, date (with its precision), sources and link.
 *
 *   Lee and Ishiba meet at G7 summit. 17 Jun 2025. Sources: “South Korea, Japan Forge …”
 *   (MENAFN, 18 Jun 2025 (inferred)); “Strengthening Ties …” (outlet not named, 18 Jun 2025).
 *   Ties timeline: http://127.0.0.1:4173/?event=2025-06-17-meeting-ishiba-lee-g7
 */
export function citationText(r: ExportRecord): string {
  const title = /[.!?…]$/.test(r.title) ? r.title : `${r.title}.`;
  const date =
    r.date === null ? 'Date unknown.' : `${r.dateLabel}${r.dateNote ? ` (${r.dateNote})` : ''}.`;
  const sources = r.sources
    .map(
      (s) =>
        `“${s.headline ?? s.articleId}” (${s.outlet ?? 'outlet not named'}, ${publishedLabel(s)})`,
    )
    .join('; ');
  const parts = [title, date];
  if (sources) parts.push(`${r.sources.length === 1 ? 'Source' : 'Sources'}: ${sources}.`);
  if (r.link) parts.push(`Ties timeline: ${r.link}`);
  return parts.join(' ');
}
