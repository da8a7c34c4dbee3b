/** SQL for links from canvas notes to other notes and to pilot KPIs. */
import type { Db } from '../../db/open';
import type { KpiChoice, NoteLink, NoteLinkView } from '../../../shared/canvas/links';

interface LinkRow {
  id: string;
  note_id: string;
  target_note_id: string | null;
  target_kpi_id: string | null;
  created_at: string;
}
interface ViewRow {
  id: string;
  direction: 'to' | 'from';
  created_at: string;
  other_note_id: string | null;
  note_text: string | null;
  canvas_id: string | null;
  canvas_title: string | null;
  kpi_id: string | null;
  kpi_name: string | null;
  kpi_unit: string | null;
  pilot_id: string | null;
  pilot_title: string | null;
  project_id: string | null;
}
interface KpiChoiceRow {
  kpi_id: string;
  name: string;
  unit: string;
  pilot_id: string;
  pilot_title: string;
  project_id: string;
  project_title: string;
}

const toLink = (r: LinkRow): NoteLink => ({ id: r.id, noteId: r.note_id, targetNoteId: r.target_note_id, targetKpiId: r.target_kpi_id, createdAt: r.created_at });
const toView = (r: ViewRow): NoteLinkView => ({
  id: r.id,
  direction: r.direction,
  createdAt: r.created_at,
  other:
    r.other_note_id !== null
      ? { kind: 'note', noteId: r.other_note_id, text: r.note_text!, canvasId: r.canvas_id!, canvasTitle: r.canvas_title! }
      : { kind: 'kpi', kpiId: r.kpi_id!, name: r.kpi_name!, unit: r.kpi_unit!, pilotId: r.pilot_id!, pilotTitle: r.pilot_title!, projectId: r.project_id! },
});

const LINK_COLUMNS = 'l.id, l.note_id, l.target_note_id, l.target_kpi_id, l.created_at';

export function createNoteLinksRepo(db: Db) {
  // Links that start at the note, then links from other notes that point at it.
  const forNote = db.prepare<{ noteId: string }, ViewRow>(
    `SELECT l.id, 'to' AS direction, l.created_at, l.target_note_id AS other_note_id, n.text AS note_text, c.id AS canvas_id, c.title AS canvas_title,
       k.id AS kpi_id, k.name AS kpi_name, k.unit AS kpi_unit, p.id AS pilot_id, p.title AS pilot_title, p.project_id AS project_id
     FROM note_links l
       LEFT JOIN canvas_notes n ON n.id = l.target_note_id LEFT JOIN canvases c ON c.id = n.canvas_id
       LEFT JOIN pilot_kpis k ON k.id = l.target_kpi_id LEFT JOIN pilots p ON p.id = k.pilot_id
     WHERE l.note_id = @noteId
     UNION ALL
     SELECT l.id, 'from', l.created_at, l.note_id, n.text, c.id, c.title, NULL, NULL, NULL, NULL, NULL, NULL
     FROM note_links l JOIN canvas_notes n ON n.id = l.note_id JOIN canvases c ON c.id = n.canvas_id
     WHERE l.target_note_id = @noteId
     ORDER BY 2 DESC, 3, 1`,
  );
  const forCanvas = db.prepare<{ canvasId: string }, LinkRow>(
    `SELECT ${LINK_COLUMNS} FROM note_links l
     WHERE l.note_id IN (SELECT id FROM canvas_notes WHERE canvas_id = @canvasId) OR l.target_note_id IN (SELECT id FROM canvas_notes WHERE canvas_id = @canvasId)
     ORDER BY l.created_at, l.id`,
  );
  const get = db.prepare<[string], LinkRow>(`SELECT ${LINK_COLUMNS} FROM note_links l WHERE l.id = ?`);
  const existing = db.prepare<[string, string | null, string | null], string>(
    'SELECT id FROM note_links WHERE note_id = ? AND (target_note_id = ? OR target_kpi_id = ?)',
  ).pluck();
  const insert = db.prepare(
    `INSERT INTO note_links (id, note_id, target_note_id, target_kpi_id, created_at, updated_at)
     VALUES (@id, @noteId, @targetNoteId, @targetKpiId, @createdAt, @createdAt)`,
  );
  const remove = db.prepare<[string]>('DELETE FROM note_links WHERE id = ?');
  const kpiChoices = db.prepare<[], KpiChoiceRow>(
    `SELECT k.id AS kpi_id, k.name, k.unit, p.id AS pilot_id, p.title AS pilot_title, pr.id AS project_id, pr.title AS project_title
     FROM pilot_kpis k JOIN pilots p ON p.id = k.pilot_id JOIN projects pr ON pr.id = p.project_id
     ORDER BY pr.title, pr.id, p.title, p.id, k.position, k.id`,
  );
  const kpiExists = db.prepare<[string], number>('SELECT count(*) FROM pilot_kpis WHERE id = ?').pluck();

  return {
    forNote: (noteId: string) => forNote.all({ noteId }).map(toView),
    /** Links with either end on the canvas's notes. */
    forCanvas: (canvasId: string) => forCanvas.all({ canvasId }).map(toLink),
    get: (id: string) => {
      const row = get.get(id);
      return row && toLink(row);
    },
    existing: (noteId: string, targetNoteId: string | null, targetKpiId: string | null) => existing.get(noteId, targetNoteId, targetKpiId),
    insert: (link: NoteLink) => insert.run(link),
    remove: (id: string) => remove.run(id),
    kpiChoices: (): KpiChoice[] =>
      kpiChoices.all().map((r) => ({ kpiId: r.kpi_id, name: r.name, unit: r.unit, pilotId: r.pilot_id, pilotTitle: r.pilot_title, projectId: r.project_id, projectTitle: r.project_title })),
    kpiExists: (id: string) => kpiExists.get(id)! > 0,
  };
}

export type NoteLinksRepo = ReturnType<typeof createNoteLinksRepo>;
