/** Pilots through the contract: charter, protocol locking and amendments, KPIs, measurements, rubric, decision. */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canonicalProtocolJson, type Kpi, type Measurement, type PilotDetail } from '../../electron/shared/domain/pilots';
import { XLSX_MAX_INFLATED_BYTES } from '../../electron/core/services/pilots/measurement-import';
import { welchTest } from '../../electron/shared/stats';
import { callValue, makeCore, openHttpDoor, uploadImportFile, type TestCore } from '../support/core';
import { readZipEntries, tempDir, writeZip, type ZipEntrySpec } from '../support/bundles';
import { removeDir } from '../support/serve';

let test: TestCore;
beforeEach(() => (test = makeCore()));
afterEach(() => test.close());

const value = <T>(method: string, input: unknown) => callValue<T>(test, method, input);

async function pilotOnProject() {
  const project = await value<{ id: string }>('projects.create', { title: 'Kindergarten queue' });
  const owner = await value<{ id: string }>('people.create', { name: 'Aziza' });
  const { pilot } = await value<PilotDetail>('pilots.create', {
    projectId: project.id,
    title: 'SMS queue in Chilonzor',
    problem: 'Parents do not know their place in the queue.',
    intervention: 'An SMS when the place moves.',
    population: 'Parents of children under six',
    sites: 'Chilonzor district',
    startsOn: '2026-01-01',
    endsOn: '2026-12-31',
    ownerId: owner.id,
    design: 'difference_in_differences',
    unit: 'family',
    plannedSampleSize: 400,
    primaryOutcome: 'Complaints per 100 families',
    analysisPlan: 'DiD on monthly complaint rates',
    interventionOn: '2026-04-01',
  });
  return { project, owner, pilot };
}

describe('pilots', () => {
  it('are created on a project, listed there, and edited freely before the protocol is locked', async () => {
    const { project, pilot } = await pilotOnProject();
    expect(pilot).toMatchObject({ projectId: project.id, design: 'difference_in_differences', lockedAt: null, protocolHash: null, protocolVersion: 0, decision: null });
    expect(pilot.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/); // UUIDv7
    const { pilot: edited } = await value<PilotDetail>('pilots.update', { id: pilot.id, patch: { design: 'randomised', title: 'SMS queue' } });
    expect(edited).toMatchObject({ design: 'randomised', title: 'SMS queue' });
    expect((await value<{ id: string }[]>('pilots.list', { projectId: project.id })).map((p) => p.id)).toEqual([pilot.id]);
    expect(await test.call('pilots.create', { projectId: project.id, title: 'x', startsOn: '2026-05-01', endsOn: '2026-04-01' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: ['endsOn'], code: 'end_before_start' }] },
    });
    expect(await test.call('pilots.create', { projectId: project.id, title: 'x', startsOn: '2026-05-01', interventionOn: '2026-01-01' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: ['interventionOn'], code: 'date_out_of_range' }] },
    });
    await value('pilots.delete', { id: pilot.id });
    expect(await value('pilots.list', { projectId: project.id })).toEqual([]);
  });

  it('lock the protocol with the time and the SHA-256 of its canonical JSON; amendments keep the original', async () => {
    const { pilot } = await pilotOnProject();
    const { pilot: locked } = await value<PilotDetail>('pilots.lockProtocol', { id: pilot.id });
    const protocol = { design: 'difference_in_differences', unit: 'family', plannedSampleSize: 400, primaryOutcome: 'Complaints per 100 families', analysisPlan: 'DiD on monthly complaint rates', interventionOn: '2026-04-01' } as const;
    expect(canonicalProtocolJson(protocol)).toBe(
      '{"design":"difference_in_differences","unit":"family","plannedSampleSize":400,"primaryOutcome":"Complaints per 100 families","analysisPlan":"DiD on monthly complaint rates","interventionOn":"2026-04-01"}',
    );
    expect(locked.protocolHash).toBe(createHash('sha256').update(canonicalProtocolJson(protocol)).digest('hex'));
    expect(locked.lockedAt).toMatch(/Z$/);
    expect(locked.lockedProtocol).toEqual(protocol);

    expect(await test.call('pilots.amendProtocol', { id: pilot.id, changes: { plannedSampleSize: 300 } })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await test.call('pilots.amendProtocol', { id: pilot.id, reason: '   ', changes: { plannedSampleSize: 300 } })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const amended = await value<PilotDetail>('pilots.amendProtocol', { id: pilot.id, reason: 'One school closed; fewer families.', changes: { plannedSampleSize: 300, unit: 'family' } });
    expect(amended.pilot).toMatchObject({ plannedSampleSize: 300, protocolVersion: 1, protocolHash: locked.protocolHash, lockedProtocol: protocol });
    expect(amended.amendments).toMatchObject([
      { version: 1, reason: 'One school closed; fewer families.', changedFields: ['plannedSampleSize'], before: { plannedSampleSize: 400 }, after: { plannedSampleSize: 300 } },
    ]);
    expect(amended.amendments[0].protocolHash).toBe(createHash('sha256').update(canonicalProtocolJson({ ...protocol, plannedSampleSize: 300 })).digest('hex'));
    // Charter fields stay editable; sending a protocol field unchanged is not a change.
    const { pilot: charter } = await value<PilotDetail>('pilots.update', { id: pilot.id, patch: { sites: 'Chilonzor and Yunusobod', design: 'difference_in_differences' } });
    expect(charter.sites).toBe('Chilonzor and Yunusobod');
    expect(await test.call('pilots.amendProtocol', { id: pilot.id, reason: 'no-op', changes: { plannedSampleSize: 300 } })).toMatchObject({
      ok: false,
      error: { issues: [{ code: 'nothing_changed' }] },
    });
  });

  it('amending needs a locked protocol', async () => {
    const { pilot } = await pilotOnProject();
    expect(await test.call('pilots.amendProtocol', { id: pilot.id, reason: 'r', changes: { unit: 'child' } })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});

describe('a locked protocol', () => {
  // Every method that takes a pilot and could reach a protocol field, with an input that tries.
  const attempts = (id: string, projectId: string): [string, unknown][] => [
    ['pilots.update', { id, patch: { design: 'randomised' } }],
    ['pilots.update', { id, patch: { unit: 'child', title: 'Renamed too' } }],
    ['pilots.update', { id, patch: { plannedSampleSize: 10 } }],
    ['pilots.update', { id, patch: { primaryOutcome: 'Something else' } }],
    ['pilots.update', { id, patch: { analysisPlan: 'Whatever fits' } }],
    ['pilots.update', { id, patch: { interventionOn: '2026-05-01' } }],
    ['pilots.lockProtocol', { id }],
    ['pilots.delete', { id }],
    ['projects.delete', { id: projectId }], // the project would take the pilot with it
    ['pilots.amendProtocol', { id, changes: { design: 'randomised' } }], // no reason
    ['pilots.update', { id, patch: { lockedAt: null } }], // not an input field at all
    ['pilots.update', { id, patch: { protocolHash: 'forged' } }],
    ['pilots.create', { projectId, title: 'Copy', id }], // an id cannot be chosen
  ];

  it('is not locked without a primary outcome (its text, or a KPI marked primary), and nothing changes', async () => {
    const project = await value<{ id: string }>('projects.create', { title: 'Bare pilot' });
    const { pilot } = await value<PilotDetail>('pilots.create', { projectId: project.id, title: 'Nothing stated yet' });
    const before = test.snapshot();
    expect(await test.call('pilots.lockProtocol', { id: pilot.id })).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: ['primaryOutcome'], code: 'protocol_without_outcome' }] } });
    expect(test.snapshot()).toEqual(before);
    await value('pilots.addKpi', { pilotId: pilot.id, name: 'Days waited', primary: true });
    expect((await value<PilotDetail>('pilots.lockProtocol', { id: pilot.id })).pilot.lockedAt).not.toBeNull();
  });

  for (const door of ['in-process', 'HTTP'] as const) {
    it(`refuses every change except an amendment, through the ${door} door, and the database is unchanged`, async () => {
      const { project, pilot } = await pilotOnProject();
      await value('pilots.lockProtocol', { id: pilot.id });
      const http = door === 'HTTP' ? await openHttpDoor(test) : undefined;
      try {
        const call = (method: string, input: unknown) => (http ? http.call(method, input) : test.call(method, input));
        const before = test.snapshot();
        const refusals = [];
        for (const [method, input] of attempts(pilot.id, project.id)) {
          const result = await call(method, input);
          expect(result.ok, `${method} ${JSON.stringify(input)}`).toBe(false);
          refusals.push(result.ok ? null : result.error.code);
        }
        expect(refusals).toEqual([
          ...Array<string>(7).fill('protocol_locked'),
          'protocol_locked',
          'protocol_locked',
          'invalid_input',
          'invalid_input',
          'invalid_input',
          'invalid_input',
        ]);
        const first = await call('pilots.update', { id: pilot.id, patch: { design: 'randomised' } });
        expect(first).toMatchObject({ ok: false, error: { issues: [{ path: ['patch', 'design'], code: 'protocol_locked' }] } });
        expect(test.snapshot()).toEqual(before);
      } finally {
        await http?.close();
      }
    });
  }
});

describe('KPIs and measurements', () => {
  async function withKpis() {
    const setup = await pilotOnProject();
    const wait = await value<Kpi>('pilots.addKpi', { pilotId: setup.pilot.id, name: 'Days waited', unit: 'days', direction: 'lower', kind: 'continuous', baselineValue: 40, baselineDate: '2026-01-01', target: 20, successThreshold: 30 });
    const served = await value<Kpi>('pilots.addKpi', { pilotId: setup.pilot.id, name: 'Served on time', kind: 'rate' });
    return { ...setup, wait, served };
  }

  it('refuse a rate whose baseline, target or threshold is not a share between 0 and 1, and change nothing', async () => {
    const { pilot, wait, served } = await withKpis();
    const before = test.snapshot();
    expect(await test.call('pilots.addKpi', { pilotId: pilot.id, name: 'On time', kind: 'rate', target: 150, successThreshold: -3 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: ['target'], code: 'rate_share' }, { path: ['successThreshold'], code: 'rate_share' }] },
    });
    expect(await test.call('pilots.updateKpi', { id: served.id, patch: { baselineValue: 85 } })).toMatchObject({ ok: false, error: { issues: [{ path: ['patch', 'baselineValue'], code: 'rate_share' }] } });
    // Turning a KPI into a rate checks the figures it already has.
    expect(await test.call('pilots.updateKpi', { id: wait.id, patch: { kind: 'rate' } })).toMatchObject({ ok: false, error: { issues: [{ path: ['patch', 'baselineValue'], code: 'rate_share' }, { path: ['patch', 'target'], code: 'rate_share' }, { path: ['patch', 'successThreshold'], code: 'rate_share' }] } });
    expect(test.snapshot()).toEqual(before);
    expect(await test.call('pilots.updateKpi', { id: served.id, patch: { baselineValue: 0.6, target: 0.85, successThreshold: 0.75 } })).toMatchObject({ ok: true });
  });

  it('refuse a second KPI of the same name in a pilot on its name field, and change nothing', async () => {
    const { pilot, wait, served } = await withKpis();
    const before = test.snapshot();
    expect(await test.call('pilots.addKpi', { pilotId: pilot.id, name: 'Days waited' })).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: ['name'], code: 'kpi_name_taken' }] } });
    expect(await test.call('pilots.updateKpi', { id: served.id, patch: { name: 'Days waited' } })).toMatchObject({ ok: false, error: { issues: [{ path: ['patch', 'name'], code: 'kpi_name_taken' }] } });
    expect(test.snapshot()).toEqual(before);
    // Its own name, unchanged, is no clash; another pilot may use it.
    expect(await test.call('pilots.updateKpi', { id: wait.id, patch: { name: 'Days waited', unit: 'days' } })).toMatchObject({ ok: true });
    const other = await pilotOnProject();
    expect(await test.call('pilots.addKpi', { pilotId: other.pilot.id, name: 'Days waited' })).toMatchObject({ ok: true });
  });

  it('keep a register and one value per KPI, group, period and unit', async () => {
    const { pilot, wait, served } = await withKpis();
    expect((await value<Kpi[]>('pilots.kpis', { pilotId: pilot.id })).map((k) => [k.name, k.position])).toEqual([
      ['Days waited', 0],
      ['Served on time', 1],
    ]);
    await value('pilots.setMeasurement', { kpiId: wait.id, group: 'pilot', period: '2026-02-01', value: 38 });
    const cells = await value<Measurement[]>('pilots.setMeasurement', { kpiId: wait.id, group: 'pilot', period: '2026-02-01', value: 35 });
    expect(cells.map((m) => [m.group, m.period, m.value])).toEqual([['pilot', '2026-02-01', 35]]);
    const rates = await value<Measurement[]>('pilots.setMeasurement', { kpiId: served.id, group: 'comparison', period: '2026-02-01', numerator: 30, denominator: 40 });
    expect(rates[0]).toMatchObject({ value: 0.75, numerator: 30, denominator: 40 });
    const unit = await value<Measurement[]>('pilots.setMeasurement', { kpiId: served.id, group: 'pilot', period: '2026-02-01', unitId: 'family-7', value: 1 });
    expect(unit.find((m) => m.unitId === 'family-7')).toMatchObject({ value: 1, numerator: 1, denominator: 1 });

    const before = test.snapshot();
    for (const [input, code] of [
      [{ kpiId: wait.id, group: 'pilot', period: '2025-12-01', value: 3 }, 'date_out_of_range'],
      [{ kpiId: wait.id, group: 'pilot', period: '2026-03-01' }, 'missing_value'],
      [{ kpiId: served.id, group: 'pilot', period: '2026-03-01', numerator: 50, denominator: 40 }, 'bad_rate'],
      [{ kpiId: served.id, group: 'pilot', period: '2026-03-01', value: 0.5 }, 'bad_rate'],
      [{ kpiId: served.id, group: 'pilot', period: '2026-03-01', numerator: 12.5, denominator: 40 }, 'bad_rate'],
    ] as const) {
      expect(await test.call('pilots.setMeasurement', input), code).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ code }] } });
    }
    expect(await test.call('pilots.setMeasurement', { kpiId: wait.id, group: 'treated', period: '2026-03-01', value: 1 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(test.snapshot()).toEqual(before);
  });
});

describe('the DAC rubric and the decision', () => {
  it('collect ratings by several assessors and one decision that can be revised', async () => {
    const { pilot, owner } = await pilotOnProject();
    const bobur = await value<{ id: string }>('people.create', { name: 'Bobur' });
    await value('pilots.assess', { pilotId: pilot.id, assessorId: owner.id, ratings: [{ criterion: 'relevance', rating: 'excellent', evidence: 'Survey of 300 parents' }] });
    await value('pilots.assess', { pilotId: pilot.id, assessorId: bobur.id, ratings: [{ criterion: 'relevance', rating: 'good' }, { criterion: 'impact', rating: 'adequate' }] });
    const replaced = await value<{ assessorName: string; criterion: string; rating: string }[]>('pilots.assess', {
      pilotId: pilot.id,
      assessorId: owner.id,
      ratings: [{ criterion: 'relevance', rating: 'good', evidence: 'Revised' }],
    });
    expect(replaced.map((a) => [a.assessorName, a.criterion, a.rating])).toEqual([
      ['Aziza', 'relevance', 'good'],
      ['Bobur', 'impact', 'adequate'],
      ['Bobur', 'relevance', 'good'],
    ]);
    expect(await test.call('pilots.assess', { pilotId: pilot.id, assessorId: bobur.id, ratings: [{ criterion: 'relevance', rating: 'good' }, { criterion: 'relevance', rating: 'poor' }] })).toMatchObject({
      ok: false,
      error: { issues: [{ code: 'duplicate' }] },
    });
    expect(await test.call('pilots.assess', { pilotId: pilot.id, assessorId: pilot.id, ratings: [{ criterion: 'relevance', rating: 'good' }] })).toMatchObject({
      ok: false,
      error: { issues: [{ path: ['assessorId'], code: 'unknown_reference' }] },
    });
    // An assessor's ratings are part of the evaluation: deleting the person is refused, nothing lost.
    const before = test.snapshot();
    expect(await test.call('people.delete', { id: bobur.id })).toMatchObject({
      ok: false,
      error: { code: 'conflict', issues: [{ path: ['id'], code: 'person_has_ratings', params: { count: 2 } }] },
    });
    expect(test.snapshot()).toEqual(before);
    expect(await test.call('pilots.decide', { pilotId: pilot.id, decision: 'scale', decidedOn: '2035-01-01' })).toMatchObject({ ok: false, error: { issues: [{ path: ['decidedOn'], code: 'date_in_future' }] } });
    await value('pilots.decide', { pilotId: pilot.id, decision: 'adapt', conditions: 'Fix the SMS wording' });
    const { pilot: decided } = await value<PilotDetail>('pilots.decide', { pilotId: pilot.id, decision: 'scale', conditions: 'Budget for two districts', evidenceLevel: 3, decidedOn: '2026-11-28' });
    expect(decided.decision).toMatchObject({ decision: 'scale', conditions: 'Budget for two districts', evidenceLevel: 3, decidedOn: '2026-11-28' });
    expect((await value<{ decision: { decision: string } }[]>('pilots.list', { projectId: pilot.projectId }))[0].decision.decision).toBe('scale');
  });
});

describe('importing measurements', () => {
  const upload = (pilotId: string, format: 'csv' | 'xlsx', data: string | Buffer) => uploadImportFile(test.call, pilotId, format, data);
  const mapping = { kpi: 'indicator', group: 'group', period: 'month', value: 'value', numerator: 'served', denominator: 'families' };

  async function setup() {
    const { pilot } = await pilotOnProject();
    const wait = await value<Kpi>('pilots.addKpi', { pilotId: pilot.id, name: 'Days waited', kind: 'continuous' });
    const served = await value<Kpi>('pilots.addKpi', { pilotId: pilot.id, name: 'Served on time', kind: 'rate' });
    return { pilot, wait, served };
  }

  const BAD = [
    'indicator,group,month,value,served,families',
    'Days waited,pilot,2026-02,38,,',
    'days waited,Control,2026-02-01,41.5,,',
    'Days waited,pilot,2026-03-01,3o,,', // bad number
    'Served on time,pilot,2026-02-01,,30,40',
    'Queue length,pilot,2026-02-01,7,,', // unknown KPI
    'Days waited,pilot,2027-02-01,35,,', // after the pilot ends
    'Days waited,everyone,2026-02-01,35,,', // unknown group
    'Served on time,comparison,2026-02-01,,٣٥,٤٠', // Arabic-Indic digits are numbers
  ].join('\n');

  it('previews rows and per-row errors without writing, refuses a file with errors, and stores a clean one in one go', async () => {
    const { pilot, wait, served } = await setup();
    const before = test.snapshot();
    const bad = await upload(pilot.id, 'csv', BAD);
    const columns = await value<{ columns: string[]; rowCount: number }>('pilots.readImportFile', { pilotId: pilot.id, fileId: bad });
    expect(columns).toMatchObject({ columns: ['indicator', 'group', 'month', 'value', 'served', 'families'], rowCount: 8 });
    const preview = await value<{ validCount: number; errors: { line: number; code: string; column: string; text: string }[] }>('pilots.previewImport', {
      pilotId: pilot.id,
      fileId: bad,
      mapping,
    });
    expect(preview.validCount).toBe(4);
    expect(preview.errors).toEqual([
      { line: 4, column: 'value', code: 'bad_number', text: '3o' },
      { line: 6, column: 'indicator', code: 'unknown_kpi', text: 'Queue length' },
      { line: 7, column: 'month', code: 'date_out_of_range', text: '2027-02-01' },
      { line: 8, column: 'group', code: 'unknown_group', text: 'everyone' },
    ]);
    const refused = await test.call('pilots.importMeasurements', { pilotId: pilot.id, fileId: bad, mapping });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: ['file', 4, 'value'], code: 'bad_number' }, {}, {}, {}] } });
    expect(await test.call('pilots.importMeasurements', { pilotId: pilot.id, fileId: bad, mapping: { ...mapping, value: 'amount' } })).toMatchObject({
      ok: false,
      error: { issues: [{ path: ['mapping', 'value'], code: 'unknown_column' }] },
    });
    expect(test.snapshot()).toEqual(before);

    const fixed = BAD.split('\n').filter((_, i) => ![3, 5, 6, 7].includes(i)).join('\n');
    const first = await upload(pilot.id, 'csv', fixed);
    expect(await value('pilots.previewImport', { pilotId: pilot.id, fileId: first, mapping })).toMatchObject({ validCount: 4, replacedCount: 0 });
    expect(await value('pilots.importMeasurements', { pilotId: pilot.id, fileId: first, mapping })).toEqual({ imported: 4 });
    // The same file again would replace every value it stored: the check says so before anything is written.
    expect(await value('pilots.previewImport', { pilotId: pilot.id, fileId: await upload(pilot.id, 'csv', fixed), mapping })).toMatchObject({ validCount: 4, replacedCount: 4 });
    expect((await value<Measurement[]>('pilots.measurements', { kpiId: wait.id })).map((m) => [m.group, m.period, m.value])).toEqual([
      ['comparison', '2026-02-01', 41.5],
      ['pilot', '2026-02-01', 38],
    ]);
    expect((await value<Measurement[]>('pilots.measurements', { kpiId: served.id })).map((m) => [m.group, m.numerator, m.denominator])).toEqual([
      ['comparison', 35, 40],
      ['pilot', 30, 40],
    ]);
  });

  it('reports the same per-row errors from an XLSX file, with typed cells, and writes nothing', async () => {
    const { pilot } = await setup();
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Data');
    const day = (y: number, m: number) => new Date(Date.UTC(y, m - 1, 1));
    sheet.addRow(['indicator', 'group', 'month', 'value', 'served', 'families']);
    sheet.addRow(['Days waited', 'pilot', day(2026, 2), 38]);
    sheet.addRow(['Days waited', 'pilot', day(2026, 3), '3o']); // text in a number column
    sheet.addRow(['Days waited', 'comparison', day(2026, 3), { formula: '1/0', result: { error: '#DIV/0!' } }]); // an error cell
    sheet.addRow(['Queue length', 'pilot', day(2026, 2), 7]); // unknown KPI
    sheet.addRow(['Days waited', 'pilot', day(2027, 2), 35]); // a date cell after the pilot ends
    sheet.addRow(['Served on time', 'comparison', day(2026, 2), null, 35, 40]);
    const before = test.snapshot();
    const file = await upload(pilot.id, 'xlsx', Buffer.from(await book.xlsx.writeBuffer()));
    const preview = await value<{ validCount: number; errors: { line: number; column: string; code: string; text: string }[] }>('pilots.previewImport', { pilotId: pilot.id, fileId: file, mapping });
    expect(preview.validCount).toBe(2);
    expect(preview.errors).toEqual([
      { line: 3, column: 'value', code: 'bad_number', text: '3o' },
      { line: 4, column: 'value', code: 'bad_number', text: '#DIV/0!' },
      { line: 5, column: 'indicator', code: 'unknown_kpi', text: 'Queue length' },
      { line: 6, column: 'month', code: 'date_out_of_range', text: '2027-02-01' },
    ]);
    expect(await test.call('pilots.importMeasurements', { pilotId: pilot.id, fileId: file, mapping })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(test.snapshot()).toEqual(before);
  });

  it('numbers each row by its line in the file, blank lines and cells over several lines counted', async () => {
    const { pilot } = await setup();
    const text = ['indicator,group,month,value,served,families', '', 'Days waited,pilot,2026-02-01,38,,', '"Queue', 'length",pilot,2026-02-01,7,,', '', 'Days waited,pilot,2026-03-01,3o,,'].join('\r\n');
    const preview = await value<{ errors: { line: number; code: string }[] }>('pilots.previewImport', { pilotId: pilot.id, fileId: await upload(pilot.id, 'csv', text), mapping });
    expect(preview.errors.map((e) => [e.line, e.code])).toEqual([
      [4, 'unknown_kpi'],
      [7, 'bad_number'],
    ]);
  });

  it('refuses a row longer than its header (an unquoted decimal comma) rather than reading the wrong number', async () => {
    const { pilot } = await setup();
    const text = ['indicator,group,month,value,served,families', 'Days waited,pilot,2026-02-01,"15,5",,', 'Days waited,comparison,2026-02-01,16,5,,'].join('\n');
    const preview = await value<{ validCount: number; errors: { line: number; column: string; code: string; text: string }[] }>('pilots.previewImport', { pilotId: pilot.id, fileId: await upload(pilot.id, 'csv', text), mapping });
    expect(preview.validCount).toBe(1);
    expect(preview.errors).toEqual([{ line: 3, column: '', code: 'extra_cells', text: 'Days waited, comparison, 2026-02-01, 16, 5, , ' }]);
  });

  it('reads a workbook row only as wide as its header: a cell beyond it that is merely formatted refuses nothing', async () => {
    const { pilot, wait } = await setup();
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Data');
    sheet.addRow(['indicator', 'group', 'month', 'value']);
    const row = sheet.addRow(['Days waited', 'pilot', '2026-02', 38]);
    row.getCell(6).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
    const file = await upload(pilot.id, 'xlsx', Buffer.from(await book.xlsx.writeBuffer()));
    expect(await value('pilots.importMeasurements', { pilotId: pilot.id, fileId: file, mapping: { kpi: 'indicator', group: 'group', period: 'month', value: 'value' } })).toEqual({ imported: 1 });
    expect((await value<Measurement[]>('pilots.measurements', { kpiId: wait.id })).map((m) => m.value)).toEqual([38]);
  });

  it("reads dates in Arabic-Indic digits and the groups by the names the app shows in each language", async () => {
    const { pilot, wait } = await setup();
    const text = [
      'indicator,group,month,value,served,families',
      'Days waited,المجموعة التجريبية,٢٠٢٦-٠٢-٠١,٣٨,,',
      'Days waited,Группа сравнения,2026-02,41,,',
      'Days waited,Pilot group,2026-03,36,,',
      'Days waited,taqqoslash guruhi,2026-03,40,,',
    ].join('\n');
    expect(await value('pilots.importMeasurements', { pilotId: pilot.id, fileId: await upload(pilot.id, 'csv', text), mapping })).toEqual({ imported: 4 });
    expect((await value<Measurement[]>('pilots.measurements', { kpiId: wait.id })).map((m) => [m.group, m.period, m.value])).toEqual([
      ['comparison', '2026-02-01', 41],
      ['pilot', '2026-02-01', 38],
      ['comparison', '2026-03-01', 40],
      ['pilot', '2026-03-01', 36],
    ]);
  });

  it('refuses, by name, a file that cannot be read as text or as a workbook, and writes nothing', async () => {
    const { pilot } = await setup();
    const before = test.snapshot();
    const read = async (format: 'csv' | 'xlsx', data: string | Buffer) => test.call('pilots.readImportFile', { pilotId: pilot.id, fileId: await upload(pilot.id, format, data) });
    const header = 'indicator,group,month,value\n';
    // Arabic in a Windows code page (1256), not UTF-8.
    expect(await read('csv', Buffer.concat([Buffer.from(header), Buffer.from([0xe3, 0xd1, 0xc7, 0xdf, 0xd2, 0x2c, 0x31, 0x0a])]))).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: ['file'], code: 'not_utf8' }] } });
    // An XLS (an old binary workbook) or an XLSX chosen as CSV.
    expect(await read('csv', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toMatchObject({ ok: false, error: { issues: [{ code: 'unreadable_file' }] } });
    // A damaged or password-protected workbook.
    expect(await read('xlsx', Buffer.from('PK\x03\x04 not really a workbook', 'latin1'))).toMatchObject({ ok: false, error: { issues: [{ code: 'unreadable_file' }] } });
    // A quotation mark never closed would swallow the rest of the file into one cell.
    expect(await read('csv', `${header}Days waited,pilot,2026-02-01,38\n"Days waited,pilot,2026-03-01,39\nDays waited,pilot,2026-04-01,40\n`)).toMatchObject({
      ok: false,
      error: { issues: [{ path: ['file'], code: 'csv_unclosed_quote', params: { line: 3 } }] },
    });
    // UTF-16 with its mark, as Excel saves "Unicode text", reads as any other file.
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${header}أيام الانتظار,pilot,2026-02-01,38\n`, 'utf16le')]);
    expect(await read('csv', utf16)).toMatchObject({ ok: true, value: { columns: ['indicator', 'group', 'month', 'value'], sample: [['أيام الانتظار', 'pilot', '2026-02-01', '38']] } });
    expect(test.snapshot()).toEqual(before);
  });

  it('refuses a workbook that would inflate past what the app can hold, or whose parts hold more than they declare, before reading it', async () => {
    const { pilot } = await setup();
    const before = test.snapshot();
    const read = async (data: Buffer) => test.call('pilots.readImportFile', { pilotId: pilot.id, fileId: await upload(pilot.id, 'xlsx', data) });
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Data').addRow(['indicator', 'group', 'month', 'value']);
    const dir = tempDir();
    try {
      writeFileSync(join(dir, 'book.xlsx'), Buffer.from(await book.xlsx.writeBuffer()));
      const parts = await readZipEntries(join(dir, 'book.xlsx'));
      const sheet = 'xl/worksheets/sheet1.xml';
      const rezip = (change: (part: ZipEntrySpec) => ZipEntrySpec) => {
        writeZip(join(dir, 'changed.xlsx'), parts.map((part) => (part.name === sheet ? change(part) : part)));
        return readFileSync(join(dir, 'changed.xlsx'));
      };
      expect(await read(rezip((part) => part))).toMatchObject({ ok: true, value: { columns: ['indicator', 'group', 'month', 'value'] } });
      // Rows that compress a thousand to one: a small upload that would take gigabytes to hold.
      const xml = String(parts.find((part) => part.name === sheet)!.data);
      expect(xml).toContain('<sheetData>');
      const row = '<row><c t="inlineStr"><is><t>Days waited</t></is></c></row>';
      const bomb = rezip((part) => ({ ...part, data: xml.replace('<sheetData>', `<sheetData>${row.repeat(Math.ceil(XLSX_MAX_INFLATED_BYTES / row.length))}`) }));
      expect(bomb.length).toBeLessThan(1024 * 1024);
      expect(await read(bomb)).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: ['file'], code: 'xlsx_too_large', params: { mb: 64 } }] } });
      // A directory that declares fewer bytes than the part inflates to is a damaged file.
      expect(await read(rezip((part) => ({ ...part, declaredSize: 10 })))).toMatchObject({ ok: false, error: { issues: [{ path: ['file'], code: 'unreadable_file' }] } });
      // A last part the end record does not count: a reader that trusts the count never sees it, exceljs's does.
      writeZip(join(dir, 'hidden.xlsx'), [...parts, { name: 'xl/hidden.xml', data: ' '.repeat(XLSX_MAX_INFLATED_BYTES + 1) }]);
      const hidden = readFileSync(join(dir, 'hidden.xlsx'));
      const end = hidden.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
      hidden.writeUInt16LE(parts.length, end + 8);
      hidden.writeUInt16LE(parts.length, end + 10);
      expect(await read(hidden)).toMatchObject({ ok: false, error: { issues: [{ path: ['file'], code: 'xlsx_too_large' }] } });
    } finally {
      removeDir(dir);
    }
    expect(test.snapshot()).toEqual(before);
  });

  it('reads the first sheet of an XLSX file, with date cells, for one fixed KPI', async () => {
    const { pilot, wait } = await setup();
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Data');
    sheet.addRow(['Group', 'Month', 'Days']);
    sheet.addRow(['pilot', new Date(Date.UTC(2026, 4, 1)), 31]);
    sheet.addRow(['comparison', new Date(Date.UTC(2026, 4, 1)), 44]);
    sheet.addRow(['pilot', new Date(Date.UTC(2026, 4, 1)), 30]); // the same cell twice
    const withDuplicate = await upload(pilot.id, 'xlsx', Buffer.from(await book.xlsx.writeBuffer()));
    const xlsxMapping = { kpiId: wait.id, group: 'Group', period: 'Month', value: 'Days' };
    const preview = await value<{ errors: { line: number; code: string }[] }>('pilots.previewImport', { pilotId: pilot.id, fileId: withDuplicate, mapping: xlsxMapping });
    expect(preview.errors).toEqual([{ line: 4, column: 'Month', code: 'duplicate_row', text: '2026-05-01' }]);
    sheet.spliceRows(4, 1);
    const clean = await upload(pilot.id, 'xlsx', Buffer.from(await book.xlsx.writeBuffer()));
    expect(await value('pilots.importMeasurements', { pilotId: pilot.id, fileId: clean, mapping: xlsxMapping })).toEqual({ imported: 2 });
    expect((await value<Measurement[]>('pilots.measurements', { kpiId: wait.id })).map((m) => m.value)).toEqual([44, 31]);
  });
});

describe('the analysis', () => {
  it('reads sums per period and the observations of each side from the stored measurements', async () => {
    const { pilot } = await pilotOnProject(); // DiD, intervention 2026-04-01
    const wait = await value<Kpi>('pilots.addKpi', { pilotId: pilot.id, name: 'Days waited', direction: 'lower', baselineValue: 40, target: 20 });
    const served = await value<Kpi>('pilots.addKpi', { pilotId: pilot.id, name: 'Served on time', kind: 'rate' });
    const cell = (kpiId: string, group: string, period: string, more: object) => value('pilots.setMeasurement', { kpiId, group, period, ...more });
    for (const [period, p, c] of [['2026-02-01', 41, 40], ['2026-03-01', 42, 41], ['2026-05-01', 30, 40], ['2026-06-01', 26, 39]] as const) {
      await cell(wait.id, 'pilot', period, { value: p });
      await cell(wait.id, 'comparison', period, { value: c });
    }
    // Unit-level 0/1 outcomes for the rate: 3 of 4 pilot families served on time in May, 1 of 4 in the comparison.
    for (const [i, v] of [1, 1, 1, 0].entries()) await cell(served.id, 'pilot', '2026-05-01', { unitId: `p${i}`, value: v });
    for (const [i, v] of [0, 1, 0, 0].entries()) await cell(served.id, 'comparison', '2026-05-01', { unitId: `c${i}`, value: v });
    const { kpis } = await value<{ kpis: { series: unknown[]; current: unknown; did: { ok: boolean; estimate?: number }; rate: { table: unknown } | null; continuous: { welch: { ok: boolean; estimate?: number } } | null }[] }>(
      'pilots.analysis',
      { pilotId: pilot.id },
    );
    expect(kpis[0].series).toEqual([
      { period: '2026-02-01', pilot: 41, comparison: 40 },
      { period: '2026-03-01', pilot: 42, comparison: 41 },
      { period: '2026-05-01', pilot: 30, comparison: 40 },
      { period: '2026-06-01', pilot: 26, comparison: 39 },
    ]);
    expect(kpis[0].current).toEqual({ period: '2026-06-01', value: 26 });
    expect(kpis[0].continuous!.welch).toMatchObject({ ok: true, estimate: -11.5 }); // (30+26)/2 − (40+39)/2
    expect(kpis[0].did).toMatchObject({ ok: true, estimate: -12.5 }); // post gaps −10, −13; pre gaps 1, 1
    expect(kpis[1].rate!.table).toEqual({ events1: 3, n1: 4, events2: 1, n2: 4 });
    expect(kpis[1].series).toEqual([{ period: '2026-05-01', pilot: 0.75, comparison: 0.25 }]);
  });

  it('compares units, each once at its mean over the periods, however often it was measured', async () => {
    const { pilot } = await pilotOnProject(); // intervention 2026-04-01
    const wait = await value<Kpi>('pilots.addKpi', { pilotId: pilot.id, name: 'Days waited', direction: 'lower' });
    for (const [k, period] of ['2026-05-01', '2026-06-01', '2026-07-01'].entries()) {
      for (const [u, v] of [30, 28, 25].entries()) await value('pilots.setMeasurement', { kpiId: wait.id, group: 'pilot', period, unitId: `p${u}`, value: v + k });
      for (const [u, v] of [38, 41, 39].entries()) await value('pilots.setMeasurement', { kpiId: wait.id, group: 'comparison', period, unitId: `c${u}`, value: v - k });
    }
    const { kpis } = await value<{ kpis: { sizes: unknown; continuous: { welch: unknown } }[] }>('pilots.analysis', { pilotId: pilot.id });
    expect(kpis[0].sizes).toEqual({ pilot: 3, other: 3 });
    expect(kpis[0].continuous.welch).toEqual(welchTest([31, 29, 26], [37, 40, 38]));
  });
});

describe('search', () => {
  it('finds a pilot by its charter and protocol texts, folded like every other record', async () => {
    const { pilot } = await pilotOnProject();
    await value('pilots.update', { id: pilot.id, patch: { population: 'أولياء الأمور في المدرسة' } });
    const hits = await value<{ kind: string; id: string; snippet: string }[]>('search.query', { text: 'مدرسة' });
    expect(hits.map((h) => [h.kind, h.id])).toEqual([['pilot', pilot.id]]);
    await value('pilots.delete', { id: pilot.id });
    expect(await value('search.query', { text: 'مدرسة' })).toEqual([]);
  });
});
