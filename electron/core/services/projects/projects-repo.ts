/** SQL for projects. Rows are snake_case as in the schema; `toProject` maps them to the domain type. */
import type { Db } from '../../db/open';
import type { z } from 'zod';
import type { Project, ProjectListQuerySchema } from '../../../shared/domain/project';
import { foldForSearch } from '../../../shared/text/fold';

export interface ProjectRow {
  id: string;
  title: string;
  title_folded: string;
  summary: string;
  stage: number;
  status: string;
  innovation_type: string | null;
  oecd_facet: string | null;
  owner_entity_id: string | null;
  start_date: string | null;
  end_date: string | null;
  evidence_level: number | null;
  evidence_target: number | null;
  challenge_id: string | null;
  origin: string | null;
  created_at: string;
  updated_at: string;
}

const COLUMNS = `id, title, title_folded, summary, stage, status, innovation_type, oecd_facet,
  owner_entity_id, start_date, end_date, evidence_level, evidence_target, challenge_id, origin, created_at, updated_at`;

const SORT_COLUMNS = { updated: 'updated_at', created: 'created_at', title: 'title_folded', stage: 'stage' } as const;

export const toProject = (row: ProjectRow, pillarIds: string[]): Project => ({
  id: row.id,
  title: row.title,
  summary: row.summary,
  stage: row.stage,
  status: row.status as Project['status'],
  innovationType: row.innovation_type as Project['innovationType'],
  oecdFacet: row.oecd_facet as Project['oecdFacet'],
  pillarIds,
  ownerEntityId: row.owner_entity_id,
  startDate: row.start_date,
  endDate: row.end_date,
  evidenceLevel: row.evidence_level,
  evidenceTarget: row.evidence_target,
  challengeId: row.challenge_id,
  origin: row.origin,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** Escapes LIKE wildcards so a user's `%` or `_` matches itself. */
const likeContains = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export function createProjectsRepo(db: Db) {
  const insert = db.prepare<ProjectRow>(
    `INSERT INTO projects (${COLUMNS}) VALUES (@id, @title, @title_folded, @summary, @stage, @status,
      @innovation_type, @oecd_facet, @owner_entity_id, @start_date, @end_date, @evidence_level, @evidence_target,
      @challenge_id, @origin, @created_at, @updated_at)`,
  );
  const update = db.prepare<ProjectRow>(
    `UPDATE projects SET title = @title, title_folded = @title_folded, summary = @summary, stage = @stage,
      status = @status, innovation_type = @innovation_type, oecd_facet = @oecd_facet,
      owner_entity_id = @owner_entity_id, start_date = @start_date, end_date = @end_date,
      evidence_level = @evidence_level, evidence_target = @evidence_target, challenge_id = @challenge_id,
      updated_at = @updated_at WHERE id = @id`,
  );
  const get = db.prepare<[string], ProjectRow>(`SELECT ${COLUMNS} FROM projects WHERE id = ?`);
  const all = db.prepare<[], ProjectRow>(`SELECT ${COLUMNS} FROM projects ORDER BY rowid`);
  const setFolded = db.prepare<[string, string]>('UPDATE projects SET title_folded = ? WHERE id = ?');
  const remove = db.prepare<[string]>('DELETE FROM projects WHERE id = ?');
  const pillarsOf = db.prepare<[string], { project_id: string; pillar_id: string }>(
    `SELECT project_id, pillar_id FROM project_pillars
     WHERE project_id IN (SELECT value FROM json_each(?)) ORDER BY pillar_id`,
  );
  const clearPillars = db.prepare<[string]>('DELETE FROM project_pillars WHERE project_id = ?');
  const addPillar = db.prepare<[string, string]>('INSERT INTO project_pillars (project_id, pillar_id) VALUES (?, ?)');
  // List statements differ only by their filters and order; each shape is prepared once.
  const listStatements = new Map<string, { page: ReturnType<Db['prepare']>; count: ReturnType<Db['prepare']> }>();

  const pillarMap = (ids: string[]) => {
    const map = new Map<string, string[]>(ids.map((id) => [id, []]));
    for (const row of pillarsOf.all(JSON.stringify(ids))) map.get(row.project_id)?.push(row.pillar_id);
    return map;
  };

  return {
    insert: (row: ProjectRow) => insert.run(row),
    update: (row: ProjectRow) => update.run(row),
    remove: (id: string) => remove.run(id).changes > 0,
    getRow: (id: string) => get.get(id),
    allRows: () => all.all(),
    /** Brings the folded title (derived, for the title filter and sort) in line with the folding now in use. */
    refold(row: ProjectRow) {
      const folded = foldForSearch(row.title);
      if (folded !== row.title_folded) setFolded.run(folded, row.id);
    },
    get(id: string): Project | undefined {
      const row = get.get(id);
      return row && toProject(row, pillarMap([id]).get(id) ?? []);
    },
    setPillars(projectId: string, pillarIds: readonly string[]) {
      clearPillars.run(projectId);
      for (const pillarId of new Set(pillarIds)) addPillar.run(projectId, pillarId);
    },
    pillarIds: (projectId: string) => pillarMap([projectId]).get(projectId) ?? [],
    /** One page of projects; `foldedSearch` is the already folded search text. */
    list(query: z.output<typeof ProjectListQuerySchema> & { foldedSearch: string }): { items: Project[]; total: number } {
      const where: string[] = [];
      const params: Record<string, unknown> = { limit: query.limit, offset: query.offset };
      if (query.foldedSearch) {
        where.push(`title_folded LIKE @search ESCAPE '\\'`);
        params.search = likeContains(query.foldedSearch);
      }
      // Every portfolio lens is an equality filter on its own column (pillars through their link table).
      const lenses = [
        ['stage', 'stage'],
        ['status', 'status'],
        ['innovationType', 'innovation_type'],
        ['oecdFacet', 'oecd_facet'],
        ['ownerEntityId', 'owner_entity_id'],
        ['evidenceLevel', 'evidence_level'],
        ['challengeId', 'challenge_id'],
      ] as const;
      for (const [field, column] of lenses) {
        if (query[field] === undefined) continue;
        where.push(`${column} = @${field}`);
        params[field] = query[field];
      }
      if (query.statuses !== undefined) {
        where.push('status IN (SELECT value FROM json_each(@statuses))');
        params.statuses = JSON.stringify(query.statuses);
      }
      if (query.cohortId !== undefined) {
        where.push('id IN (SELECT project_id FROM cohort_projects WHERE cohort_id = @cohortId)');
        params.cohortId = query.cohortId;
      }
      if (query.pillarId !== undefined) {
        where.push('id IN (SELECT project_id FROM project_pillars WHERE pillar_id = @pillarId)');
        params.pillarId = query.pillarId;
      }
      const direction = query.direction === 'asc' ? 'ASC' : 'DESC';
      const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
      const key = `${whereSql}|${query.sort}|${direction}`;
      let statements = listStatements.get(key);
      if (!statements) {
        statements = {
          page: db.prepare(
            `SELECT ${COLUMNS} FROM projects ${whereSql}
             ORDER BY ${SORT_COLUMNS[query.sort]} ${direction}, id ${direction} LIMIT @limit OFFSET @offset`,
          ),
          count: db.prepare(`SELECT count(*) AS n FROM projects ${whereSql}`),
        };
        listStatements.set(key, statements);
      }
      const { limit: _limit, offset: _offset, ...countParams } = params;
      const rows = statements.page.all(params) as ProjectRow[];
      const total = (statements.count.get(countParams) as { n: number }).n;
      const pillars = pillarMap(rows.map((r) => r.id));
      return { items: rows.map((r) => toProject(r, pillars.get(r.id) ?? [])), total };
    },
  };
}

export type ProjectsRepo = ReturnType<typeof createProjectsRepo>;
