/**
 * Group commit for bursts of small writes from many clients (a room of phones on the workshop
 * server). With synchronous=FULL every commit waits for the disk (about 4 ms here), so 200 phones
 * each committing on their own queue behind one another for most of a second. Work handed in
 * during one turn of the event loop instead runs in ONE transaction at the next turn, and every
 * caller gets its answer only after that COMMIT returned: an acknowledged write is still durable.
 *
 * Each piece of work runs in its own savepoint, so one that throws is rolled back alone and the
 * others still commit. Work is expected to do its database part synchronously (better-sqlite3 is
 * synchronous, and so are the handlers behind the workshop server): a piece may return a promise
 * (the dispatcher's envelope), but whatever it does after its first await runs after the batch, on
 * its own, as it would without batching.
 */
import type { Db } from './open';

interface Pending {
  run: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

export function createGroupCommit(db: Db) {
  let queue: Pending[] = [];
  // Savepoints by hand: better-sqlite3's nested transaction refuses work that returns a promise.
  const savepoint = db.prepare('SAVEPOINT group_item');
  const release = db.prepare('RELEASE group_item');
  const rollbackTo = db.prepare('ROLLBACK TO group_item');

  function flush() {
    const batch = queue;
    queue = [];
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    try {
      db.transaction(() => {
        for (const item of batch) {
          savepoint.run();
          try {
            outcomes.push({ ok: true, value: item.run() });
          } catch (error) {
            rollbackTo.run();
            outcomes.push({ ok: false, error });
          }
          release.run();
        }
      })();
    } catch (error) {
      // The COMMIT itself failed (disk full, I/O error): nothing of the batch was stored.
      for (const item of batch) item.reject(error);
      return;
    }
    batch.forEach((item, i) => {
      const outcome = outcomes[i];
      if (outcome.ok) item.resolve(outcome.value);
      else item.reject(outcome.error);
    });
  }

  /** Runs `work` in the next group transaction; settles once that transaction is committed. */
  return function inGroup<T>(work: () => T): Promise<Awaited<T>> {
    return new Promise<Awaited<T>>((resolve, reject) => {
      queue.push({ run: work, resolve: resolve as (value: unknown) => void, reject });
      if (queue.length === 1) setImmediate(flush);
    });
  };
}

export type GroupCommit = ReturnType<typeof createGroupCommit>;
