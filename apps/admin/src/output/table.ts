/** How wide a character shows in a terminal: East Asian wide and full-width characters take two columns. */
function columnsOf(character: string): number {
  const code = character.codePointAt(0) ?? 0;
  const wide =
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1faff) ||
    (code >= 0x20000 && code <= 0x3fffd);
  return wide ? 2 : 1;
}

/** The number of terminal columns a text takes. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const character of text) width += columnsOf(character);
  return width;
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/**
 * Lays rows out in aligned columns (Japanese names count double width). With a header, the first row
 * is the header and a rule follows it.
 */
export function formatTable(rows: readonly (readonly string[])[], options: { indent?: number; header?: boolean } = {}): string {
  if (rows.length === 0) return '';
  const indent = ' '.repeat(options.indent ?? 0);
  const widths = rows[0].map((_cell, column) => Math.max(...rows.map((row) => displayWidth(row[column] ?? ''))));
  const line = (row: readonly string[]) =>
    indent +
    row
      .map((cell, column) => (column === row.length - 1 ? cell : pad(cell, widths[column])))
      .join('  ')
      .trimEnd();
  const lines = rows.map(line);
  if (options.header !== false) lines.splice(1, 0, indent + widths.map((width) => '-'.repeat(width)).join('  '));
  return lines.join('\n');
}

/** A listing as a table: a header and one row per item, or a line saying there is none. */
export function listTable<T>(items: readonly T[], columns: readonly [string, (item: T) => unknown][], empty: string): string {
  if (items.length === 0) return empty;
  return formatTable([columns.map(([title]) => title), ...items.map((item) => columns.map(([, cell]) => textOf(cell(item))))]);
}

/** One object's fields as `name  value` lines. */
export function detailsTable(fields: readonly [string, unknown][]): string {
  return formatTable(
    fields.map(([name, value]) => [name, textOf(value)]),
    { header: false },
  );
}

function textOf(value: unknown): string {
  if (value === null || value === undefined) return '-';
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(textOf).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
