/**
 * Links from a canvas note to what it is about (DOMAIN.md: "links to an assumption, an experiment,
 * a KPI"): another canvas note — an assumption on an assumptions map, an experiment on an experiment
 * card — or a KPI of a pilot. A link belongs to the note it starts from; the note at the other end
 * shows it as "linked from". Either end's deletion removes the link.
 */
import { z } from 'zod';
import { IdSchema, TimestampSchema } from '../domain/common';

export const NoteLinkTargetSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('note'), noteId: IdSchema }),
  z.strictObject({ kind: z.literal('kpi'), kpiId: IdSchema }),
]);
export type NoteLinkTarget = z.infer<typeof NoteLinkTargetSchema>;

export const NoteLinkAddSchema = z.strictObject({ noteId: IdSchema, target: NoteLinkTargetSchema });

/** A link as stored: exactly one of the two targets is set. */
export const NoteLinkSchema = z.object({
  id: IdSchema,
  noteId: IdSchema,
  targetNoteId: IdSchema.nullable(),
  targetKpiId: IdSchema.nullable(),
  createdAt: TimestampSchema,
});
export type NoteLink = z.infer<typeof NoteLinkSchema>;

/** The other end of a link, described so people can recognise it and find where it lives. */
export const NoteLinkEndSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('note'), noteId: IdSchema, text: z.string(), canvasId: IdSchema, canvasTitle: z.string() }),
  z.object({ kind: z.literal('kpi'), kpiId: IdSchema, name: z.string(), unit: z.string(), pilotId: IdSchema, pilotTitle: z.string(), projectId: IdSchema }),
]);
export type NoteLinkEnd = z.infer<typeof NoteLinkEndSchema>;

/** One of a note's links: `to` starts at this note, `from` starts at another note and points here. */
export const NoteLinkViewSchema = z.object({
  id: IdSchema,
  direction: z.enum(['to', 'from']),
  other: NoteLinkEndSchema,
  createdAt: TimestampSchema,
});
export type NoteLinkView = z.infer<typeof NoteLinkViewSchema>;

/** A KPI offered as a link target, with its pilot and project. */
export const KpiChoiceSchema = z.object({
  kpiId: IdSchema,
  name: z.string(),
  unit: z.string(),
  pilotId: IdSchema,
  pilotTitle: z.string(),
  projectId: IdSchema,
  projectTitle: z.string(),
});
export type KpiChoice = z.infer<typeof KpiChoiceSchema>;
