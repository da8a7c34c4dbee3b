/** SQL for pilots, protocol amendments, KPIs, measurements, DAC assessments and decisions. */
import type { Db } from '../../db/open';
import type { KpiData } from '../../../shared/pilots/analysis';
import type { Amendment, Assessment, Group, Kpi, LinkedCanvas, Measurement, Pilot, PilotDecision, Protocol } from '../../../shared/domain/pilots';

interface PilotRow {
  id: string;
  project_id: string;
  title: string;
  problem: string;
  intervention: string;
  population: string;
  sites: string;
  starts_on: string | null;
  ends_on: string | null;
  owner_id: string | null;
  design: string;
  unit: string;
  planned_sample_size: number | null;
  primary_outcome: string;
  analysis_plan: string;
  intervention_on: string | null;
  locked_at: string | null;
  protocol_hash: string | null;
  locked_protocol: string | null;
  protocol_version: number;
  created_at: string;
  updated_at: string;
  d_id: string | null;
  d_decision: string | null;
  d_conditions: string | null;
  d_evidence_level: number | null;
  d_decided_by_id: string | null;
  d_decided_on: string | null;
  d_created_at: string | null;
  d_updated_at: string | null;
}
interface AmendmentRow {
  id: string;
  version: number;
  reason: string;
  changed_fields: string;
  before: string;
  after: string;
  protocol_hash: string;
  kpi_id: string | null;
  kpi_name: string | null;
  created_at: string;
  updated_at: string;
}
interface LinkedCanvasRow {
  canvas_id: string;
  title: string;
  template_id: string | null;
  project_id: string | null;
  created_at: string;
}
interface KpiRow {
  id: string;
  pilot_id: string;
  name: string;
  unit: string;
  direction: string;
  kind: string;
  data_source: string;
  frequency: string;
  baseline_value: number | null;
  baseline_date: string | null;
  target: number | null;
  success_threshold: number | null;
  is_primary: number;
  position: number;
  measurement_count: number;
  created_at: string;
  updated_at: string;
}
interface MeasurementRow {
  id: string;
  kpi_id: string;
  grp: string;
  period: string;
  unit_id: string | null;
  value: number;
  numerator: number | null;
  denominator: number | null;
  created_at: string;
  updated_at: string;
}
interface AssessmentRow {
  id: string;
  criterion: string;
  assessor_id: string;
  assessor_name: string;
  rating: string;
  evidence: string;
  created_at: string;
  updated_at: string;
}

const toDecision = (r: PilotRow): PilotDecision | null =>
  r.d_id === null
    ? null
    : {
        id: r.d_id,
        decision: r.d_decision as PilotDecision['decision'],
        conditions: r.d_conditions ?? '',
        evidenceLevel: r.d_evidence_level,
        decidedById: r.d_decided_by_id,
        decidedOn: r.d_decided_on!,
        createdAt: r.d_created_at!,
        updatedAt: r.d_updated_at!,
      };

const toPilot = (r: PilotRow): Pilot => ({
  id: r.id,
  projectId: r.project_id,
  title: r.title,
  problem: r.problem,
  intervention: r.intervention,
  population: r.population,
  sites: r.sites,
  startsOn: r.starts_on,
  endsOn: r.ends_on,
  ownerId: r.owner_id,
  design: r.design as Pilot['design'],
  unit: r.unit,
  plannedSampleSize: r.planned_sample_size,
  primaryOutcome: r.primary_outcome,
  analysisPlan: r.analysis_plan,
  interventionOn: r.intervention_on,
  lockedAt: r.locked_at,
  protocolHash: r.protocol_hash,
  lockedProtocol: r.locked_protocol === null ? null : (JSON.parse(r.locked_protocol) as Protocol),
  protocolVersion: r.protocol_version,
  decision: toDecision(r),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const toAmendment = (r: AmendmentRow): Amendment => ({
  id: r.id,
  version: r.version,
  reason: r.reason,
  kpiId: r.kpi_id,
  kpiName: r.kpi_name,
  changedFields: JSON.parse(r.changed_fields) as Amendment['changedFields'],
  before: JSON.parse(r.before) as Amendment['before'],
  after: JSON.parse(r.after) as Amendment['after'],
  protocolHash: r.protocol_hash,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const toKpi = (r: KpiRow): Kpi => ({
  id: r.id,
  pilotId: r.pilot_id,
  name: r.name,
  unit: r.unit,
  direction: r.direction as Kpi['direction'],
  kind: r.kind as Kpi['kind'],
  dataSource: r.data_source,
  frequency: r.frequency as Kpi['frequency'],
  baselineValue: r.baseline_value,
  baselineDate: r.baseline_date,
  target: r.target,
  successThreshold: r.success_threshold,
  primary: r.is_primary === 1,
  position: r.position,
  measurementCount: r.measurement_count,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export const toMeasurement = (r: MeasurementRow): Measurement => ({
  id: r.id,
  kpiId: r.kpi_id,
  group: r.grp as Measurement['group'],
  period: r.period,
  unitId: r.unit_id,
  value: r.value,
  numerator: r.numerator,
  denominator: r.denominator,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const toAssessment = (r: AssessmentRow): Assessment => ({
  id: r.id,
  criterion: r.criterion as Assessment['criterion'],
  assessorId: r.assessor_id,
  assessorName: r.assessor_name,
  rating: r.rating as Assessment['rating'],
  evidence: r.evidence,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const PILOT_SELECT = `SELECT p.*, d.id AS d_id, d.decision AS d_decision, d.conditions AS d_conditions, d.evidence_level AS d_evidence_level,
  d.decided_by_id AS d_decided_by_id, d.decided_on AS d_decided_on, d.created_at AS d_created_at, d.updated_at AS d_updated_at
  FROM pilots p LEFT JOIN pilot_decisions d ON d.pilot_id = p.id`;
const KPI_SELECT = `SELECT k.*, (SELECT count(*) FROM pilot_measurements m WHERE m.kpi_id = k.id) AS measurement_count FROM pilot_kpis k`;

/** A row to store: the pilot's columns by their domain names. */
export type PilotRecord = Omit<Pilot, 'decision' | 'lockedProtocol'> & { lockedProtocol: string | null };
export type KpiRecord = Omit<Kpi, 'measurementCount'>;
const kpiParams = ({ primary, ...k }: KpiRecord) => ({ ...k, isPrimary: primary ? 1 : 0 });
export type MeasurementRecord = Omit<Measurement, 'createdAt' | 'updatedAt'> & { at: string };

export function createPilotsRepo(db: Db) {
  const pilot = db.prepare<[string], PilotRow>(`${PILOT_SELECT} WHERE p.id = ?`);
  const pilots = db.prepare<[string], PilotRow>(`${PILOT_SELECT} WHERE p.project_id = ? ORDER BY p.created_at, p.id`);
  const allPilots = db.prepare<[], PilotRow>(PILOT_SELECT);
  const pilotColumns = `project_id = @projectId, title = @title, problem = @problem, intervention = @intervention, population = @population,
    sites = @sites, starts_on = @startsOn, ends_on = @endsOn, owner_id = @ownerId, design = @design, unit = @unit,
    planned_sample_size = @plannedSampleSize, primary_outcome = @primaryOutcome, analysis_plan = @analysisPlan,
    intervention_on = @interventionOn, locked_at = @lockedAt, protocol_hash = @protocolHash, locked_protocol = @lockedProtocol,
    protocol_version = @protocolVersion, updated_at = @updatedAt`;
  const insertPilot = db.prepare(
    `INSERT INTO pilots (id, project_id, title, problem, intervention, population, sites, starts_on, ends_on, owner_id, design, unit,
       planned_sample_size, primary_outcome, analysis_plan, intervention_on, locked_at, protocol_hash, locked_protocol, protocol_version,
       created_at, updated_at)
     VALUES (@id, @projectId, @title, @problem, @intervention, @population, @sites, @startsOn, @endsOn, @ownerId, @design, @unit,
       @plannedSampleSize, @primaryOutcome, @analysisPlan, @interventionOn, @lockedAt, @protocolHash, @lockedProtocol, @protocolVersion,
       @createdAt, @updatedAt)`,
  );
  const updatePilot = db.prepare(`UPDATE pilots SET ${pilotColumns} WHERE id = @id`);
  const deletePilot = db.prepare<[string]>('DELETE FROM pilots WHERE id = ?');

  const amendments = db.prepare<[string], AmendmentRow>(
    'SELECT a.*, k.name AS kpi_name FROM pilot_amendments a LEFT JOIN pilot_kpis k ON k.id = a.kpi_id WHERE a.pilot_id = ? ORDER BY a.version',
  );
  const insertAmendment = db.prepare(
    `INSERT INTO pilot_amendments (id, pilot_id, version, reason, changed_fields, before, after, protocol_hash, kpi_id, created_at, updated_at)
     VALUES (@id, @pilotId, @version, @reason, @changedFields, @before, @after, @protocolHash, @kpiId, @at, @at)`,
  );

  const linkedCanvases = db.prepare<[string], LinkedCanvasRow>(
    `SELECT l.canvas_id, c.title, c.template_id, c.project_id, l.created_at FROM pilot_canvases l JOIN canvases c ON c.id = l.canvas_id
     WHERE l.pilot_id = ? ORDER BY c.title, l.canvas_id`,
  );
  const canvasProject = db.prepare<[string], { project_id: string | null }>('SELECT project_id FROM canvases WHERE id = ?');
  const linkCanvas = db.prepare<[string, string, string]>('INSERT INTO pilot_canvases (pilot_id, canvas_id, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING');
  const unlinkCanvas = db.prepare<[string, string]>('DELETE FROM pilot_canvases WHERE pilot_id = ? AND canvas_id = ?');

  const kpi = db.prepare<[string], KpiRow>(`${KPI_SELECT} WHERE k.id = ?`);
  const kpis = db.prepare<[string], KpiRow>(`${KPI_SELECT} WHERE k.pilot_id = ? ORDER BY k.position, k.id`);
  const nextPosition = db.prepare<[string], { p: number }>('SELECT coalesce(max(position), -1) + 1 AS p FROM pilot_kpis WHERE pilot_id = ?');
  const kpiValues = `name = @name, unit = @unit, direction = @direction, kind = @kind, data_source = @dataSource, frequency = @frequency,
    baseline_value = @baselineValue, baseline_date = @baselineDate, target = @target, success_threshold = @successThreshold,
    is_primary = @isPrimary, position = @position, updated_at = @updatedAt`;
  const insertKpi = db.prepare(
    `INSERT INTO pilot_kpis (id, pilot_id, name, unit, direction, kind, data_source, frequency, baseline_value, baseline_date, target,
       success_threshold, is_primary, position, created_at, updated_at)
     VALUES (@id, @pilotId, @name, @unit, @direction, @kind, @dataSource, @frequency, @baselineValue, @baselineDate, @target,
       @successThreshold, @isPrimary, @position, @createdAt, @updatedAt)`,
  );
  // One primary outcome KPI per pilot: marking another one unmarks the last.
  const clearPrimary = db.prepare<[string, string, string]>('UPDATE pilot_kpis SET is_primary = 0, updated_at = ? WHERE pilot_id = ? AND is_primary = 1 AND id <> ?');
  const updateKpi = db.prepare(`UPDATE pilot_kpis SET ${kpiValues} WHERE id = @id`);
  const deleteKpi = db.prepare<[string]>('DELETE FROM pilot_kpis WHERE id = ?');

  const measurements = db.prepare<[string], MeasurementRow>('SELECT * FROM pilot_measurements WHERE kpi_id = ? ORDER BY period, grp, unit_id');
  // The analysis reads the kept per-period sums (migration 0010) and, for continuous and count KPIs,
  // the observations of each side as bare numbers from the covering index: strings per row
  // (group, period, unit) would cost more than the statistics themselves.
  const periodCells = db
    .prepare<[string], [string, string, number, number, number, number, number]>(
      'SELECT period, grp, n, unit_rows, total, numerator, denominator FROM pilot_measurement_cells WHERE kpi_id = ? ORDER BY period, grp',
    )
    .raw();
  const sideValues = db
    .prepare<[string, string, string, string], number>('SELECT value FROM pilot_measurements WHERE kpi_id = ? AND grp = ? AND period >= ? AND period < ?')
    .pluck();
  // One observation per unit: its mean over the periods on that side (see analysisData).
  const sideUnitMeans = db
    .prepare<[string, string, string, string], number>(
      'SELECT avg(value) FROM pilot_measurements WHERE kpi_id = ? AND grp = ? AND period >= ? AND period < ? AND unit_id IS NOT NULL GROUP BY unit_id',
    )
    .pluck();
  const kpiRows = db.prepare<[string], KpiRow>('SELECT k.*, 0 AS measurement_count FROM pilot_kpis k WHERE k.pilot_id = ? ORDER BY k.position, k.id');
  const measurement = db.prepare<[string], MeasurementRow>('SELECT * FROM pilot_measurements WHERE id = ?');
  // The same KPI, group, period and unit is one cell: a second value replaces the first.
  const upsertMeasurement = db.prepare(
    `INSERT INTO pilot_measurements (id, kpi_id, grp, period, unit_id, value, numerator, denominator, created_at, updated_at)
     VALUES (@id, @kpiId, @group, @period, @unitId, @value, @numerator, @denominator, @at, @at)
     ON CONFLICT (kpi_id, grp, period, coalesce(unit_id, '')) DO UPDATE SET
       value = excluded.value, numerator = excluded.numerator, denominator = excluded.denominator, updated_at = excluded.updated_at`,
  );
  const deleteMeasurement = db.prepare<[string]>('DELETE FROM pilot_measurements WHERE id = ?');
  const lockedPilots = db.prepare<[string], number>('SELECT count(*) FROM pilots WHERE project_id = ? AND locked_at IS NOT NULL').pluck();
  const ratingsBy = db.prepare<[string], number>('SELECT count(*) FROM pilot_assessments WHERE assessor_id = ?').pluck();

  const assessments = db.prepare<[string], AssessmentRow>(
    `SELECT a.*, pe.name AS assessor_name FROM pilot_assessments a JOIN people pe ON pe.id = a.assessor_id
     WHERE a.pilot_id = ? ORDER BY pe.name, a.assessor_id, a.criterion`,
  );
  const upsertAssessment = db.prepare(
    `INSERT INTO pilot_assessments (id, pilot_id, criterion, assessor_id, rating, evidence, created_at, updated_at)
     VALUES (@id, @pilotId, @criterion, @assessorId, @rating, @evidence, @at, @at)
     ON CONFLICT (pilot_id, criterion, assessor_id) DO UPDATE SET rating = excluded.rating, evidence = excluded.evidence, updated_at = excluded.updated_at`,
  );
  const upsertDecision = db.prepare(
    `INSERT INTO pilot_decisions (id, pilot_id, decision, conditions, evidence_level, decided_by_id, decided_on, created_at, updated_at)
     VALUES (@id, @pilotId, @decision, @conditions, @evidenceLevel, @decidedById, @decidedOn, @at, @at)
     ON CONFLICT (pilot_id) DO UPDATE SET decision = excluded.decision, conditions = excluded.conditions,
       evidence_level = excluded.evidence_level, decided_by_id = excluded.decided_by_id, decided_on = excluded.decided_on,
       updated_at = excluded.updated_at`,
  );

  return {
    pilot: (id: string) => {
      const row = pilot.get(id);
      return row && toPilot(row);
    },
    pilots: (projectId: string) => pilots.all(projectId).map(toPilot),
    lockedPilotCount: (projectId: string) => lockedPilots.get(projectId)!,
    /** DAC rubric ratings a person gave, on any pilot. */
    ratingCount: (personId: string) => ratingsBy.get(personId)!,
    /** Every pilot, for rebuilding the search index. */
    allPilots: () => allPilots.all().map(toPilot),
    insertPilot: (record: PilotRecord) => insertPilot.run(record),
    updatePilot: (record: PilotRecord) => updatePilot.run(record),
    deletePilot: (id: string) => deletePilot.run(id),

    amendments: (pilotId: string) => amendments.all(pilotId).map(toAmendment),
    insertAmendment: (a: {
      id: string;
      pilotId: string;
      kpiId: string | null;
      version: number;
      reason: string;
      changedFields: readonly string[];
      before: object;
      after: object;
      protocolHash: string;
      at: string;
    }) => insertAmendment.run({ ...a, changedFields: JSON.stringify(a.changedFields), before: JSON.stringify(a.before), after: JSON.stringify(a.after) }),

    linkedCanvases: (pilotId: string): LinkedCanvas[] =>
      linkedCanvases.all(pilotId).map((r) => ({ canvasId: r.canvas_id, title: r.title, templateId: r.template_id, projectId: r.project_id, linkedAt: r.created_at })),
    /** The canvas's project (null for a stand-alone canvas), or undefined when there is no such canvas. */
    canvasProject: (canvasId: string) => canvasProject.get(canvasId)?.project_id,
    linkCanvas: (pilotId: string, canvasId: string, at: string) => linkCanvas.run(pilotId, canvasId, at),
    unlinkCanvas: (pilotId: string, canvasId: string) => unlinkCanvas.run(pilotId, canvasId),

    kpi: (id: string) => {
      const row = kpi.get(id);
      return row && toKpi(row);
    },
    kpis: (pilotId: string) => kpis.all(pilotId).map(toKpi),
    nextKpiPosition: (pilotId: string) => nextPosition.get(pilotId)!.p,
    insertKpi: (record: KpiRecord) => insertKpi.run(kpiParams(record)),
    updateKpi: (record: KpiRecord) => updateKpi.run(kpiParams(record)),
    clearPrimary: (pilotId: string, exceptId: string, at: string) => clearPrimary.run(at, pilotId, exceptId),
    deleteKpi: (id: string) => deleteKpi.run(id),

    measurements: (kpiId: string) => measurements.all(kpiId).map(toMeasurement),
    /**
     * A KPI's figures as the analysis reads them. Periods are ISO dates, so "before the intervention"
     * is a string comparison; '' and '~' bound every date.
     */
    analysisData(kpi: Pick<Kpi, 'id' | 'kind'>, interventionOn: string | null): KpiData {
      let unitRows = 0;
      const cells = periodCells.all(kpi.id).map(([period, group, count, units, sum, numerator, denominator]) => {
        unitRows += units;
        return { period, group: group as Group, count, sum, numerator, denominator };
      });
      const none: number[] = [];
      // Rates are compared through their pooled 2×2 table: the cells are all they need.
      if (kpi.kind === 'rate') return { cells, pilotPost: none, comparisonPost: none, pilotPre: none };
      // Units are the observations when a KPI has unit-level rows, each once: a unit measured every
      // month is one observation, not twelve, or its repeats would pass for independent evidence
      // and make any difference look certain. Otherwise each period's value is one observation.
      const side = unitRows > 0 ? sideUnitMeans : sideValues;
      const from = interventionOn ?? '';
      const pilotPost = side.all(kpi.id, 'pilot', from, '~');
      const comparisonPost = side.all(kpi.id, 'comparison', from, '~');
      // Only needed, and only read, when there is no comparison group to compare with.
      const pilotPre = comparisonPost.length === 0 && interventionOn !== null ? side.all(kpi.id, 'pilot', '', interventionOn) : none;
      return { cells, pilotPost, comparisonPost, pilotPre };
    },
    /** The KPI register without measurement counts (the analysis reads the measurements itself). */
    kpiDefinitions: (pilotId: string) => kpiRows.all(pilotId).map(toKpi),
    measurement: (id: string) => {
      const row = measurement.get(id);
      return row && toMeasurement(row);
    },
    upsertMeasurement: (m: MeasurementRecord) => upsertMeasurement.run(m),
    deleteMeasurement: (id: string) => deleteMeasurement.run(id),

    assessments: (pilotId: string) => assessments.all(pilotId).map(toAssessment),
    upsertAssessment: (a: { id: string; pilotId: string; criterion: string; assessorId: string; rating: string; evidence: string; at: string }) =>
      upsertAssessment.run(a),
    upsertDecision: (d: { id: string; pilotId: string; decision: string; conditions: string; evidenceLevel: number | null; decidedById: string | null; decidedOn: string; at: string }) =>
      upsertDecision.run(d),
  };
}

export type PilotsRepo = ReturnType<typeof createPilotsRepo>;
