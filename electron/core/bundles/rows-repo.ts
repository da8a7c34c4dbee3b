/**
 * SQL over the tables in the bundle registry. Table and column names come only from the registry
 * and from SQLite's own PRAGMA table_info, never from a bundle, and are quoted besides.
 */
import { z } from 'zod';
import { CONTROL_CHARACTER, DateSchema, IdSchema, LONE_SURROGATE, TimestampSchema } from '../../shared/domain/common';
import type { Db } from '../db/open';
import type { BundleTable } from './tables';

export type Row = Record<string, string | number | null>;

export interface Column {
  name: string;
  type: string;
  notNull: boolean;
  hasDefault: boolean;
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Longest text value a bundle row may carry (a long note or summary is a few KiB). */
const MAX_TEXT = 1_000_000;

export function tableColumns(db: Db, table: string): Column[] {
  const rows = db.prepare(`PRAGMA table_info(${q(table)})`).all() as { name: string; type: string; notnull: number; dflt_value: unknown }[];
  return rows.map((r) => ({ name: r.name, type: r.type.toUpperCase(), notNull: r.notnull === 1, hasDefault: r.dflt_value !== null }));
}

/** Columns ending in `_id` that hold names rather than record ids: a built-in template's, a lab's own unit's. */
const NAMES_NOT_IDS = new Set(['template_id', 'unit_id']);
/** Date ranges whose end may not come before their start, as the forms refuse too. */
const RANGES: readonly (readonly [start: string, end: string])[] = [
  ['start_date', 'end_date'],
  ['starts_on', 'ends_on'],
  ['opens_on', 'closes_on'],
];

/**
 * A column's values as this app writes them, by the naming the schema keeps to: record ids are
 * UUIDs, `…_at` timestamps, `…_on` and `…_date` calendar days; text has no control characters and
 * no half of a surrogate pair. Whatever the API would refuse, a bundle cannot bring in either: a row
 * with an id such as `../../x` could be listed but never opened, deleted or edited.
 */
function columnSchema(c: Column): z.ZodType {
  if (c.type === 'INTEGER') return z.int();
  if (c.type === 'REAL') return z.number();
  if ((c.name === 'id' || c.name.endsWith('_id')) && !NAMES_NOT_IDS.has(c.name)) return IdSchema;
  if (c.name.endsWith('_at')) return TimestampSchema;
  if (c.name.endsWith('_on') || c.name.endsWith('_date') || c.name === 'period' || c.name === 'demo_day') return DateSchema;
  return z
    .string()
    .max(MAX_TEXT)
    .refine((s) => !CONTROL_CHARACTER.test(s), 'control characters')
    .refine((s) => !LONE_SURROGATE.test(s), 'half of a surrogate pair');
}

/**
 * The schema a bundle row of this table must match, derived from the table itself: exactly the
 * table's columns (unknown ones refused), each of its storage type and form (columnSchema), date
 * ranges in order. A column may be missing only when the table can fill it (nullable or with a
 * default), so a bundle from an older schema imports.
 */
export function rowSchema(columns: Column[], key: readonly string[], required: readonly string[] = []): z.ZodType<Row> {
  const shape: Record<string, z.ZodType> = {};
  for (const c of columns) {
    const must = key.includes(c.name) || required.includes(c.name);
    let value = columnSchema(c);
    if (!c.notNull && !must) value = value.nullable();
    if (!must && (!c.notNull || c.hasDefault)) value = value.optional();
    shape[c.name] = value;
  }
  const ranges = RANGES.filter(([start, end]) => shape[start] && shape[end]);
  return z.strictObject(shape).superRefine((row, ctx) => {
    for (const [start, end] of ranges) {
      const [from, to] = [row[start], row[end]];
      if (typeof from === 'string' && typeof to === 'string' && to < from) ctx.addIssue({ code: 'custom', path: [end], message: `ends before ${start}` });
    }
  }) as unknown as z.ZodType<Row>;
}

export const keyString = (table: BundleTable, row: Row) => table.key.map((k) => String(row[k])).join('|');

export function createRowsRepo(db: Db, table: BundleTable) {
  // Columns that never leave this machine are neither written to a bundle nor accepted from one.
  const columns = tableColumns(db, table.name).filter((c) => !table.omit?.includes(c.name));
  const names = columns.map((c) => c.name);
  const carried = table.where ? ` WHERE ${table.where}` : '';
  const where = table.key.map((k) => `${q(k)} = ?`).join(' AND ');
  const get = db.prepare(`SELECT * FROM ${q(table.name)} WHERE ${where}`);
  // Copies made by earlier imports, by origin: read once (a scan per row would make a big import quadratic).
  let copies: Map<string, Row> | undefined;
  const copyOf = (origin: string) => {
    if (!names.includes('origin')) return undefined;
    copies ??= new Map((db.prepare(`SELECT * FROM ${q(table.name)} WHERE origin IS NOT NULL`).all() as Row[]).map((r) => [String(r.origin), r]));
    return copies.get(origin);
  };
  type Statement = ReturnType<Db['prepare']> & { run(...params: unknown[]): unknown };
  const inserts = new Map<string, Statement>();
  const updates = new Map<string, Statement>();
  const cached = (cache: Map<string, Statement>, cols: string[], make: () => string) => {
    const id = cols.join(',');
    let stmt = cache.get(id);
    if (!stmt) cache.set(id, (stmt = db.prepare(make()) as Statement));
    return stmt;
  };
  const keyValues = (row: Row) => table.key.map((k) => row[k]);

  return {
    columns,
    hasOrigin: names.includes('origin'),
    /**
     * Every row as [...key values, ...`extra` column values, its JSON line as UTF-8 bytes], in key
     * order (a stable file, and self-references in order). SQLite writes the JSON and hands over its
     * bytes: building a JS object per row, or even a JS string, and encoding it again costs several
     * times more. `extra` names columns the caller reads itself (the viewer's fields, a content hash).
     */
    jsonRows: (source: Db, extra: readonly string[] = []) =>
      source
        .prepare(
          `SELECT ${[
            ...table.key.map(q),
            ...extra.map(q),
            `CAST(json_object(${names.map((n) => `'${n}', ${q(n)}`).join(', ')}) || char(10) AS BLOB)`,
          ].join(', ')} FROM ${q(table.name)}${carried} ORDER BY ${table.key.map(q).join(', ')}`,
        )
        .raw()
        .iterate() as IterableIterator<unknown[]>,
    /** How many rows travel (for an export's progress). */
    count: (source: Db = db) => (source.prepare(`SELECT count(*) AS n FROM ${q(table.name)}${carried}`).get() as { n: number }).n,
    /** Key and reference columns of every row: what the closure of a project export walks. */
    links: () => {
      const cols = [...new Set([...table.key, ...table.refs.map((r) => r.column)])];
      return db.prepare(`SELECT ${cols.map(q).join(', ')} FROM ${q(table.name)}${carried}`).all() as Row[];
    },
    get: (row: Row) => get.get(...keyValues(row)) as Row | undefined,
    /** The copy an earlier import made of a record (`origin` = `<lab id>/<its id>`), if any. */
    copyOf,
    insert(row: Row) {
      const cols = names.filter((n) => row[n] !== undefined);
      cached(inserts, cols, () => `INSERT INTO ${q(table.name)} (${cols.map(q).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(
        ...cols.map((c) => row[c]),
      );
    },
    update(row: Row) {
      const cols = names.filter((n) => row[n] !== undefined && !table.key.includes(n));
      if (cols.length === 0) return;
      cached(updates, cols, () => `UPDATE ${q(table.name)} SET ${cols.map((c) => `${q(c)} = ?`).join(', ')} WHERE ${where}`).run(
        ...cols.map((c) => row[c]),
        ...keyValues(row),
      );
    },
  };
}

export type RowsRepo = ReturnType<typeof createRowsRepo>;

/** The rows compare equal on every column the incoming row carries. */
export const sameRow = (incoming: Row, local: Row) => Object.keys(incoming).every((k) => incoming[k] === local[k]);

/** Rows that refer to a missing parent; an import with any is refused before it commits. */
export const foreignKeyViolations = (db: Db) => (db.pragma('foreign_key_check') as unknown[]).length;
