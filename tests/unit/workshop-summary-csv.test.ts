/**
 * The workshop summary CSV is a report of a meeting: its times are the computer's local ones (as
 * the room's clock showed them), in a form spreadsheets read as a date and time, not ISO UTC.
 */
import i18next from 'i18next';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Summary } from '../../electron/shared/workshop/model';
import { initI18n } from '../../renderer/src/i18n/i18n';
import { localDateTime, summaryCsvRows } from '../../renderer/src/features/workshops/summary-export';

const zone = process.env.TZ;
beforeAll(() => initI18n('en'));
afterEach(() => {
  // Node reads TZ again whenever it is set, so each test can put the computer in another zone.
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

const summary = {
  startedAt: '2026-11-28T21:30:00.000Z',
  endedAt: '2026-11-28T22:45:00.000Z',
  durationMs: 75 * 60_000,
  participants: 3,
  notesAdded: 5,
  endedBy: 'facilitator',
  notesPerZone: [],
  voteSessions: [],
} as unknown as Summary;

describe('workshop summary CSV', () => {
  it('writes start and end in local time: a late evening in Dubai is already the next day there', () => {
    process.env.TZ = 'Asia/Dubai';
    const rows = summaryCsvRows(summary, 'Visa office visit', () => '', i18next.t);
    expect(rows).toContainEqual(['Overview', 'Started (local time)', '2026-11-29 01:30']);
    expect(rows).toContainEqual(['Overview', 'Ended (local time)', '2026-11-29 02:45']);
  });

  it('follows the computer’s zone: Tashkent is an hour further on', () => {
    process.env.TZ = 'Asia/Tashkent';
    expect(localDateTime(summary.startedAt)).toBe('2026-11-29 02:30');
    process.env.TZ = 'UTC';
    expect(localDateTime(summary.startedAt)).toBe('2026-11-28 21:30');
  });
});
