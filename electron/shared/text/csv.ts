/** CSV as spreadsheets read it (RFC 4180, CRLF), shared by every CSV the app writes. */
export type CsvCell = string | number | null;

/** A cell that starts like a formula (= + - @, tab, carriage return) is prefixed so it stays text. */
const defuse = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

const csvCell = (value: CsvCell) => {
  if (value === null) return '';
  const text = typeof value === 'number' ? String(value) : defuse(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** The rows as CSV text, each line ended by CRLF; callers add the UTF-8 byte-order mark Excel needs. */
export const csvText = (rows: readonly (readonly CsvCell[])[]): string => rows.map((row) => row.map(csvCell).join(',') + '\r\n').join('');
