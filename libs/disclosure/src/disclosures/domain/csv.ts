// RFC 4180 CSV: CRLF line ends, every field quoted when it holds a comma, quote, CR or LF. A UTF-8
// byte order mark leads the file so that spreadsheet software reads Japanese text correctly.

/** The byte order mark a CSV file of a bundle starts with. */
export const CSV_BOM = '\uFEFF';

/** One row's cells by column; a value that is not a string is written as JSON (null as an empty cell). */
export type CsvRow = Record<string, unknown>;

/** Writes a header row of `columns` and one row per item. */
export function toCsv(columns: readonly string[], rows: readonly CsvRow[]): string {
  const lines = [columns.map(quote).join(',')];
  for (const row of rows) lines.push(columns.map((column) => quote(cell(row[column]))).join(','));
  return `${CSV_BOM}${lines.join('\r\n')}\r\n`;
}

/** Reads a CSV file written by toCsv into objects keyed by its header (every value a string). */
export function parseCsv(text: string): Record<string, string>[] {
  const records = parseRecords(text.startsWith(CSV_BOM) ? text.slice(1) : text);
  const [header, ...rows] = records;
  if (header === undefined) return [];
  return rows.map((fields) => Object.fromEntries(header.map((column, index) => [column, fields[index] ?? ''])));
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function quote(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function parseRecords(text: string): string[][] {
  const records: string[][] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      fields.push(field);
      field = '';
    } else if (char === '\r' || char === '\n') {
      if (char === '\r' && text[index + 1] === '\n') index += 1;
      fields.push(field);
      records.push(fields);
      fields = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || fields.length > 0) records.push([...fields, field]);
  return records;
}
