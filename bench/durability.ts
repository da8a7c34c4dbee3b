/**
 * Group `durability` (issue 7, item 4): the kill -9 harness of tests/durability, with many more
 * trials. Each trial starts a child writing through the real core, kills it with SIGKILL at a random
 * line of its output, reopens the database as the app would and checks it (tests/support/durability.ts).
 *
 *   DURABILITY_TRIALS=N   trials to run (default 1000)
 *   DURABILITY_SEED=S     replay a run (the seed is printed with any failure)
 *
 * The kills are of the process, not of the machine: what the kernel has accepted survives them
 * whatever the sync setting, so this proves atomic transactions and acknowledgements that come
 * after the commit, not the fsyncs that synchronous=FULL adds against a power cut.
 */
import { randomInt } from 'node:crypto';
import { join } from 'node:path';
import { describeFailure, runTrials, summarise } from '../tests/support/durability';
import { atMost, envInteger, type Figure } from './figures';

export async function benchDurability(): Promise<Figure[]> {
  const trials = envInteger('DURABILITY_TRIALS', 1000, 1_000_000);
  const seed = process.env.DURABILITY_SEED ? envInteger('DURABILITY_SEED', 0, 2 ** 32 - 1) : randomInt(2 ** 32);
  let done = 0;
  const run = await runTrials({
    // The bench bundle sits beside the child's in dist/node (scripts/build.mjs builds both).
    childScript: join(import.meta.dirname, 'durability-child.mjs'),
    trials,
    seed,
    onTrial: (trial) => {
      done += 1;
      if (trial.problems.length > 0) process.stderr.write(`durability: ${describeFailure({ seed, trials: [], ms: 0 }, trial)}\n`);
      else if (process.stderr.isTTY && done % 50 === 0) process.stderr.write(`durability: ${done}/${trials} trials (seed ${seed})\n`);
    },
  });
  const s = summarise(run);
  if (s.failed.length > 0) process.stderr.write(`durability: ${s.failed.length} trials failed; replay with DURABILITY_SEED=${seed}\n`);

  const figures: Figure[] = [];
  const add = (f: Omit<Figure, 'group'>) => figures.push({ group: 'durability', ...f });
  add({ id: 'trials', label: `kill -9 trials (seed ${seed})`, value: s.trials, unit: 'trials' });
  add({ id: 'integrity-failures', label: 'trials failing an integrity check', value: s.integrityFailures, unit: 'trials', ...atMost(s.integrityFailures, 0) });
  add({ id: 'acks-lost', label: 'acknowledged writes lost', value: s.lost, unit: 'writes', ...atMost(s.lost, 0) });
  add({ id: 'partial', label: 'partial transactions', value: s.partial, unit: 'found', ...atMost(s.partial, 0) });
  add({ id: 'unexpected', label: 'rows no write explains', value: s.unexpected, unit: 'rows', ...atMost(s.unexpected, 0) });
  add({ id: 'acks', label: 'acknowledged writes', value: s.acks, unit: 'writes' });
  add({ id: 'acks-checked', label: 'acknowledged writes checked (again after every kill)', value: s.acksChecked, unit: 'checks' });
  add({ id: 'in-flight-committed', label: 'kills after a commit, before its ack', value: s.inFlightCommitted, unit: 'trials' });
  add({ id: 'in-flight-rolled-back', label: 'kills inside a write that rolled back', value: s.inFlightRolledBack, unit: 'trials' });
  add({ id: 'trial-ms', label: 'time per trial (start, write, kill, check)', value: run.ms / Math.max(1, s.trials), unit: 'ms' });
  return figures;
}
