import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, MigrationError, schemaVersion } from '../../electron/core/db/migrate';
import { MIGRATIONS, type Migration } from '../../electron/core/db/migrations';

const fake: Migration[] = [
  { version: 1, name: 'one', sql: 'CREATE TABLE a (x INTEGER);' },
  { version: 2, name: 'two', sql: 'CREATE TABLE b (y INTEGER);' },
];

describe('the migration runner', () => {
  it('applies pending migrations in order, once', () => {
    const db = new Database(':memory:');
    expect(migrate(db, { migrations: fake, target: 1 })).toEqual({ from: 0, to: 1 });
    expect(migrate(db, { migrations: fake })).toEqual({ from: 1, to: 2 });
    expect(migrate(db, { migrations: fake })).toEqual({ from: 2, to: 2 });
    expect(schemaVersion(db)).toBe(2);
  });

  it('refuses a database whose applied migration was edited afterwards', () => {
    const db = new Database(':memory:');
    migrate(db, { migrations: fake });
    const edited = [fake[0], { ...fake[1], sql: 'CREATE TABLE b (y TEXT);' }];
    expect(() => migrate(db, { migrations: edited })).toThrow(MigrationError);
  });

  it('refuses a database written by a newer version of the app', () => {
    const db = new Database(':memory:');
    migrate(db, { migrations: fake });
    expect(() => migrate(db, { migrations: fake.slice(0, 1) })).toThrow(/newer|does not know/);
  });

  it('rolls a failing migration back whole', () => {
    const db = new Database(':memory:');
    const broken = [...fake, { version: 3, name: 'broken', sql: 'CREATE TABLE c (z INTEGER); INSERT INTO nowhere VALUES (1);' }];
    expect(() => migrate(db, { migrations: broken })).toThrow();
    expect(schemaVersion(db)).toBe(2);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'c'").get()).toEqual({ n: 0 });
  });

  it('numbers the shipped migrations 1, 2, 3… with no gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });
});
