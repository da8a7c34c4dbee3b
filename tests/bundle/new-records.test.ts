/**
 * The record types that joined bundles after the first format: a locked pilot protocol (whose
 * triggers allow "take theirs" only where it changes no locked field), and attachment files (each
 * carried once, stored not deflated; a row without its file imports only where the file is already),
 * and each canvas also as a JSON Canvas file.
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BundleRefused } from '../../electron/core/bundles/refusal';
import { findTemplate } from '../../electron/shared/canvas/catalogue';
import { validateJsonCanvas, type JsonCanvas } from '../../electron/shared/canvas/export/json-canvas';
import { attachFile, callValue, makeCore, type TestCore } from '../support/core';
import { addLabWork, exportTo, importFile, storedFiles, tempDir } from '../support/bundles';
import { removeDir } from '../support/serve';

let lab: TestCore;
let other: TestCore;
let dir: string;
let work: Awaited<ReturnType<typeof addLabWork>>;

const pilotRow = (test: TestCore, id: string) => test.core.db.prepare('SELECT * FROM pilots WHERE id = ?').get(id) as Record<string, unknown>;
const count = (test: TestCore, sql: string, ...params: unknown[]) => (test.core.db.prepare(sql).get(...params) as { n: number }).n;

beforeEach(async () => {
  lab = makeCore();
  other = makeCore();
  dir = tempDir();
  work = await addLabWork(lab);
  const first = join(dir, 'first.ibtikar');
  await exportTo(lab, first);
  await importFile(other, first);
});
afterEach(() => {
  lab.close();
  other.close();
  removeDir(dir);
});

describe('a locked pilot in a bundle', () => {
  it('offers take theirs when only its charter differs, and takes it', async () => {
    await callValue(other, 'pilots.update', { id: work.pilot.id, patch: { title: 'Renamed here' } });
    const file = join(dir, 'again.ibtikar');
    await exportTo(lab, file);
    const preview = await other.core.bundles.previewFile(file);
    const conflict = preview.conflicts.find((c) => c.table === 'pilots');
    expect(conflict).toMatchObject({ key: work.pilot.id, label: 'SMS queue in Chilonzor', choices: ['keep', 'theirs', 'copy'] });
    await other.core.bundles.apply({ previewId: preview.previewId, onConflict: 'theirs', choices: [] });
    expect(pilotRow(other, work.pilot.id)).toEqual(pilotRow(lab, work.pilot.id));
  });

  it('does not offer take theirs where it would change the locked protocol, and a choice for all falls back to keep mine', async () => {
    await callValue(lab, 'pilots.amendProtocol', { id: work.pilot.id, reason: 'A second district joins.', changes: { plannedSampleSize: 500 } });
    const file = join(dir, 'amended.ibtikar');
    await exportTo(lab, file);
    const mine = pilotRow(other, work.pilot.id);
    const preview = await other.core.bundles.previewFile(file);
    expect(preview.conflicts.find((c) => c.table === 'pilots')).toMatchObject({ key: work.pilot.id, choices: ['keep', 'copy'] });
    const summary = await other.core.bundles.apply({ previewId: preview.previewId, onConflict: 'theirs', choices: [] });
    expect(summary.kept).toBeGreaterThan(0);
    expect(pilotRow(other, work.pilot.id)).toEqual(mine);
    // The bundle's second amendment is history of the protocol not taken: it stays out, so the next amendment here still fits.
    expect(count(other, 'SELECT count(*) AS n FROM pilot_amendments WHERE pilot_id = ?', work.pilot.id)).toBe(1);
    const amended = await callValue<{ pilot: { protocolVersion: number } }>(other, 'pilots.amendProtocol', { id: work.pilot.id, reason: 'Local change.', changes: { plannedSampleSize: 250 } });
    expect(amended.pilot.protocolVersion).toBe(2);
  });

  it('imports a copy of a locked, amended pilot with its amendments following it', async () => {
    await callValue(lab, 'pilots.amendProtocol', { id: work.pilot.id, reason: 'A second district joins.', changes: { plannedSampleSize: 500 } });
    const file = join(dir, 'amended.ibtikar');
    await exportTo(lab, file);
    await importFile(other, file, { onConflict: 'copy' });
    const copy = other.core.db.prepare('SELECT * FROM pilots WHERE origin LIKE ?').get(`%/${work.pilot.id}`) as Record<string, unknown>;
    expect(copy).toMatchObject({ protocol_version: 2, planned_sample_size: 500, locked_at: pilotRow(lab, work.pilot.id).locked_at });
    expect(count(other, 'SELECT count(*) AS n FROM pilot_amendments WHERE pilot_id = ?', copy.id)).toBe(2);
    // The copy is as locked as the original: its protocol changes only with an amendment.
    expect(await other.call('pilots.update', { id: copy.id, patch: { plannedSampleSize: 10 } })).toMatchObject({ ok: false });

    // The other lab amends again; imported as a copy once more, the copy stays as it is, and so do
    // its amendments (the new one is history of a protocol it did not take), so it can still be amended here.
    await callValue(lab, 'pilots.amendProtocol', { id: work.pilot.id, reason: 'A third district joins.', changes: { plannedSampleSize: 750 } });
    const again = join(dir, 'amended-again.ibtikar');
    await exportTo(lab, again);
    await importFile(other, again, { onConflict: 'copy' });
    expect(other.core.db.prepare('SELECT count(*) FROM pilots WHERE origin LIKE ?').pluck().get(`%/${work.pilot.id}`)).toBe(1);
    expect(count(other, 'SELECT count(*) AS n FROM pilot_amendments WHERE pilot_id = ?', copy.id)).toBe(2);
    const amended = await callValue<{ pilot: { protocolVersion: number } }>(other, 'pilots.amendProtocol', { id: String(copy.id), reason: 'Local change.', changes: { plannedSampleSize: 300 } });
    expect(amended.pilot.protocolVersion).toBe(3);
  });
});

describe('attachment files in a bundle', () => {
  it('carries a project’s file once, stored, listed with its size and SHA-256', async () => {
    const { content, attachment, project } = work;
    await attachFile(lab.call, { ownerType: 'project', ownerId: project.id }, 'copy of report.pdf', content);
    const file = join(dir, 'project.ibtikar');
    await exportTo(lab, file, { scope: { kind: 'projects', ids: [project.id] } });
    const listing = execFileSync('unzip', ['-v', file], { encoding: 'utf8' });
    const lines = listing.split('\n').filter((l) => l.includes(`attachments/${attachment.sha256}`));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/\bStored\b/);
    const manifest = JSON.parse(execFileSync('unzip', ['-p', file, 'manifest.json'], { encoding: 'utf8' })) as { files: { path: string; bytes: number; sha256: string }[] };
    expect(manifest.files).toContainEqual({ path: `attachments/${attachment.sha256}`, bytes: content.length, sha256: attachment.sha256 });
  });

  it('imports a row whose file the bundle lacks only where the file is already stored', async () => {
    // The exporting lab lost the file (the row lists as "file missing"): the bundle goes without it.
    rmSync(lab.core.attachments.file(work.attachment.id)!.path);
    const file = join(dir, 'without-file.ibtikar');
    await exportTo(lab, file);
    const manifest = JSON.parse(execFileSync('unzip', ['-p', file, 'manifest.json'], { encoding: 'utf8' })) as { files: { path: string }[] };
    expect(manifest.files.some((f) => f.path === `attachments/${work.attachment.sha256}`)).toBe(false);

    const empty = makeCore();
    try {
      const error = await empty.core.bundles.previewFile(file).catch((e: unknown) => e);
      expect((error as BundleRefused).reason).toBe('missing_attachment');
      expect(storedFiles(empty.dataDir)).toEqual({});
    } finally {
      empty.close();
    }
    // `other` has the content from the first import, so the same bundle imports there.
    const { summary } = await importFile(other, file);
    expect(summary).toMatchObject({ inserted: 0 });
    expect(other.core.attachments.file(work.attachment.id)).toBeDefined();
  });
});

describe('canvases as JSON Canvas files in a bundle', () => {
  it('writes each canvas as a valid JSON Canvas 1.0 file, with zone titles in the exporter’s language, that the app imports back', async () => {
    const file = join(dir, 'canvases.ibtikar');
    await exportTo(lab, file, { language: 'ar' });
    const text = execFileSync('unzip', ['-p', file, `canvases/${work.canvas.id}.canvas`], { encoding: 'utf8' });
    const checked = validateJsonCanvas(JSON.parse(text));
    expect(checked.ok).toBe(true);
    const nodes = (checked as { canvas: JsonCanvas }).canvas.nodes;
    expect(nodes.filter((n) => n.type === 'text' && n.id !== 'attribution').map((n) => n.text).sort()).toEqual(['Kindergartens', 'Parents']);
    expect(nodes.find((n) => n.id === 'attribution')?.text).toBe(findTemplate('business-model-canvas')!.attribution!.ar); // CC BY-SA credit
    expect(nodes.filter((n) => n.type === 'group').map((n) => n.label)).toContain('Families');
    const firstZone = findTemplate('business-model-canvas')!.zones[0];
    expect(nodes.find((n) => n.id === `zone-${firstZone.key}`)?.label).toBe(firstZone.title.ar);
    // The note link on the board is an edge; the one to a KPI rides under our key on its note.
    const { edges } = (checked as { canvas: JsonCanvas }).canvas;
    expect(edges).toEqual([expect.objectContaining({ id: `link-${work.noteLink.id}` })]);
    expect(nodes.find((n) => n.text === 'Parents')?.ibtikar?.links).toEqual([{ id: work.kpiLink.id, kpiId: work.kpi.id }]);
    const imported = await callValue<{ noteCount: number }>(other, 'canvases.importJsonCanvas', { text, title: 'From the bundle' });
    expect(imported.noteCount).toBe(2);
  });
});

describe('note links and retired templates in a project bundle', () => {
  it('carry the links with the project’s notes, the KPI they point at, and the retired template its canvas needs', async () => {
    const file = join(dir, 'project.ibtikar');
    await exportTo(lab, file, { scope: { kind: 'projects', ids: [work.project.id] } });
    const fresh = makeCore();
    try {
      await importFile(fresh, file);
      expect(fresh.core.db.prepare('SELECT id FROM note_links ORDER BY id').pluck().all()).toEqual([work.noteLink.id, work.kpiLink.id].sort());
      expect(fresh.core.db.prepare('SELECT retired_at IS NOT NULL FROM canvas_templates WHERE id = ?').pluck().get(work.retired.id)).toBe(1);
      const board = await callValue<{ canvas: { templateId: string } }>(fresh, 'canvases.get', { id: work.old.id });
      expect(board.canvas.templateId).toBe(work.retired.id);
      expect(await callValue(fresh, 'labTemplates.list', {})).toEqual(await callValue(lab, 'labTemplates.list', {}));
    } finally {
      fresh.close();
    }
  });
});
