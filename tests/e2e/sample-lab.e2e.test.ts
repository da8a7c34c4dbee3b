/** The sample lab from the empty projects screen, seen on every portfolio screen in Arabic and English. */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, openApp, screenshot, switchLanguage } from '../support/app-page';

let app: Awaited<ReturnType<typeof openApp>>;
let page: Page;

beforeAll(async () => {
  app = await openApp();
  ({ page } = app);
});

afterAll(() => app?.close());

describe('the sample lab', () => {
  it('is offered on an empty workspace and fills every screen', async () => {
    await page.getByRole('button', { name: 'Load the sample lab' }).click();
    await page.getByText('13 projects', { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Load the sample lab' }).count()).toBe(0);
    await screenshot(page, 'en-sample-projects');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('exports the portfolio as XLSX and CSV through the served app', async () => {
    for (const [item, extension] of [
      ['Portfolio as a spreadsheet (XLSX)', 'xlsx'],
      ['Projects as CSV', 'csv'],
    ]) {
      await page.getByRole('button', { name: 'Export' }).click();
      const download = page.waitForEvent('download');
      await page.getByRole('menuitem', { name: item }).click();
      const file = await download;
      expect(file.suggestedFilename()).toMatch(new RegExp(`^ibtikar-portfolio-\\d{4}-\\d{2}-\\d{2}\\.${extension}$`));
      const path = await file.path();
      const bytes = (await import('node:fs')).readFileSync(path);
      expect(bytes.length).toBeGreaterThan(500);
      if (extension === 'xlsx') expect(bytes.subarray(0, 2).toString()).toBe('PK');
      else expect(bytes.subarray(3).toString('utf8')).toContain('Anticipatory skills foresight');
    }
  });

  it('backs the lab up, checks the backup and restores it from Settings', async () => {
    await switchLanguage(page, 'en');
    await page.locator('header nav').getByRole('link', { name: 'Settings', exact: true }).click();
    await page.getByRole('button', { name: 'Back up now' }).click();
    const check = page.getByRole('button', { name: /^Check the backup of/ }).first();
    await check.click();
    await page.getByText('Intact').waitFor();
    await page.locator('header nav').getByRole('link', { name: 'Projects', exact: true }).click();
    await page.getByRole('button', { name: 'New project' }).click();
    await page.getByRole('dialog').getByRole('textbox', { name: 'Title' }).fill('Made after the backup');
    await page.getByRole('dialog').getByRole('button', { name: 'Create project' }).click();
    await page.getByRole('heading', { level: 1, name: 'Made after the backup' }).waitFor();
    await page.locator('header nav').getByRole('link', { name: 'Settings', exact: true }).click();
    await page.getByRole('button', { name: /^Restore the backup of/ }).first().click();
    await page.getByRole('dialog').getByRole('button', { name: 'Restore' }).click();
    await page.getByText('The backup was restored.').waitFor();
    await page.getByText('Before a restore').first().waitFor();
    await page.locator('header nav').getByRole('link', { name: 'Projects', exact: true }).click();
    await page.getByText('13 projects', { exact: true }).waitFor();
    await page.locator('header nav').getByRole('link', { name: 'Settings', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Backups' }).waitFor();
    await screenshot(page, 'en-settings-backups');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('shows diagnostics for support without lab data and copies them', async () => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.served.origin });
    await page.getByRole('button', { name: 'Show diagnostics' }).click();
    const text = await page.getByRole('textbox', { name: 'Diagnostics text' }).inputValue();
    expect(text).toMatch(/^Ibtikar Lab \S+ \(database schema \d+\)/);
    expect(text).toContain('"language":"en"');
    expect(text).not.toContain('Anticipatory skills foresight');
    await page.getByRole('button', { name: 'Copy to clipboard' }).click();
    await page.getByText('Copied. Paste it into your email.').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);
    expect(await axeViolations(page)).toEqual([]);
    await switchLanguage(page, 'ar');
    await page.getByRole('button', { name: 'تحديث' }).waitFor();
    await screenshot(page, 'ar-settings-diagnostics');
    expect(await axeViolations(page)).toEqual([]);
  });

  it.each([
    ['Board', 'board', () => page.getByRole('link', { name: 'Anticipatory skills foresight' })],
    ['Dashboard', 'dashboard', () => page.getByRole('figure', { name: 'Funnel: projects under way (active or scaled) by stage' })],
    ['Ideas', 'ideas', () => page.getByRole('link', { name: 'Online queue with SMS updates' })],
    ['Cohorts', 'cohorts', () => page.getByRole('link', { name: 'Cohort 2026 — Tashkent' })],
  ])('shows %s with sample data, clean for axe in English and Arabic', async (name, shot, ready) => {
    await switchLanguage(page, 'en');
    await page.locator('header nav').getByRole('link', { name, exact: true }).click();
    await ready().waitFor();
    await screenshot(page, `en-sample-${shot}`);
    expect(await axeViolations(page)).toEqual([]);
    await switchLanguage(page, 'ar');
    await screenshot(page, `ar-sample-${shot}`);
    expect(await axeViolations(page)).toEqual([]);
  });
});
