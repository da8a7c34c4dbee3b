/**
 * Which rows a project (or selection) export carries: the projects, everything that belongs to them
 * (down the `owned` references, to a fixed point), then everything those rows refer to (up every
 * reference), so the bundle imports on its own without broken references.
 */
import type { Db } from '../db/open';
import { createRowsRepo, keyString, type Row } from './rows-repo';
import { BUNDLE_TABLES } from './tables';

export type Selection = Map<string, Set<string>>;

export function selectProjects(db: Db, projectIds: readonly string[]): Selection {
  const links = new Map(BUNDLE_TABLES.map((t) => [t.name, createRowsRepo(db, t).links()]));
  const selected: Selection = new Map(BUNDLE_TABLES.map((t) => [t.name, new Set<string>()]));
  const projects = selected.get('projects')!;
  for (const row of links.get('projects')!) if (projectIds.includes(String(row.id))) projects.add(String(row.id));

  const isSelected = (table: string, id: Row[string]) =>
    id !== null && (table === 'any' ? [...selected.values()].some((s) => s.has(String(id))) : selected.get(table)?.has(String(id)) === true);

  // Down: rows owned by selected rows.
  for (let changed = true; changed; ) {
    changed = false;
    for (const table of BUNDLE_TABLES) {
      const owned = table.refs.filter((r) => r.owned);
      if (owned.length === 0) continue;
      const mine = selected.get(table.name)!;
      for (const row of links.get(table.name)!) {
        const key = keyString(table, row);
        if (!mine.has(key) && owned.some((r) => isSelected(r.table, row[r.column]))) {
          mine.add(key);
          changed = true;
        }
      }
    }
  }
  // Up: whatever selected rows refer to (loose references have no row to bring).
  for (let changed = true; changed; ) {
    changed = false;
    for (const table of BUNDLE_TABLES) {
      const mine = selected.get(table.name)!;
      for (const row of links.get(table.name)!) {
        if (!mine.has(keyString(table, row))) continue;
        for (const ref of table.refs) {
          const value = row[ref.column];
          if (ref.table === 'any' || value === null || isSelected(ref.table, value)) continue;
          selected.get(ref.table)!.add(String(value));
          changed = true;
        }
      }
    }
  }
  return selected;
}
