/**
 * Pilots, second step: the lock covers the KPI register (targets, thresholds, the primary KPI) through
 * every method, KPI amendments with reasons, and the charter's links to canvases.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Canvas } from '../../electron/shared/canvas/model';
import type { Kpi, PilotDetail } from '../../electron/shared/domain/pilots';
import { callValue, makeCore, openHttpDoor, type TestCore } from '../support/core';

let test: TestCore;
beforeEach(() => (test = makeCore()));
afterEach(() => test.close());

const value = <T>(method: string, input: unknown) => callValue<T>(test, method, input);

async function lockedPilot() {
  const project = await value<{ id: string }>('projects.create', { title: 'Clinic queues' });
  const { pilot } = await value<PilotDetail>('pilots.create', { projectId: project.id, title: 'Triage nurse', startsOn: '2026-01-01', endsOn: '2026-12-31' });
  const primary = await value<Kpi>('pilots.addKpi', { pilotId: pilot.id, name: 'Minutes waited', unit: 'min', direction: 'lower', baselineValue: 50, target: 30, successThreshold: 40, primary: true });
  const secondary = await value<Kpi>('pilots.addKpi', { pilotId: pilot.id, name: 'Satisfied', kind: 'rate', target: 0.8, successThreshold: 0.7 });
  await value('pilots.lockProtocol', { id: pilot.id });
  return { project, pilot, primary, secondary };
}

describe('before the lock', () => {
  it('KPIs are edited freely, and marking one primary unmarks the other', async () => {
    const project = await value<{ id: string }>('projects.create', { title: 'P' });
    const { pilot } = await value<PilotDetail>('pilots.create', { projectId: project.id, title: 'Pilot' });
    const a = await value<Kpi>('pilots.addKpi', { pilotId: pilot.id, name: 'A', primary: true });
    const b = await value<Kpi>('pilots.addKpi', { pilotId: pilot.id, name: 'B', target: 3 });
    expect(await value<Kpi>('pilots.updateKpi', { id: b.id, patch: { target: 4, primary: true } })).toMatchObject({ target: 4, primary: true });
    expect((await value<Kpi[]>('pilots.kpis', { pilotId: pilot.id })).map((k) => [k.id, k.primary])).toEqual([
      [a.id, false],
      [b.id, true],
    ]);
    expect(await test.call('pilots.amendKpi', { id: a.id, reason: 'r', changes: { target: 1 } })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await value('pilots.deleteKpi', { id: a.id });
  });
});

describe('a locked protocol covers the KPI register', () => {
  const attempts = (ids: { pilotId: string; primary: string; secondary: string }): [string, unknown, string][] => [
    ['pilots.updateKpi', { id: ids.secondary, patch: { target: 0.9 } }, 'protocol_locked'],
    ['pilots.updateKpi', { id: ids.secondary, patch: { successThreshold: 0.5, name: 'Renamed too' } }, 'protocol_locked'],
    ['pilots.updateKpi', { id: ids.secondary, patch: { primary: true } }, 'protocol_locked'],
    ['pilots.updateKpi', { id: ids.primary, patch: { primary: false } }, 'protocol_locked'],
    // The primary outcome KPI's whole definition is locked.
    ['pilots.updateKpi', { id: ids.primary, patch: { name: 'Minutes' } }, 'protocol_locked'],
    ['pilots.updateKpi', { id: ids.primary, patch: { direction: 'higher' } }, 'protocol_locked'],
    ['pilots.updateKpi', { id: ids.primary, patch: { kind: 'count' } }, 'protocol_locked'],
    ['pilots.updateKpi', { id: ids.primary, patch: { baselineValue: 45 } }, 'protocol_locked'],
    ['pilots.updateKpi', { id: ids.primary, patch: { unit: 'hours' } }, 'protocol_locked'],
    ['pilots.deleteKpi', { id: ids.primary }, 'protocol_locked'],
    ['pilots.deleteKpi', { id: ids.secondary }, 'protocol_locked'],
    ['pilots.addKpi', { pilotId: ids.pilotId, name: 'New primary', primary: true }, 'protocol_locked'],
    ['pilots.amendKpi', { id: ids.secondary, changes: { target: 0.9 } }, 'invalid_input'], // no reason
    ['pilots.amendKpi', { id: ids.secondary, reason: '  ', changes: { target: 0.9 } }, 'invalid_input'],
    ['pilots.amendKpi', { id: ids.secondary, reason: 'Same value', changes: { target: 0.8 } }, 'invalid_input'],
    ['pilots.amendKpi', { id: ids.secondary, reason: 'NaN', changes: { target: 'much' } }, 'invalid_input'],
  ];

  for (const door of ['in-process', 'HTTP'] as const) {
    it(`refuses every change except an amendment, through the ${door} door, and the database is unchanged`, async () => {
      const { pilot, primary, secondary } = await lockedPilot();
      const http = door === 'HTTP' ? await openHttpDoor(test) : undefined;
      try {
        const call = (method: string, input: unknown) => (http ? http.call(method, input) : test.call(method, input));
        const before = test.snapshot();
        for (const [method, input, code] of attempts({ pilotId: pilot.id, primary: primary.id, secondary: secondary.id })) {
          expect(await call(method, input), `${method} ${JSON.stringify(input)}`).toMatchObject({ ok: false, error: { code } });
        }
        expect(await call('pilots.updateKpi', { id: secondary.id, patch: { target: 0.9 } })).toMatchObject({
          ok: false,
          error: { issues: [{ path: ['patch', 'target'], code: 'protocol_locked' }] },
        });
        expect(test.snapshot()).toEqual(before);
      } finally {
        await http?.close();
      }
    });
  }

  it('leaves a secondary KPI’s other fields editable, and lets new secondary KPIs be added', async () => {
    const { pilot, secondary } = await lockedPilot();
    expect(await value<Kpi>('pilots.updateKpi', { id: secondary.id, patch: { name: 'Satisfied patients', dataSource: 'Exit survey', target: 0.8 } })).toMatchObject({
      name: 'Satisfied patients',
      dataSource: 'Exit survey',
      target: 0.8,
    });
    expect(await value<Kpi>('pilots.addKpi', { pilotId: pilot.id, name: 'Returns within a week', kind: 'rate' })).toMatchObject({ primary: false });
  });

  it('changes a target or the primary KPI only by an amendment, listed with its reason beside the protocol’s', async () => {
    const { pilot, primary, secondary } = await lockedPilot();
    const amended = await value<Kpi>('pilots.amendKpi', { id: secondary.id, reason: 'The ministry raised the bar.', changes: { target: 0.85, successThreshold: 0.75, dataSource: 'Survey' } });
    expect(amended).toMatchObject({ target: 0.85, successThreshold: 0.75, dataSource: 'Survey' });
    await value('pilots.amendProtocol', { id: pilot.id, reason: 'Fewer clinics', changes: { plannedSampleSize: 90 } });
    // Moving the primary mark is one amendment; the former primary KPI is then a secondary one.
    await value('pilots.amendKpi', { id: secondary.id, reason: 'Satisfaction is what the minister asked about.', changes: { primary: true } });
    const kpis = await value<Kpi[]>('pilots.kpis', { pilotId: pilot.id });
    expect(kpis.map((k) => [k.name, k.primary])).toEqual([
      ['Minutes waited', false],
      ['Satisfied', true],
    ]);
    expect(await value<Kpi>('pilots.updateKpi', { id: primary.id, patch: { unit: 'minutes' } })).toMatchObject({ unit: 'minutes' });

    const detail = await value<PilotDetail>('pilots.get', { id: pilot.id });
    expect(detail.pilot.protocolVersion).toBe(3);
    expect(detail.amendments).toMatchObject([
      {
        version: 1,
        kpiId: secondary.id,
        kpiName: 'Satisfied',
        reason: 'The ministry raised the bar.',
        changedFields: ['dataSource', 'target', 'successThreshold'],
        before: { target: 0.8, successThreshold: 0.7, dataSource: '' },
        after: { target: 0.85, successThreshold: 0.75, dataSource: 'Survey' },
        protocolHash: detail.pilot.protocolHash,
      },
      { version: 2, kpiId: null, kpiName: null, changedFields: ['plannedSampleSize'] },
      { version: 3, kpiId: secondary.id, changedFields: ['primary'], before: { primary: false }, after: { primary: true } },
    ]);
  });
});

describe('the charter’s linked canvases', () => {
  async function canvas(title: string, projectId: string | null) {
    return value<Canvas>('canvases.create', { templateId: 'theory-of-change', title, projectId, stage: projectId ? 4 : null });
  }

  it('link canvases of the pilot’s project and stand-alone ones, not another project’s', async () => {
    const { project, pilot } = await lockedPilot(); // links are charter, not protocol: locking does not hold them
    const other = await value<{ id: string }>('projects.create', { title: 'Other' });
    const toc = await canvas('Theory of change', project.id);
    const card = await canvas('Experiment card', null);
    const foreign = await canvas('Not ours', other.id);

    await value('pilots.linkCanvas', { pilotId: pilot.id, canvasId: toc.id });
    const linked = await value<PilotDetail>('pilots.linkCanvas', { pilotId: pilot.id, canvasId: card.id });
    expect(linked.canvases.map((c) => [c.title, c.projectId])).toEqual([
      ['Experiment card', null],
      ['Theory of change', project.id],
    ]);
    // Linking twice changes nothing.
    expect((await value<PilotDetail>('pilots.linkCanvas', { pilotId: pilot.id, canvasId: toc.id })).canvases).toHaveLength(2);

    const before = test.snapshot();
    expect(await test.call('pilots.linkCanvas', { pilotId: pilot.id, canvasId: foreign.id })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: ['canvasId'], code: 'other_project' }] },
    });
    expect(await test.call('pilots.linkCanvas', { pilotId: pilot.id, canvasId: '01930000-0000-7000-8000-0000000000ff' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: ['canvasId'], code: 'unknown_reference' }] },
    });
    expect(await test.call('pilots.linkCanvas', { pilotId: pilot.id, canvasId: 'not-an-id' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(test.snapshot()).toEqual(before);

    expect((await value<PilotDetail>('pilots.unlinkCanvas', { pilotId: pilot.id, canvasId: card.id })).canvases.map((c) => c.title)).toEqual(['Theory of change']);
    // A renamed canvas shows under its new title.
    await value('canvases.update', { id: toc.id, patch: { title: 'Theory of change v2' } });
    expect((await value<PilotDetail>('pilots.get', { id: pilot.id })).canvases.map((c) => c.title)).toEqual(['Theory of change v2']);
  });
});
