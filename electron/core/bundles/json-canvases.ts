/**
 * `canvases/<id>.canvas` in a bundle: each carried canvas as a JSON Canvas 1.0 file, made by the same
 * pure export the canvas screen uses (shared/canvas/export/json-canvas), with zone titles in the
 * exporter's language. The importer checks these files like every other and never imports them: the
 * rows are the data, these are for other tools.
 */
import { findTemplate } from '../../shared/canvas/catalogue';
import { toJsonCanvas } from '../../shared/canvas/export/json-canvas';
import type { Language } from '../../shared/domain/settings';
import type { Db } from '../db/open';
import { createCanvasesRepo } from '../services/canvases/canvases-repo';
import { createNoteLinksRepo } from '../services/canvases/note-links-repo';
import { createTemplateSource } from '../services/canvases/template-source';

export function* jsonCanvases(snapshot: Db, canvasIds: readonly string[], language: Language): Generator<{ path: string; bytes: Buffer }> {
  if (canvasIds.length === 0) return;
  const repo = createCanvasesRepo(snapshot);
  const templates = createTemplateSource(findTemplate, repo);
  const links = createNoteLinksRepo(snapshot);
  for (const id of canvasIds) {
    const canvas = repo.get(id);
    if (!canvas) continue;
    // A canvas whose lab template is not here (or is damaged) is drawn free-form.
    const template = canvas.templateId ? (templates.template(canvas.templateId) ?? null) : null;
    const board = { canvas, notes: repo.notes(id), clusters: repo.clusters(id) };
    yield { path: `canvases/${id}.canvas`, bytes: Buffer.from(JSON.stringify(toJsonCanvas(board, template, language, links.forCanvas(id)), null, 1)) };
  }
}
