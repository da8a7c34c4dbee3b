/**
 * A backup taken while the workload writes (issue #7): SQLite's online backup copies pages in steps
 * between the writes, and restoring it must give a database that passes integrity_check and holds
 * every write acknowledged up to the moment the backup finished — and nothing written after it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Backup } from '../../electron/shared/domain/backups';
import { databaseFile } from '../../electron/core/paths';
import { callValue, makeCore, type TestCore } from '../support/core';
import { checkDatabase, createLedger, readChildLines } from '../support/durability';
import { runWorkload, type ChildLine } from '../support/durability-workload';
import { removeDir } from '../support/serve';

let test: TestCore;
afterEach(() => {
  test?.core.close();
  removeDir(test.dataDir);
});

describe('a backup taken during writes', () => {
  it('restores to exactly the writes acknowledged before it finished', async () => {
    test = makeCore();
    const lines: ChildLine[] = [];
    let backup: Promise<Backup> | null = null;
    let linesAtBackup: ChildLine[] = [];
    await runWorkload({
      call: test.call,
      seed: 20261128,
      maxWrites: 600,
      emit: async (line) => {
        lines.push(line);
        // Between two calls the event loop turns, as it does between two requests in the app, so
        // the backup's steps run between writes instead of after all of them.
        await new Promise((resolve) => setImmediate(resolve));
        // Started mid-run and not awaited: the workload keeps writing while the backup copies.
        if (line.t === 'ack' && line.seq === 150) {
          backup = callValue<Backup>(test, 'backups.create', {}).then((made) => {
            linesAtBackup = [...lines];
            return made;
          });
        }
      },
    });
    const made = await backup!;
    const { acks, inFlight } = readChildLines(linesAtBackup);
    expect(acks.length).toBeGreaterThanOrEqual(150);
    expect(acks.length).toBeLessThan(readChildLines(lines).acks.length);

    await callValue(test, 'backups.restore', { fileName: made.fileName });
    test.core.close();
    const ledger = createLedger();
    for (const ack of acks) ledger.acknowledge(ack);
    const result = checkDatabase(databaseFile(test.dataDir), ledger, inFlight);
    expect(result.problems).toEqual([]);
  });
});
