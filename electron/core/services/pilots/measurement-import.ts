/**
 * Measurements from a CSV or XLSX file: read the table, map its columns, and check every row
 * against the pilot's KPIs, groups and observation window. Nothing here writes; the service stores
 * the rows only when every one of them is clean.
 */
import Papa from 'papaparse';
import { ApiFailure } from '../../../shared/api/envelope';
import type { ImportMapping, ImportRowError, Kpi, MeasurementInput, Pilot } from '../../../shared/domain/pilots';
import { parseNumber, westernDigits } from '../../../shared/domain/numbers';
import { LANGUAGES } from '../../../shared/domain/settings';
import { translator } from '../../i18n/catalogue';
import { measurementProblem } from './measurement-rules';

export interface Table {
  columns: string[];
  rows: string[][];
  /** Where each row is in the file (1 is the header line), for the error list: blank lines and cells over several lines count. */
  lines: number[];
}

interface Line {
  line: number;
  cells: string[];
}

const unreadable = (code: 'unreadable_file' | 'not_utf8' | 'csv_unclosed_quote' | 'xlsx_too_large', message: string, params?: Record<string, number>) =>
  new ApiFailure('invalid_input', message, [{ path: ['file'], code, ...(params && { params }) }]);

/**
 * exceljs inflates a whole workbook into memory and needs about 16 bytes of it per byte of sheet XML,
 * so a 50 MB upload of well-compressed rows (or a zip bomb) would exhaust the app's memory. About
 * 300,000 rows of five columns fit; a bigger workbook is refused with the advice to save it as CSV.
 */
export const XLSX_MAX_INFLATED_BYTES = 64 * 1024 * 1024;
const notAWorkbook = () => unreadable('unreadable_file', 'The file could not be read as an XLSX workbook.');
/** Parts a workbook may have (one of a few sheets has about a dozen); more is not a spreadsheet of measurements. */
const XLSX_MAX_ENTRIES = 1000;

/** Reads the first sheet (XLSX) or the whole file (CSV) as text cells; the first row names the columns. */
export async function readTable(format: 'csv' | 'xlsx', content: Buffer): Promise<Table> {
  const read = format === 'csv' ? readCsv(content) : await readXlsx(content);
  const [header, ...rows] = read;
  const columns = (header?.cells ?? []).map((c) => c.trim());
  // A workbook's cells are where they are: one beyond the header (or merely formatted, which exceljs
  // counts too) belongs to no column. Only a CSV row can be longer by a misread separator.
  const cells = (r: Line) => (format === 'xlsx' ? r.cells.slice(0, columns.length) : r.cells);
  return { columns, rows: rows.map(cells), lines: rows.map((r) => r.line) };
}

/** A spreadsheet saved in a binary format (XLS, ODS, or an XLSX under a CSV name) rather than as text. */
const SPREADSHEET_MAGIC = [Buffer.from('PK\x03\x04', 'latin1'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0])];

/**
 * The file's text: UTF-8 (with or without its mark) or UTF-16 with its mark, as Excel saves
 * "CSV UTF-8" and "Unicode text". Anything else (a Windows code page) is refused by name rather than
 * read as replacement characters.
 */
function csvText(content: Buffer): string {
  if (SPREADSHEET_MAGIC.some((magic) => content.subarray(0, magic.length).equals(magic))) {
    throw unreadable('unreadable_file', 'The file is a spreadsheet in a binary format, not CSV text.');
  }
  const utf16 = content[0] === 0xff && content[1] === 0xfe ? 'utf-16le' : content[0] === 0xfe && content[1] === 0xff ? 'utf-16be' : null;
  try {
    return new TextDecoder(utf16 ?? 'utf-8', { fatal: true }).decode(content).replace(/^\uFEFF/, '');
  } catch {
    throw unreadable('not_utf8', 'The file is not UTF-8 text.');
  }
}

function readCsv(content: Buffer): Line[] {
  const text = csvText(content);
  const rows: Line[] = [];
  // Each row's line is 1 + the line breaks before where it starts (a quoted cell may hold some).
  let line = 1;
  let start = 0;
  let unclosed: number | undefined;
  // Excel in many locales writes `;`; papaparse guesses the delimiter from the first lines.
  Papa.parse<string[]>(text, {
    step: (row) => {
      if (row.errors.some((e) => e.type === 'Quotes')) unclosed ??= line;
      if (row.data.some((c) => c.trim() !== '')) rows.push({ line, cells: row.data });
      for (let i = start; i < row.meta.cursor; i++) if (text.charCodeAt(i) === 10) line++;
      start = row.meta.cursor;
    },
  });
  if (unclosed !== undefined) throw unreadable('csv_unclosed_quote', 'A quotation mark in the file is never closed.', { line: unclosed });
  return rows;
}

/**
 * Measures what the workbook inflates to before exceljs holds it, through the zip reader exceljs
 * itself uses (JSZip): another reader can be shown a different list of parts by a crafted directory.
 * The real bytes are counted as they inflate, since JSZip does not hold a part to its declared size.
 */
async function checkXlsxSize(content: Buffer) {
  const { default: JSZip } = await import('jszip');
  let zip: InstanceType<typeof JSZip>;
  try {
    zip = await JSZip.loadAsync(content);
  } catch {
    throw notAWorkbook();
  }
  const parts = Object.values(zip.files).filter((part) => !part.dir);
  if (parts.length > XLSX_MAX_ENTRIES) throw notAWorkbook();
  let inflated = 0;
  // JSZip's stream is an old-style one (events, no async iteration); it stops where it is paused.
  const count = (part: (typeof parts)[number]) =>
    new Promise<void>((resolve, reject) => {
      const stream = part.nodeStream('nodebuffer');
      stream.on('data', (chunk: Buffer) => {
        inflated += chunk.length;
        if (inflated <= XLSX_MAX_INFLATED_BYTES) return;
        stream.pause();
        reject(unreadable('xlsx_too_large', `The workbook holds more than ${XLSX_MAX_INFLATED_BYTES} bytes of sheet data.`, { mb: XLSX_MAX_INFLATED_BYTES / 1024 / 1024 }));
      });
      stream.on('error', () => reject(notAWorkbook()));
      stream.on('end', () => resolve());
    });
  for (const part of parts) await count(part);
}

async function readXlsx(content: Buffer): Promise<Line[]> {
  await checkXlsxSize(content);
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw notAWorkbook();
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: Line[] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value));
    if (cells.some((c) => c.trim() !== '')) rows.push({ line: row.number, cells });
  });
  return rows;
}

/**
 * A cell as the text a person would type: dates as YYYY-MM-DD, formulas by their result, an error
 * cell as Excel shows it (#DIV/0!), so the row is reported as a bad number rather than as empty.
 */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as { result?: unknown; error?: unknown; richText?: { text: string }[]; text?: string };
    if ('result' in v) return cellText(v.result);
    if (typeof v.error === 'string') return v.error;
    if (v.richText) return v.richText.map((r) => r.text).join('');
    if (typeof v.text === 'string') return v.text;
    return '';
  }
  return String(value);
}

/** YYYY-MM-DD, or YYYY-MM for a month (its first day); a date that does not exist is refused. */
export function parseDate(text: string): string | undefined {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(westernDigits(text.trim()));
  if (!m) return undefined;
  const iso = `${m[1]}-${m[2]}-${m[3] ?? '01'}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : undefined;
}

/**
 * Group names accepted in a file, in lower case: the English words and the names the app shows for
 * the groups in each of its languages (an Arabic lab's sheet says المجموعة التجريبية).
 */
const GROUP_NAMES: Record<string, 'pilot' | 'comparison'> = {
  pilot: 'pilot',
  treatment: 'pilot',
  intervention: 'pilot',
  comparison: 'comparison',
  control: 'comparison',
  ...Object.fromEntries(
    LANGUAGES.flatMap((language) => (['pilot', 'comparison'] as const).map((group) => [translator(language)(`pilot.group.${group}`).toLowerCase(), group])),
  ),
};

export interface CheckedRows {
  rows: MeasurementInput[];
  errors: ImportRowError[];
  /** Errors found beyond the first `maxErrors`. */
  moreErrors: number;
}

/** Checks every data row; a row with any problem contributes its first problem and no measurement. */
export function checkRows(table: Table, mapping: ImportMapping, pilot: Pilot, kpis: Kpi[], maxErrors = 200): CheckedRows {
  const index = (name: string | null) => (name === null ? -1 : table.columns.indexOf(name));
  const col = {
    kpi: index(mapping.kpi),
    group: index(mapping.group),
    period: index(mapping.period),
    value: index(mapping.value),
    numerator: index(mapping.numerator),
    denominator: index(mapping.denominator),
    unitId: index(mapping.unitId),
  };
  const byName = new Map(kpis.map((k) => [k.name.trim().toLowerCase(), k]));
  const fixed = mapping.kpiId === null ? undefined : kpis.find((k) => k.id === mapping.kpiId);
  const seen = new Set<string>();
  const rows: MeasurementInput[] = [];
  const errors: ImportRowError[] = [];
  let moreErrors = 0;

  table.rows.forEach((cells, i) => {
    const line = table.lines[i];
    const cell = (c: number) => (c < 0 ? '' : (cells[c] ?? '').trim());
    const problem = (column: string | null, code: ImportRowError['code'], text: string) => {
      if (errors.length < maxErrors) errors.push({ line, column: column ?? '', code, text });
      else moreErrors++;
    };

    // A row longer than the header lost a cell to a separator: "16,5" unquoted in a comma-separated
    // file reads as 16 and a stray 5. Refused, rather than stored as the wrong number.
    if (cells.length > table.columns.length) return problem(null, 'extra_cells', cells.join(', '));
    const kpi = fixed ?? byName.get(cell(col.kpi).toLowerCase());
    if (!kpi) return problem(mapping.kpi, 'unknown_kpi', cell(col.kpi));
    const group = GROUP_NAMES[cell(col.group).toLowerCase()];
    if (!group) return problem(mapping.group, 'unknown_group', cell(col.group));
    const period = parseDate(cell(col.period));
    if (!period) return problem(mapping.period, 'bad_date', cell(col.period));

    const number = (c: number, column: string | null): number | null | false => {
      const text = cell(c);
      if (c < 0 || text === '') return null;
      const n = parseNumber(text);
      if (n === undefined) {
        problem(column, 'bad_number', text);
        return false;
      }
      return n;
    };
    const value = number(col.value, mapping.value);
    if (value === false) return;
    const numerator = number(col.numerator, mapping.numerator);
    if (numerator === false) return;
    const denominator = number(col.denominator, mapping.denominator);
    if (denominator === false) return;
    const unitText = cell(col.unitId);
    const input: MeasurementInput = { kpiId: kpi.id, group, period, unitId: unitText === '' ? null : unitText.slice(0, 100), value, numerator, denominator };

    const wrong = measurementProblem(pilot, kpi, input);
    if (wrong) {
      const column = wrong === 'date_out_of_range' ? mapping.period : kpi.kind === 'rate' ? (mapping.numerator ?? mapping.value) : mapping.value;
      return problem(column, wrong, wrong === 'date_out_of_range' ? period : cell(kpi.kind === 'rate' ? col.numerator : col.value));
    }
    const key = `${kpi.id}|${group}|${period}|${input.unitId ?? ''}`;
    if (seen.has(key)) return problem(mapping.period, 'duplicate_row', period);
    seen.add(key);
    rows.push(input);
  });
  return { rows, errors, moreErrors };
}

/** Mapped columns that the file does not have. */
export function unknownColumns(table: Table, mapping: ImportMapping): (keyof ImportMapping)[] {
  const fields = ['kpi', 'group', 'period', 'value', 'numerator', 'denominator', 'unitId'] as const;
  return fields.filter((f) => mapping[f] !== null && !table.columns.includes(mapping[f]));
}
