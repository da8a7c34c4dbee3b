/** SQL for cohorts, their projects and milestones. */
import type { Db } from '../../db/open';
import type { Cohort, Milestone } from '../../../shared/domain/cohorts';

interface CohortRow {
  id: string;
  name: string;
  description: string;
  starts_on: string | null;
  ends_on: string | null;
  demo_day: string | null;
  created_at: string;
  updated_at: string;
}
interface MilestoneRow {
  id: string;
  cohort_id: string;
  title: string;
  due_on: string | null;
  done: number;
}

const toMilestone = (r: MilestoneRow): Milestone => ({ id: r.id, cohortId: r.cohort_id, title: r.title, dueOn: r.due_on, done: r.done === 1 });

export function createCohortsRepo(db: Db) {
  const all = db.prepare<[], CohortRow>('SELECT * FROM cohorts ORDER BY coalesce(starts_on, created_at) DESC, id');
  const one = db.prepare<[string], CohortRow>('SELECT * FROM cohorts WHERE id = ?');
  const projectIds = db.prepare<[string], { project_id: string }>('SELECT project_id FROM cohort_projects WHERE cohort_id = ? ORDER BY added_at, project_id');
  const milestones = db.prepare<[string], MilestoneRow>(
    'SELECT id, cohort_id, title, due_on, done FROM cohort_milestones WHERE cohort_id = ? ORDER BY due_on IS NULL, due_on, created_at, id',
  );
  const milestone = db.prepare<[string], MilestoneRow>('SELECT id, cohort_id, title, due_on, done FROM cohort_milestones WHERE id = ?');
  const insert = db.prepare(
    `INSERT INTO cohorts (id, name, description, starts_on, ends_on, demo_day, created_at, updated_at)
     VALUES (@id, @name, @description, @startsOn, @endsOn, @demoDay, @createdAt, @updatedAt)`,
  );
  const update = db.prepare(
    `UPDATE cohorts SET name = @name, description = @description, starts_on = @startsOn, ends_on = @endsOn,
     demo_day = @demoDay, updated_at = @updatedAt WHERE id = @id`,
  );
  const remove = db.prepare<[string]>('DELETE FROM cohorts WHERE id = ?');
  const addProject = db.prepare<[string, string, string]>('INSERT OR IGNORE INTO cohort_projects (cohort_id, project_id, added_at) VALUES (?, ?, ?)');
  const removeProject = db.prepare<[string, string]>('DELETE FROM cohort_projects WHERE cohort_id = ? AND project_id = ?');
  const insertMilestone = db.prepare(
    'INSERT INTO cohort_milestones (id, cohort_id, title, due_on, done, created_at, updated_at) VALUES (@id, @cohortId, @title, @dueOn, 0, @now, @now)',
  );
  const updateMilestone = db.prepare('UPDATE cohort_milestones SET title = @title, due_on = @dueOn, done = @done, updated_at = @now WHERE id = @id');
  const deleteMilestone = db.prepare<[string]>('DELETE FROM cohort_milestones WHERE id = ?');

  const toCohort = (r: CohortRow): Cohort => ({
    id: r.id,
    name: r.name,
    description: r.description,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    demoDay: r.demo_day,
    projectIds: projectIds.all(r.id).map((p) => p.project_id),
    milestones: milestones.all(r.id).map(toMilestone),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  });

  return {
    all: () => all.all().map(toCohort),
    get: (id: string) => {
      const row = one.get(id);
      return row && toCohort(row);
    },
    insert: (c: Cohort) => insert.run(c),
    update: (c: Cohort) => update.run(c),
    remove: (id: string) => remove.run(id).changes > 0,
    addProject: (cohortId: string, projectId: string, now: string) => addProject.run(cohortId, projectId, now),
    removeProject: (cohortId: string, projectId: string) => removeProject.run(cohortId, projectId).changes > 0,
    milestone: (id: string) => {
      const row = milestone.get(id);
      return row && toMilestone(row);
    },
    insertMilestone: (m: { id: string; cohortId: string; title: string; dueOn: string | null; now: string }) => insertMilestone.run(m),
    updateMilestone: (m: Milestone & { now: string }) => updateMilestone.run({ ...m, done: m.done ? 1 : 0 }),
    deleteMilestone: (id: string) => deleteMilestone.run(id).changes > 0,
  };
}

export type CohortsRepo = ReturnType<typeof createCohortsRepo>;
