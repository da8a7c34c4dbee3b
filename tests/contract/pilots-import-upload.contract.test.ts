/**
 * A measurement file reaches core in chunks and waits under an id in `<data>/imports` until it is
 * imported or discarded: a file over the HTTP door's 1 MiB body cap imports through that door, ids
 * are never paths, and no file outlives its import, its dialog or the core that received it.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/create-core';
import { MAX_BODY_BYTES } from '../../electron/core/http/http-door';
import { uuidV7Ids } from '../../electron/core/ids';
import { createImportFiles, importsDir } from '../../electron/core/services/pilots/import-files';
import { createSettingsStore } from '../../electron/core/settings-store';
import type { Kpi, Measurement, PilotDetail } from '../../electron/shared/domain/pilots';
import { callValue, makeCore, openHttpDoor, silentLogger, steppingClock, uploadImportFile, type TestCore } from '../support/core';

let test: TestCore;
beforeEach(() => (test = makeCore()));
afterEach(() => test.close());

const value = <T>(method: string, input: unknown) => callValue<T>(test, method, input);
const kept = () => (existsSync(importsDir(test.dataDir)) ? readdirSync(importsDir(test.dataDir)).sort() : []);

async function pilotWithKpi() {
  const project = await value<{ id: string }>('projects.create', { title: 'Kindergarten queue' });
  const { pilot } = await value<PilotDetail>('pilots.create', { projectId: project.id, title: 'SMS queue', startsOn: '2026-01-01', endsOn: '2026-12-31' });
  const kpi = await value<Kpi>('pilots.addKpi', { pilotId: pilot.id, name: 'Days waited', kind: 'continuous' });
  return { pilot, kpi };
}
const mapping = { kpi: 'indicator', group: 'group', period: 'month', unitId: 'unit', value: 'value' };

/** Unit-level rows for one KPI: 2 groups × 12 months × `units` families. */
function csv(units: number) {
  const lines = ['indicator,group,month,unit,value'];
  for (const group of ['pilot', 'comparison']) {
    for (let m = 1; m <= 12; m++) for (let u = 0; u < units; u++) lines.push(`Days waited,${group},2026-${String(m).padStart(2, '0')}-01,family-${u},${30 + ((u * 7 + m) % 20) / 2}`);
  }
  return lines.join('\n');
}

describe('import files', () => {
  it('import a CSV larger than the HTTP door’s body cap through that door, and the file is gone after the import', async () => {
    const { pilot, kpi } = await pilotWithKpi();
    const text = csv(1500);
    expect(Buffer.byteLength(text)).toBeGreaterThan(MAX_BODY_BYTES);
    const http = await openHttpDoor(test);
    try {
      // The whole file in one request is what the door refuses; the chunks each fit.
      expect((await http.post('pilots.uploadImportFile', { pilotId: pilot.id, format: 'csv', uploadId: crypto.randomUUID(), offset: 0, data: Buffer.from(text).toString('base64'), last: true })).status).toBe(413);
      const fileId = await uploadImportFile(http.call, pilot.id, 'csv', text);
      expect(kept()).toEqual([`${fileId}.${pilot.id}.csv`]);
      expect(await http.call('pilots.readImportFile', { pilotId: pilot.id, fileId })).toMatchObject({ ok: true, value: { columns: ['indicator', 'group', 'month', 'unit', 'value'], rowCount: 36_000 } });
      expect(await http.call('pilots.previewImport', { pilotId: pilot.id, fileId, mapping })).toMatchObject({ ok: true, value: { validCount: 36_000, errors: [] } });
      expect(await http.call('pilots.importMeasurements', { pilotId: pilot.id, fileId, mapping })).toEqual({ ok: true, value: { imported: 36_000 } });
      expect(kept()).toEqual([]);
      expect(await http.call('pilots.importMeasurements', { pilotId: pilot.id, fileId, mapping })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    } finally {
      await http.close();
    }
    expect((await value<Measurement[]>('pilots.measurements', { kpiId: kpi.id })).length).toBe(36_000);
  });

  it('keeps a refused file for another mapping, and deletes it when the dialog discards it', async () => {
    const { pilot } = await pilotWithKpi();
    const fileId = await uploadImportFile(test.call, pilot.id, 'csv', 'indicator,group,month,unit,value\nDays waited,pilot,2026-02-01,a,3o');
    const before = test.snapshot();
    expect(await test.call('pilots.importMeasurements', { pilotId: pilot.id, fileId, mapping })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(test.snapshot()).toEqual(before);
    expect(kept()).toEqual([`${fileId}.${pilot.id}.csv`]);
    expect(await value('pilots.discardImportFile', { fileId })).toEqual({});
    expect(kept()).toEqual([]);
    expect(await test.call('pilots.readImportFile', { pilotId: pilot.id, fileId })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    // Discarding twice (a dialog closed after its file was gone) is no error.
    expect(await value('pilots.discardImportFile', { fileId })).toEqual({});
  });

  it('name files by a uuid only, never a path, and refuse uploads for an unknown pilot or out of order', async () => {
    const { pilot } = await pilotWithKpi();
    writeFileSync(join(test.dataDir, 'secret.csv'), 'indicator,group\nx,y');
    for (const fileId of ['../secret', '../secret.csv', '/etc/passwd', 'secret']) {
      expect(await test.call('pilots.readImportFile', { pilotId: pilot.id, fileId })).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: ['fileId'] }] } });
      expect(await test.call('pilots.discardImportFile', { fileId })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    expect(await test.call('pilots.uploadImportFile', { pilotId: pilot.id, format: 'csv', uploadId: '../x', offset: 0, data: 'YQ==', last: true })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await test.call('pilots.uploadImportFile', { pilotId: pilot.id, format: 'txt', uploadId: crypto.randomUUID(), offset: 0, data: 'YQ==', last: true })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await test.call('pilots.uploadImportFile', { pilotId: crypto.randomUUID(), format: 'csv', uploadId: crypto.randomUUID(), offset: 0, data: 'YQ==', last: true })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const uploadId = crypto.randomUUID();
    expect(await test.call('pilots.uploadImportFile', { pilotId: pilot.id, format: 'csv', uploadId, offset: 0, data: 'YWJj', last: false })).toEqual({ ok: true, value: { bytes: 3, fileId: null } });
    expect(await test.call('pilots.uploadImportFile', { pilotId: pilot.id, format: 'csv', uploadId, offset: 7, data: 'YWJj', last: true })).toMatchObject({ ok: false, error: { code: 'conflict', issues: [{ code: 'chunk_out_of_order' }] } });
    // Not a file yet, but what came before the refused chunk stays for the chunk that does follow on.
    expect(await test.call('pilots.readImportFile', { pilotId: pilot.id, fileId: uploadId })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(kept()).toEqual([`${uploadId}.part`]);
    expect(await test.call('pilots.uploadImportFile', { pilotId: pilot.id, format: 'csv', uploadId, offset: 3, data: 'ZGVm', last: true })).toEqual({ ok: true, value: { bytes: 6, fileId: uploadId } });
    expect(await test.call('pilots.discardImportFile', { fileId: uploadId })).toMatchObject({ ok: true });
    expect(kept()).toEqual([]);
  });

  it('serve only the pilot they were sent for', async () => {
    const { pilot } = await pilotWithKpi();
    const { pilot: other } = await pilotWithKpi();
    const fileId = await uploadImportFile(test.call, pilot.id, 'csv', 'indicator,group,month,unit,value\nDays waited,pilot,2026-02-01,a,3');
    const before = test.snapshot();
    for (const method of ['pilots.readImportFile', 'pilots.importMeasurements']) {
      const input = method === 'pilots.readImportFile' ? { pilotId: other.id, fileId } : { pilotId: other.id, fileId, mapping };
      expect(await test.call(method, input)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    }
    expect(test.snapshot()).toEqual(before);
    expect(kept()).toEqual([`${fileId}.${pilot.id}.csv`]);
  });

  it('refuse a file over the size limit and keep nothing of it', () => {
    const files = createImportFiles(test.dataDir, 10);
    const uploadId = crypto.randomUUID();
    const pilotId = crypto.randomUUID();
    expect(files.upload(pilotId, { uploadId, format: 'csv', offset: 0, data: Buffer.from('abcdef').toString('base64'), last: false })).toEqual({ bytes: 6, fileId: null });
    expect(() => files.upload(pilotId, { uploadId, format: 'csv', offset: 6, data: Buffer.from('ghijk').toString('base64'), last: true })).toThrow(expect.objectContaining({ code: 'payload_too_large' }));
    expect(kept()).toEqual([]);
  });

  it('left behind by an earlier run are removed when core starts', async () => {
    const { pilot } = await pilotWithKpi();
    const fileId = await uploadImportFile(test.call, pilot.id, 'csv', 'indicator,group,month,unit,value');
    mkdirSync(importsDir(test.dataDir), { recursive: true });
    writeFileSync(join(importsDir(test.dataDir), `${crypto.randomUUID()}.part`), 'half a file');
    expect(kept()).toHaveLength(2);
    createCore({
      db: test.core.db,
      clock: steppingClock(),
      ids: uuidV7Ids(),
      paths: { dataDir: test.dataDir },
      settings: createSettingsStore({ read: () => ({}), write: () => {} }),
      logger: silentLogger,
      appVersion: 'test',
    });
    expect(kept()).toEqual([]);
    expect(await test.call('pilots.readImportFile', { pilotId: pilot.id, fileId })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
