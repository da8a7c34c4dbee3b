/**
 * Note links in Chromium, in English and in Arabic: from a note's editor, link an experiment to an
 * assumption on another canvas and to a pilot KPI, see where each lives, be refused a duplicate in
 * the UI language, remove one; the other end lists the link; a deleted KPI takes its link with it,
 * and undoing a note's deletion brings its links back, as does redoing its adding after an undo.
 * axe-core on the dialog; screenshots.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findTemplate } from '../../electron/shared/canvas/catalogue';
import { axeViolations, type Lang, openApp, screenshot, switchLanguage, uiWords, waitReady } from '../support/app-page';
import { callServed, type Served } from '../support/serve';

let app: Awaited<ReturnType<typeof openApp>>;
let page: Page;
let served: Served;


const api = <T = { id: string }>(method: string, input: unknown) => callServed<T>(served, method, input);

beforeAll(async () => {
  app = await openApp();
  ({ page, served } = app);
});
afterAll(() => app?.close());

const WALKS: { lang: Lang; assumption: string; experiment: string; map: string; card: string; pilot: string; kpi: string }[] = [
  { lang: 'en', assumption: 'Parents will book online', experiment: 'Booking test in two kindergartens', map: 'Assumptions — booking', card: 'Experiment — booking', pilot: 'Online booking pilot', kpi: 'Bookings made online' },
  { lang: 'ar', assumption: 'سيحجز الأهالي عبر الإنترنت', experiment: 'تجربة الحجز في روضتين via SMS', map: 'افتراضات الحجز', card: 'تجربة الحجز', pilot: 'تجربة الحجز الإلكتروني', kpi: 'الحجوزات عبر الإنترنت' },
];

describe.each(WALKS)('note links in $lang', (s) => {
  const w = uiWords(s.lang);
  const ids = { map: '', card: '', assumption: '', experiment: '', kpi: '' };
  const dialog = () => page.getByRole('dialog', { name: w('canvas.links.title') });
  const choose = async (label: string, option: string) => {
    await dialog().getByRole('combobox', { name: label }).click();
    await page.getByRole('option', { name: option }).click();
  };
  const openLinks = async (text: string) => {
    await page.locator('li[data-note]').filter({ hasText: text }).getByRole('button', { name: w('canvas.note.actions', { text }) }).click();
    await page.getByRole('menuitem', { name: w('canvas.note.edit') }).click();
    await page.getByRole('button', { name: w('canvas.links.open') }).click();
    await dialog().waitFor();
  };

  it('opens from the note editor and links the experiment to an assumption on another canvas', async () => {
    if (s.lang !== 'en') await switchLanguage(page, s.lang);
    const project = await api('projects.create', { title: `${s.pilot} — project`, stage: 3 });
    ids.map = (await api('canvases.create', { templateId: 'assumptions-map', title: s.map, projectId: project.id })).id;
    ids.card = (await api('canvases.create', { templateId: 'experiment-card', title: s.card, projectId: project.id })).id;
    ids.assumption = (await api<{ id: string }[]>('notes.create', { canvasId: ids.map, notes: [{ text: s.assumption, zoneKey: 'desirability' }] }))[0].id;
    ids.experiment = (await api<{ id: string }[]>('notes.create', { canvasId: ids.card, notes: [{ text: s.experiment, zoneKey: 'hypothesis' }] }))[0].id;
    const pilot = await api<{ pilot: { id: string } }>('pilots.create', { projectId: project.id, title: s.pilot });
    ids.kpi = (await api('pilots.addKpi', { pilotId: pilot.pilot.id, name: s.kpi, unit: '%', direction: 'higher', kind: 'continuous' })).id;

    await page.goto(`${served.url.split('#')[0]}#/canvases/${ids.card}`);
    await waitReady(page, s.lang);
    await openLinks(s.experiment);
    await dialog().getByText(w('canvas.links.none')).waitFor();
    await screenshot(page, `${s.lang}-note-links-empty`);
    expect(await axeViolations(page)).toEqual([]);

    await choose(w('canvas.links.canvas'), s.map);
    await choose(w('canvas.links.note'), s.assumption);
    await dialog().getByRole('button', { name: w('canvas.links.addButton'), exact: true }).click();
    const row = dialog().getByRole('listitem').filter({ hasText: s.assumption });
    await row.getByRole('link', { name: s.map }).waitFor();
  });

  it('links it to a pilot KPI, refuses the same link twice in the UI language, and changes nothing', async () => {
    await dialog().getByRole('button', { name: w('canvas.links.toKpi') }).click();
    const kpiLabel = `${s.kpi} (%) — ${s.pilot}${w('common.separator')}${s.pilot} — project`;
    await choose(w('canvas.links.kpi'), kpiLabel);
    await dialog().getByRole('button', { name: w('canvas.links.addButton'), exact: true }).click();
    await dialog().getByRole('listitem').filter({ hasText: s.kpi }).getByRole('link', { name: s.pilot }).waitFor();
    await choose(w('canvas.links.kpi'), kpiLabel);
    await dialog().getByRole('button', { name: w('canvas.links.addButton'), exact: true }).click();
    await dialog().getByRole('alert').filter({ hasText: w('validation.already_exists') }).waitFor();
    expect(await api<unknown[]>('noteLinks.list', { noteId: ids.experiment })).toHaveLength(2);
    await screenshot(page, `${s.lang}-note-links`);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('closes without saving or dropping the note being edited, and the other end lists the link', async () => {
    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'detached' });
    // The editor that opened it is still open.
    await page.getByRole('button', { name: w('canvas.links.open') }).waitFor();
    await page.keyboard.press('Escape');
    await page.goto(`${served.url.split('#')[0]}#/canvases/${ids.map}`);
    await waitReady(page, s.lang);
    await openLinks(s.assumption);
    await dialog().getByRole('heading', { name: w('canvas.links.linkedFrom') }).waitFor();
    await dialog().getByRole('listitem').filter({ hasText: s.experiment }).getByRole('link', { name: s.card }).waitFor();
    await screenshot(page, `${s.lang}-note-links-from`);
    await dialog().getByRole('button', { name: w('canvas.links.remove', { text: s.experiment }) }).click();
    await dialog().getByRole('heading', { name: w('canvas.links.linkedFrom') }).waitFor({ state: 'detached' });
    expect(await dialog().getByRole('listitem').count()).toBe(0);
    await dialog().getByRole('button', { name: w('canvas.links.close') }).click();
    await page.keyboard.press('Escape');
  });

  it('loses the link to a deleted KPI, showing the rest as before', async () => {
    await api('pilots.deleteKpi', { id: ids.kpi });
    await page.goto(`${served.url.split('#')[0]}#/canvases/${ids.card}`);
    await waitReady(page, s.lang);
    await openLinks(s.experiment);
    await dialog().getByText(w('canvas.links.none')).waitFor();
    expect(await dialog().getByRole('listitem').count()).toBe(0);
    expect(await api<unknown[]>('noteLinks.list', { noteId: ids.experiment })).toEqual([]);
    await dialog().getByRole('button', { name: w('canvas.links.close') }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: w('canvas.links.open') }).waitFor({ state: 'detached' });
  });

  it('comes back with its note when the note’s deletion is undone', async () => {
    await api('noteLinks.add', { noteId: ids.experiment, target: { kind: 'note', noteId: ids.assumption } });
    const card = page.locator('li[data-note]').filter({ hasText: s.experiment });
    await card.getByRole('button', { name: w('canvas.note.actions', { text: s.experiment }) }).click();
    await page.getByRole('menuitem', { name: w('common.delete') }).click();
    await card.waitFor({ state: 'detached' });
    expect(await api<unknown[]>('noteLinks.list', { noteId: ids.assumption })).toEqual([]);
    await page.getByRole('button', { name: w('canvas.undo.button') }).click();
    await card.waitFor();
    await expect.poll(async () => (await api<{ other: { noteId?: string } }[]>('noteLinks.list', { noteId: ids.assumption })).map((l) => l.other.noteId)).toEqual([ids.experiment]);
  });

  it('comes back with a note that redo adds again after its adding was undone', async () => {
    const linked = () => api<{ other: { noteId?: string } }[]>('noteLinks.list', { noteId: ids.assumption }).then((links) => links.map((l) => l.other.noteId).sort());
    const text = `${s.experiment} 2`;
    await page.getByRole('button', { name: w('canvas.note.add', { zone: findTemplate('experiment-card')!.zones.find((z) => z.key === 'hypothesis')!.title[s.lang] }), exact: true }).click();
    const editor = page.getByRole('textbox', { name: w('canvas.note.text'), exact: true });
    await editor.fill(text);
    await editor.press('Enter');
    const card = page.locator('li[data-note]').filter({ hasText: text });
    await card.waitFor();
    const added = (await api<{ notes: { id: string; text: string }[] }>('canvases.get', { id: ids.card })).notes.find((n) => n.text === text)!;
    await api('noteLinks.add', { noteId: added.id, target: { kind: 'note', noteId: ids.assumption } });
    await page.getByRole('button', { name: w('canvas.undo.button') }).click();
    await card.waitFor({ state: 'detached' });
    expect(await linked()).toEqual([ids.experiment]);
    await page.getByRole('button', { name: w('canvas.redo') }).click();
    await card.waitFor();
    await expect.poll(linked).toEqual([ids.experiment, added.id].sort());
  });
});
