import { describe, expect, it } from 'vitest';
import { createEventHub } from '../../electron/core/event-hub';
import { createJobRunner } from '../../electron/core/jobs';
import { uuidV7Ids } from '../../electron/core/ids';
import type { Job } from '../../electron/shared/domain/lab';
import { silentLogger, steppingClock } from '../support/core';

function runner() {
  const events = createEventHub();
  const seen: Job[] = [];
  events.subscribe((e) => e.type === 'job.progress' && seen.push(e.payload));
  // The stepping clock moves a second per reading, so every progress report is published.
  return { jobs: createJobRunner({ ids: uuidV7Ids(), clock: steppingClock(), events, logger: silentLogger }), seen };
}

describe('jobs', () => {
  it('report progress and finish as done', async () => {
    const { jobs, seen } = runner();
    const { id, result } = jobs.start('count', async (ctx) => {
      for (let i = 1; i <= 3; i++) ctx.progress(i, 3);
      return 'counted';
    });
    expect(jobs.list().map((j) => j.id)).toEqual([id]);
    expect(await result).toBe('counted');
    expect(seen.map((j) => [j.state, j.done, j.total])).toEqual([
      ['running', 0, 0],
      ['running', 1, 3],
      ['running', 2, 3],
      ['running', 3, 3],
      ['done', 3, 3],
    ]);
    expect(jobs.list()).toEqual([]);
  });

  it('can be cancelled; the work sees the signal and the job ends as cancelled', async () => {
    const { jobs, seen } = runner();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const { id, result } = jobs.start('slow', async (ctx) => {
      await gate;
      if (ctx.signal.aborted) throw new Error('stopped');
      return 'finished';
    });
    expect(jobs.cancel(id).state).toBe('running');
    release();
    await expect(result).rejects.toThrow('stopped');
    expect(seen.at(-1)?.state).toBe('cancelled');
  });

  it('end as failed when the work throws, and cancelling an unknown job is not_found', async () => {
    const { jobs, seen } = runner();
    const { result } = jobs.start('broken', async () => {
      throw new Error('bad input file');
    });
    await expect(result).rejects.toThrow('bad input file');
    expect(seen.at(-1)?.state).toBe('failed');
    expect(() => jobs.cancel('01930000-0000-7000-8000-000000000009')).toThrow(expect.objectContaining({ code: 'not_found' }));
  });
});
