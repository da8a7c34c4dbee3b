/**
 * Canvas templates are data (resources/templates/canvas/<id>.json): named zones on a grid, with
 * titles and hints in the four UI languages. Geometry is logical — `start` counts columns from the
 * inline start — so an Arabic session mirrors the layout while the stored data stays the same.
 */
import { z } from 'zod';
import { STAGES } from '../domain/project';
import { STAGE_TOOLS } from '../domain/stage-tools';

export const TEMPLATE_SCHEMA_VERSION = 1;
export const GRID_MAX = 24;
export const ZONES_MAX = 40;
export const TEMPLATE_TEXT_MAX = 500;

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const TemplateKeySchema = z.string().regex(KEBAB, { message: 'invalid_format' });

const localString = z.string().trim().min(1).max(TEMPLATE_TEXT_MAX);
/** One text in every UI language; a template is unusable in a language it does not speak. */
export const LocalTextSchema = z.strictObject({ en: localString, ar: localString, uz: localString, ru: localString });
export type LocalText = z.infer<typeof LocalTextSchema>;

/** The stage tools a template can stand for, so the project page links a tool to its template. */
const TOOL_STAGE = new Map(Object.entries(STAGE_TOOLS).flatMap(([stage, tools]) => tools.map((tool) => [tool, Number(stage)] as const)));
const StageToolSchema = z.string().refine((tool) => TOOL_STAGE.has(tool), { message: 'invalid_value' });

const gridSize = z.int().min(1).max(GRID_MAX);

export const TemplateZoneSchema = z.strictObject({
  key: TemplateKeySchema,
  /** Columns from the inline start: left in a left-to-right session, right in a right-to-left one. */
  start: z.int().min(0),
  top: z.int().min(0),
  width: z.int().min(1),
  height: z.int().min(1),
  title: LocalTextSchema,
  hint: LocalTextSchema,
});
export type TemplateZone = z.infer<typeof TemplateZoneSchema>;

export const StarterNoteSchema = z.strictObject({ zone: TemplateKeySchema, text: LocalTextSchema });

/** Codes of the template-specific errors, for `validation.<code>` messages. */
export const TEMPLATE_ERROR_CODES = ['zone_outside_grid', 'zones_overlap', 'duplicate_zone_key', 'unknown_zone', 'duplicate_stage', 'tool_stage_mismatch'] as const;
export type TemplateErrorCode = (typeof TEMPLATE_ERROR_CODES)[number];

export const CanvasTemplateSchema = z
  .strictObject({
    schemaVersion: z.literal(TEMPLATE_SCHEMA_VERSION),
    id: TemplateKeySchema,
    stages: z
      .array(z.int().min(STAGES[0]).max(STAGES[STAGES.length - 1]))
      .min(1)
      .max(STAGES.length),
    stageTool: StageToolSchema.optional(),
    title: LocalTextSchema,
    description: LocalTextSchema,
    /** Licence attribution, shown on the canvas and in exports (CC BY-SA templates need it). */
    attribution: LocalTextSchema.optional(),
    grid: z.strictObject({ columns: gridSize, rows: gridSize }),
    zones: z.array(TemplateZoneSchema).min(1).max(ZONES_MAX),
    starterNotes: z.array(StarterNoteSchema).max(ZONES_MAX).optional(),
  })
  .superRefine((template, ctx) => {
    const issue = (code: TemplateErrorCode, path: (string | number)[]) => ctx.addIssue({ code: 'custom', message: code, path });

    if (new Set(template.stages).size !== template.stages.length) issue('duplicate_stage', ['stages']);
    if (template.stageTool !== undefined && !template.stages.includes(TOOL_STAGE.get(template.stageTool)!)) issue('tool_stage_mismatch', ['stageTool']);

    const { columns, rows } = template.grid;
    const seen = new Set<string>();
    template.zones.forEach((zone, i) => {
      if (seen.has(zone.key)) issue('duplicate_zone_key', ['zones', i, 'key']);
      seen.add(zone.key);
      if (zone.start + zone.width > columns || zone.top + zone.height > rows) issue('zone_outside_grid', ['zones', i]);
      for (let j = 0; j < i; j++) if (zonesOverlap(template.zones[j], zone)) issue('zones_overlap', ['zones', i]);
    });

    template.starterNotes?.forEach((note, i) => {
      if (!seen.has(note.zone)) issue('unknown_zone', ['starterNotes', i, 'zone']);
    });
  });
export type CanvasTemplate = z.infer<typeof CanvasTemplateSchema>;

type Box = Pick<TemplateZone, 'start' | 'top' | 'width' | 'height'>;
const zonesOverlap = (a: Box, b: Box) =>
  a.start < b.start + b.width && b.start < a.start + a.width && a.top < b.top + b.height && b.top < a.top + a.height;

export type Direction = 'ltr' | 'rtl';
export interface ZoneRect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * Where a zone sits on screen, in grid units. Right to left, the inline start is the right edge,
 * so the zone's left edge is counted back from the far side of the grid.
 */
export function templateZoneRect(template: Pick<CanvasTemplate, 'grid' | 'zones'>, zoneKey: string, direction: Direction): ZoneRect {
  const zone = template.zones.find((z) => z.key === zoneKey);
  if (!zone) throw new Error(`The template has no zone "${zoneKey}".`);
  const left = direction === 'rtl' ? template.grid.columns - zone.start - zone.width : zone.start;
  return { left, top: zone.top, width: zone.width, height: zone.height };
}
