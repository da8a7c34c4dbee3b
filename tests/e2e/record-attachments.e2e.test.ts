/**
 * Attachments on a canvas note and on a pilot, in Chromium through the HTTP door, English and
 * Arabic: a note's files through "Attachments…" on the selected note, a note with files refused
 * deletion with the translated reason (and deleted once its file is removed), the pilot page's
 * panel; axe-core on both.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, openApp, screenshot, switchLanguage, waitReady, type Lang } from '../support/app-page';
import { callServed, type Served } from '../support/serve';

let app: Awaited<ReturnType<typeof openApp>>;
let page: Page;
let served: Served;
let canvasId: string;
let pilotId: string;
const problems: string[] = [];

const api = <T>(method: string, input: unknown) => callServed<T>(served, method, input);
const noteFiles = (noteId: string) => api<{ fileName: string }[]>('attachments.list', { ownerType: 'note', ownerId: noteId });
const notes = async () => (await api<{ notes: { id: string; text: string }[] }>('canvases.get', { id: canvasId })).notes;

async function go(hash: string, language: Lang) {
  await page.evaluate((h) => (window.location.hash = h), hash);
  await waitReady(page, language);
}

/** Picks files through the drop zone of a panel (a button that opens the file chooser). */
async function pick(panel: ReturnType<Page['getByTestId']>, files: { name: string; mimeType: string; buffer: Buffer }[]) {
  const chooser = page.waitForEvent('filechooser');
  await panel.getByRole('button', { name: /choose them, or drop them here|اخترها أو أفلتها هنا/ }).click();
  await (await chooser).setFiles(files);
}

beforeAll(async () => {
  app = await openApp();
  ({ page, served } = app);
  page.on('pageerror', (e) => problems.push(e.message));
  const project = await api<{ id: string }>('projects.create', { title: 'Kindergarten queue' });
  canvasId = (await api<{ id: string }>('canvases.create', { templateId: 'swot', title: 'Queue SWOT', projectId: project.id, stage: 2 })).id;
  await api('notes.create', { canvasId, notes: [{ text: 'Parents queue at the gate', zoneKey: 'weaknesses' }, { text: 'الموظفون يعرفون الاستمارات', zoneKey: 'strengths' }] });
  pilotId = (await api<{ pilot: { id: string } }>('pilots.create', { projectId: project.id, title: 'SMS queue in Chilonzor' })).pilot.id;
}, 60_000);
afterAll(() => app?.close());

describe('a note’s files', () => {
  it('are attached through Attachments… on the selected note', async () => {
    await go(`#/canvases/${canvasId}`, 'en');
    await page.getByRole('checkbox', { name: 'Select note: Parents queue at the gate' }).check();
    await page.getByRole('button', { name: 'Attachments…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Files attached to the note' });
    await dialog.getByText('Parents queue at the gate').waitFor();
    await pick(dialog.getByTestId('attachments-note'), [{ name: 'gate at 7am.txt', mimeType: 'text/plain', buffer: Buffer.from('Forty parents before opening.') }]);
    await dialog.getByRole('listitem').filter({ hasText: 'gate at 7am.txt' }).waitFor();
    await screenshot(page, 'en-note-attachments');
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });
    const note = (await notes()).find((n) => n.text === 'Parents queue at the gate')!;
    expect(await noteFiles(note.id)).toEqual([expect.objectContaining({ fileName: 'gate at 7am.txt' })]);
  });

  it('keep their note from being deleted, with the reason, until they are removed', async () => {
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByRole('alert').getByText('This note has attached files (1). Remove them first: select the note, then Attachments….', { exact: false }).waitFor();
    expect((await notes()).map((n) => n.text)).toContain('Parents queue at the gate');

    await page.getByRole('checkbox', { name: 'Select note: Parents queue at the gate' }).check();
    await page.getByRole('button', { name: 'Attachments…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Files attached to the note' });
    await dialog.getByRole('button', { name: 'Remove gate at 7am.txt' }).click();
    const confirm = page.getByRole('dialog', { name: 'Remove this attachment?' });
    await confirm.getByText('“gate at 7am.txt” will be removed from this note.', { exact: false }).waitFor();
    await confirm.getByRole('button', { name: 'Remove' }).click();
    await confirm.waitFor({ state: 'detached' });
    await dialog.getByText('No files attached yet.').waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByText('Parents queue at the gate').waitFor({ state: 'detached' });
    expect((await notes()).map((n) => n.text)).toEqual(['الموظفون يعرفون الاستمارات']);
    expect(problems).toEqual([]);
  });

  it('are attached in Arabic too, the dialog mirrored', async () => {
    await switchLanguage(page, 'ar');
    await page.getByRole('checkbox', { name: 'تحديد الملاحظة: الموظفون يعرفون الاستمارات' }).check();
    await page.getByRole('button', { name: 'المرفقات…' }).click();
    const dialog = page.getByRole('dialog', { name: 'الملفات المرفقة بالملاحظة' });
    await pick(dialog.getByTestId('attachments-note'), [{ name: 'مقابلة.txt', mimeType: 'text/plain', buffer: Buffer.from('نص المقابلة') }]);
    await dialog.getByRole('listitem').filter({ hasText: 'مقابلة.txt' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await screenshot(page, 'ar-note-attachments');
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'إغلاق' }).click();
    await switchLanguage(page, 'en');
  });
});

describe('a pilot’s files', () => {
  for (const language of ['en', 'ar'] as const) {
    it(`are listed on the pilot page and attached there (${language})`, async () => {
      if (language === 'ar') await switchLanguage(page, 'ar');
      await go(`#/pilots/${pilotId}`, language);
      const panel = page.getByTestId('attachments-pilot');
      const name = language === 'en' ? 'consent form.pdf' : 'نموذج الموافقة.pdf';
      await pick(panel, [{ name, mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 consent') }]);
      await panel.getByRole('listitem').filter({ hasText: name }).waitFor();
      await panel.scrollIntoViewIfNeeded();
      await screenshot(page, `${language}-pilot-attachments`);
      expect(await axeViolations(page)).toEqual([]);
      const files = await api<{ fileName: string }[]>('attachments.list', { ownerType: 'pilot', ownerId: pilotId });
      expect(files.map((f) => f.fileName)).toContain(name);
      expect(problems).toEqual([]);
    });
  }
});
