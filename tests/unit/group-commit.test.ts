/** Group commit: calls in one turn share one transaction, each answered only after it committed; a failing one is rolled back alone. */
import { describe, expect, it } from 'vitest';
import { createGroupCommit } from '../../electron/core/db/group-commit';
import { openDatabase } from '../../electron/core/db/open';

function db() {
  const d = openDatabase(':memory:');
  d.exec('CREATE TABLE t (v TEXT NOT NULL UNIQUE)');
  return d;
}

describe('group commit', () => {
  it('runs the calls of one turn in one transaction and settles them after the commit', async () => {
    const d = db();
    const inGroup = createGroupCommit(d);
    const insert = d.prepare('INSERT INTO t (v) VALUES (?)');
    const seenInTransaction: boolean[] = [];
    const answers = await Promise.all(
      ['a', 'b', 'c'].map((v) =>
        inGroup(() => {
          seenInTransaction.push(d.inTransaction);
          insert.run(v);
          return v.toUpperCase();
        }),
      ),
    );
    expect(answers).toEqual(['A', 'B', 'C']);
    expect(seenInTransaction).toEqual([true, true, true]);
    expect(d.inTransaction).toBe(false);
    expect(d.prepare('SELECT v FROM t ORDER BY v').pluck().all()).toEqual(['a', 'b', 'c']);
  });

  it('rolls back only the call that failed; the others still commit', async () => {
    const d = db();
    const inGroup = createGroupCommit(d);
    const insert = d.prepare('INSERT INTO t (v) VALUES (?)');
    const results = await Promise.allSettled([
      inGroup(() => insert.run('x')),
      inGroup(() => {
        insert.run('y');
        insert.run('x'); // breaks the UNIQUE constraint: 'y' must go too
      }),
      inGroup(() => insert.run('z')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(d.prepare('SELECT v FROM t ORDER BY v').pluck().all()).toEqual(['x', 'z']);
  });

  it('answers a call that returns a promise once its own work is done', async () => {
    const d = db();
    const inGroup = createGroupCommit(d);
    const value = await inGroup(async () => {
      d.prepare('INSERT INTO t (v) VALUES (?)').run('p');
      return 'done';
    });
    expect(value).toBe('done');
    expect(d.prepare('SELECT count(*) FROM t').pluck().get()).toBe(1);
  });
});
