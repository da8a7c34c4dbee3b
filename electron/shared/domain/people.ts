import { z } from 'zod';
import { IdSchema, TimestampSchema, userText } from './common';

export const PERSON_ROLES = ['cio', 'facilitator', 'team_member', 'mentor', 'sponsor'] as const;
export const MEMBER_ROLES = ['lead', 'member', 'mentor', 'sponsor'] as const;

export const EntitySchema = z.object({ id: IdSchema, name: z.string(), createdAt: TimestampSchema, updatedAt: TimestampSchema });
export type Entity = z.infer<typeof EntitySchema>;

export const EntityInputSchema = z.strictObject({ name: userText(200).pipe(z.string().min(1)) });

export const PersonSchema = z.object({
  id: IdSchema,
  name: z.string(),
  email: z.string().nullable(),
  role: z.enum(PERSON_ROLES),
  entityId: IdSchema.nullable(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type Person = z.infer<typeof PersonSchema>;

const personFields = {
  name: userText(200).pipe(z.string().min(1)),
  email: z.email().max(200).nullable(),
  role: z.enum(PERSON_ROLES),
  entityId: IdSchema.nullable(),
};
export const PersonCreateSchema = z.strictObject({
  ...personFields,
  email: personFields.email.default(null),
  role: personFields.role.default('team_member'),
  entityId: personFields.entityId.default(null),
});
export const PersonPatchSchema = z.strictObject(personFields).partial();

export const MemberSchema = z.object({ projectId: IdSchema, person: PersonSchema, role: z.enum(MEMBER_ROLES) });
export type Member = z.infer<typeof MemberSchema>;
