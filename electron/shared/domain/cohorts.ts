import { z } from 'zod';
import { DateSchema, IdSchema, TimestampSchema, userText } from './common';

const name = userText(200).pipe(z.string().min(1));
const datesInOrder = (c: { startsOn?: string | null; endsOn?: string | null }) => !c.startsOn || !c.endsOn || c.startsOn <= c.endsOn;
const datesIssue = { message: 'end_before_start', path: ['endsOn'] };

export const MilestoneSchema = z.object({
  id: IdSchema,
  cohortId: IdSchema,
  title: z.string(),
  dueOn: DateSchema.nullable(),
  done: z.boolean(),
});
export type Milestone = z.infer<typeof MilestoneSchema>;

export const CohortSchema = z.object({
  id: IdSchema,
  name: z.string(),
  description: z.string(),
  startsOn: DateSchema.nullable(),
  endsOn: DateSchema.nullable(),
  demoDay: DateSchema.nullable(),
  projectIds: z.array(IdSchema),
  milestones: z.array(MilestoneSchema),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type Cohort = z.infer<typeof CohortSchema>;

const cohortFields = {
  name,
  description: userText(5000),
  startsOn: DateSchema.nullable(),
  endsOn: DateSchema.nullable(),
  demoDay: DateSchema.nullable(),
};
export const CohortCreateSchema = z
  .strictObject({
    name,
    description: cohortFields.description.default(''),
    startsOn: cohortFields.startsOn.default(null),
    endsOn: cohortFields.endsOn.default(null),
    demoDay: cohortFields.demoDay.default(null),
  })
  .refine(datesInOrder, datesIssue);
export const CohortPatchSchema = z.strictObject(cohortFields).partial().refine(datesInOrder, datesIssue);

export const MilestoneCreateSchema = z.strictObject({ cohortId: IdSchema, title: name, dueOn: DateSchema.nullable().default(null) });
export const MilestoneUpdateSchema = z.strictObject({
  id: IdSchema,
  title: name.optional(),
  dueOn: DateSchema.nullable().optional(),
  done: z.boolean().optional(),
});
