/**
 * A small RFC 4180 reader (quoted fields, doubled quotes, CR, LF or CRLF line ends, a leading
 * byte-order mark ignored). The tests read exports back with it: what a spreadsheet would see.
 * Throws on a stray quote, naming the line.
 */
export function parseCsv(text: string): string[][] {
  const src = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let i = 0;
  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  while (i < src.length) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        const next = src[i + 1];
        if (next !== undefined && next !== ',' && next !== '\r' && next !== '\n') {
          throw new Error(`line ${line}: text after a closing quote`);
        }
      } else {
        if (c === '\n') line++;
        field += c;
      }
      i++;
      continue;
    }
    if (c === '"') {
      if (field !== '') throw new Error(`line ${line}: a quote inside an unquoted field`);
      quoted = true;
    } else if (c === ',') {
      endField();
    } else if (c === '\r' || c === '\n') {
      endRow();
      line++;
      if (c === '\r' && src[i + 1] === '\n') i++;
    } else {
      field += c;
    }
    i++;
  }
  if (quoted) throw new Error(`line ${line}: a quoted field is not closed`);
  if (field !== '' || row.length > 0) endRow();
  return rows;
}
