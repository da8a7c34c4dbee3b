/**
 * Canvases, their sticky notes and clusters: the records core stores and every door returns.
 * Notes and clusters carry a `version` (bumped by every accepted edit) and a fractional
 * `orderIndex` (house rule 9), so concurrent edits resolve the same way in the renderer and in core
 * (see reconcile.ts).
 */
import { z } from 'zod';
import { IdSchema, TimestampSchema, userText } from '../domain/common';
import { LanguageSchema } from '../domain/settings';

/** A note holds a few paragraphs, never a document: longer text is refused, not cut. */
export const NOTE_TEXT_MAX = 5000;
export const CANVAS_TITLE_MAX = 200;
export const CLUSTER_LABEL_MAX = 200;
export const NOTE_AUTHOR_MAX = 200;

/**
 * The fixed note palette. Each colour has a second cue, a shape drawn on the note, so that colour
 * is never the only way to tell notes apart (WCAG 1.4.1). The fills are light enough for dark text
 * at AA contrast in every theme.
 */
export const NOTE_COLORS = {
  yellow: { fill: '#FFF2A8', cue: 'circle' },
  pink: { fill: '#FFD3E2', cue: 'heart' },
  blue: { fill: '#CFE6FF', cue: 'square' },
  green: { fill: '#D2F5D0', cue: 'triangle' },
  orange: { fill: '#FFDDB8', cue: 'diamond' },
  purple: { fill: '#E6D9FF', cue: 'star' },
} as const;
export type NoteColor = keyof typeof NOTE_COLORS;
export const NOTE_COLOR_KEYS = Object.keys(NOTE_COLORS) as [NoteColor, ...NoteColor[]];
export type NoteCue = (typeof NOTE_COLORS)[NoteColor]['cue'];

export const NOTE_STATUSES = ['draft', 'testing', 'validated', 'invalidated'] as const;
export type NoteStatus = (typeof NOTE_STATUSES)[number];

/** Template ids: the built-in catalogue's slugs, or a lab template's UUID. */
export const TemplateIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/);
/** Zone keys as templates name them. */
export const ZoneKeySchema = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/);
/** A fractional-indexing key (base 62); validated in full by `isOrderIndex`. */
export const OrderIndexSchema = z.string().min(1).max(200).regex(/^[0-9A-Za-z]+$/);
const Coordinate = z.int().min(-1_000_000).max(1_000_000);

export const CanvasSchema = z.object({
  id: IdSchema,
  projectId: IdSchema.nullable(),
  stage: z.int().min(1).max(7).nullable(),
  /** Null for a free-form canvas (one imported from JSON Canvas without our key). */
  templateId: TemplateIdSchema.nullable(),
  title: z.string(),
  archived: z.boolean(),
  noteCount: z.int(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type Canvas = z.infer<typeof CanvasSchema>;

export const NoteSchema = z.object({
  id: IdSchema,
  canvasId: IdSchema,
  /** Null for a free note, placed at x/y on the board. */
  zoneKey: ZoneKeySchema.nullable(),
  clusterId: IdSchema.nullable(),
  text: z.string(),
  color: z.enum(NOTE_COLOR_KEYS),
  status: z.enum(NOTE_STATUSES).nullable(),
  author: z.string().nullable(),
  orderIndex: OrderIndexSchema,
  /** Board position of a free note, measured from the inline start (mirrored in Arabic). */
  x: Coordinate.nullable(),
  y: Coordinate.nullable(),
  version: z.int().min(1),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type Note = z.infer<typeof NoteSchema>;

export const ClusterSchema = z.object({
  id: IdSchema,
  canvasId: IdSchema,
  zoneKey: ZoneKeySchema,
  label: z.string(),
  orderIndex: OrderIndexSchema,
  version: z.int().min(1),
});
export type Cluster = z.infer<typeof ClusterSchema>;

/** Everything the board draws, in one read. */
export const BoardSchema = z.object({
  canvas: CanvasSchema,
  notes: z.array(NoteSchema),
  clusters: z.array(ClusterSchema),
});
export type Board = z.infer<typeof BoardSchema>;

// ——— Inputs ———

export const canvasTitle = userText(CANVAS_TITLE_MAX).pipe(z.string().min(1));
export const noteText = userText(NOTE_TEXT_MAX);
const author = userText(NOTE_AUTHOR_MAX).nullable();
const clusterLabel = userText(CLUSTER_LABEL_MAX);

export const CanvasCreateSchema = z.strictObject({
  templateId: TemplateIdSchema,
  title: canvasTitle,
  projectId: IdSchema.nullable().default(null),
  stage: z.int().min(1).max(7).nullable().default(null),
  /** The language the template's starter notes are written in. */
  language: LanguageSchema.default('en'),
});
export const CanvasPatchSchema = z
  .strictObject({ title: canvasTitle, archived: z.boolean(), projectId: IdSchema.nullable(), stage: z.int().min(1).max(7).nullable() })
  .partial();
export const CanvasListQuerySchema = z.strictObject({
  projectId: IdSchema.optional(),
  includeArchived: z.boolean().default(false),
});

/** Where a note sits: in a zone (optionally in one of its clusters) or free at x/y. */
const placement = {
  zoneKey: ZoneKeySchema.nullable(),
  clusterId: IdSchema.nullable(),
  orderIndex: OrderIndexSchema,
  x: Coordinate.nullable(),
  y: Coordinate.nullable(),
};

export const NoteCreateSchema = z.strictObject({
  /** The client may choose the id, so that undoing a delete recreates the same note. */
  id: IdSchema.optional(),
  text: noteText,
  color: z.enum(NOTE_COLOR_KEYS).default('yellow'),
  status: z.enum(NOTE_STATUSES).nullable().default(null),
  author: author.default(null),
  zoneKey: placement.zoneKey.default(null),
  clusterId: placement.clusterId.default(null),
  /** Left out: the note goes last in its zone. */
  orderIndex: placement.orderIndex.optional(),
  x: placement.x.default(null),
  y: placement.y.default(null),
});

export const NotePatchSchema = z
  .strictObject({
    text: noteText,
    color: z.enum(NOTE_COLOR_KEYS),
    status: z.enum(NOTE_STATUSES).nullable(),
    author,
    ...placement,
  })
  .partial();
export type NotePatch = z.infer<typeof NotePatchSchema>;

/** An edit names the version it was made against; see reconcile.ts for what happens when it is stale. */
export const NoteEditSchema = z.strictObject({ id: IdSchema, baseVersion: z.int().min(1), patch: NotePatchSchema });
export type NoteEdit = z.infer<typeof NoteEditSchema>;

export const ClusterCreateSchema = z.strictObject({
  canvasId: IdSchema,
  id: IdSchema.optional(),
  zoneKey: ZoneKeySchema,
  label: clusterLabel,
  orderIndex: OrderIndexSchema.optional(),
});
export const ClusterPatchSchema = z.strictObject({ label: clusterLabel, orderIndex: OrderIndexSchema }).partial();
export const ClusterEditSchema = z.strictObject({ id: IdSchema, baseVersion: z.int().min(1), patch: ClusterPatchSchema });

/** Batches are bounded: a multi-select move or an undo of many notes, not a bulk import. */
export const BATCH_MAX = 2000;

export const NotesCreateSchema = z.strictObject({ canvasId: IdSchema, notes: z.array(NoteCreateSchema).min(1).max(BATCH_MAX) });
export const NotesUpdateSchema = z.strictObject({ canvasId: IdSchema, edits: z.array(NoteEditSchema).min(1).max(BATCH_MAX) });
export const NotesDeleteSchema = z.strictObject({
  canvasId: IdSchema,
  notes: z.array(z.strictObject({ id: IdSchema, baseVersion: z.int().min(1) })).min(1).max(BATCH_MAX),
});

// ——— The lab's own templates (stored in the catalogue's shape; see shared/canvas/template.ts) ———

const templateText = userText(500).pipe(z.string().min(1));
export const LabTemplateCreateSchema = z.strictObject({ canvasId: IdSchema, title: templateText });
/** Edits one language's texts; the other languages keep theirs. */
export const LabTemplateUpdateSchema = z.strictObject({
  id: IdSchema,
  language: LanguageSchema,
  title: templateText.optional(),
  zones: z.array(z.strictObject({ key: ZoneKeySchema, title: templateText.optional(), hint: templateText.optional() })).max(40).default([]),
});

/** A JSON Canvas file's text, imported as a new canvas (the HTTP door caps bodies at 1 MiB). */
export const JsonCanvasImportSchema = z.strictObject({
  text: z.string().max(1024 * 1024),
  title: canvasTitle,
  projectId: IdSchema.nullable().default(null),
  stage: z.int().min(1).max(7).nullable().default(null),
});
