/** Canvases through the contract: notes in zones, batches, stale edits, clusters, hostile input. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Board, Canvas, Cluster, Note } from '../../electron/shared/canvas/model';
import type { Project } from '../../electron/shared/domain/project';
import { findTemplate } from '../../electron/shared/canvas/catalogue';
import type { CanvasTemplate } from '../../electron/shared/canvas/template';
import { JSON_CANVAS_KEY, toJsonCanvas } from '../../electron/shared/canvas/export/json-canvas';
import { callValue, makeCore, openHttpDoor, type TestCore } from '../support/core';

let test: TestCore;
beforeEach(() => (test = makeCore()));
afterEach(() => test.close());

const value = <T>(method: string, input: unknown) => callValue<T>(test, method, input);
const BMC = 'business-model-canvas';
const zones = () => findTemplate(BMC)!.zones.map((z) => z.key);

async function bmc(projectId: string | null = null) {
  return value<Canvas>('canvases.create', { templateId: BMC, title: 'Business model — e-visa', projectId, stage: projectId ? 4 : null });
}

describe('canvases', () => {
  it('are created from a template for a project, listed, renamed, duplicated and archived', async () => {
    const project = await value<Project>('projects.create', { title: 'E-visa', stage: 4 });
    const canvas = await bmc(project.id);
    expect(canvas).toMatchObject({ projectId: project.id, stage: 4, templateId: BMC, archived: false });
    await value('notes.create', { canvasId: canvas.id, notes: [{ text: 'Tourists', zoneKey: zones()[0] }] });
    const renamed = await value<Canvas>('canvases.update', { id: canvas.id, patch: { title: 'نموذج العمل' } });
    expect(renamed.title).toBe('نموذج العمل');
    const copy = await value<Canvas>('canvases.duplicate', { id: canvas.id, title: 'Copy' });
    expect(copy).toMatchObject({ title: 'Copy', noteCount: renamed.noteCount, templateId: BMC });
    const copied = await value<Board>('canvases.get', { id: copy.id });
    expect(copied.notes.map((n) => n.text)).toContain('Tourists');
    expect(copied.notes.every((n) => n.version === 1 && n.canvasId === copy.id)).toBe(true);
    expect((await value<Canvas[]>('canvases.list', { projectId: project.id })).map((c) => c.title).sort()).toEqual(['Copy', 'نموذج العمل']);
    await value('canvases.update', { id: copy.id, patch: { archived: true } });
    expect((await value<Canvas[]>('canvases.list', {})).map((c) => c.id)).toEqual([canvas.id]);
    expect(await value<Canvas[]>('canvases.list', { includeArchived: true })).toHaveLength(2);
  });

  it('keep notes in order, move them between zones in one batch, and refuse stale edits whole', async () => {
    const canvas = await bmc();
    const [a, b] = zones();
    const created = await value<Note[]>('notes.create', {
      canvasId: canvas.id,
      notes: [{ text: 'أولياء الأمور' }, { text: 'Students' }, { text: 'Schools في دبي' }].map((n) => ({ ...n, zoneKey: a })),
    });
    expect(created.map((n) => n.orderIndex)).toEqual([...created.map((n) => n.orderIndex)].sort());
    const [first, second] = created;
    const moved = await value<Note[]>('notes.update', {
      canvasId: canvas.id,
      edits: [
        { id: first.id, baseVersion: 1, patch: { zoneKey: b } },
        { id: second.id, baseVersion: 1, patch: { zoneKey: b, status: 'testing', color: 'green' } },
      ],
    });
    expect(moved.map((n) => [n.zoneKey, n.version])).toEqual([[b, 2], [b, 2]]);

    const before = test.snapshot();
    const refused = await test.call('notes.update', {
      canvasId: canvas.id,
      edits: [
        { id: first.id, baseVersion: 2, patch: { text: 'fresh' } },
        { id: second.id, baseVersion: 1, patch: { text: 'stale' } },
      ],
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', issues: [{ path: ['edits', 1, 'baseVersion'], code: 'stale', params: { version: 2 } }] } });
    expect(test.snapshot()).toEqual(before);
    // The same note twice in one batch is said to be listed twice, not to be missing.
    const twice = await test.call('notes.update', {
      canvasId: canvas.id,
      edits: [
        { id: first.id, baseVersion: 2, patch: { text: 'one' } },
        { id: first.id, baseVersion: 2, patch: { text: 'two' } },
      ],
    });
    expect(twice).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: ['edits', 1, 'id'], code: 'duplicate' }] } });
    expect(test.snapshot()).toEqual(before);

    await value('notes.delete', { canvasId: canvas.id, notes: [{ id: first.id, baseVersion: 2 }] });
    // Undoing a delete recreates the note under its own id.
    const [restored] = await value<Note[]>('notes.create', { canvasId: canvas.id, notes: [{ id: first.id, text: first.text, zoneKey: a, orderIndex: first.orderIndex }] });
    expect(restored).toMatchObject({ id: first.id, version: 1 });
  });

  it('group notes in labelled clusters, and release them when the cluster goes', async () => {
    const canvas = await bmc();
    const [a] = zones();
    const cluster = await value<Cluster>('canvases.createCluster', { canvasId: canvas.id, zoneKey: a, label: 'Families' });
    const [n] = await value<Note[]>('notes.create', { canvasId: canvas.id, notes: [{ text: 'Parents', zoneKey: a, clusterId: cluster.id }] });
    const relabelled = await value<Cluster>('canvases.updateCluster', { id: cluster.id, baseVersion: 1, patch: { label: 'Households' } });
    expect(relabelled).toMatchObject({ label: 'Households', version: 2 });
    const { notes } = await value<{ notes: Note[] }>('canvases.deleteCluster', { id: cluster.id, baseVersion: 2 });
    expect(notes).toEqual([expect.objectContaining({ id: n.id, clusterId: null, version: 2 })]);
  });

  it('frees a note from its zone to a position, and puts it back', async () => {
    const canvas = await bmc();
    const [n] = await value<Note[]>('notes.create', { canvasId: canvas.id, notes: [{ text: 'Loose', zoneKey: zones()[0] }] });
    const [free] = await value<Note[]>('notes.update', { canvasId: canvas.id, edits: [{ id: n.id, baseVersion: 1, patch: { zoneKey: null, x: 40, y: 60 } }] });
    expect(free).toMatchObject({ zoneKey: null, x: 40, y: 60 });
    const [back] = await value<Note[]>('notes.update', { canvasId: canvas.id, edits: [{ id: n.id, baseVersion: 2, patch: { zoneKey: zones()[1] } }] });
    expect(back).toMatchObject({ zoneKey: zones()[1], x: null, y: null, version: 3 });
  });

  it('store hostile text inert, exactly as typed', async () => {
    const canvas = await bmc();
    const text = '<script>alert(1)</script><img src=x onerror=alert(2)> مرحبا hello';
    const [n] = await value<Note[]>('notes.create', { canvasId: canvas.id, notes: [{ text, zoneKey: zones()[0] }] });
    expect(n.text).toBe(text);
  });

  it.each([
    ['an unknown template', 'canvases.create', () => ({ templateId: 'no-such-template', title: 'x' })],
    ['a missing project', 'canvases.create', () => ({ templateId: BMC, title: 'x', projectId: '01930000-0000-7000-8000-0000000000ff' })],
    ['an empty title', 'canvases.create', () => ({ templateId: BMC, title: '  ' })],
  ])('refuse %s and change nothing', async (_what, method, input) => {
    const before = test.snapshot();
    const result = await test.call(method, input());
    expect(result.ok).toBe(false);
    expect(test.snapshot()).toEqual(before);
  });

  it.each([
    ['a note over 5,000 characters', { text: 'x'.repeat(5001) }, 'too_long'],
    ['control characters', { text: 'bell\u0007' }, 'control_characters'],
    ['a zone the template lacks', { text: 'x', zoneKey: 'no-such-zone' }, 'unknown_reference'],
    ['a broken order key', { text: 'x', orderIndex: 'zz' }, 'invalid_format'],
  ])('refuse %s with a clear code and change nothing', async (_what, note, code) => {
    const canvas = await bmc();
    const before = test.snapshot();
    const result = await test.call('notes.create', { canvasId: canvas.id, notes: [{ zoneKey: zones()[0], ...note }] });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [expect.objectContaining({ code })] } });
    expect(test.snapshot()).toEqual(before);
  });

  it('refuse a 1 MB note at the HTTP door with a clear error', async () => {
    const canvas = await bmc();
    const door = await openHttpDoor(test);
    try {
      const result = await door.call('notes.create', { canvasId: canvas.id, notes: [{ text: 'x'.repeat(1024 * 1024), zoneKey: zones()[0] }] });
      expect(result).toMatchObject({ ok: false, error: { code: 'payload_too_large' } });
      const edited = await door.call('notes.create', { canvasId: canvas.id, notes: [{ text: 'ok', zoneKey: zones()[0] }] });
      expect(edited.ok).toBe(true);
    } finally {
      await door.close();
    }
  });
});

describe('lab templates', () => {
  it('save a canvas layout, rename and retitle zones per language, make canvases, and delete', async () => {
    const canvas = await bmc();
    const saved = await value<CanvasTemplate>('labTemplates.create', { canvasId: canvas.id, title: 'Our service model' });
    expect(saved.title).toEqual({ en: 'Our service model', ar: 'Our service model', uz: 'Our service model', ru: 'Our service model' });
    expect(saved.zones.map((z) => z.key)).toEqual(zones());
    expect(saved.attribution).toEqual(findTemplate(BMC)!.attribution);
    const zone = zones()[0];
    const edited = await value<CanvasTemplate>('labTemplates.update', { id: saved.id, language: 'ar', title: 'نموذج خدمتنا', zones: [{ key: zone, title: 'شركاؤنا' }] });
    expect(edited.title).toMatchObject({ ar: 'نموذج خدمتنا', en: 'Our service model' });
    expect(edited.zones[0].title.ar).toBe('شركاؤنا');
    expect(edited.zones[0].title.en).toBe(findTemplate(BMC)!.zones[0].title.en);
    expect(await value<CanvasTemplate[]>('labTemplates.list', {})).toEqual([edited]);

    const fromLab = await value<Canvas>('canvases.create', { templateId: saved.id, title: 'From our template' });
    await value('notes.create', { canvasId: fromLab.id, notes: [{ text: 'x', zoneKey: zone }] });
    const unused = await value<CanvasTemplate>('labTemplates.create', { canvasId: canvas.id, title: 'Spare' });
    expect(await value('labTemplates.delete', { id: unused.id })).toEqual({ id: unused.id, retired: false });
    expect((await value<CanvasTemplate[]>('labTemplates.list', {})).map((t) => t.id)).toEqual([saved.id]);
    expect(test.core.db.prepare('SELECT count(*) FROM canvas_templates WHERE id = ?').pluck().get(unused.id)).toBe(0);
  });

  it('in use are retired on delete: out of the gallery, while the canvases made from them keep working', async () => {
    const saved = await value<CanvasTemplate>('labTemplates.create', { canvasId: (await bmc()).id, title: 'Ours' });
    const zone = saved.zones[1].key;
    const fromLab = await value<Canvas>('canvases.create', { templateId: saved.id, title: 'From our template' });
    const [kept] = await value<Note[]>('notes.create', { canvasId: fromLab.id, notes: [{ text: 'kept', zoneKey: zone }] });
    await value('canvases.update', { id: fromLab.id, patch: { archived: true } });

    expect(await value('labTemplates.delete', { id: saved.id })).toEqual({ id: saved.id, retired: true });
    expect(await value<CanvasTemplate[]>('labTemplates.list', {})).toEqual([]);
    expect(await value<CanvasTemplate[]>('labTemplates.list', { retired: true })).toEqual([saved]);
    // The canvas still draws its zones and takes notes in them, moves and duplicates.
    const board = await value<Board>('canvases.get', { id: fromLab.id });
    expect(board.canvas.templateId).toBe(saved.id);
    await value('notes.create', { canvasId: fromLab.id, notes: [{ text: 'still works', zoneKey: saved.zones[0].key }] });
    await value('notes.update', { canvasId: fromLab.id, edits: [{ id: kept.id, baseVersion: 1, patch: { zoneKey: saved.zones[2].key } }] });
    const copy = await value<Canvas>('canvases.duplicate', { id: fromLab.id, title: 'Copy' });
    expect(copy).toMatchObject({ templateId: saved.id, noteCount: 2 });
    // No new canvas starts from it, and it is no longer edited or deleted; each refusal changes nothing.
    const before = test.snapshot();
    expect(await test.call('canvases.create', { templateId: saved.id, title: 'New' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await test.call('labTemplates.update', { id: saved.id, language: 'en', title: 'Again' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await test.call('labTemplates.delete', { id: saved.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(test.snapshot()).toEqual(before);
  });

  it('refuse to save a free-form canvas and an empty or hostile name, changing nothing', async () => {
    const free = await value<Canvas>('canvases.importJsonCanvas', { text: JSON.stringify({ nodes: [], edges: [] }), title: 'Free' });
    const canvas = await bmc();
    const before = test.snapshot();
    const noLayout = await test.call('labTemplates.create', { canvasId: free.id, title: 'Nothing to save' });
    expect(noLayout).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ code: 'no_layout' }] } });
    expect(await test.call('labTemplates.create', { canvasId: canvas.id, title: '   ' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await test.call('labTemplates.create', { canvasId: canvas.id, title: 'a\u0007b' })).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ code: 'control_characters' }] } });
    expect(await test.call('labTemplates.create', { canvasId: canvas.id, title: 'x'.repeat(501) })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(test.snapshot()).toEqual(before);
  });

  it('refuse a zone the template lacks and change nothing', async () => {
    const saved = await value<CanvasTemplate>('labTemplates.create', { canvasId: (await bmc()).id, title: 'Ours' });
    const before = test.snapshot();
    const result = await test.call('labTemplates.update', { id: saved.id, language: 'en', zones: [{ key: 'nowhere', title: 'x' }] });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(test.snapshot()).toEqual(before);
  });
});

/** A file as our export writes it (a template, a cluster, a note with its author), with one field changed. */
function ownFile(change: { author?: string; label?: string }) {
  const ours = (fields: object) => ({ [JSON_CANVAS_KEY]: fields });
  return JSON.stringify({
    [JSON_CANVAS_KEY]: { templateId: BMC },
    nodes: [
      { id: 'g', type: 'group', label: change.label ?? 'Families', x: 0, y: 0, width: 400, height: 300, ...ours({ clusterId: 'c1', zoneKey: 'key-partners' }) },
      { id: 'n', type: 'text', text: 'Clinic partners', x: 10, y: 10, width: 200, height: 80, ...ours({ zoneKey: 'key-partners', clusterId: 'c1', author: change.author ?? 'Aziza' }) },
    ],
    edges: [],
  });
}

describe('JSON Canvas import', () => {
  it('round-trips a board back into its template, and imports a foreign file free-form', async () => {
    const canvas = await bmc();
    const [a, b] = zones();
    const cluster = await value<Cluster>('canvases.createCluster', { canvasId: canvas.id, zoneKey: a, label: 'Families' });
    await value('notes.create', {
      canvasId: canvas.id,
      notes: [
        { text: 'أولياء الأمور', zoneKey: a, clusterId: cluster.id, color: 'pink', status: 'validated', author: 'Aziza' },
        { text: 'Schools في دبي', zoneKey: b },
        { text: 'Loose idea', x: 30, y: 50 },
      ],
    });
    const board = await value<Board>('canvases.get', { id: canvas.id });
    const file = JSON.stringify(toJsonCanvas(board, findTemplate(BMC)!, 'en'));
    const imported = await value<Canvas>('canvases.importJsonCanvas', { text: file, title: 'Imported' });
    expect(imported).toMatchObject({ templateId: BMC, noteCount: 3 });
    const back = await value<Board>('canvases.get', { id: imported.id });
    const shape = (x: Board) =>
      x.notes.map((n) => ({ text: n.text, zoneKey: n.zoneKey, color: n.color, status: n.status, author: n.author, x: n.x, y: n.y, orderIndex: n.orderIndex, cluster: x.clusters.find((c) => c.id === n.clusterId)?.label ?? null })).sort((p, q) => (p.text < q.text ? -1 : 1));
    expect(shape(back)).toEqual(shape(board));
    expect(back.notes.every((n) => !board.notes.some((o) => o.id === n.id))).toBe(true);

    const foreign = { nodes: [{ id: 'x1', type: 'text', text: 'From Obsidian', x: -200, y: 100, width: 250, height: 60 }, { id: 'g', type: 'group', x: 0, y: 0, width: 10, height: 10 }], edges: [] };
    const free = await value<Canvas>('canvases.importJsonCanvas', { text: JSON.stringify(foreign), title: 'Foreign' });
    expect(free).toMatchObject({ templateId: null, noteCount: 1 });
    const [loose] = (await value<Board>('canvases.get', { id: free.id })).notes;
    expect(loose).toMatchObject({ text: 'From Obsidian', zoneKey: null, x: 0, y: 100 });

    // Both lists are optional in JSON Canvas 1.0.
    const nodesOnly = await value<Canvas>('canvases.importJsonCanvas', { text: JSON.stringify({ nodes: foreign.nodes }), title: 'Nodes only' });
    expect(nodesOnly).toMatchObject({ noteCount: 1 });
    expect(await value<Canvas>('canvases.importJsonCanvas', { text: '{}', title: 'Empty' })).toMatchObject({ noteCount: 0 });
  });

  it('imports our own fields within their limits', async () => {
    const imported = await value<Canvas>('canvases.importJsonCanvas', { text: ownFile({ author: 'A'.repeat(200), label: 'L'.repeat(200) }), title: 'Own' });
    const board = await value<Board>('canvases.get', { id: imported.id });
    expect(board.notes.map((n) => [n.author, board.clusters.find((c) => c.id === n.clusterId)?.label])).toEqual([['A'.repeat(200), 'L'.repeat(200)]]);
  });

  it.each([
    ['a malformed file', '{"nodes": [{"id": "a", "type": "text", "text": "x", "x": 0.5, "y": 0, "width": 1, "height": 1}]}', 'not_integer'],
    ['not JSON', 'PK\u0003\u0004', 'not_json'],
    ['a note over the limit', JSON.stringify({ nodes: [{ id: 'a', type: 'text', text: 'x'.repeat(5001), x: 0, y: 0, width: 1, height: 1 }] }), 'too_long'],
    ['control characters', JSON.stringify({ nodes: [{ id: 'a', type: 'text', text: 'bell\u0007', x: 0, y: 0, width: 1, height: 1 }] }), 'control_characters'],
    // Our own fields, edited by hand: refused like the text, never cut or dropped.
    ['an author over the limit', ownFile({ author: 'A'.repeat(201) }), 'too_long'],
    ['a cluster label over the limit', ownFile({ label: 'L'.repeat(201) }), 'too_long'],
    ['an author with control characters', ownFile({ author: 'bell\u0007' }), 'control_characters'],
  ])('refuse %s with the place named, and change nothing', async (_what, text, code) => {
    const before = test.snapshot();
    const result = await test.call('canvases.importJsonCanvas', { text, title: 'Bad' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [expect.objectContaining({ code })] } });
    expect(test.snapshot()).toEqual(before);
  });
});
