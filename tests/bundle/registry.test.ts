/**
 * Every table in the database is either carried by bundles (the registry) or listed as internal
 * with a reason. A new table (canvases, pilots, attachments…) fails here until it joins the registry.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../electron/core/db/migrate';
import { tableColumns } from '../../electron/core/bundles/rows-repo';
import { BUNDLE_TABLES, INTERNAL_TABLES } from '../../electron/core/bundles/tables';

function databaseTables() {
  const db = new Database(':memory:');
  migrate(db);
  const rows = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string; sql: string }[];
  // FTS5 keeps its data in shadow tables named after the virtual table; they belong to it.
  const virtual = rows.filter((r) => /^CREATE VIRTUAL TABLE/i.test(r.sql)).map((r) => r.name);
  const tables = rows.map((r) => r.name).filter((name) => !virtual.some((v) => name.startsWith(`${v}_`)));
  return { db, tables };
}

describe('the bundle table registry', () => {
  it('covers every table of the database, or names it internal with a reason', () => {
    const { tables } = databaseTables();
    const covered = new Set([...BUNDLE_TABLES.map((t) => t.name), ...Object.keys(INTERNAL_TABLES)]);
    expect(tables.filter((t) => !covered.has(t))).toEqual([]);
    for (const reason of Object.values(INTERNAL_TABLES)) expect(reason.length).toBeGreaterThan(10);
  });

  it('names only tables and columns that exist, with parents before children', () => {
    const { db, tables } = databaseTables();
    expect(Object.keys(INTERNAL_TABLES).filter((t) => !tables.includes(t))).toEqual([]);
    BUNDLE_TABLES.forEach((table, index) => {
      expect(tables).toContain(table.name);
      const columns = tableColumns(db, table.name).map((c) => c.name);
      for (const k of table.key) expect(columns, `${table.name}.${k}`).toContain(k);
      for (const ref of table.refs) {
        expect(columns, `${table.name}.${ref.column}`).toContain(ref.column);
        if (ref.table === 'any' || ref.table === table.name) continue;
        const parent = BUNDLE_TABLES.findIndex((t) => t.name === ref.table);
        expect(parent, `${table.name} → ${ref.table}`).toBeGreaterThanOrEqual(0);
        expect(parent, `${ref.table} comes before ${table.name}`).toBeLessThan(index);
      }
    });
  });

  it('lists every foreign key of a carried table as a reference', () => {
    const { db } = databaseTables();
    for (const table of BUNDLE_TABLES) {
      const fks = db.prepare(`PRAGMA foreign_key_list("${table.name}")`).all() as { table: string; from: string }[];
      for (const fk of fks) expect(table.refs, `${table.name}.${fk.from}`).toContainEqual(expect.objectContaining({ column: fk.from, table: fk.table }));
    }
  });
});
