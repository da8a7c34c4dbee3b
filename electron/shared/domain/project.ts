import { z } from 'zod';
import { DateSchema, IdSchema, TimestampSchema, userText } from './common';

/** The seven stages of government innovation (DOMAIN.md); every project sits on exactly one. */
export const STAGES = [1, 2, 3, 4, 5, 6, 7] as const;
export const StageSchema = z.int().min(1).max(7);
export type Stage = z.infer<typeof StageSchema>;

export const PROJECT_STATUSES = ['active', 'shelved', 'stopped', 'scaled'] as const;
export const ProjectStatusSchema = z.enum(PROJECT_STATUSES);
export type ProjectStatus = z.infer<typeof ProjectStatusSchema>;

export const INNOVATION_TYPES = ['service', 'process', 'technology', 'policy', 'system'] as const;
export const InnovationTypeSchema = z.enum(INNOVATION_TYPES);

/** The four OECD facets of public-sector innovation. */
export const OECD_FACETS = ['enhancement', 'mission_oriented', 'adaptive', 'anticipatory'] as const;
export const OecdFacetSchema = z.enum(OECD_FACETS);

/** Nesta Standards of Evidence: 1 a theory of change … 5 proven at scale. */
export const EVIDENCE_LEVELS = [1, 2, 3, 4, 5] as const;
export const EvidenceLevelSchema = z.int().min(1).max(5);

/** Statuses a user sets directly; shelving, stopping and reviving go through a gate decision. */
export const DIRECT_STATUSES = ['active', 'scaled'] as const;

export const TITLE_MAX = 200;
export const SUMMARY_MAX = 5000;

export const ProjectSchema = z.object({
  id: IdSchema,
  title: z.string(),
  summary: z.string(),
  stage: StageSchema,
  status: ProjectStatusSchema,
  innovationType: InnovationTypeSchema.nullable(),
  oecdFacet: OecdFacetSchema.nullable(),
  pillarIds: z.array(IdSchema),
  ownerEntityId: IdSchema.nullable(),
  startDate: DateSchema.nullable(),
  endDate: DateSchema.nullable(),
  evidenceLevel: EvidenceLevelSchema.nullable(),
  evidenceTarget: EvidenceLevelSchema.nullable(),
  /** The challenge the project answers (set when an idea is promoted, or by hand). */
  challengeId: IdSchema.nullable(),
  /** Set on a copy a bundle import made of another lab's project: `<that lab's id>/<the original's id>`. */
  origin: z.string().nullable(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type Project = z.infer<typeof ProjectSchema>;

/** Everything a user can set on a project. Only the title is required to create one. */
const projectFields = {
  title: userText(TITLE_MAX).pipe(z.string().min(1)),
  summary: userText(SUMMARY_MAX),
  stage: StageSchema,
  status: ProjectStatusSchema,
  innovationType: InnovationTypeSchema.nullable(),
  oecdFacet: OecdFacetSchema.nullable(),
  pillarIds: z.array(IdSchema).max(50),
  ownerEntityId: IdSchema.nullable(),
  startDate: DateSchema.nullable(),
  endDate: DateSchema.nullable(),
  evidenceLevel: EvidenceLevelSchema.nullable(),
  evidenceTarget: EvidenceLevelSchema.nullable(),
  challengeId: IdSchema.nullable(),
};

const datesInOrder = (p: { startDate?: string | null; endDate?: string | null }) =>
  !p.startDate || !p.endDate || p.startDate <= p.endDate;
const datesInOrderIssue = { message: 'end_before_start', path: ['endDate'] };

export const ProjectCreateSchema = z
  .strictObject({
    title: projectFields.title,
    summary: projectFields.summary.default(''),
    stage: projectFields.stage.default(1),
    status: projectFields.status.default('active'),
    innovationType: projectFields.innovationType.default(null),
    oecdFacet: projectFields.oecdFacet.default(null),
    pillarIds: projectFields.pillarIds.default([]),
    ownerEntityId: projectFields.ownerEntityId.default(null),
    startDate: projectFields.startDate.default(null),
    endDate: projectFields.endDate.default(null),
    evidenceLevel: projectFields.evidenceLevel.default(null),
    evidenceTarget: projectFields.evidenceTarget.default(null),
    challengeId: projectFields.challengeId.default(null),
  })
  .refine(datesInOrder, datesInOrderIssue);
export type ProjectCreate = z.input<typeof ProjectCreateSchema>;

/**
 * What can be changed on an existing project. The stage is not here: a project moves between
 * stages only through a gate decision. Of the statuses only active ↔ scaled is set directly.
 */
const { stage: _stage, status: _status, ...patchFields } = projectFields;
export const ProjectPatchSchema = z
  .strictObject({ ...patchFields, status: z.enum(DIRECT_STATUSES) })
  .partial()
  .refine(datesInOrder, datesInOrderIssue);
export type ProjectPatch = z.infer<typeof ProjectPatchSchema>;

export const PROJECT_SORTS = ['updated', 'created', 'title', 'stage'] as const;

export const ProjectListQuerySchema = z.strictObject({
  search: z.string().max(200).default(''),
  stage: StageSchema.optional(),
  status: ProjectStatusSchema.optional(),
  /** Any of these statuses (the board shows active and scaled projects; the shelf, shelved ones). */
  statuses: z.array(ProjectStatusSchema).min(1).max(4).optional(),
  innovationType: InnovationTypeSchema.optional(),
  oecdFacet: OecdFacetSchema.optional(),
  pillarId: IdSchema.optional(),
  ownerEntityId: IdSchema.optional(),
  evidenceLevel: EvidenceLevelSchema.optional(),
  challengeId: IdSchema.optional(),
  cohortId: IdSchema.optional(),
  sort: z.enum(PROJECT_SORTS).default('updated'),
  direction: z.enum(['asc', 'desc']).default('desc'),
  limit: z.int().min(1).max(500).default(50),
  offset: z.int().min(0).default(0),
});
export type ProjectListQuery = z.input<typeof ProjectListQuerySchema>;

export const ProjectPageSchema = z.object({ items: z.array(ProjectSchema), total: z.int() });
export type ProjectPage = z.infer<typeof ProjectPageSchema>;
