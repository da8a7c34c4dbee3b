import { z } from 'zod';
import { IdSchema, TimestampSchema } from './common';

/**
 * A strategy pillar is a lens on the portfolio. The defaults (the Uzbek strategy's four) carry a
 * `key` the UI translates; pillars a lab adds carry their own label.
 */
export const PillarSchema = z.object({
  id: IdSchema,
  key: z.string().nullable(),
  label: z.string().nullable(),
  position: z.int(),
});
export type Pillar = z.infer<typeof PillarSchema>;

export const ACTIVITY_ACTIONS = ['created', 'updated', 'deleted'] as const;

/** One line of the append-only activity log. */
export const ActivitySchema = z.object({
  id: IdSchema,
  at: TimestampSchema,
  subjectType: z.string(),
  subjectId: IdSchema,
  action: z.enum(ACTIVITY_ACTIONS),
  /** Names of the fields a change touched, so the log can say what changed without copying data. */
  fields: z.array(z.string()),
  summary: z.string(),
});
export type Activity = z.infer<typeof ActivitySchema>;

export const AppInfoSchema = z.object({
  version: z.string(),
  dataDir: z.string(),
  schemaVersion: z.int(),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

export const JobSchema = z.object({
  id: IdSchema,
  kind: z.string(),
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  done: z.number(),
  total: z.number(),
});
export type Job = z.infer<typeof JobSchema>;
