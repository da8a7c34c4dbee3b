/**
 * Pilot evaluations (DOMAIN.md "Pilot evaluation"): charter, a protocol that is locked before data
 * arrives and afterwards changes only by amendments, the KPI register, measurements, the OECD DAC
 * rubric and the decision.
 */
import { z } from 'zod';
import { DateSchema, IdSchema, TimestampSchema, userText } from './common';
import { EvidenceLevelSchema } from './project';
import { uploadChunkShape } from './uploads';

export const PILOT_DESIGNS = ['before_after', 'comparison_group', 'randomised', 'difference_in_differences', 'interrupted_time_series'] as const;
export const KPI_DIRECTIONS = ['higher', 'lower'] as const;
export const KPI_KINDS = ['continuous', 'rate', 'count'] as const;
export const KPI_FREQUENCIES = ['daily', 'weekly', 'monthly', 'quarterly', 'yearly', 'once'] as const;
export const GROUPS = ['pilot', 'comparison'] as const;
export const DAC_CRITERIA = ['relevance', 'coherence', 'effectiveness', 'efficiency', 'impact', 'sustainability'] as const;
export const DAC_RATINGS = ['excellent', 'good', 'adequate', 'poor'] as const;
export const PILOT_DECISIONS = ['scale', 'adapt', 'stop', 'shelve'] as const;

export type PilotDesign = (typeof PILOT_DESIGNS)[number];
export type KpiKind = (typeof KPI_KINDS)[number];
export type Group = (typeof GROUPS)[number];

const title = userText(200).pipe(z.string().min(1));
const longText = userText(5000);
/** Measured values are finite numbers; NaN and ±Infinity are refused at the door. */
const finite = z.number().refine(Number.isFinite, { message: 'not_a_number' });

/** The fields the protocol lock covers, in a fixed order. */
export const PROTOCOL_FIELDS = ['design', 'unit', 'plannedSampleSize', 'primaryOutcome', 'analysisPlan', 'interventionOn'] as const;
export type ProtocolField = (typeof PROTOCOL_FIELDS)[number];

const protocolFields = {
  design: z.enum(PILOT_DESIGNS),
  unit: userText(200),
  plannedSampleSize: z.int().min(1).max(100_000_000).nullable(),
  primaryOutcome: userText(1000),
  analysisPlan: longText,
  /** When the intervention starts: periods before it are the pre-period (before/after, DiD, ITS). */
  interventionOn: DateSchema.nullable(),
};
export const ProtocolSchema = z.object(protocolFields);
export type Protocol = z.infer<typeof ProtocolSchema>;
export const ProtocolPatchSchema = z.strictObject(protocolFields).partial();

const charterFields = {
  title,
  problem: longText,
  intervention: longText,
  population: longText,
  sites: userText(2000),
  startsOn: DateSchema.nullable(),
  endsOn: DateSchema.nullable(),
  ownerId: IdSchema.nullable(),
};

/** The fields of a KPI's definition; an amendment of a KPI names those it changed. */
export const KPI_FIELDS = ['name', 'unit', 'direction', 'kind', 'dataSource', 'frequency', 'baselineValue', 'baselineDate', 'target', 'successThreshold', 'primary'] as const;
export type KpiField = (typeof KPI_FIELDS)[number];
/**
 * What the lock covers in the KPI register: every KPI's target and success threshold, which KPI is
 * the primary outcome, and the primary outcome KPI's whole definition.
 */
export const KPI_LOCKED_FIELDS = ['target', 'successThreshold', 'primary'] as const satisfies readonly KpiField[];
export const lockedKpiFields = (kpi: { primary: boolean }): readonly KpiField[] => (kpi.primary ? KPI_FIELDS : KPI_LOCKED_FIELDS);

const amendedValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const AmendmentSchema = z.object({
  id: IdSchema,
  version: z.int(),
  reason: z.string(),
  /** The KPI this amendment changed, with its name; null for an amendment of the protocol itself. */
  kpiId: IdSchema.nullable(),
  kpiName: z.string().nullable(),
  changedFields: z.array(z.enum([...PROTOCOL_FIELDS, ...KPI_FIELDS])),
  before: z.record(z.string(), amendedValue),
  after: z.record(z.string(), amendedValue),
  protocolHash: z.string(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type Amendment = z.infer<typeof AmendmentSchema>;

export const PilotDecisionSchema = z.object({
  id: IdSchema,
  decision: z.enum(PILOT_DECISIONS),
  conditions: z.string(),
  /** The evidence level (Nesta, 1–5) the pilot supports. */
  evidenceLevel: EvidenceLevelSchema.nullable(),
  decidedById: IdSchema.nullable(),
  decidedOn: DateSchema,
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type PilotDecision = z.infer<typeof PilotDecisionSchema>;

export const PilotSchema = z.object({
  id: IdSchema,
  projectId: IdSchema,
  title: z.string(),
  problem: z.string(),
  intervention: z.string(),
  population: z.string(),
  sites: z.string(),
  startsOn: DateSchema.nullable(),
  endsOn: DateSchema.nullable(),
  ownerId: IdSchema.nullable(),
  ...protocolFields,
  lockedAt: TimestampSchema.nullable(),
  /** SHA-256 (hex) of the canonical JSON of the protocol as it was locked. */
  protocolHash: z.string().nullable(),
  /** The protocol as locked; the fields above show it with every amendment applied. */
  lockedProtocol: ProtocolSchema.nullable(),
  protocolVersion: z.int(),
  decision: PilotDecisionSchema.nullable(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type Pilot = z.infer<typeof PilotSchema>;

const datesInOrder = (p: { startsOn?: string | null; endsOn?: string | null }) => !p.startsOn || !p.endsOn || p.startsOn <= p.endsOn;
const datesIssue = { message: 'end_before_start', path: ['endsOn'] };

export const PilotCreateSchema = z
  .strictObject({
    projectId: IdSchema,
    title,
    problem: longText.default(''),
    intervention: longText.default(''),
    population: longText.default(''),
    sites: userText(2000).default(''),
    startsOn: DateSchema.nullable().default(null),
    endsOn: DateSchema.nullable().default(null),
    ownerId: IdSchema.nullable().default(null),
    design: protocolFields.design.default('before_after'),
    unit: protocolFields.unit.default(''),
    plannedSampleSize: protocolFields.plannedSampleSize.default(null),
    primaryOutcome: protocolFields.primaryOutcome.default(''),
    analysisPlan: protocolFields.analysisPlan.default(''),
    interventionOn: protocolFields.interventionOn.default(null),
  })
  .refine(datesInOrder, datesIssue);
/** Charter and protocol together; once locked, a patch that changes a protocol field is refused. */
export const PilotPatchSchema = z
  .strictObject({ ...charterFields, ...protocolFields })
  .partial()
  .refine(datesInOrder, datesIssue);

export const AmendSchema = z.strictObject({
  id: IdSchema,
  reason: userText(5000).pipe(z.string().min(1)),
  changes: ProtocolPatchSchema.refine((c) => Object.keys(c).length > 0, { message: 'nothing_changed' }),
});

/** A canvas the charter links to (its theory of change, an experiment card …). */
export const LinkedCanvasSchema = z.object({
  canvasId: IdSchema,
  title: z.string(),
  templateId: z.string().nullable(),
  /** Null for a stand-alone canvas. */
  projectId: IdSchema.nullable(),
  linkedAt: TimestampSchema,
});
export type LinkedCanvas = z.infer<typeof LinkedCanvasSchema>;
export const CanvasLinkSchema = z.strictObject({ pilotId: IdSchema, canvasId: IdSchema });

export const PilotDetailSchema = z.object({ pilot: PilotSchema, amendments: z.array(AmendmentSchema), canvases: z.array(LinkedCanvasSchema) });
export type PilotDetail = z.infer<typeof PilotDetailSchema>;

export const KpiSchema = z.object({
  id: IdSchema,
  pilotId: IdSchema,
  name: z.string(),
  unit: z.string(),
  direction: z.enum(KPI_DIRECTIONS),
  kind: z.enum(KPI_KINDS),
  dataSource: z.string(),
  frequency: z.enum(KPI_FREQUENCIES),
  baselineValue: z.number().nullable(),
  baselineDate: DateSchema.nullable(),
  /** The value aimed for. */
  target: z.number().nullable(),
  /** The value at which the pilot counts as a success on this KPI (at least as good as this). */
  successThreshold: z.number().nullable(),
  /** The KPI that measures the protocol's primary outcome (at most one per pilot). */
  primary: z.boolean(),
  position: z.int(),
  measurementCount: z.int(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type Kpi = z.infer<typeof KpiSchema>;

const kpiFields = {
  name: title,
  unit: userText(100),
  direction: z.enum(KPI_DIRECTIONS),
  kind: z.enum(KPI_KINDS),
  dataSource: userText(500),
  frequency: z.enum(KPI_FREQUENCIES),
  baselineValue: finite.nullable(),
  baselineDate: DateSchema.nullable(),
  target: finite.nullable(),
  successThreshold: finite.nullable(),
  primary: z.boolean(),
};
export const KpiCreateSchema = z.strictObject({
  pilotId: IdSchema,
  name: kpiFields.name,
  unit: kpiFields.unit.default(''),
  direction: kpiFields.direction.default('higher'),
  kind: kpiFields.kind.default('continuous'),
  dataSource: kpiFields.dataSource.default(''),
  frequency: kpiFields.frequency.default('monthly'),
  baselineValue: kpiFields.baselineValue.default(null),
  baselineDate: kpiFields.baselineDate.default(null),
  target: kpiFields.target.default(null),
  successThreshold: kpiFields.successThreshold.default(null),
  primary: kpiFields.primary.default(false),
});
export const KpiPatchSchema = z.strictObject(kpiFields).partial();
/** A change to a KPI of a locked protocol, with the reason for it. */
export const AmendKpiSchema = z.strictObject({
  id: IdSchema,
  reason: userText(5000).pipe(z.string().min(1)),
  changes: KpiPatchSchema.refine((c) => Object.keys(c).length > 0, { message: 'nothing_changed' }),
});

export const MeasurementSchema = z.object({
  id: IdSchema,
  kpiId: IdSchema,
  group: z.enum(GROUPS),
  period: DateSchema,
  unitId: z.string().nullable(),
  value: z.number(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type Measurement = z.infer<typeof MeasurementSchema>;

/**
 * One value for a KPI, group and period (and unit, for unit-level data). Rate KPIs take successes
 * (numerator) out of trials (denominator) — a unit's 0/1 outcome is 0 or 1 out of 1 — and the
 * value is their ratio; other kinds take the value itself.
 */
export const MeasurementInputSchema = z.strictObject({
  kpiId: IdSchema,
  group: z.enum(GROUPS),
  period: DateSchema,
  unitId: userText(100).pipe(z.string().min(1)).nullable().default(null),
  value: finite.nullable().default(null),
  numerator: finite.min(0).nullable().default(null),
  denominator: finite.positive().nullable().default(null),
});
export type MeasurementInput = z.output<typeof MeasurementInputSchema>;

/** Which column of the file holds which field; a KPI may be fixed for a file about one KPI. */
export const ImportMappingSchema = z
  .strictObject({
    kpi: z.string().max(200).nullable().default(null),
    kpiId: IdSchema.nullable().default(null),
    group: z.string().max(200),
    period: z.string().max(200),
    value: z.string().max(200).nullable().default(null),
    numerator: z.string().max(200).nullable().default(null),
    denominator: z.string().max(200).nullable().default(null),
    unitId: z.string().max(200).nullable().default(null),
  })
  .refine((m) => (m.kpi === null) !== (m.kpiId === null), { message: 'required', path: ['kpi'] });
export type ImportMapping = z.output<typeof ImportMappingSchema>;

/**
 * An import file reaches core a chunk at a time (uploads.ts) and waits in core's private imports
 * folder, named by its upload id, until it is imported or discarded; later calls name it by that id.
 */
export const IMPORT_MAX_BYTES = 50 * 1024 * 1024;
export const IMPORT_FORMATS = ['csv', 'xlsx'] as const;
export const ImportUploadSchema = z.strictObject({ pilotId: IdSchema, format: z.enum(IMPORT_FORMATS), ...uploadChunkShape });
export const ImportFileIdSchema = z.strictObject({ fileId: z.uuid() });
export const ImportFileSchema = ImportFileIdSchema.extend({ pilotId: IdSchema });
export const ImportRequestSchema = ImportFileSchema.extend({ mapping: ImportMappingSchema });

export const IMPORT_ERRORS = ['bad_number', 'unknown_kpi', 'date_out_of_range', 'bad_date', 'unknown_group', 'missing_value', 'bad_rate', 'duplicate_row', 'extra_cells'] as const;
export const ImportRowErrorSchema = z.object({
  /** 1-based line of the file (the header is line 1). */
  line: z.int(),
  column: z.string(),
  code: z.enum(IMPORT_ERRORS),
  text: z.string(),
});
export type ImportRowError = z.infer<typeof ImportRowErrorSchema>;

export const ImportPreviewSchema = z.object({
  columns: z.array(z.string()),
  /** The first rows as read, for the mapping step. */
  sample: z.array(z.array(z.string())),
  /** How many data rows the file has, how many are clean, and what is wrong with the rest. */
  rowCount: z.int(),
  validCount: z.int(),
  errors: z.array(ImportRowErrorSchema),
  /** More errors than shown were found. */
  moreErrors: z.int(),
  /** Clean rows whose KPI, group, period and unit already hold a stored value, which the import replaces. */
  replacedCount: z.int(),
});
export type ImportPreview = z.infer<typeof ImportPreviewSchema>;

export const AssessmentSchema = z.object({
  id: IdSchema,
  criterion: z.enum(DAC_CRITERIA),
  assessorId: IdSchema,
  assessorName: z.string(),
  rating: z.enum(DAC_RATINGS),
  evidence: z.string(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type Assessment = z.infer<typeof AssessmentSchema>;

/** An assessor's ratings, replacing their earlier ratings of the same criteria. */
export const AssessInputSchema = z.strictObject({
  pilotId: IdSchema,
  assessorId: IdSchema,
  ratings: z
    .array(z.strictObject({ criterion: z.enum(DAC_CRITERIA), rating: z.enum(DAC_RATINGS), evidence: userText(5000).default('') }))
    .min(1)
    .max(DAC_CRITERIA.length),
});

export const DecideInputSchema = z.strictObject({
  pilotId: IdSchema,
  decision: z.enum(PILOT_DECISIONS),
  conditions: userText(5000).default(''),
  evidenceLevel: EvidenceLevelSchema.nullable().default(null),
  decidedById: IdSchema.nullable().default(null),
  decidedOn: DateSchema.optional(),
});

/**
 * The canonical JSON of a protocol: the protocol fields only, keys in a fixed order, no spaces.
 * Its SHA-256 is stamped when the protocol is locked, so anyone can recompute and compare it.
 */
export function canonicalProtocolJson(protocol: Protocol): string {
  return JSON.stringify(Object.fromEntries(PROTOCOL_FIELDS.map((f) => [f, protocol[f]])));
}

export const protocolOf = (p: Protocol): Protocol => Object.fromEntries(PROTOCOL_FIELDS.map((f) => [f, p[f]])) as Protocol;
