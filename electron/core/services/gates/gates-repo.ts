/** SQL for gate criteria and the append-only gate decisions (triggers refuse UPDATE and DELETE). */
import type { Db } from '../../db/open';
import type { GateCriterion, GateDecision } from '../../../shared/domain/gates';

interface CriterionRow {
  id: string;
  stage: number;
  key: string | null;
  label: string | null;
  position: number;
  archived: number;
}

interface DecisionRow {
  id: string;
  project_id: string;
  from_stage: number;
  to_stage: number;
  decision: string;
  evidence_level: number | null;
  checklist: string;
  rationale: string;
  decided_by_id: string | null;
  decided_by_name: string;
  decided_on: string;
  supersedes_id: string | null;
  created_at: string;
}

const toCriterion = (r: CriterionRow): GateCriterion => ({ ...r, archived: r.archived === 1 });

const toDecision = (r: DecisionRow): GateDecision => ({
  id: r.id,
  projectId: r.project_id,
  fromStage: r.from_stage,
  toStage: r.to_stage,
  decision: r.decision as GateDecision['decision'],
  evidenceLevel: r.evidence_level,
  checklist: JSON.parse(r.checklist),
  rationale: r.rationale,
  decidedById: r.decided_by_id,
  decidedByName: r.decided_by_name,
  decidedOn: r.decided_on,
  supersedesId: r.supersedes_id,
  createdAt: r.created_at,
});

const DECISION_COLUMNS = `id, project_id, from_stage, to_stage, decision, evidence_level, checklist, rationale,
  decided_by_id, decided_by_name, decided_on, supersedes_id, created_at`;

export function createGatesRepo(db: Db) {
  const criteria = db.prepare<[], CriterionRow>('SELECT id, stage, key, label, position, archived FROM gate_criteria ORDER BY stage, position, id');
  const criterion = db.prepare<[string], CriterionRow>('SELECT id, stage, key, label, position, archived FROM gate_criteria WHERE id = ?');
  const lastPosition = db.prepare<[number], { p: number | null }>('SELECT max(position) AS p FROM gate_criteria WHERE stage = ?');
  const insertCriterion = db.prepare(
    `INSERT INTO gate_criteria (id, stage, key, label, position, archived, created_at, updated_at)
     VALUES (@id, @stage, NULL, @label, @position, 0, @now, @now)`,
  );
  const updateCriterion = db.prepare('UPDATE gate_criteria SET label = @label, archived = @archived, updated_at = @now WHERE id = @id');
  const insertDecision = db.prepare(
    `INSERT INTO gate_decisions (${DECISION_COLUMNS}) VALUES (@id, @project_id, @from_stage, @to_stage, @decision,
      @evidence_level, @checklist, @rationale, @decided_by_id, @decided_by_name, @decided_on, @supersedes_id, @created_at)`,
  );
  const history = db.prepare<[string], DecisionRow>(`SELECT ${DECISION_COLUMNS} FROM gate_decisions WHERE project_id = ? ORDER BY created_at DESC, id DESC`);
  const latest = db.prepare<[string], { id: string; decided_on: string }>('SELECT id, decided_on FROM gate_decisions WHERE project_id = ? ORDER BY created_at DESC, id DESC LIMIT 1');

  return {
    criteria: () => criteria.all().map(toCriterion),
    criterion: (id: string) => {
      const row = criterion.get(id);
      return row && toCriterion(row);
    },
    addCriterion(c: { id: string; stage: number; label: string; now: string }) {
      insertCriterion.run({ ...c, position: (lastPosition.get(c.stage)?.p ?? 0) + 1 });
    },
    updateCriterion: (c: { id: string; label: string | null; archived: boolean; now: string }) =>
      updateCriterion.run({ ...c, archived: c.archived ? 1 : 0 }),
    addDecision(d: GateDecision) {
      insertDecision.run({
        id: d.id,
        project_id: d.projectId,
        from_stage: d.fromStage,
        to_stage: d.toStage,
        decision: d.decision,
        evidence_level: d.evidenceLevel,
        checklist: JSON.stringify(d.checklist),
        rationale: d.rationale,
        decided_by_id: d.decidedById,
        decided_by_name: d.decidedByName,
        decided_on: d.decidedOn,
        supersedes_id: d.supersedesId,
        created_at: d.createdAt,
      });
    },
    history: (projectId: string) => history.all(projectId).map(toDecision),
    latestId: (projectId: string) => latest.get(projectId)?.id ?? null,
    /** The day the project's latest decision is dated. */
    latestDecidedOn: (projectId: string) => latest.get(projectId)?.decided_on ?? null,
  };
}

export type GatesRepo = ReturnType<typeof createGatesRepo>;
