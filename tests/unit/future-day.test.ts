/** A decision dated today in Tashkent or Abu Dhabi is not "in the future", whatever UTC says. */
import { expect, it } from 'vitest';
import { isFutureDay } from '../../electron/shared/domain/common';

it('counts a day as future only once no time zone has reached it', () => {
  // 20:00 UTC is already 01:00 the next day in Tashkent (UTC+5).
  expect(isFutureDay('2026-11-29', new Date('2026-11-28T20:00:00Z'))).toBe(false);
  expect(isFutureDay('2026-11-28', new Date('2026-11-28T09:00:00Z'))).toBe(false);
  // At 09:00 UTC it is 23:00 on the 28th even at UTC+14.
  expect(isFutureDay('2026-11-29', new Date('2026-11-28T09:00:00Z'))).toBe(true);
  expect(isFutureDay('2030-01-01', new Date('2026-11-28T09:00:00Z'))).toBe(true);
});
