/**
 * Durability (issue 7, item 4): a child writes through the real core and is killed with SIGKILL at
 * a random line of its output, 50 times; after every kill the database, opened as the app opens it,
 * must pass its integrity checks, hold every acknowledged write and no half transaction
 * (tests/support/durability.ts). `npm run bench -- --only durability` runs the same with 1,000.
 *
 * Replay a failure with the seed it prints: DURABILITY_SEED=<seed> npx vitest run tests/durability
 * (the workload and the kill lines repeat; where exactly in a write the kill lands does not).
 */
import { randomInt } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeFailure, runTrials, summarise } from '../support/durability';
import { ROOT } from '../support/sources';

const CHILD = join(ROOT, 'dist', 'node', 'durability-child.mjs');
const TRIALS = 50;

function builtChild() {
  if (!existsSync(CHILD)) throw new Error('dist/node/durability-child.mjs is missing: run `node scripts/build.mjs` (npm test does) before these tests.');
  return CHILD;
}

describe('kill -9 while writing', () => {
  it(`keeps every acknowledged write, and never half a transaction, over ${TRIALS} kills`, async () => {
    const seed = process.env.DURABILITY_SEED ? Number(process.env.DURABILITY_SEED) : randomInt(2 ** 32);
    if (!Number.isInteger(seed) || seed < 0 || seed >= 2 ** 32) throw new Error(`DURABILITY_SEED takes a whole number below 2^32, not "${process.env.DURABILITY_SEED}".`);
    // Printed first, so that even a run that hangs until the timeout can be replayed.
    console.log(`durability: seed ${seed} (replay: DURABILITY_SEED=${seed} npx vitest run tests/durability)`);
    const run = await runTrials({ childScript: builtChild(), trials: TRIALS, seed });
    const s = summarise(run);

    expect(s.failed.map((t) => describeFailure(run, t)), `replay with DURABILITY_SEED=${seed}`).toEqual([]);
    expect(s.trials).toBe(TRIALS);
    // The kills landed while the child was writing, not before it began: acknowledgements arrived
    // and were checked again after every later kill on the same folder.
    expect(s.acks).toBeGreaterThan(TRIALS);
    expect(s.acksChecked).toBeGreaterThan(s.acks);
    console.log(
      `durability: ${s.trials} kills in ${(run.ms / 1000).toFixed(1)} s, ${s.acks} acknowledged writes, ${s.acksChecked} checks, ` +
        `write in flight at the kill: ${s.inFlightCommitted} committed, ${s.inFlightRolledBack} rolled back`,
    );
  }, 180_000);

  it('fails loudly when the child exits on its own instead of being killed', async () => {
    // A stand-in child that dies before writing anything: the harness must not count it as a trial.
    const dir = mkdtempSync(join(tmpdir(), 'ibtikar-durability-test-'));
    try {
      const script = join(dir, 'exits.mjs');
      writeFileSync(script, "process.stderr.write('cannot start'); process.exit(3);\n");
      await expect(runTrials({ childScript: script, trials: 1, seed: 1 })).rejects.toThrow(/exited by itself \(code 3.*cannot start/s);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
