import { z } from 'zod';
import { DateSchema, IdSchema, TimestampSchema, userText } from './common';
import { EvidenceLevelSchema, ProjectSchema, StageSchema } from './project';

/**
 * A gate decision (DOMAIN.md): advance to a later stage, iterate (stay, or go back), shelve, stop,
 * or revive a shelved project. Decisions are append-only; each new one supersedes the last.
 */
export const GATE_DECISIONS = ['advance', 'iterate', 'shelve', 'stop'] as const;
export const DecisionKindSchema = z.enum([...GATE_DECISIONS, 'revive']);
export type DecisionKind = z.infer<typeof DecisionKindSchema>;

export const GateCriterionSchema = z.object({
  id: IdSchema,
  stage: StageSchema,
  key: z.string().nullable(),
  label: z.string().nullable(),
  position: z.int(),
  archived: z.boolean(),
});
export type GateCriterion = z.infer<typeof GateCriterionSchema>;

export const ChecklistAnswerSchema = z.strictObject({ criterionId: IdSchema, met: z.boolean() });

export const GateDecisionSchema = z.object({
  id: IdSchema,
  projectId: IdSchema,
  fromStage: StageSchema,
  toStage: StageSchema,
  decision: DecisionKindSchema,
  evidenceLevel: EvidenceLevelSchema.nullable(),
  checklist: z.array(ChecklistAnswerSchema),
  rationale: z.string(),
  decidedById: IdSchema.nullable(),
  decidedByName: z.string(),
  decidedOn: DateSchema,
  supersedesId: IdSchema.nullable(),
  createdAt: TimestampSchema,
});
export type GateDecision = z.infer<typeof GateDecisionSchema>;

export const RATIONALE_MAX = 5000;

export const GateDecideSchema = z.strictObject({
  projectId: IdSchema,
  /** The stage the decider saw the project at: a decision taken while it moved elsewhere is refused. */
  fromStage: StageSchema.optional(),
  decision: DecisionKindSchema,
  /** Where the project goes; defaults to the next stage for advance and the same stage otherwise. */
  toStage: StageSchema.optional(),
  evidenceLevel: EvidenceLevelSchema.nullable().default(null),
  checklist: z.array(ChecklistAnswerSchema).max(100).default([]),
  rationale: userText(RATIONALE_MAX).pipe(z.string().min(1)),
  decidedById: IdSchema.nullable().default(null),
  decidedByName: userText(200).pipe(z.string().min(1)),
  decidedOn: DateSchema.optional(),
});
export type GateDecide = z.input<typeof GateDecideSchema>;

export const GateOutcomeSchema = z.object({ decision: GateDecisionSchema, project: ProjectSchema });

export const CriterionCreateSchema = z.strictObject({ stage: StageSchema, label: userText(300).pipe(z.string().min(1)) });
export const CriterionUpdateSchema = z.strictObject({
  id: IdSchema,
  label: userText(300).pipe(z.string().min(1)).optional(),
  archived: z.boolean().optional(),
});

/** Nesta's rule of thumb (DOMAIN.md): leaving stage 4 for delivery normally needs evidence level 3. */
export const NEEDED_EVIDENCE_TO_LEAVE: Partial<Record<number, number>> = { 4: 3 };

/**
 * The evidence level a move from `fromStage` to `toStage` normally needs, when the level reached is
 * below it: every stage the move leaves counts, so skipping stage 4 does not skip its rule.
 */
export function evidenceShortfall(fromStage: number, toStage: number, evidenceLevel: number | null): number | undefined {
  let needed = 0;
  for (let stage = fromStage; stage < toStage; stage++) needed = Math.max(needed, NEEDED_EVIDENCE_TO_LEAVE[stage] ?? 0);
  return needed > (evidenceLevel ?? 0) ? needed : undefined;
}
