/** Note links through the contract: to another note or a pilot KPI, listed from both ends, gone with either end. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Caller } from '../../electron/core/handlers';
import { parseJsonCanvas, toJsonCanvas, JSON_CANVAS_KEY } from '../../electron/shared/canvas/export/json-canvas';
import type { KpiChoice, NoteLink, NoteLinkView } from '../../electron/shared/canvas/links';
import type { Board, Canvas, Note } from '../../electron/shared/canvas/model';
import { findTemplate } from '../../electron/shared/canvas/catalogue';
import type { Kpi, PilotDetail } from '../../electron/shared/domain/pilots';
import { callValue, makeCore, openHttpDoor, type TestCore } from '../support/core';

let test: TestCore;
beforeEach(() => (test = makeCore()));
afterEach(() => test.close());

const value = <T>(method: string, input: unknown) => callValue<T>(test, method, input);
const zoneOf = (templateId: string) => findTemplate(templateId)!.zones[0].key;

async function note(canvas: Canvas, text: string) {
  const [created] = await value<Note[]>('notes.create', { canvasId: canvas.id, notes: [{ text, zoneKey: zoneOf(canvas.templateId!) }] });
  return created;
}

async function setting() {
  const project = await value<{ id: string }>('projects.create', { title: 'Online booking', stage: 3 });
  const map = await value<Canvas>('canvases.create', { templateId: 'assumptions-map', title: 'Assumptions', projectId: project.id });
  const card = await value<Canvas>('canvases.create', { templateId: 'experiment-card', title: 'Experiment', projectId: project.id });
  const assumption = await note(map, 'Parents will book online');
  const other = await note(map, 'Clerks can confirm in a day');
  const experiment = await note(card, 'تجربة الحجز — booking test');
  const { pilot } = await value<PilotDetail>('pilots.create', { projectId: project.id, title: 'Booking pilot' });
  const kpi = await value<Kpi>('pilots.addKpi', { pilotId: pilot.id, name: 'Bookings online', unit: '%', direction: 'higher', kind: 'continuous' });
  return { project, map, card, assumption, other, experiment, pilot, kpi };
}

describe('note links', () => {
  it('link a note to a note on another canvas and to a pilot KPI, listed with where each end lives', async () => {
    const s = await setting();
    const toNote = await value<NoteLinkView>('noteLinks.add', { noteId: s.experiment.id, target: { kind: 'note', noteId: s.assumption.id } });
    expect(toNote).toMatchObject({ direction: 'to', other: { kind: 'note', noteId: s.assumption.id, text: 'Parents will book online', canvasId: s.map.id, canvasTitle: 'Assumptions' } });
    const toKpi = await value<NoteLinkView>('noteLinks.add', { noteId: s.experiment.id, target: { kind: 'kpi', kpiId: s.kpi.id } });
    expect(toKpi.other).toEqual({ kind: 'kpi', kpiId: s.kpi.id, name: 'Bookings online', unit: '%', pilotId: s.pilot.id, pilotTitle: 'Booking pilot', projectId: s.project.id });

    expect((await value<NoteLinkView[]>('noteLinks.list', { noteId: s.experiment.id })).map((l) => [l.direction, l.other.kind])).toEqual([
      ['to', 'note'],
      ['to', 'kpi'],
    ]);
    // The assumption shows the experiment that links to it.
    expect(await value<NoteLinkView[]>('noteLinks.list', { noteId: s.assumption.id })).toEqual([
      { id: toNote.id, direction: 'from', createdAt: toNote.createdAt, other: { kind: 'note', noteId: s.experiment.id, text: 'تجربة الحجز — booking test', canvasId: s.card.id, canvasTitle: 'Experiment' } },
    ]);
    expect(await value<KpiChoice[]>('noteLinks.kpiChoices', {})).toEqual([
      { kpiId: s.kpi.id, name: 'Bookings online', unit: '%', pilotId: s.pilot.id, pilotTitle: 'Booking pilot', projectId: s.project.id, projectTitle: 'Online booking' },
    ]);
    expect((await value<NoteLink[]>('noteLinks.forCanvas', { canvasId: s.card.id })).map((l) => l.id)).toEqual([toNote.id, toKpi.id]);
    // The map's note is the far end of one of them.
    expect((await value<NoteLink[]>('noteLinks.forCanvas', { canvasId: s.map.id })).map((l) => l.id)).toEqual([toNote.id]);
    const lone = await value<Canvas>('canvases.create', { templateId: 'swot', title: 'Unlinked' });
    await note(lone, 'alone');
    expect(await value<NoteLink[]>('noteLinks.forCanvas', { canvasId: lone.id })).toEqual([]);

    await value('noteLinks.remove', { id: toNote.id });
    expect((await value<NoteLinkView[]>('noteLinks.list', { noteId: s.experiment.id })).map((l) => l.id)).toEqual([toKpi.id]);
    expect(await value<NoteLinkView[]>('noteLinks.list', { noteId: s.assumption.id })).toEqual([]);
  });

  it('refuse a link to itself, to nothing, twice, or from nothing, and change nothing', async () => {
    const s = await setting();
    await value('noteLinks.add', { noteId: s.experiment.id, target: { kind: 'note', noteId: s.assumption.id } });
    const before = test.snapshot();
    const missing = '01900000-0000-7000-8000-000000000000';
    const refusals: [unknown, string, string | undefined][] = [
      [{ noteId: s.experiment.id, target: { kind: 'note', noteId: s.experiment.id } }, 'invalid_input', 'self_link'],
      [{ noteId: s.experiment.id, target: { kind: 'note', noteId: missing } }, 'invalid_input', 'unknown_reference'],
      [{ noteId: s.experiment.id, target: { kind: 'kpi', kpiId: missing } }, 'invalid_input', 'unknown_reference'],
      [{ noteId: s.experiment.id, target: { kind: 'note', noteId: s.assumption.id } }, 'invalid_input', 'already_exists'],
      [{ noteId: missing, target: { kind: 'note', noteId: s.assumption.id } }, 'not_found', undefined],
      [{ noteId: s.experiment.id, target: { kind: 'project', id: s.project.id } }, 'invalid_input', undefined],
      [{ noteId: s.experiment.id, target: { kind: 'note', noteId: s.assumption.id, kpiId: s.kpi.id } }, 'invalid_input', undefined],
    ];
    for (const [input, code, issue] of refusals) {
      const result = await test.call('noteLinks.add', input);
      expect(result, JSON.stringify(input)).toMatchObject({ ok: false, error: { code } });
      if (issue && !result.ok) expect(result.error.issues?.[0].code).toBe(issue);
    }
    expect(await test.call('noteLinks.remove', { id: missing })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await test.call('noteLinks.list', { noteId: missing })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(test.snapshot()).toEqual(before);
  });

  it('go away with the note or KPI at either end, leaving the other end as it was', async () => {
    const s = await setting();
    await value('noteLinks.add', { noteId: s.experiment.id, target: { kind: 'note', noteId: s.assumption.id } });
    await value('noteLinks.add', { noteId: s.experiment.id, target: { kind: 'kpi', kpiId: s.kpi.id } });
    await value('noteLinks.add', { noteId: s.other.id, target: { kind: 'note', noteId: s.experiment.id } });
    await value('notes.delete', { canvasId: s.map.id, notes: [{ id: s.assumption.id, baseVersion: 1 }] });
    expect((await value<NoteLinkView[]>('noteLinks.list', { noteId: s.experiment.id })).map((l) => [l.direction, l.other.kind])).toEqual([
      ['to', 'kpi'],
      ['from', 'note'],
    ]);
    await value('pilots.deleteKpi', { id: s.kpi.id });
    expect((await value<NoteLinkView[]>('noteLinks.list', { noteId: s.experiment.id })).map((l) => l.direction)).toEqual(['from']);
    await value('pilots.delete', { id: s.pilot.id });
    await value('notes.delete', { canvasId: s.card.id, notes: [{ id: s.experiment.id, baseVersion: 1 }] });
    expect(await value<NoteLinkView[]>('noteLinks.list', { noteId: s.other.id })).toEqual([]);
    expect(test.core.db.prepare('SELECT count(*) FROM note_links').pluck().get()).toBe(0);
  });

  it('travel in JSON Canvas: edges between notes of the board, the rest under our key, and edges come back as links', async () => {
    const s = await setting();
    const third = await note(s.map, 'Third');
    await value('noteLinks.add', { noteId: s.other.id, target: { kind: 'note', noteId: s.assumption.id } });
    await value('noteLinks.add', { noteId: third.id, target: { kind: 'note', noteId: s.experiment.id } });
    await value('noteLinks.add', { noteId: third.id, target: { kind: 'kpi', kpiId: s.kpi.id } });
    const board = await value<Board>('canvases.get', { id: s.map.id });
    const links = await value<NoteLink[]>('noteLinks.forCanvas', { canvasId: s.map.id });
    const file = toJsonCanvas(board, findTemplate('assumptions-map')!, 'en', links);
    expect(parseJsonCanvas(JSON.stringify(file)).ok).toBe(true);
    expect(file.edges).toEqual([expect.objectContaining({ fromNode: s.other.id, toNode: s.assumption.id })]);
    expect(file.nodes.find((n) => n.id === third.id)?.[JSON_CANVAS_KEY]?.links).toEqual([
      { id: links[1].id, noteId: s.experiment.id },
      { id: links[2].id, kpiId: s.kpi.id },
    ]);

    const imported = await value<Canvas>('canvases.importJsonCanvas', { text: JSON.stringify(file), title: 'Copy' });
    const copy = await value<Board>('canvases.get', { id: imported.id });
    const copied = await value<NoteLink[]>('noteLinks.forCanvas', { canvasId: imported.id });
    const textOf = (id: string | null) => copy.notes.find((n) => n.id === id)?.text;
    expect(copied.map((l) => [textOf(l.noteId), textOf(l.targetNoteId)])).toEqual([['Clerks can confirm in a day', 'Parents will book online']]);
  });

  it('are for the host only, over every door', async () => {
    const s = await setting();
    const participant: Caller = { role: 'participant', door: 'http', workshop: { id: s.map.id } };
    for (const method of ['noteLinks.list', 'noteLinks.add', 'noteLinks.remove', 'noteLinks.forCanvas', 'noteLinks.kpiChoices']) {
      expect(await test.call(method, {}, participant)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    const door = await openHttpDoor(test);
    try {
      const added = await door.call('noteLinks.add', { noteId: s.experiment.id, target: { kind: 'kpi', kpiId: s.kpi.id } });
      expect(added).toMatchObject({ ok: true, value: { direction: 'to', other: { kind: 'kpi', name: 'Bookings online' } } });
      expect(await door.call('noteLinks.add', { noteId: s.experiment.id, target: { kind: 'kpi', kpiId: s.kpi.id } })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    } finally {
      await door.close();
    }
  });
});
