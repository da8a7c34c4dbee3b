/** The countdown is facts plus a clock: every state it can be in, computed at exact instants. */
import { describe, expect, it } from 'vitest';
import { nextTimer, rankVotes, timerView, type Timer } from '../../electron/shared/workshop/model';

const T0 = Date.parse('2026-11-28T09:00:00.000Z');
const idle: Timer = { durationMs: 0, endsAt: null, remainingMs: 0 };

describe('workshop timer', () => {
  it('starts, pauses, resumes, gains a minute and ends on its own', () => {
    const running = nextTimer(idle, 'start', T0, 300);
    expect(timerView(running, T0 + 1000)).toEqual({ status: 'running', remainingMs: 299_000 });
    const paused = nextTimer(running, 'pause', T0 + 100_000);
    expect(timerView(paused, T0 + 500_000)).toEqual({ status: 'paused', remainingMs: 200_000 });
    const resumed = nextTimer(paused, 'start', T0 + 500_000);
    expect(timerView(resumed, T0 + 600_000)).toEqual({ status: 'running', remainingMs: 100_000 });
    const longer = nextTimer(resumed, 'addMinute', T0 + 600_000);
    expect(timerView(longer, T0 + 600_000)).toEqual({ status: 'running', remainingMs: 160_000 });
    expect(timerView(longer, T0 + 800_000)).toEqual({ status: 'ended', remainingMs: 0 });
    // A minute more after the end runs again for that minute.
    expect(timerView(nextTimer(longer, 'addMinute', T0 + 800_000), T0 + 830_000)).toEqual({ status: 'running', remainingMs: 30_000 });
  });

  it('resets to its duration, restarts after ending, and ignores pause when not running', () => {
    const running = nextTimer(idle, 'start', T0, 60);
    expect(timerView(nextTimer(running, 'reset', T0 + 10_000), T0 + 99_000)).toEqual({ status: 'idle', remainingMs: 60_000 });
    expect(nextTimer(idle, 'pause', T0)).toBe(idle);
    const again = nextTimer(running, 'start', T0 + 70_000);
    expect(timerView(again, T0 + 70_000)).toEqual({ status: 'running', remainingMs: 60_000 });
    expect(timerView(idle, T0)).toEqual({ status: 'idle', remainingMs: 0 });
  });
});

describe('vote ranking', () => {
  it('ranks by votes, ties share a rank and keep board order', () => {
    const ranked = rankVotes([
      { id: 'a', votes: 1 },
      { id: 'b', votes: 3 },
      { id: 'c', votes: 1 },
      { id: 'd', votes: 0 },
    ]);
    expect(ranked.map((r) => [r.id, r.rank])).toEqual([
      ['b', 1],
      ['a', 2],
      ['c', 2],
      ['d', 4],
    ]);
  });
});
