import type { ExportRecord, ExportScope } from './export-records';

export const EXPORT_FORMAT = 'ties-events';
export const EXPORT_VERSION = 1;

export interface JsonExport {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  /** What the file holds, including the filter that was applied. */
  scope: ExportScope;
  counts: { dated: number; undated: number };
  events: ExportRecord[];
}

/** The records as a self-describing JSON document (2-space indent, trailing newline). */
export function toJson(records: readonly ExportRecord[], scope: ExportScope): string {
  const undated = records.filter((r) => r.date === null).length;
  const doc: JsonExport = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    scope,
    counts: { dated: records.length - undated, undated },
    events: [...records],
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
