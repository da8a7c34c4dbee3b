/**
 * aFewAtOnce (electron/core/a-few-at-once.ts): never more than `width` running, every item done on
 * success; after a failure nothing new starts, running work is waited for, and the earliest failing
 * item's error is thrown whichever failed first in time.
 */
import { describe, expect, it } from 'vitest';
import { aFewAtOnce } from '../../electron/core/a-few-at-once';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('aFewAtOnce', () => {
  it('runs every item, never more than the width at once', async () => {
    let running = 0;
    let most = 0;
    const done: number[] = [];
    await aFewAtOnce([5, 1, 4, 2, 3, 1, 2], 3, async (ms) => {
      most = Math.max(most, ++running);
      await tick(ms);
      running--;
      done.push(ms);
    });
    expect(most).toBe(3);
    expect(done.sort()).toEqual([1, 1, 2, 2, 3, 4, 5]);
  });

  it('after a failure starts nothing new, waits for running work, and throws the earliest item’s failure', async () => {
    const started: number[] = [];
    const finished: number[] = [];
    const work = aFewAtOnce([0, 1, 2, 3, 4, 5], 3, async (item) => {
      started.push(item);
      // Item 2 fails first in time; item 0, still running, fails later but comes first in the list.
      await tick(item === 0 ? 30 : item === 2 ? 5 : 15);
      finished.push(item);
      if (item === 0 || item === 2) throw new Error(`item ${item}`);
    });
    await expect(work).rejects.toThrow('item 0');
    expect(started).toEqual([0, 1, 2]);
    expect(finished.sort()).toEqual([0, 1, 2]);
  });

  it('does nothing for no items', async () => {
    await expect(aFewAtOnce([], 4, () => Promise.reject(new Error('never')))).resolves.toBeUndefined();
  });
});
