/**
 * Attachments in Chromium through the HTTP door, in English and Arabic: attach files to a project by
 * the file picker and by dragging them onto the drop zone, see them listed (with a thumbnail for a
 * picture), download them, refuse a file that is too large, show a file that went missing, remove
 * them after a confirmation; axe-core on the panel in both languages.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ATTACHMENT_MAX_BYTES } from '../../electron/shared/domain/attachments';
import { UPLOAD_CHUNK_BYTES } from '../../electron/shared/domain/uploads';
import { axeViolations, openApp, screenshot, switchLanguage, waitReady, type Lang } from '../support/app-page';
import { callServed, type Served } from '../support/serve';

let app: Awaited<ReturnType<typeof openApp>>;
let page: Page;
let served: Served;
let projectId: string;
const problems: string[] = [];

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d4944415478da63f8cfc0f01f0005000201a5e4d3b90000000049454e44ae426082', 'hex');

const api = <T>(method: string, input: unknown) => callServed<T>(served, method, input);

const stored = () => api<{ id: string; fileName: string; sha256: string }[]>('attachments.list', { ownerType: 'project', ownerId: projectId });
const panel = () => page.getByTestId('attachments-project');
const dropZone = () => panel().getByRole('button', { name: /choose them, or drop them here|اخترها أو أفلتها هنا|Drop the files|أفلت الملفات/ });
const row = (name: string) => panel().getByRole('listitem').filter({ hasText: name });

async function openProject(language: Lang) {
  await page.evaluate((id) => (window.location.hash = `#/projects/${id}`), projectId);
  await waitReady(page, language);
  await panel().waitFor();
}

/** A file on disk just past the attachment limit (sparse, so it costs no disk), for the picker. */
function oversizedFile(name: string) {
  const path = join(mkdtempSync(join(tmpdir(), 'ibtikar-big-')), name);
  writeFileSync(path, '');
  truncateSync(path, ATTACHMENT_MAX_BYTES + 1);
  return path;
}

/** The real picker: click the drop zone (a button), answer the file chooser. */
async function pick(files: { name: string; mimeType: string; buffer: Buffer }[] | string[]) {
  const chooser = page.waitForEvent('filechooser');
  await dropZone().click();
  await (await chooser).setFiles(files);
}

/** A drag from the desktop: dragenter, dragover and drop with files, as the browser sends them. */
async function drop(files: { name: string; type: string; text: string }[]) {
  const handle = await dropZone().elementHandle();
  await page.evaluate(
    ({ target, files }) => {
      const data = new DataTransfer();
      for (const f of files) data.items.add(new File([f.text], f.name, { type: f.type }));
      for (const type of ['dragenter', 'dragover', 'drop']) target!.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data }));
    },
    { target: handle, files },
  );
}

async function download(name: RegExp) {
  const started = page.waitForEvent('download');
  await panel().getByRole('button', { name }).click();
  const file = await started;
  return { name: file.suggestedFilename(), content: readFileSync((await file.path())!) };
}

beforeAll(async () => {
  app = await openApp();
  ({ page, served } = app);
  page.on('pageerror', (e) => problems.push(e.message));
  projectId = (await api<{ id: string }>('projects.create', { title: 'Smart water meters' })).id;
  await openProject('en');
});

afterAll(() => app?.close());

describe('attachments in English', () => {
  it('shows an empty panel whose drop zone is a button', async () => {
    await panel().getByText('No files attached yet.').waitFor();
    await panel().getByText('Up to 100 MB per file.').waitFor();
  });

  it('attaches files with the picker, lists them with a thumbnail for the picture, and announces it', async () => {
    await pick([
      { name: 'pilot-report.txt', mimeType: 'text/plain', buffer: Buffer.from('Meters read 4,210 households.') },
      { name: 'meter.png', mimeType: 'image/png', buffer: PNG },
    ]);
    await panel().getByRole('status').getByText('Attached: pilot-report.txt and meter.png').waitFor();
    await row('pilot-report.txt').getByText(/29 byte · Text ·/).waitFor();
    await row('meter.png').getByText(/Image/).waitFor();
    await row('meter.png').getByTestId('attachment-thumbnail').waitFor();
    expect((await stored()).map((a) => a.fileName).sort()).toEqual(['meter.png', 'pilot-report.txt']);
  });

  it('attaches files dragged onto the drop zone', async () => {
    await drop([{ name: 'survey.html', type: 'text/html', text: '<script>alert("x")</script>' }]);
    await row('survey.html').waitFor();
    await panel().getByRole('status').getByText('Attached: survey.html').waitFor();
    // HTML is listed as text and never previewed.
    expect(await row('survey.html').getByTestId('attachment-thumbnail').count()).toBe(0);
  });

  it('downloads a file as it was stored, HTML included (as a download, never a page)', async () => {
    const text = await download(/^Download pilot-report\.txt$/);
    expect(text).toEqual({ name: 'pilot-report.txt', content: Buffer.from('Meters read 4,210 households.') });
    const html = await download(/^Download survey\.html$/);
    expect(html.content.toString()).toBe('<script>alert("x")</script>');
    expect(problems).toEqual([]);
  });

  it('attaches a file larger than one request in chunks, byte for byte', async () => {
    const scan = Buffer.alloc(2 * UPLOAD_CHUNK_BYTES + 4321);
    for (let i = 0; i < scan.length; i += 1) scan[i] = (i * 7) % 256;
    await pick([{ name: 'scanned-forms.pdf', mimeType: 'application/pdf', buffer: scan }]);
    await row('scanned-forms.pdf').waitFor();
    await panel().getByRole('status').getByText('Attached: scanned-forms.pdf').waitFor();
    expect(await download(/^Download scanned-forms\.pdf$/)).toEqual({ name: 'scanned-forms.pdf', content: scan });
  });

  it('refuses a file that is too large with a clear message, storing nothing', async () => {
    const before = await stored();
    await pick([oversizedFile('census.bin')]);
    await panel().getByRole('alert').getByText('“census.bin” is larger than 100 MB and was not attached.').waitFor();
    expect(await stored()).toEqual(before);
  });

  it('passes axe-core and looks right', async () => {
    await screenshot(page, 'en-attachments');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('shows a file that is gone as missing, without breaking the page', async () => {
    const png = (await stored()).find((a) => a.fileName === 'meter.png')!;
    rmSync(join(app.dataDir, 'attachments', png.sha256.slice(0, 2), png.sha256));
    await page.reload();
    await waitReady(page, 'en');
    await row('meter.png').getByText(/^File missing/).waitFor();
    expect(await row('meter.png').getByRole('button', { name: /^Download/ }).count()).toBe(0);
    await screenshot(page, 'en-attachments-missing');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('removes a file after confirmation', async () => {
    await row('meter.png').getByRole('button', { name: 'Remove meter.png' }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove this attachment?' });
    await dialog.getByText('“meter.png” will be removed from this project.', { exact: false }).waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect((await stored()).some((a) => a.fileName === 'meter.png')).toBe(true);
    await row('meter.png').getByRole('button', { name: 'Remove meter.png' }).click();
    await dialog.getByRole('button', { name: 'Remove' }).click();
    await dialog.waitFor({ state: 'detached' });
    await panel().getByRole('status').getByText('Removed meter.png').waitFor();
    await row('meter.png').waitFor({ state: 'detached' });
    expect((await stored()).map((a) => a.fileName).sort()).toEqual(['pilot-report.txt', 'scanned-forms.pdf', 'survey.html']);
  });
});

describe('attachments in Arabic', () => {
  it('attaches by picker and by drag, right to left', async () => {
    await switchLanguage(page, 'ar');
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await pick([{ name: 'تقرير التجربة.txt', mimeType: 'text/plain', buffer: Buffer.from('قراءة العدادات') }]);
    await panel().getByRole('status').getByText('تم الإرفاق: تقرير التجربة.txt').waitFor();
    await drop([{ name: 'خطة.csv', type: 'text/csv', text: 'a,b\n1,2\n' }]);
    await row('خطة.csv').getByText(/جدول بيانات/).waitFor();
    await screenshot(page, 'ar-attachments');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('downloads and removes, in Arabic', async () => {
    const file = await download(/^تنزيل تقرير التجربة\.txt$/);
    expect(file).toEqual({ name: 'تقرير التجربة.txt', content: Buffer.from('قراءة العدادات') });
    await row('خطة.csv').getByRole('button', { name: 'إزالة خطة.csv' }).click();
    const dialog = page.getByRole('dialog', { name: 'إزالة هذا المرفق؟' });
    await dialog.getByText('«خطة.csv»', { exact: false }).waitFor();
    await screenshot(page, 'ar-attachments-remove');
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'إزالة' }).click();
    await dialog.waitFor({ state: 'detached' });
    await row('خطة.csv').waitFor({ state: 'detached' });
    expect((await stored()).map((a) => a.fileName)).not.toContain('خطة.csv');
    expect(problems).toEqual([]);
  });

  it('says in Arabic why a file was not attached', async () => {
    await pick([oversizedFile('كبير.bin')]);
    await panel().getByRole('alert').getByText(/«كبير\.bin» أكبر من/).waitFor();
  });
});
