/**
 * A project imported as a copy beside the lab's own record of it is marked as a copy in the project
 * list and on its page, so the two are told apart, and the bundle's preview says the copy is already
 * here; English and Arabic, axe-core on each screen.
 * The bundle is made and imported with the bundle command line on the served data folder.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, openApp, screenshot, switchLanguage } from '../support/app-page';
import { callServed } from '../support/serve';

const CLI = join(import.meta.dirname, '..', '..', 'dist', 'node', 'bundle.mjs');

let app: Awaited<ReturnType<typeof openApp>>;
let page: Page;

const api = <T = { id: string }>(method: string, input: unknown) => callServed<T>(app.served, method, input);
const bundle = (...args: string[]) => execFileSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
const row = (title: string) => page.locator('tbody tr', { has: page.getByRole('link', { name: title, exact: true }) });

beforeAll(async () => {
  app = await openApp();
  page = app.page;
});
afterAll(() => app?.close());

describe('an imported copy', () => {
  it('is marked in the project list and on its page, in English and Arabic', async () => {
    const project = await api('projects.create', { title: 'Queue by SMS' });
    const file = join(app.dataDir, 'lab.ibtikar');
    bundle('export', '--data', app.dataDir, '--out', file);
    await api('projects.update', { id: project.id, patch: { title: 'Queue by SMS and phone' } });
    expect(bundle('import', file, '--data', app.dataDir, '--on-conflict', 'copy')).toMatch(/^imported: 0 new, 0 replaced, 1 copied/);

    await page.goto(`${app.served.origin}/#/projects`);
    await page.reload();
    await row('Queue by SMS').getByText('Imported copy').waitFor();
    expect(await row('Queue by SMS and phone').getByText('Imported copy').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'en-imported-copy-list');

    await row('Queue by SMS').getByRole('link', { name: 'Queue by SMS', exact: true }).click();
    await page.getByText("A copy of another lab's project, imported beside this lab's own record of it.").waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // Opened again, the bundle's preview says the copy is already here and stays as it is.
    await page.goto(`${app.served.origin}/#/settings`);
    await page.getByRole('button', { name: 'Import a bundle…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import a bundle' });
    await dialog.locator('input[type=file]').setInputFiles(file);
    await dialog.getByRole('heading', { name: 'Conflicts' }).waitFor();
    await dialog.getByRole('listitem').filter({ hasText: 'Queue by SMS' }).getByText('A copy from an earlier import is already here: importing as a copy keeps that copy as it is.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.goto(`${app.served.origin}/#/projects`);
    await row('Queue by SMS').getByRole('link', { name: 'Queue by SMS', exact: true }).click();
    await page.getByText("A copy of another lab's project, imported beside this lab's own record of it.").waitFor();

    await switchLanguage(page, 'ar');
    await page.getByText('نسخة من مشروع مختبر آخر، استُوردت بجانب سجل هذا المختبر الخاص به.').waitFor();
    await page.goto(`${app.served.origin}/#/projects`);
    await row('Queue by SMS').getByText('نسخة مستوردة').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'ar-imported-copy-list');
  });
});
