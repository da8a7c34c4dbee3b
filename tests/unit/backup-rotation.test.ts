import { describe, expect, it } from 'vitest';
import { backupsToKeep, KEEP_RECENT } from '../../electron/core/backups/rotation';

const now = new Date('2026-11-28T12:00:00.000Z');
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);

describe('backup rotation', () => {
  it('keeps everything while there are few backups', () => {
    const dates = [1, 2, 3].map(hoursAgo);
    expect(backupsToKeep(dates, now)).toEqual(new Set([0, 1, 2]));
  });

  it('keeps the newest ten, one a day for a week and one a week for eight weeks', () => {
    // A backup every 6 hours for 100 days.
    const dates = Array.from({ length: 400 }, (_, i) => hoursAgo(i * 6));
    const keep = [...backupsToKeep(dates, now)].sort((a, b) => a - b);
    expect(keep.slice(0, KEEP_RECENT)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const kept = keep.map((i) => dates[i]);
    const days = new Set(kept.map((d) => Math.floor((now.getTime() - d.getTime()) / 86_400_000)));
    for (let day = 0; day < 7; day++) expect(days.has(day)).toBe(true);
    const weeks = new Set(kept.map((d) => Math.floor((now.getTime() - d.getTime()) / (7 * 86_400_000))));
    for (let week = 0; week < 8; week++) expect(weeks.has(week)).toBe(true);
    expect(weeks.has(12)).toBe(false);
    expect(keep.length).toBeLessThan(30);
  });
});
