import { editedLabel, type ExportRecord } from './export-records';

/**
 * CSV that opens correctly in a spreadsheet: UTF-8 with a byte-order mark (so Excel reads it as
 * UTF-8), CRLF line ends, every field quoted with `"` doubled inside (RFC 4180), and formulas
 * neutralised: a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading
 * `'`, so a spreadsheet shows it as text instead of running it (OWASP "CSV injection").
 *
 * One row per event. Sources are column groups (`source 1 headline`, `source 1 outlet`, …), as many
 * groups as the event with the most sources has, so a row is one event and stays sortable.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string): string {
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return `"${text.replace(/"/g, '""')}"`;
}

const EVENT_COLUMNS = [
  'id',
  'date',
  'precision',
  'end',
  'end precision',
  'date kind',
  'bounded',
  'date (as shown)',
  'date note',
  'date inferred',
  'how the date was found',
  'why undated',
  'title',
  'kind',
  'planned',
  'leaders',
  'place',
  'link',
  'edited',
] as const;

const SOURCE_COLUMNS = ['headline', 'outlet', 'published', 'published basis', 'sentence'] as const;

function eventCells(r: ExportRecord): string[] {
  return [
    r.id,
    r.date ?? '',
    r.precision ?? '',
    r.end ?? '',
    r.endPrecision ?? '',
    r.dateKind ?? 'undated',
    r.date === null ? '' : r.bounded ? 'yes' : 'no',
    r.dateLabel,
    r.dateNote ?? '',
    r.date === null ? '' : r.dateInferred ? 'yes' : 'no',
    r.dateBasis ?? '',
    r.undatedReason ?? '',
    r.title,
    r.kind,
    r.planned ? 'yes' : 'no',
    r.leaders.map((l) => l.name).join('; '),
    r.place ?? '',
    r.link ?? '',
    editedLabel(r),
  ];
}

export function csvHeader(sourceGroups: number): string[] {
  const header: string[] = [...EVENT_COLUMNS];
  for (let i = 1; i <= sourceGroups; i++) {
    for (const column of SOURCE_COLUMNS) header.push(`source ${i} ${column}`);
  }
  return header;
}

export function toCsv(records: readonly ExportRecord[]): string {
  const groups = Math.max(1, ...records.map((r) => r.sources.length));
  const rows: string[][] = [csvHeader(groups)];
  for (const r of records) {
    const cells = eventCells(r);
    for (let i = 0; i < groups; i++) {
      const s = r.sources[i];
      cells.push(
        ...(s
          ? [s.headline ?? '', s.outlet ?? '', s.published ?? '', s.publishedBasis, s.sentence]
          : ['', '', '', '', '']),
      );
    }
    rows.push(cells);
  }
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
