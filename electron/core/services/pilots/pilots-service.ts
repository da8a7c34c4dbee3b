/**
 * Pilot evaluations. The protocol is pre-registered: `lockProtocol` stamps the time and the SHA-256
 * of its canonical JSON, and from then on every method refuses to change a protocol field except
 * `amendProtocol`, which needs a reason and appends an amendment (the database refuses the rest too).
 * The lock covers the KPI register as well: every KPI's target, success threshold and primary mark,
 * and the primary outcome KPI's whole definition, change only through `amendKpi` (with a reason);
 * KPIs are not deleted after the lock (a new KPI may still be added, as a secondary one).
 */
import { createHash } from 'node:crypto';
import type { ParsedInput } from '../../../shared/api/contract';
import { ApiFailure, type InputIssue } from '../../../shared/api/envelope';
import { isFutureDay } from '../../../shared/domain/common';
import {
  canonicalProtocolJson,
  PROTOCOL_FIELDS,
  protocolOf,
  type ImportPreview,
  KPI_FIELDS,
  lockedKpiFields,
  type Kpi,
  type KpiField,
  type MeasurementInput,
  type Pilot,
  type Protocol,
  type ProtocolField,
} from '../../../shared/domain/pilots';
import { analysePilot, type PilotAnalysis } from '../../../shared/pilots/analysis';
import { normaliseUzbekApostrophes } from '../../../shared/text/fold';
import type { CoreDeps } from '../../deps';
import type { EventHub } from '../../event-hub';
import type { SearchIndex } from '../../search/search-index';
import type { ImportFiles } from './import-files';
import { checkRows, readTable, unknownColumns } from './measurement-import';
import { measurementProblem, normaliseMeasurement } from './measurement-rules';
import type { PilotRecord, PilotsRepo } from './pilots-repo';

const notFound = (what: string, id: string) => new ApiFailure('not_found', `No ${what} with id ${id}.`);
const unknown = (path: (string | number)[]) => new ApiFailure('invalid_input', 'That record does not exist.', [{ path, code: 'unknown_reference' }]);
const locked = (fields: readonly string[]) =>
  new ApiFailure(
    'protocol_locked',
    'The protocol is locked; change it with an amendment that gives a reason.',
    fields.map((f) => ({ path: ['patch', f], code: 'protocol_locked' })),
  );
type KpiPatch = Partial<Pick<Kpi, KpiField>>;

export const protocolHash = (protocol: Protocol) => createHash('sha256').update(canonicalProtocolJson(protocol), 'utf8').digest('hex');

const clean = <T extends Record<string, unknown>>(fields: T): T =>
  Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, typeof v === 'string' ? normaliseUzbekApostrophes(v) : v])) as T;

const toRecord = (p: Pilot): PilotRecord => {
  const { decision: _decision, lockedProtocol, ...rest } = p;
  return { ...rest, lockedProtocol: lockedProtocol === null ? null : canonicalProtocolJson(lockedProtocol) };
};

/** Protocol fields whose value a patch would change. */
const changedProtocolFields = (current: Protocol, patch: Partial<Protocol>): ProtocolField[] =>
  PROTOCOL_FIELDS.filter((f) => f in patch && patch[f] !== undefined && patch[f] !== current[f]);

/** KPI fields whose value a patch would change. */
const changedKpiFields = (current: Kpi, patch: KpiPatch, among: readonly KpiField[] = KPI_FIELDS): KpiField[] =>
  among.filter((f) => f in patch && patch[f] !== undefined && patch[f] !== current[f]);

/** How a pilot appears in the search index: its name, charter and protocol texts. */
export const pilotSearchText = (p: Pick<Pilot, 'id' | 'title' | 'problem' | 'intervention' | 'population' | 'sites' | 'primaryOutcome' | 'analysisPlan'>) => ({
  kind: 'pilot',
  recordId: p.id,
  title: p.title,
  body: [p.problem, p.intervention, p.population, p.sites, p.primaryOutcome, p.analysisPlan].join('\n'),
});

export interface PilotsDeps {
  events: EventHub;
  search: SearchIndex;
  projectExists(id: string): boolean;
  personExists(id: string): boolean;
  importFiles: ImportFiles;
}

export function createPilotsService(deps: Pick<CoreDeps, 'db' | 'clock' | 'ids'>, repo: PilotsRepo, links: PilotsDeps) {
  const { db, clock, ids } = deps;
  const now = () => clock.now().toISOString();
  const changed = (id?: string) => links.events.emit({ type: 'data.changed', payload: id ? { area: 'pilots', id } : { area: 'pilots' } });

  const pilot = (id: string) => repo.pilot(id) ?? (() => { throw notFound('pilot', id); })();
  const kpi = (id: string) => repo.kpi(id) ?? (() => { throw notFound('KPI', id); })();
  const detail = (id: string) => ({ pilot: pilot(id), amendments: repo.amendments(id), canvases: repo.linkedCanvases(id) });

  const checkPeople = (fields: { ownerId?: string | null }, path: string[]) => {
    if (fields.ownerId && !links.personExists(fields.ownerId)) throw unknown([...path, 'ownerId']);
  };
  /** The intervention date splits the window into pre- and post-periods, so it lies inside it. */
  const checkWindow = (p: Pick<Pilot, 'startsOn' | 'endsOn' | 'interventionOn'>, path: string[]) => {
    const on = p.interventionOn;
    if (on && ((p.startsOn && on < p.startsOn) || (p.endsOn && on > p.endsOn))) {
      throw new ApiFailure('invalid_input', 'The intervention starts outside the pilot’s dates.', [{ path: [...path, 'interventionOn'], code: 'date_out_of_range' }]);
    }
  };

  async function readUploaded({ pilotId, fileId }: { pilotId: string; fileId: string }) {
    const target = pilot(pilotId);
    const { format, content } = links.importFiles.read(fileId, target.id);
    return { target, table: await readTable(format, content) };
  }

  async function readChecked(input: ParsedInput<'pilots.previewImport'>) {
    const { target, table } = await readUploaded(input);
    const missing = unknownColumns(table, input.mapping);
    if (missing.length) {
      throw new ApiFailure('invalid_input', 'The mapping names columns the file does not have.', missing.map((f) => ({ path: ['mapping', f], code: 'unknown_column' })));
    }
    return { table, checked: checkRows(table, input.mapping, target, repo.kpis(target.id)) };
  }

  /** Writes a KPI's new fields; marking it primary unmarks the pilot's previous primary KPI. */
  /** How many rows would replace a stored value: the same KPI, group, period and unit is one cell (pilots-repo `upsertMeasurement`). */
  function replacing(rows: MeasurementInput[]) {
    const cell = (m: Pick<MeasurementInput, 'group' | 'period' | 'unitId'>) => `${m.group}|${m.period}|${m.unitId ?? ''}`;
    const stored = new Map<string, Set<string>>();
    let count = 0;
    for (const row of rows) {
      let cells = stored.get(row.kpiId);
      if (!cells) stored.set(row.kpiId, (cells = new Set(repo.measurements(row.kpiId).map(cell))));
      if (cells.has(cell(row))) count++;
    }
    return count;
  }

  /** KPI names are unique within a pilot (so the database says too): a taken one is refused on its field, not as a conflict. */
  function refuseTakenName(pilotId: string, name: string | undefined, path: (string | number)[], except?: string) {
    if (name === undefined) return;
    const wanted = clean({ name }).name;
    if (repo.kpis(pilotId).some((k) => k.id !== except && k.name === wanted)) {
      throw new ApiFailure('invalid_input', 'This pilot already has a KPI with this name.', [{ path, code: 'kpi_name_taken' }]);
    }
  }

  /** A rate's baseline, target and threshold are shares (0.85 for 85%), like its measurements. */
  function refuseOffShare(k: Pick<Kpi, 'kind' | 'baselineValue' | 'target' | 'successThreshold'>, path: (string | number)[]) {
    if (k.kind !== 'rate') return;
    const off = (['baselineValue', 'target', 'successThreshold'] as const).filter((f) => k[f] !== null && (k[f] < 0 || k[f] > 1));
    if (off.length) throw new ApiFailure('invalid_input', "A rate's baseline, target and threshold are shares between 0 and 1.", off.map((f) => ({ path: [...path, f], code: 'rate_share' })));
  }

  function writeKpi(current: Kpi, patch: KpiPatch, at: string) {
    const { measurementCount: _count, ...rest } = current;
    const next = { ...rest, ...clean(patch), updatedAt: at };
    if (next.primary && !current.primary) repo.clearPrimary(current.pilotId, current.id, at);
    repo.updateKpi(next);
  }

  function storeMeasurement(k: Kpi, m: MeasurementInput, at: string) {
    repo.upsertMeasurement({ id: ids.next(), kpiId: k.id, group: m.group, period: m.period, unitId: m.unitId, ...normaliseMeasurement(k, m), at });
  }

  return {
    list: ({ projectId }: { projectId: string }) => {
      if (!links.projectExists(projectId)) throw notFound('project', projectId);
      return repo.pilots(projectId);
    },
    get: ({ id }: { id: string }) => detail(id),
    create(input: ParsedInput<'pilots.create'>) {
      if (!links.projectExists(input.projectId)) throw unknown(['projectId']);
      checkPeople(input, []);
      checkWindow(input, []);
      const at = now();
      const created: PilotRecord = { id: ids.next(), ...clean(input), lockedAt: null, protocolHash: null, lockedProtocol: null, protocolVersion: 0, createdAt: at, updatedAt: at };
      db.transaction(() => {
        repo.insertPilot(created);
        links.search.put(pilotSearchText(created));
      })();
      changed(created.id);
      return detail(created.id);
    },
    update({ id, patch }: ParsedInput<'pilots.update'>) {
      const current = pilot(id);
      if (current.lockedAt) {
        const touched = changedProtocolFields(current, patch);
        if (touched.length) throw locked(touched);
      }
      checkPeople(patch, ['patch']);
      const next: Pilot = { ...current, ...clean(patch), updatedAt: now() };
      if (next.startsOn && next.endsOn && next.startsOn > next.endsOn) {
        throw new ApiFailure('invalid_input', 'The pilot ends before it starts.', [{ path: ['patch', 'endsOn'], code: 'end_before_start' }]);
      }
      checkWindow(next, ['patch']);
      db.transaction(() => {
        repo.updatePilot(toRecord(next));
        links.search.put(pilotSearchText(next));
      })();
      changed(id);
      return detail(id);
    },
    /** A pilot whose protocol is locked is part of the record and is kept. */
    delete({ id }: { id: string }) {
      if (pilot(id).lockedAt) throw locked([]);
      db.transaction(() => {
        links.search.remove('pilot', id);
        repo.deletePilot(id);
      })();
      changed(id);
      return { id };
    },
    lockProtocol({ id }: { id: string }) {
      const current = pilot(id);
      if (current.lockedAt) throw locked([]);
      // Pre-registration says what will count as success: a protocol without it is not locked.
      if (!current.primaryOutcome.trim() && !repo.kpis(id).some((k) => k.primary)) {
        throw new ApiFailure('invalid_input', 'Name the primary outcome, or mark a KPI as primary, before locking the protocol.', [
          { path: ['primaryOutcome'], code: 'protocol_without_outcome' },
        ]);
      }
      const protocol = protocolOf(current);
      const at = now();
      repo.updatePilot(toRecord({ ...current, lockedAt: at, protocolHash: protocolHash(protocol), lockedProtocol: protocol, updatedAt: at }));
      changed(id);
      return detail(id);
    },
    /** Changes a locked protocol, keeping the original and listing the change with its reason. */
    amendProtocol({ id, reason, changes }: ParsedInput<'pilots.amendProtocol'>) {
      const current = pilot(id);
      if (!current.lockedAt) {
        throw new ApiFailure('conflict', 'Only a locked protocol is amended; edit it directly until it is locked.');
      }
      const fields = changedProtocolFields(current, changes);
      if (!fields.length) {
        throw new ApiFailure('invalid_input', 'The amendment changes nothing.', [{ path: ['changes'], code: 'nothing_changed' }]);
      }
      const next: Pilot = { ...current, ...clean(changes), protocolVersion: current.protocolVersion + 1, updatedAt: now() };
      checkWindow(next, ['changes']);
      const pick = (p: Protocol) => Object.fromEntries(fields.map((f) => [f, p[f]]));
      db.transaction(() => {
        repo.insertAmendment({
          id: ids.next(),
          pilotId: id,
          kpiId: null,
          version: next.protocolVersion,
          reason: normaliseUzbekApostrophes(reason),
          changedFields: fields,
          before: pick(current),
          after: pick(next),
          protocolHash: protocolHash(protocolOf(next)),
          at: next.updatedAt,
        });
        repo.updatePilot(toRecord(next));
        links.search.put(pilotSearchText(next));
      })();
      changed(id);
      return detail(id);
    },

    kpis: ({ pilotId }: { pilotId: string }) => (pilot(pilotId), repo.kpis(pilotId)),
    /** After the lock a KPI may still be added, but not as the primary outcome (that takes an amendment). */
    addKpi(input: ParsedInput<'pilots.addKpi'>) {
      if (pilot(input.pilotId).lockedAt && input.primary) throw locked(['primary']);
      refuseTakenName(input.pilotId, input.name, ['name']);
      refuseOffShare(input, []);
      const at = now();
      const id = ids.next();
      db.transaction(() => {
        if (input.primary) repo.clearPrimary(input.pilotId, id, at);
        repo.insertKpi({ id, ...clean(input), position: repo.nextKpiPosition(input.pilotId), createdAt: at, updatedAt: at });
      })();
      changed(input.pilotId);
      return kpi(id);
    },
    updateKpi({ id, patch }: ParsedInput<'pilots.updateKpi'>) {
      const current = kpi(id);
      if (pilot(current.pilotId).lockedAt) {
        const touched = changedKpiFields(current, patch, lockedKpiFields(current));
        if (touched.length) throw locked(touched);
      }
      refuseTakenName(current.pilotId, patch.name, ['patch', 'name'], id);
      refuseOffShare({ ...current, ...patch }, ['patch']);
      db.transaction(() => writeKpi(current, patch, now()))();
      changed(current.pilotId);
      return kpi(id);
    },
    /** Changes a KPI of a locked protocol with a reason, recorded as the protocol's next amendment. */
    amendKpi({ id, reason, changes }: ParsedInput<'pilots.amendKpi'>) {
      const current = kpi(id);
      const owner = pilot(current.pilotId);
      if (!owner.lockedAt) {
        throw new ApiFailure('conflict', 'Only the KPIs of a locked protocol are amended; edit them directly until it is locked.');
      }
      refuseTakenName(current.pilotId, changes.name, ['changes', 'name'], id);
      refuseOffShare({ ...current, ...changes }, ['changes']);
      const fields = changedKpiFields(current, changes);
      if (!fields.length) {
        throw new ApiFailure('invalid_input', 'The amendment changes nothing.', [{ path: ['changes'], code: 'nothing_changed' }]);
      }
      const at = now();
      const next: Pilot = { ...owner, protocolVersion: owner.protocolVersion + 1, updatedAt: at };
      const after = { ...current, ...clean(changes) };
      const pick = (k: Kpi) => Object.fromEntries(fields.map((f) => [f, k[f]]));
      db.transaction(() => {
        repo.insertAmendment({
          id: ids.next(),
          pilotId: owner.id,
          kpiId: id,
          version: next.protocolVersion,
          reason: normaliseUzbekApostrophes(reason),
          changedFields: fields,
          before: pick(current),
          after: pick(after),
          protocolHash: protocolHash(protocolOf(owner)),
          at,
        });
        repo.updatePilot(toRecord(next));
        writeKpi(current, changes, at);
      })();
      changed(owner.id);
      return kpi(id);
    },
    /** A KPI of a locked protocol stays: its figures are part of what was pre-registered. */
    deleteKpi({ id }: { id: string }) {
      const current = kpi(id);
      if (pilot(current.pilotId).lockedAt) throw locked([]);
      repo.deleteKpi(id);
      changed(current.pilotId);
      return { id };
    },

    /** Links a canvas of the pilot's project, or a stand-alone one, to the charter. */
    linkCanvas({ pilotId, canvasId }: ParsedInput<'pilots.linkCanvas'>) {
      const target = pilot(pilotId);
      const project = repo.canvasProject(canvasId);
      if (project === undefined) throw unknown(['canvasId']);
      if (project !== null && project !== target.projectId) {
        throw new ApiFailure('invalid_input', 'The canvas belongs to another project.', [{ path: ['canvasId'], code: 'other_project' }]);
      }
      repo.linkCanvas(pilotId, canvasId, now());
      changed(pilotId);
      return detail(pilotId);
    },
    unlinkCanvas({ pilotId, canvasId }: ParsedInput<'pilots.unlinkCanvas'>) {
      pilot(pilotId);
      repo.unlinkCanvas(pilotId, canvasId);
      changed(pilotId);
      return detail(pilotId);
    },

    measurements: ({ kpiId }: { kpiId: string }) => (kpi(kpiId), repo.measurements(kpiId)),
    /** One cell of the entry grid (or one unit's value): replaces the value already there. */
    setMeasurement(input: ParsedInput<'pilots.setMeasurement'>) {
      const k = kpi(input.kpiId);
      const problem = measurementProblem(pilot(k.pilotId), k, input);
      if (problem) {
        const path = problem === 'date_out_of_range' ? 'period' : k.kind === 'rate' && input.numerator !== null ? 'numerator' : 'value';
        throw new ApiFailure('invalid_input', 'The measurement does not fit its KPI or the pilot’s dates.', [{ path: [path], code: problem }]);
      }
      storeMeasurement(k, input, now());
      changed(k.pilotId);
      return repo.measurements(k.id);
    },
    deleteMeasurement({ id }: { id: string }) {
      const m = repo.measurement(id) ?? (() => { throw notFound('measurement', id); })();
      repo.deleteMeasurement(id);
      changed(kpi(m.kpiId).pilotId);
      return repo.measurements(m.kpiId);
    },

    /** Receives an import file chunk by chunk for a pilot; nothing is read or stored yet. */
    uploadImportFile({ pilotId, ...chunk }: ParsedInput<'pilots.uploadImportFile'>) {
      pilot(pilotId);
      return links.importFiles.upload(pilotId, chunk);
    },
    discardImportFile({ fileId }: ParsedInput<'pilots.discardImportFile'>) {
      links.importFiles.discard(fileId);
      return {};
    },
    /** A file's columns and first rows, for the mapping step. */
    async readImportFile(input: ParsedInput<'pilots.readImportFile'>) {
      const { table } = await readUploaded(input);
      return { columns: table.columns, sample: table.rows.slice(0, 10), rowCount: table.rows.length };
    },
    /** What an import would do, without writing anything: the values it adds, and those it replaces. */
    async previewImport(input: ParsedInput<'pilots.previewImport'>): Promise<ImportPreview> {
      const { table, checked } = await readChecked(input);
      return {
        columns: table.columns,
        sample: table.rows.slice(0, 10),
        rowCount: table.rows.length,
        validCount: checked.rows.length,
        errors: checked.errors,
        moreErrors: checked.moreErrors,
        replacedCount: replacing(checked.rows),
      };
    },
    /** Stores every row of a clean file in one transaction; a file with any bad row stores nothing. */
    async importMeasurements(input: ParsedInput<'pilots.importMeasurements'>) {
      const { table, checked } = await readChecked(input);
      if (checked.errors.length) {
        const issues: InputIssue[] = checked.errors.map((e) => ({ path: ['file', e.line, e.column], code: e.code, params: { line: e.line, column: e.column } }));
        throw new ApiFailure('invalid_input', `${checked.errors.length + checked.moreErrors} rows of the file have errors; nothing was stored.`, issues);
      }
      if (!table.rows.length) throw new ApiFailure('invalid_input', 'The file has no rows.', [{ path: ['file'], code: 'empty_file' }]);
      const kpis = new Map(repo.kpis(input.pilotId).map((k) => [k.id, k]));
      const at = now();
      db.transaction(() => {
        for (const row of checked.rows) storeMeasurement(kpis.get(row.kpiId)!, row, at);
      })();
      // The rows are stored, so the file has done its work; a refused file stays for a new mapping.
      links.importFiles.discard(input.fileId);
      changed(input.pilotId);
      return { imported: checked.rows.length };
    },

    /** Every KPI analysed with the statistics its kind and the protocol call for. */
    analysis({ pilotId }: { pilotId: string }): PilotAnalysis {
      const target = pilot(pilotId);
      return analysePilot(repo.kpiDefinitions(pilotId), (k) => repo.analysisData(k, target.interventionOn), target);
    },

    assessments: ({ pilotId }: { pilotId: string }) => (pilot(pilotId), repo.assessments(pilotId)),
    /** An assessor's DAC ratings; a criterion they rated before is replaced. */
    assess({ pilotId, assessorId, ratings }: ParsedInput<'pilots.assess'>) {
      pilot(pilotId);
      if (!links.personExists(assessorId)) throw unknown(['assessorId']);
      const criteria = ratings.map((r) => r.criterion);
      const repeated = criteria.findIndex((c, i) => criteria.indexOf(c) !== i);
      if (repeated >= 0) throw new ApiFailure('invalid_input', 'A criterion is rated twice.', [{ path: ['ratings', repeated, 'criterion'], code: 'duplicate' }]);
      const at = now();
      db.transaction(() => {
        for (const r of ratings) repo.upsertAssessment({ id: ids.next(), pilotId, assessorId, criterion: r.criterion, rating: r.rating, evidence: normaliseUzbekApostrophes(r.evidence), at });
      })();
      changed(pilotId);
      return repo.assessments(pilotId);
    },
    decide(input: ParsedInput<'pilots.decide'>) {
      pilot(input.pilotId);
      if (input.decidedById && !links.personExists(input.decidedById)) throw unknown(['decidedById']);
      if (input.decidedOn && isFutureDay(input.decidedOn, clock.now())) {
        throw new ApiFailure('invalid_input', 'A decision cannot be dated in the future.', [{ path: ['decidedOn'], code: 'date_in_future' }]);
      }
      const at = now();
      repo.upsertDecision({
        id: ids.next(),
        pilotId: input.pilotId,
        decision: input.decision,
        conditions: normaliseUzbekApostrophes(input.conditions),
        evidenceLevel: input.evidenceLevel,
        decidedById: input.decidedById,
        decidedOn: input.decidedOn ?? at.slice(0, 10),
        at,
      });
      changed(input.pilotId);
      return detail(input.pilotId);
    },
  };
}

export type PilotsService = ReturnType<typeof createPilotsService>;
