/** SQL for canvases, their notes and clusters, and the lab's own templates. */
import type { Db } from '../../db/open';
import type { Canvas, Cluster, Note } from '../../../shared/canvas/model';

interface CanvasRow {
  id: string;
  project_id: string | null;
  stage: number | null;
  template_id: string | null;
  title: string;
  archived: number;
  note_count: number;
  created_at: string;
  updated_at: string;
}
interface NoteRow {
  id: string;
  canvas_id: string;
  zone_key: string | null;
  cluster_id: string | null;
  text: string;
  color: string;
  status: string | null;
  author: string | null;
  order_index: string;
  x: number | null;
  y: number | null;
  version: number;
  created_at: string;
  updated_at: string;
}
interface ClusterRow {
  id: string;
  canvas_id: string;
  zone_key: string;
  label: string;
  order_index: string;
  version: number;
}
export interface TemplateRow {
  id: string;
  body: string;
  retired_at: string | null;
  created_at: string;
  updated_at: string;
}

/** A canvas without its note count (which costs a count of its notes to read). */
export type CanvasHead = Omit<Canvas, 'noteCount'>;
const toCanvasHead = (r: Omit<CanvasRow, 'note_count'>): CanvasHead => ({
  id: r.id,
  projectId: r.project_id,
  stage: r.stage,
  templateId: r.template_id,
  title: r.title,
  archived: r.archived === 1,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});
const toCanvas = (r: CanvasRow): Canvas => ({ ...toCanvasHead(r), noteCount: r.note_count });
const toNote = (r: NoteRow): Note => ({
  id: r.id,
  canvasId: r.canvas_id,
  zoneKey: r.zone_key,
  clusterId: r.cluster_id,
  text: r.text,
  color: r.color as Note['color'],
  status: r.status as Note['status'],
  author: r.author,
  orderIndex: r.order_index,
  x: r.x,
  y: r.y,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});
const toCluster = (r: ClusterRow): Cluster => ({
  id: r.id,
  canvasId: r.canvas_id,
  zoneKey: r.zone_key,
  label: r.label,
  orderIndex: r.order_index,
  version: r.version,
});

const CANVAS_COLUMNS = 'c.id, c.project_id, c.stage, c.template_id, c.title, c.archived, c.created_at, c.updated_at';
const CANVAS_SELECT = `SELECT ${CANVAS_COLUMNS}, (SELECT count(*) FROM canvas_notes n WHERE n.canvas_id = c.id) AS note_count FROM canvases c`;
const NOTE_COLUMNS = 'id, canvas_id, zone_key, cluster_id, text, color, status, author, order_index, x, y, version, created_at, updated_at';
// Code-unit order for fractional keys (BINARY is SQLite's default collation), ties by id.
const NOTE_ORDER = 'ORDER BY zone_key, cluster_id, order_index, id';

export function createCanvasesRepo(db: Db) {
  const list = db.prepare<{ projectId: string | null; includeArchived: number }, CanvasRow>(
    `${CANVAS_SELECT} WHERE (@projectId IS NULL OR c.project_id = @projectId) AND (@includeArchived = 1 OR c.archived = 0)
     ORDER BY c.updated_at DESC, c.id`,
  );
  const get = db.prepare<[string], CanvasRow>(`${CANVAS_SELECT} WHERE c.id = ?`);
  // Without counting its notes: what a write to the canvas needs, thousands of times in a workshop.
  const head = db.prepare<[string], Omit<CanvasRow, 'note_count'>>(`SELECT ${CANVAS_COLUMNS} FROM canvases c WHERE c.id = ?`);
  const insertCanvas = db.prepare(
    `INSERT INTO canvases (id, project_id, stage, template_id, title, archived, created_at, updated_at)
     VALUES (@id, @projectId, @stage, @templateId, @title, @archived, @createdAt, @updatedAt)`,
  );
  const updateCanvas = db.prepare(
    'UPDATE canvases SET project_id = @projectId, stage = @stage, title = @title, archived = @archived, updated_at = @updatedAt WHERE id = @id',
  );
  const touch = db.prepare<[string, string]>('UPDATE canvases SET updated_at = ? WHERE id = ?');
  const templateInUse = db.prepare<[string], number>('SELECT count(*) FROM canvases WHERE template_id = ?').pluck();

  const notes = db.prepare<[string], NoteRow>(`SELECT ${NOTE_COLUMNS} FROM canvas_notes WHERE canvas_id = ? ${NOTE_ORDER}`);
  const note = db.prepare<[string], NoteRow>(`SELECT ${NOTE_COLUMNS} FROM canvas_notes WHERE id = ?`);
  const lastIndex = db.prepare<[string, string | null], string | null>(
    'SELECT max(order_index) FROM canvas_notes WHERE canvas_id = ? AND zone_key IS ?',
  ).pluck();
  const insertNote = db.prepare(
    `INSERT INTO canvas_notes (${NOTE_COLUMNS})
     VALUES (@id, @canvasId, @zoneKey, @clusterId, @text, @color, @status, @author, @orderIndex, @x, @y, @version, @createdAt, @updatedAt)`,
  );
  const updateNote = db.prepare(
    `UPDATE canvas_notes SET zone_key = @zoneKey, cluster_id = @clusterId, text = @text, color = @color, status = @status, author = @author,
     order_index = @orderIndex, x = @x, y = @y, version = @version, updated_at = @updatedAt WHERE id = @id`,
  );
  const deleteNote = db.prepare<[string]>('DELETE FROM canvas_notes WHERE id = ?');

  const clusters = db.prepare<[string], ClusterRow>(
    'SELECT id, canvas_id, zone_key, label, order_index, version FROM canvas_clusters WHERE canvas_id = ? ORDER BY zone_key, order_index, id',
  );
  const cluster = db.prepare<[string], ClusterRow>('SELECT id, canvas_id, zone_key, label, order_index, version FROM canvas_clusters WHERE id = ?');
  const lastClusterIndex = db.prepare<[string, string], string | null>('SELECT max(order_index) FROM canvas_clusters WHERE canvas_id = ? AND zone_key = ?').pluck();
  const insertCluster = db.prepare(
    `INSERT INTO canvas_clusters (id, canvas_id, zone_key, label, order_index, version, created_at, updated_at)
     VALUES (@id, @canvasId, @zoneKey, @label, @orderIndex, @version, @now, @now)`,
  );
  const updateCluster = db.prepare('UPDATE canvas_clusters SET label = @label, order_index = @orderIndex, version = @version, updated_at = @now WHERE id = @id');
  const deleteCluster = db.prepare<[string]>('DELETE FROM canvas_clusters WHERE id = ?');

  const templates = db.prepare<[number], TemplateRow>(
    'SELECT id, body, retired_at, created_at, updated_at FROM canvas_templates WHERE (retired_at IS NOT NULL) = ? ORDER BY created_at, id',
  );
  const template = db.prepare<[string], TemplateRow>('SELECT id, body, retired_at, created_at, updated_at FROM canvas_templates WHERE id = ?');
  const retireTemplate = db.prepare<{ id: string; at: string }>('UPDATE canvas_templates SET retired_at = @at, updated_at = @at WHERE id = @id');
  const insertTemplate = db.prepare('INSERT INTO canvas_templates (id, body, created_at, updated_at) VALUES (@id, @body, @createdAt, @updatedAt)');
  const updateTemplate = db.prepare('UPDATE canvas_templates SET body = @body, updated_at = @updatedAt WHERE id = @id');
  const deleteTemplate = db.prepare<[string]>('DELETE FROM canvas_templates WHERE id = ?');

  return {
    list: (projectId: string | null, includeArchived: boolean) => list.all({ projectId, includeArchived: includeArchived ? 1 : 0 }).map(toCanvas),
    get: (id: string) => {
      const row = get.get(id);
      return row && toCanvas(row);
    },
    /** The canvas without its note count. */
    head: (id: string): CanvasHead | undefined => {
      const row = head.get(id);
      return row && toCanvasHead(row);
    },
    insertCanvas: (c: Omit<Canvas, 'noteCount'>) => insertCanvas.run({ ...c, archived: c.archived ? 1 : 0 }),
    updateCanvas: (c: Omit<Canvas, 'noteCount' | 'templateId' | 'createdAt'>) => updateCanvas.run({ ...c, archived: c.archived ? 1 : 0 }),
    touch: (id: string, at: string) => touch.run(at, id),
    templateInUse: (templateId: string) => templateInUse.get(templateId)! > 0,

    notes: (canvasId: string) => notes.all(canvasId).map(toNote),
    note: (id: string) => {
      const row = note.get(id);
      return row && toNote(row);
    },
    lastIndex: (canvasId: string, zoneKey: string | null) => lastIndex.get(canvasId, zoneKey) ?? null,
    insertNote: (n: Note) => insertNote.run(n),
    updateNote: (n: Note) => updateNote.run(n),
    deleteNote: (id: string) => deleteNote.run(id),

    clusters: (canvasId: string) => clusters.all(canvasId).map(toCluster),
    cluster: (id: string) => {
      const row = cluster.get(id);
      return row && toCluster(row);
    },
    lastClusterIndex: (canvasId: string, zoneKey: string) => lastClusterIndex.get(canvasId, zoneKey) ?? null,
    insertCluster: (c: Cluster, now: string) => insertCluster.run({ ...c, now }),
    updateCluster: (c: Cluster, now: string) => updateCluster.run({ ...c, now }),
    deleteCluster: (id: string) => deleteCluster.run(id),

    /** The gallery's templates, or the retired ones. */
    templates: (retired = false) => templates.all(retired ? 1 : 0),
    template: (id: string) => template.get(id),
    insertTemplate: (t: { id: string; body: string; createdAt: string; updatedAt: string }) => insertTemplate.run(t),
    updateTemplate: (t: { id: string; body: string; updatedAt: string }) => updateTemplate.run(t),
    deleteTemplate: (id: string) => deleteTemplate.run(id),
    retireTemplate: (id: string, at: string) => retireTemplate.run({ id, at }),
  };
}

export type CanvasesRepo = ReturnType<typeof createCanvasesRepo>;
