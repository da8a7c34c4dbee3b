import { z } from 'zod';
import { DateSchema, IdSchema, TimestampSchema, userText } from './common';
import { OecdFacetSchema } from './project';

/** Scorecards score each criterion 1–5; the aggregate is the weighted mean, averaged over reviewers. */
export const SCORE_MIN = 1;
export const SCORE_MAX = 5;

const longText = userText(5000);
const title = userText(200).pipe(z.string().min(1));

export const ChallengeSchema = z.object({
  id: IdSchema,
  title: z.string(),
  context: z.string(),
  affected: z.string(),
  evidence: z.string(),
  hmw: z.string(),
  oecdFacet: OecdFacetSchema.nullable(),
  ideaCount: z.int(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type Challenge = z.infer<typeof ChallengeSchema>;

const challengeFields = { title, context: longText, affected: longText, evidence: longText, hmw: userText(1000), oecdFacet: OecdFacetSchema.nullable() };
export const ChallengeCreateSchema = z.strictObject({
  title,
  context: longText.default(''),
  affected: longText.default(''),
  evidence: longText.default(''),
  hmw: userText(1000).default(''),
  oecdFacet: OecdFacetSchema.nullable().default(null),
});
export const ChallengePatchSchema = z.strictObject(challengeFields).partial();

export const CAMPAIGN_STATES = ['open', 'closed'] as const;
export const CampaignSchema = z.object({
  id: IdSchema,
  challengeId: IdSchema,
  title: z.string(),
  opensOn: DateSchema.nullable(),
  closesOn: DateSchema.nullable(),
  state: z.enum(CAMPAIGN_STATES),
  ideaCount: z.int(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type Campaign = z.infer<typeof CampaignSchema>;

export const CAMPAIGN_PHASES = ['open', 'notYetOpen', 'pastClosing', 'closed'] as const;
export type CampaignPhase = (typeof CAMPAIGN_PHASES)[number];

/**
 * Where a campaign stands on `today` (YYYY-MM-DD, UTC as core dates it): it takes ideas only while
 * open and between its dates, when it has them.
 */
export function campaignPhase(c: Pick<Campaign, 'state' | 'opensOn' | 'closesOn'>, today: string): CampaignPhase {
  if (c.state === 'closed') return 'closed';
  if (c.opensOn !== null && today < c.opensOn) return 'notYetOpen';
  if (c.closesOn !== null && today > c.closesOn) return 'pastClosing';
  return 'open';
}

const datesInOrder = (c: { opensOn?: string | null; closesOn?: string | null }) => !c.opensOn || !c.closesOn || c.opensOn <= c.closesOn;
const datesIssue = { message: 'end_before_start', path: ['closesOn'] };
export const CampaignCreateSchema = z
  .strictObject({ challengeId: IdSchema, title, opensOn: DateSchema.nullable().default(null), closesOn: DateSchema.nullable().default(null) })
  .refine(datesInOrder, datesIssue);
export const CampaignPatchSchema = z
  .strictObject({ title, opensOn: DateSchema.nullable(), closesOn: DateSchema.nullable(), state: z.enum(CAMPAIGN_STATES) })
  .partial()
  .refine(datesInOrder, datesIssue);

export const IDEA_STATUSES = ['new', 'shortlisted', 'shelved', 'promoted'] as const;
/** Statuses set by hand; `promoted` is set only by promoting the idea to a project. */
export const EDITABLE_IDEA_STATUSES = ['new', 'shortlisted', 'shelved'] as const;

export const IdeaSchema = z.object({
  id: IdSchema,
  title: z.string(),
  description: z.string(),
  authorName: z.string(),
  status: z.enum(IDEA_STATUSES),
  challengeId: IdSchema.nullable(),
  campaignId: IdSchema.nullable(),
  projectId: IdSchema.nullable(),
  /** Weighted mean of the reviewers' scorecards (1–5), or null before anyone has scored. */
  score: z.number().nullable(),
  reviewerCount: z.int(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type Idea = z.infer<typeof IdeaSchema>;

export const IdeaCreateSchema = z.strictObject({
  title,
  description: longText.default(''),
  authorName: userText(200).default(''),
  challengeId: IdSchema.nullable().default(null),
  campaignId: IdSchema.nullable().default(null),
});
export const IdeaPatchSchema = z
  .strictObject({
    title,
    description: longText,
    authorName: userText(200),
    status: z.enum(EDITABLE_IDEA_STATUSES),
    challengeId: IdSchema.nullable(),
    campaignId: IdSchema.nullable(),
  })
  .partial();

export const IdeaListQuerySchema = z.strictObject({
  challengeId: IdSchema.optional(),
  campaignId: IdSchema.optional(),
  projectId: IdSchema.optional(),
  status: z.enum(IDEA_STATUSES).optional(),
  sort: z.enum(['score', 'created']).default('score'),
  limit: z.int().min(1).max(500).default(100),
  offset: z.int().min(0).default(0),
});

export const ScoreCriterionSchema = z.object({
  id: IdSchema,
  key: z.string().nullable(),
  label: z.string().nullable(),
  weight: z.number(),
  position: z.int(),
  archived: z.boolean(),
});
export type ScoreCriterion = z.infer<typeof ScoreCriterionSchema>;
export const ScoreCriterionCreateSchema = z.strictObject({ label: title, weight: z.number().positive().max(100).default(1) });
export const ScoreCriterionUpdateSchema = z.strictObject({
  id: IdSchema,
  label: title.optional(),
  weight: z.number().positive().max(100).optional(),
  archived: z.boolean().optional(),
});

export const ScorecardInputSchema = z.strictObject({
  ideaId: IdSchema,
  reviewerId: IdSchema,
  scores: z.array(z.strictObject({ criterionId: IdSchema, score: z.int().min(SCORE_MIN).max(SCORE_MAX) })).min(1).max(50),
});

export const ScorecardSchema = z.object({
  reviewerId: IdSchema,
  reviewerName: z.string(),
  scores: z.array(z.object({ criterionId: IdSchema, score: z.int() })),
  /** This reviewer's weighted mean. */
  weighted: z.number(),
  scoredAt: TimestampSchema,
});
export type Scorecard = z.infer<typeof ScorecardSchema>;

export const PromoteSchema = z.strictObject({ ideaId: IdSchema, title: title.optional() });
