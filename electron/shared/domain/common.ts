import { z } from 'zod';

/** Record ids are UUIDv7: globally unique, because records travel between workstations in bundles. */
export const IdSchema = z.uuid();
export type Id = z.infer<typeof IdSchema>;

/** Timestamps are UTC ISO-8601 strings with milliseconds, e.g. 2026-11-28T09:15:00.000Z. */
export const TimestampSchema = z.iso.datetime();

/** Calendar dates (no time of day), e.g. 2026-11-28. */
export const DateSchema = z.iso.date();

/**
 * Whether a day (YYYY-MM-DD) is still to come everywhere on Earth at `now`: a day ahead of UTC is
 * already today east of it (Tashkent, Abu Dhabi), so only a day past UTC+14's is the future.
 */
export const isFutureDay = (day: string, now: Date) => day > new Date(now.getTime() + 14 * 3_600_000).toISOString().slice(0, 10);

/** Control characters other than tab, line feed and carriage return: stored invisibly, they break exports. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
export const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Half of a UTF-16 surrogate pair: SQLite stores it as bytes that read back as three replacement characters. */
export const LONE_SURROGATE = /\p{Cs}/u;

/** User-typed text: trimmed, without control characters other than tab and newline. */
export const userText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((s) => !CONTROL_CHARACTER.test(s), { message: 'control_characters' });
