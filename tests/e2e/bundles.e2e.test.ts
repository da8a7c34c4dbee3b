/**
 * Bundles end to end in Chromium: export the sample lab from Settings (progress, then a download),
 * import it back by choosing the file and by dropping it onto the window, with a conflict resolved per
 * record and a refused file explained; axe-core on every step, in English and Arabic.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, openApp, screenshot, switchLanguage } from '../support/app-page';
import { manifestFor, ndjsonLine, tamperedCopy, writeZip } from '../support/bundles';
import { callServed } from '../support/serve';

let app: Awaited<ReturnType<typeof openApp>>;
let page: Page;
let bundleFile: string;
let sealedFile: string;

const api = (method: string, input: unknown) => callServed<unknown>(app.served, method, input);

const settings = async (name: string, heading: string) => {
  await page.locator('header nav').getByRole('link', { name, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
};

/** Drops a file onto the window the way a person dragging it from the file manager does. */
async function dropFile(file: string) {
  const base64 = readFileSync(file).toString('base64');
  await page.evaluate(
    ({ base64, name }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], name));
      document.body.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    },
    { base64, name: 'lab.ibtikar' },
  );
}

beforeAll(async () => {
  app = await openApp();
  ({ page } = app);
  await api('lab.loadSample', {});
});
afterAll(() => app?.close());

describe('bundles', () => {
  it('names the lab, then exports the workspace with a classification and downloads the file', async () => {
    await settings('Settings', 'Settings');
    await page.getByText('No trusted labs yet. When you import a signed bundle you can mark its signer as trusted.').waitFor();
    await page.getByLabel('Lab name').fill('Tashkent Innovation Lab');
    await page.getByRole('button', { name: 'Save name' }).click();
    await page.getByText('The lab name was saved.').waitFor();
    await page.getByRole('button', { name: 'Export a bundle…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export a bundle' });
    await dialog.getByRole('radio', { name: 'Chosen projects' }).check();
    await dialog.getByRole('button', { name: 'Export' }).click();
    await dialog.getByText('Choose at least one project.').waitFor();
    await dialog.getByRole('radio', { name: 'The whole workspace' }).check();
    await dialog.getByRole('combobox', { name: 'Classification' }).click();
    await page.getByRole('option', { name: 'Confidential' }).click();
    await screenshot(page, 'en-bundle-export');
    expect(await axeViolations(page)).toEqual([]);
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^ibtikar-workspace-.*\.ibtikar$/);
    bundleFile = join(app.dataDir, 'downloaded.ibtikar');
    await file.saveAs(bundleFile);
    await dialog.getByText(/is ready and is being downloaded/).waitFor();
    expect(readFileSync(bundleFile).subarray(0, 2).toString()).toBe('PK');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.getByText(/^This lab signs its bundles\. Its fingerprint: .?[0-9a-f]{4} [0-9a-f]{4}/).waitFor();
  });

  it("exports one project from its own page, with it already chosen", async () => {
    const { items } = (await api('projects.list', { sort: 'title', direction: 'desc', limit: 1 })) as { items: { id: string; title: string }[] };
    await page.goto(`${app.served.url.split('#')[0]}#/projects/${items[0].id}`);
    await page.getByRole('heading', { level: 1, name: items[0].title }).waitFor();
    await page.getByRole('button', { name: 'Export as a bundle…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export a bundle' });
    expect(await dialog.getByRole('radio', { name: 'Chosen projects' }).isChecked()).toBe(true);
    await dialog.getByRole('button', { name: items[0].title }).waitFor();
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    expect((await download).suggestedFilename()).toMatch(/^ibtikar-project-.*\.ibtikar$/);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await settings('Settings', 'Settings');
  });

  it('on the desktop, keeps an export whose save dialog was cancelled until it is saved, or discards it when the dialog closes', async () => {
    // The desktop door in this browser: calls go to serve, except desktop.saveBundle, which answers as
    // the native dialog would — cancelled first, then saved (the main process then removes the export).
    const desktop = await app.browser.newContext({ viewport: { width: 1400, height: 900 } });
    await desktop.addInitScript((token) => {
      const cancelled = { saved: false, path: null };
      const answers = [cancelled, { saved: true, path: '/home/aziza/Documents/for the ministry.ibtikar' }, cancelled];
      const http = async (method: string, input: unknown) =>
        (await fetch(`/api/call/${method}`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(input) })).json();
      (window as unknown as { ibtikar: unknown }).ibtikar = {
        platform: 'linux',
        onEvent: () => () => {},
        call: async (method: string, input: { fileName?: string }) => {
          if (method === 'app.methods') {
            const offered = await http(method, input);
            return { ok: true, value: [...offered.value, 'desktop.saveBundle'] };
          }
          if (method !== 'desktop.saveBundle') return http(method, input);
          const answer = answers.shift()!;
          if (answer.saved) await http('bundles.discardExport', { fileName: input.fileName });
          return { ok: true, value: answer };
        },
      };
    }, app.served.token);
    const tab = await desktop.newPage();
    tab.setDefaultTimeout(10_000);
    await tab.goto(`${app.served.origin}/#/settings`);
    const exports = join(app.dataDir, 'bundles', 'exports');
    const exportOnce = async () => {
      await tab.getByRole('button', { name: 'Export a bundle…' }).click();
      const dialog = tab.getByRole('dialog', { name: 'Export a bundle' });
      await dialog.getByRole('button', { name: 'Export', exact: true }).click();
      await dialog.getByText('The bundle was not saved. Save it now, or close this window to discard it.').waitFor();
      return dialog;
    };

    const dialog = await exportOnce();
    expect(readdirSync(exports)).toHaveLength(1);
    await screenshot(tab, 'en-bundle-save-cancelled');
    expect(await axeViolations(tab)).toEqual([]);
    await dialog.getByRole('button', { name: 'Save…' }).click();
    await dialog.getByText('The bundle is saved: /home/aziza/Documents/for the ministry.ibtikar').waitFor();
    expect(await dialog.getByRole('button', { name: 'Save…' }).count()).toBe(0);
    expect(readdirSync(exports)).toEqual([]);
    await dialog.getByRole('button', { name: 'Close' }).click();

    // Cancelled again, then the export dialog closed: the export goes.
    const again = await exportOnce();
    expect(readdirSync(exports)).toHaveLength(1);
    await again.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => readdirSync(exports)).toEqual([]);
    await desktop.close();
  });

  it('explains a refused file and changes nothing', async () => {
    const bad = join(app.dataDir, 'bad.ibtikar');
    writeFileSync(bad, 'this is not a zip archive');
    await page.getByRole('button', { name: 'Import a bundle…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import a bundle' });
    await dialog.locator('input[type=file]').setInputFiles(bad);
    await dialog.getByRole('alert').getByText('This file is not a readable bundle (damaged or not a zip archive).').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });

  it('keeps the preview of an import refused while applying, so it can be tried again without choosing the file anew', async () => {
    const ghost = { id: '01930000-0000-7000-8000-00000000b0b0', name: 'Ghost', email: null, role: 'mentor', entity_id: '01930000-0000-7000-8000-00000000dead', origin: null, created_at: '2026-11-01T00:00:00.000Z', updated_at: '2026-11-01T00:00:00.000Z' };
    const files = { 'data/people.ndjson': ndjsonLine(ghost) };
    const refused = join(app.dataDir, 'refused.ibtikar');
    writeZip(refused, [{ name: 'manifest.json', data: JSON.stringify(manifestFor(files, { people: 1 })) }, ...Object.entries(files).map(([name, data]) => ({ name, data }))]);
    await page.getByRole('button', { name: 'Import a bundle…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import a bundle' });
    await dialog.locator('input[type=file]').setInputFiles(refused);
    const importButton = dialog.getByRole('button', { name: 'Import', exact: true });
    const reason = dialog.getByRole('alert').getByText('Some records in the bundle refer to records that are neither in the bundle nor in this lab.');
    for (let attempt = 1; attempt <= 2; attempt++) {
      await importButton.click();
      await reason.waitFor();
      await dialog.getByText('Nothing was imported. You can change a choice, or the records here, and import again — or cancel.').waitFor();
      await dialog.getByRole('table', { name: 'What the bundle holds' }).waitFor();
      expect(await importButton.isEnabled()).toBe(true);
    }
    await screenshot(page, 'en-bundle-refused-apply');
    expect(await axeViolations(page)).toEqual([]);
    expect((await api('people.list', {})) as unknown[]).not.toContainEqual(expect.objectContaining({ name: 'Ghost' }));
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => readdirSync(join(app.dataDir, 'bundles', 'staging'))).toEqual([]);
    await expect.poll(() => readdirSync(join(app.dataDir, 'bundles', 'inbox'))).toEqual([]);
  });

  it('imports with a preview, a conflict resolved per record, and a summary', async () => {
    const { items } = (await api('projects.list', {})) as { items: { id: string; title: string }[] };
    const [first, second] = items;
    await api('projects.update', { id: first.id, patch: { title: 'Edited here after the export' } });
    await api('projects.update', { id: second.id, patch: { title: 'Also edited here' } });

    await page.getByRole('button', { name: 'Import a bundle…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import a bundle' });
    await dialog.locator('input[type=file]').setInputFiles(bundleFile);
    await dialog.getByRole('heading', { name: 'Conflicts' }).waitFor();
    await dialog.getByText('Classification: Confidential').waitFor();
    await dialog.getByText(/^Signed by Tashkent Innovation Lab, fingerprint .?[0-9a-f]{4} [0-9a-f]{4}/).waitFor();
    await dialog.getByRole('button', { name: 'Trust this signer' }).click();
    await dialog.getByText('You trust this signer.').waitFor();
    await dialog.getByRole('combobox', { name: `What to do with ${first.title}` }).click();
    await page.getByRole('option', { name: 'Take theirs' }).click();
    await screenshot(page, 'en-bundle-preview');
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await dialog.getByRole('heading', { name: 'Import finished' }).waitFor();
    await dialog.getByText(/0 new, 1 replaced, 0 copied, 1 kept/).waitFor();
    await screenshot(page, 'en-bundle-summary');
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Close' }).click();
    const after = (await api('projects.list', {})) as { items: { id: string; title: string }[] };
    expect(after.items.find((p) => p.id === first.id)?.title).toBe(first.title);
    expect(after.items.find((p) => p.id === second.id)?.title).toBe('Also edited here');

    // The signer trusted during the import is listed in Settings, and can be removed.
    const trustedLabs = page.getByRole('table', { name: 'Trusted labs' });
    await trustedLabs.getByRole('cell', { name: 'Tashkent Innovation Lab', exact: true }).waitFor();
    await screenshot(page, 'en-bundle-trusted-labs');
    expect(await axeViolations(page)).toEqual([]);
    await trustedLabs.getByRole('button', { name: 'Stop trusting Tashkent Innovation Lab' }).click();
    await page.getByText('No trusted labs yet. When you import a signed bundle you can mark its signer as trusted.').waitFor();
  });

  it('shows an invalid signature, refuses it until the user accepts an unverifiable bundle, and says so in the summary', async () => {
    const tampered = await tamperedCopy(bundleFile, join(app.dataDir, 'tampered.ibtikar'));
    await page.getByRole('button', { name: 'Import a bundle…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import a bundle' });
    await dialog.locator('input[type=file]').setInputFiles(tampered);
    await dialog.getByText(/^Signature invalid: the bundle was changed after it was signed/).waitFor();
    const importButton = dialog.getByRole('button', { name: 'Import', exact: true });
    expect(await importButton.isDisabled()).toBe(true);
    await dialog.getByRole('checkbox', { name: 'I understand that this bundle cannot be verified, and I accept importing it anyway.' }).check();
    await screenshot(page, 'en-bundle-signature-invalid');
    expect(await axeViolations(page)).toEqual([]);
    await importButton.click();
    await dialog.getByRole('heading', { name: 'Import finished' }).waitFor();
    await dialog.getByText('The bundle was imported although its signature did not verify. The lab’s activity log records that you accepted it.').waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
  });

  it('exports with a passphrase (typed twice) and imports only with the right one', async () => {
    await page.getByRole('button', { name: 'Export a bundle…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export a bundle' });
    await dialog.getByRole('checkbox', { name: 'Encrypt with a passphrase' }).check();
    await dialog.getByLabel('Passphrase', { exact: true }).fill('short');
    await dialog.getByRole('button', { name: 'Export' }).click();
    await dialog.getByText('The passphrase needs at least 8 characters.').waitFor();
    await dialog.getByLabel('Passphrase', { exact: true }).fill('river of stars');
    await dialog.getByLabel('Type the passphrase again').fill('river of stones');
    await dialog.getByRole('button', { name: 'Export' }).click();
    await dialog.getByText('The two passphrases are not the same.').waitFor();
    await dialog.getByLabel('Type the passphrase again').fill('river of stars');
    await screenshot(page, 'en-bundle-export-encrypted');
    expect(await axeViolations(page)).toEqual([]);
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export' }).click();
    sealedFile = join(app.dataDir, 'sealed.ibtikar');
    await (await download).saveAs(sealedFile);
    expect(readFileSync(sealedFile).subarray(0, 11).toString()).toBe('IBTIKAR-ENC');
    await dialog.getByRole('button', { name: 'Close' }).click();

    await page.getByRole('button', { name: 'Import a bundle…' }).click();
    const importing = page.getByRole('dialog', { name: 'Import a bundle' });
    await importing.locator('input[type=file]').setInputFiles(sealedFile);
    await importing.getByText('This bundle is encrypted: type its passphrase to open it.').waitFor();
    await importing.getByLabel('Passphrase').fill('river of stones');
    await importing.getByRole('button', { name: 'Open the bundle' }).click();
    // scrypt is slow by design (128 MiB); on a busy machine the wrong-passphrase answer takes seconds.
    await importing.getByRole('alert').getByText('The passphrase is wrong. Nothing was imported.').waitFor({ timeout: 30_000 });
    await screenshot(page, 'en-bundle-passphrase-wrong');
    expect(await axeViolations(page)).toEqual([]);
    await importing.getByLabel('Passphrase').fill('river of stars');
    await importing.getByRole('button', { name: 'Open the bundle' }).click();
    await importing.getByText('The bundle was encrypted with a passphrase.').waitFor();
    await importing.getByText(/already the same|Nothing in the bundle conflicts|Conflicts/).first().waitFor();
    await importing.getByRole('button', { name: 'Cancel' }).click();

    // Cancelled at the passphrase step: the uploaded copy leaves the inbox at once, not when the app closes.
    const inbox = join(app.dataDir, 'bundles', 'inbox');
    await page.getByRole('button', { name: 'Import a bundle…' }).click();
    await importing.locator('input[type=file]').setInputFiles(sealedFile);
    await importing.getByText('This bundle is encrypted: type its passphrase to open it.').waitFor();
    expect(readdirSync(inbox)).toHaveLength(1);
    await importing.getByRole('button', { name: 'Cancel' }).click();
    await importing.waitFor({ state: 'detached' });
    await expect.poll(() => readdirSync(inbox)).toEqual([]);
  });

  it('in Arabic: exports, and imports a bundle dropped onto the window, right to left', async () => {
    await switchLanguage(page, 'ar');
    await settings('الإعدادات', 'الإعدادات');
    await page.getByRole('button', { name: 'تصدير حزمة…' }).click();
    const exportDialog = page.getByRole('dialog', { name: 'تصدير حزمة' });
    await exportDialog.getByRole('radio', { name: 'مشاريع مختارة' }).check();
    const projects = exportDialog.getByRole('combobox', { name: 'المشاريع' });
    await projects.fill('لا يوجد مثله');
    // MUI's own words are the app's language too.
    await page.getByText('لا توجد نتائج مطابقة').waitFor();
    await projects.fill('');
    await page.getByRole('option').first().click();
    await exportDialog.getByRole('button', { name: 'فتح القائمة' }).waitFor();
    await exportDialog.getByRole('button', { name: 'مسح' }).waitFor({ state: 'attached' });
    await screenshot(page, 'ar-bundle-export');
    expect(await axeViolations(page)).toEqual([]);
    const download = page.waitForEvent('download');
    await exportDialog.getByRole('button', { name: 'تصدير', exact: true }).click();
    expect((await download).suggestedFilename()).toMatch(/^ibtikar-project-.*\.ibtikar$/);
    await exportDialog.getByRole('button', { name: 'إغلاق' }).click();

    await dropFile(bundleFile);
    const dialog = page.getByRole('dialog', { name: 'استيراد حزمة' });
    await dialog.getByRole('heading', { name: 'التعارضات' }).waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await screenshot(page, 'ar-bundle-preview');
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'استيراد', exact: true }).click();
    await dialog.getByRole('heading', { name: 'اكتمل الاستيراد' }).waitFor();
    await screenshot(page, 'ar-bundle-summary');
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'إغلاق' }).click();

    await dropFile(sealedFile);
    const sealed = page.getByRole('dialog', { name: 'استيراد حزمة' });
    await sealed.getByText('هذه الحزمة مشفّرة: اكتب عبارة المرور لفتحها.').waitFor();
    await sealed.getByLabel('عبارة المرور').fill('river of stars');
    await screenshot(page, 'ar-bundle-passphrase');
    expect(await axeViolations(page)).toEqual([]);
    await sealed.getByRole('button', { name: 'فتح الحزمة' }).click();
    await sealed.getByText('كانت الحزمة مشفّرة بعبارة مرور.').waitFor();
    await sealed.getByRole('button', { name: 'إلغاء' }).click();

    await dropFile(join(app.dataDir, 'tampered.ibtikar'));
    const invalid = page.getByRole('dialog', { name: 'استيراد حزمة' });
    await invalid.getByText(/^التوقيع غير صالح/).waitFor();
    await invalid.getByRole('checkbox', { name: 'أفهم أنه لا يمكن التحقق من هذه الحزمة، وأقبل استيرادها على أي حال.' }).check();
    await screenshot(page, 'ar-bundle-signature-invalid');
    expect(await axeViolations(page)).toEqual([]);
    await invalid.getByRole('button', { name: 'إلغاء' }).click();
    await page.getByRole('table', { name: 'المختبرات الموثوقة' }).or(page.getByText(/^لا توجد مختبرات موثوقة بعد/)).first().waitFor();
    await screenshot(page, 'ar-bundle-trusted-labs');
  });
});
