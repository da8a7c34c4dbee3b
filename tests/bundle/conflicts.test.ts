/**
 * Conflicts (same id, different content) and each choice: keep mine, take theirs, import as a copy
 * that keeps its origin (its rows following it), a choice per record over the choice for all; plus a
 * project export that carries only what that project needs, and a cancelled export leaving nothing.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callValue, makeCore, type TestCore } from '../support/core';
import { carriedRows, exportTo, importFile, tempDir } from '../support/bundles';
import { removeDir } from '../support/serve';

interface Project { id: string; title: string; origin?: string | null }

let lab: TestCore;
let other: TestCore;
let dir: string;
let file: string;
let projects: Project[];

const listProjects = async (test: TestCore) => (await callValue<{ items: Project[] }>(test, 'projects.list', { limit: 200 })).items;
const row = (test: TestCore, table: string, id: string) => test.core.db.prepare(`SELECT * FROM "${table}" WHERE id = ?`).get(id) as Record<string, unknown> | undefined;

beforeEach(async () => {
  lab = makeCore();
  other = makeCore();
  dir = tempDir();
  file = join(dir, 'lab.ibtikar');
  await callValue(lab, 'lab.loadSample', {});
  await exportTo(lab, file);
  await importFile(other, file);
  projects = await listProjects(lab);
  // The receiving lab edits two projects the bundle also carries.
  for (const p of projects.slice(0, 2)) await callValue(other, 'projects.update', { id: p.id, patch: { title: `${p.title} (edited here)` } });
});
afterEach(() => {
  lab.close();
  other.close();
  removeDir(dir);
});

describe('conflicts on import', () => {
  it('lists each conflicting record with its choices', async () => {
    const preview = await other.core.bundles.previewFile(file);
    other.core.bundles.discard(preview.previewId);
    const projectConflicts = preview.conflicts.filter((c) => c.table === 'projects');
    expect(projectConflicts.map((c) => c.key).sort()).toEqual(projects.slice(0, 2).map((p) => p.id).sort());
    expect(projectConflicts[0].choices).toEqual(['keep', 'theirs', 'copy']);
    expect(preview.tables.find((t) => t.table === 'projects')).toMatchObject({ conflicts: 2, new: 0 });
  });

  it('keep mine: local records stay as they are', async () => {
    const before = other.snapshot();
    const { summary } = await importFile(other, file, { onConflict: 'keep' });
    expect(summary).toMatchObject({ kept: 2, inserted: 0, replaced: 0, copied: 0 });
    const after = other.snapshot();
    expect(after).toEqual(before);
  });

  it('take theirs: local records become the bundle’s', async () => {
    expect(await callValue<unknown[]>(other, 'search.query', { text: 'edited here' })).toHaveLength(2);
    const { summary, preview } = await importFile(other, file, { onConflict: 'theirs' });
    // Nothing was copied here before.
    expect(preview.conflicts.every((c) => !c.copiedBefore)).toBe(true);
    expect(summary).toMatchObject({ replaced: 2, kept: 0, copied: 0 });
    expect(carriedRows(other).projects).toEqual(carriedRows(lab).projects);
    // The search index follows the replaced titles: the local edit is no longer found.
    const hits = await callValue<{ id: string }[]>(other, 'search.query', { text: 'edited here' });
    expect(hits).toEqual([]);
  });

  it('import as a copy: a new record with the bundle’s content, its origin kept, its rows following it', async () => {
    const { summary } = await importFile(other, file, { onConflict: 'copy' });
    expect(summary.copied).toBeGreaterThanOrEqual(2);
    const after = await listProjects(other);
    expect(after).toHaveLength(projects.length + 2);
    const labId = (lab.core.db.prepare('SELECT id FROM lab_profile').get() as { id: string }).id;
    for (const original of projects.slice(0, 2)) {
      const mine = row(other, 'projects', original.id)!;
      expect(mine.title).toBe(`${original.title} (edited here)`);
      const copy = other.core.db.prepare('SELECT * FROM projects WHERE origin = ?').get(`${labId}/${original.id}`) as Record<string, unknown>;
      expect(copy.title).toBe(original.title);
      expect(copy.id).not.toBe(original.id);
      // The app says which is the copy (the list and the project page mark it).
      expect(await callValue(other, 'projects.get', { id: copy.id })).toMatchObject({ origin: `${labId}/${original.id}` });
      expect(await callValue(other, 'projects.get', { id: original.id })).toMatchObject({ origin: null });
      const pillars = (id: unknown, t: TestCore) => (t.core.db.prepare('SELECT pillar_id FROM project_pillars WHERE project_id = ? ORDER BY pillar_id').pluck().all(id));
      expect(pillars(copy.id, other)).toEqual(pillars(original.id, lab));
      const members = (id: unknown, t: TestCore) => (t.core.db.prepare('SELECT person_id, role FROM project_members WHERE project_id = ? ORDER BY person_id').all(id));
      expect(members(copy.id, other)).toEqual(members(original.id, lab));
      const decisions = (id: unknown, t: TestCore) => (t.core.db.prepare('SELECT count(*) FROM gate_decisions WHERE project_id = ?').pluck().get(id));
      expect(decisions(copy.id, other)).toEqual(decisions(original.id, lab));
    }
    // Importing the same bundle again as a copy finds the copies it made and changes nothing; its preview says so.
    const before = other.snapshot();
    const again = await importFile(other, file, { onConflict: 'copy' });
    expect(again.preview.conflicts.filter((c) => c.table === 'projects').map((c) => c.copiedBefore)).toEqual([true, true]);
    expect(again.summary).toMatchObject({ inserted: 0, copied: 0, replaced: 0 });
    expect(other.snapshot()).toEqual(before);
    expect(await listProjects(other)).toHaveLength(projects.length + 2);
  });

  it('import as a copy again, after the other lab changed the record: the copy made before is kept as it is, not copied again nor overwritten', async () => {
    await importFile(other, file, { onConflict: 'copy' });
    const [first] = projects;
    const labId = (lab.core.db.prepare('SELECT id FROM lab_profile').get() as { id: string }).id;
    const copyTitle = () => other.core.db.prepare('SELECT title FROM projects WHERE origin = ?').pluck().all(`${labId}/${first.id}`);
    // The receiving lab works on its copy; the other lab edits the original.
    const copyId = other.core.db.prepare('SELECT id FROM projects WHERE origin = ?').pluck().get(`${labId}/${first.id}`) as string;
    await callValue(other, 'projects.update', { id: copyId, patch: { title: 'Our copy, edited here' } });
    await callValue(lab, 'projects.update', { id: first.id, patch: { title: `${first.title} (second edition)` } });
    const newer = join(dir, 'newer.ibtikar');
    await exportTo(lab, newer);
    const { summary } = await importFile(other, newer, { onConflict: 'copy' });
    expect(summary).toMatchObject({ copied: 0, replaced: 0 });
    expect(copyTitle()).toEqual(['Our copy, edited here']);
    expect(row(other, 'projects', first.id)!.title).toBe(`${first.title} (edited here)`);
    expect(await listProjects(other)).toHaveLength(projects.length + 2);
  });

  it('a choice per record wins over the choice for all', async () => {
    const [first, second] = projects;
    const { summary } = await importFile(other, file, { onConflict: 'keep', choices: [{ table: 'projects', key: first.id, choice: 'theirs' }] });
    expect(summary).toMatchObject({ replaced: 1, kept: 1 });
    expect(row(other, 'projects', first.id)!.title).toBe(first.title);
    expect(row(other, 'projects', second.id)!.title).toBe(`${second.title} (edited here)`);
  });
});

describe('exporting a project', () => {
  it('carries the project, what belongs to it and what it refers to, and imports on its own', async () => {
    const target = projects.find((p) => (lab.core.db.prepare('SELECT count(*) FROM project_members WHERE project_id = ?').pluck().get(p.id) as number) > 0)!;
    const one = join(dir, 'one.ibtikar');
    await exportTo(lab, one, { scope: { kind: 'projects', ids: [target.id] } });
    const empty = makeCore();
    try {
      await importFile(empty, one);
      expect((await listProjects(empty)).map((p) => p.id)).toEqual([target.id]);
      const members = (t: TestCore) => t.core.db.prepare('SELECT * FROM project_members WHERE project_id = ? ORDER BY person_id').all(target.id);
      expect(members(empty)).toEqual(members(lab));
      const decisions = (t: TestCore) => t.core.db.prepare('SELECT * FROM gate_decisions WHERE project_id = ? ORDER BY id').all(target.id);
      expect(decisions(empty)).toEqual(decisions(lab));
    } finally {
      empty.close();
    }
  });
});

describe('cancelling an export', () => {
  it('stops the job and leaves no file, not even a partial one', async () => {
    const out = join(dir, 'cancelled', 'x.ibtikar');
    const unsubscribe = lab.core.events.subscribe((event) => {
      if (event.type === 'job.progress' && event.payload.kind === 'bundle.export' && event.payload.state === 'running') lab.core.jobs.cancel(event.payload.id);
    });
    const error = await exportTo(lab, out).catch((e: unknown) => e);
    unsubscribe();
    expect(error).toMatchObject({ code: 'cancelled' });
    expect(readdirSync(join(dir, 'cancelled'))).toEqual([]);
  });
});
