import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export type Db = Database.Database;

/**
 * Opens the lab database with the settings the architecture asks for: WAL for concurrent readers,
 * foreign keys enforced, and synchronous=FULL so an acknowledged write survives a power cut.
 */
export function openDatabase(file: string, options: { nativeBinding?: string } = {}): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  // The desktop app in development passes a better-sqlite3 build made for Electron's ABI, so the
  // one in node_modules stays built for Node (tests and serve keep working on the same checkout).
  const db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  return db;
}
