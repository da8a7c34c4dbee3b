/**
 * The sample lab (plus a canvas, a locked pilot with its register and an attachment), exported and
 * imported into an empty data folder, compares equal record by record and attachments by hash;
 * importing the same bundle again changes nothing; the file passes Info-ZIP's `unzip -t`.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { callValue, makeCore, type TestCore } from '../support/core';
import { addLabWork, carriedRows, exportTo, importFile, storedFiles, tempDir } from '../support/bundles';
import { removeDir } from '../support/serve';

const open: TestCore[] = [];
const dirs: string[] = [];
const core = () => {
  const test = makeCore();
  open.push(test);
  return test;
};
afterEach(() => {
  open.splice(0).forEach((t) => t.close());
  dirs.splice(0).forEach(removeDir);
});

describe('bundle round trip', () => {
  it('carries the sample lab into an empty data folder record by record, and re-importing changes nothing', async () => {
    const from = core();
    await callValue(from, 'lab.loadSample', {});
    const work = await addLabWork(from);
    // The charter's link to a canvas, and an amendment of a KPI of the locked protocol (it names the KPI).
    await callValue(from, 'pilots.linkCanvas', { pilotId: work.pilot.id, canvasId: work.canvas.id });
    await callValue(from, 'pilots.amendKpi', { id: work.kpi.id, reason: 'Target set with the ministry.', changes: { target: 25 } });
    const dir = tempDir();
    dirs.push(dir);
    const file = join(dir, 'sample.ibtikar');
    const written = await exportTo(from, file);
    expect(written.records).toBeGreaterThan(50);
    // Every newer record type is in the workspace being carried.
    const rows = carriedRows(from);
    for (const table of ['canvas_templates', 'canvases', 'canvas_clusters', 'canvas_notes', 'pilots', 'pilot_amendments', 'pilot_kpis', 'pilot_measurements', 'pilot_assessments', 'pilot_decisions', 'pilot_canvases', 'note_links', 'attachments']) {
      expect(rows[table].length, table).toBeGreaterThan(0);
    }
    expect(rows.canvas_templates).toContainEqual(expect.objectContaining({ id: work.retired.id, retired_at: expect.any(String) }));
    expect(rows.pilots).toContainEqual(expect.objectContaining({ id: work.pilot.id, protocol_version: 2, locked_at: expect.any(String) }));
    expect(rows.pilot_amendments).toContainEqual(expect.objectContaining({ version: 2, kpi_id: work.kpi.id }));

    const to = core();
    const { preview, summary } = await importFile(to, file);
    expect(preview.conflicts).toEqual([]);
    expect(summary.inserted).toBeGreaterThan(50);
    expect(carriedRows(to)).toEqual(carriedRows(from));
    // Attachments by hash: the same files, byte for byte, and the app serves the imported one.
    expect(storedFiles(to.dataDir)).toEqual(storedFiles(from.dataDir));
    expect(storedFiles(to.dataDir)[work.attachment.sha256]).toBe(work.attachment.sha256);
    // A retired template arrives retired, and still draws the canvas made from it; links list from both ends.
    expect(await callValue(to, 'labTemplates.list', { retired: true })).toEqual(await callValue(from, 'labTemplates.list', { retired: true }));
    const links = await callValue<{ id: string }[]>(to, 'noteLinks.forCanvas', { canvasId: work.canvas.id });
    expect(links.map((l) => l.id)).toEqual([work.noteLink.id, work.kpiLink.id]);
    expect(to.core.attachments.file(work.attachment.id)).toMatchObject({ size: work.content.length });
    // Derived data follows: the kept per-period sums (the analysis reads the same figures), and search finds an imported project and an imported pilot.
    const hits = await callValue<unknown[]>(to, 'search.query', { text: 'school meals' });
    expect(hits.length).toBeGreaterThan(0);
    const pilotHits = await callValue<{ kind: string; id: string }[]>(to, 'search.query', { text: 'Chilonzor' });
    expect(pilotHits).toContainEqual(expect.objectContaining({ kind: 'pilot' }));
    expect(await callValue(to, 'pilots.analysis', { pilotId: work.pilot.id })).toEqual(await callValue(from, 'pilots.analysis', { pilotId: work.pilot.id }));
    expect((await callValue<{ canvases: { canvasId: string }[] }>(to, 'pilots.get', { id: work.pilot.id })).canvases).toEqual([expect.objectContaining({ canvasId: work.canvas.id })]);

    const before = to.snapshot();
    const again = await importFile(to, file, { onConflict: 'theirs' });
    expect(again.summary).toMatchObject({ inserted: 0, replaced: 0, copied: 0, kept: 0 });
    const after = to.snapshot();
    expect(after).toEqual(before);
    expect(storedFiles(to.dataDir)).toEqual(storedFiles(from.dataDir));
  });

  it('folds titles again on import, so a bundle from another version of the folding imports once and then changes nothing', async () => {
    const from = core();
    const project = await callValue<{ id: string }>(from, 'projects.create', { title: "Maktabgacha ta'lim navbati" });
    // As a version that folded the apostrophe differently stored it.
    from.core.db.prepare("UPDATE projects SET title_folded = 'maktabgacha taʼlim navbati' WHERE id = ?").run(project.id);
    const dir = tempDir();
    dirs.push(dir);
    const file = join(dir, 'other-version.ibtikar');
    await exportTo(from, file);
    const to = core();
    await importFile(to, file);
    const folded = () => to.core.db.prepare('SELECT title_folded FROM projects WHERE id = ?').pluck().get(project.id);
    expect(folded()).toBe("maktabgacha ta'lim navbati");
    const before = to.snapshot();
    const again = await importFile(to, file);
    expect(again.preview.tables.find((t) => t.table === 'projects')).toMatchObject({ conflicts: 0 });
    expect(again.summary).toMatchObject({ inserted: 0, replaced: 0, copied: 0, kept: 0 });
    expect(to.snapshot()).toEqual(before);
  });

  it('writes a zip that Info-ZIP unzip -t accepts', async () => {
    const from = core();
    await callValue(from, 'lab.loadSample', {});
    const dir = tempDir();
    dirs.push(dir);
    const file = join(dir, 'sample.ibtikar');
    await exportTo(from, file);
    const out = execFileSync('unzip', ['-t', file], { encoding: 'utf8' });
    expect(out).toMatch(/No errors detected/);
    expect(out).toMatch(/manifest\.json/);
  });
});
