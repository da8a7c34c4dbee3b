/**
 * Templates as the canvases service sees them: the built-in catalogue first, then the lab's own
 * templates (stored as JSON in the catalogue's shape and parsed with the same schema on every read,
 * so a damaged row is treated as missing, never trusted).
 */
import { CanvasTemplateSchema, type CanvasTemplate } from '../../../shared/canvas/template';
import type { CanvasesRepo } from './canvases-repo';
import type { TemplateSource } from './canvases-service';

export function labTemplate(row: { body: string } | undefined): CanvasTemplate | undefined {
  if (!row) return undefined;
  try {
    const parsed = CanvasTemplateSchema.safeParse(JSON.parse(row.body));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function createTemplateSource(builtIn: (id: string) => CanvasTemplate | undefined, repo: CanvasesRepo): TemplateSource & { template(id: string): CanvasTemplate | undefined } {
  const template = (id: string) => builtIn(id) ?? labTemplate(repo.template(id));
  return {
    template,
    find(id) {
      const t = template(id);
      return t && { zoneKeys: t.zones.map((z) => z.key), starterNotes: t.starterNotes ?? [], retired: (repo.template(id)?.retired_at ?? null) !== null };
    },
  };
}
