/** Driving the app in Chromium the way a person does: by roles and labels, waiting for signals. */
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { launchChromium } from './browser';
import { removeDir, startServe, tempDataDir } from './serve';

export const SCREENSHOTS = join(import.meta.dirname, '..', '..', 'test-results', 'screenshots');

export const LANGUAGE_NAMES = { en: 'English', ar: 'العربية', uz: 'Oʻzbekcha', ru: 'Русский' } as const;
export type Lang = keyof typeof LANGUAGE_NAMES;

/** The UI's own words in a language, with {{values}} filled in, so a walk in Arabic reads Arabic. */
export function uiWords(lang: Lang) {
  const catalogue = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'resources', 'locales', `${lang}.json`), 'utf8')) as Record<string, unknown>;
  return (key: string, values: Record<string, string | number> = {}) => {
    const text = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], catalogue) as string;
    return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name]));
  };
}

export async function waitReady(page: Page, language: Lang) {
  await page.locator(`[data-app-ready="${language}"]`).waitFor();
}

/** Every board change core has answered: the board shows a change before it is stored. */
export async function boardSaved(page: Page) {
  await page.locator('[data-saving]').waitFor({ state: 'detached' });
}

export async function switchLanguage(page: Page, language: Lang) {
  await page.locator('header').getByRole('button', { name: /:/ }).click();
  await page.getByRole('menuitem', { name: LANGUAGE_NAMES[language] }).click();
  await waitReady(page, language);
}

/**
 * Types a date (YYYY-MM-DD) into the app's date field named `label`: day, month and year each into
 * its own part, as a person does; the field's parts are named in `lang`.
 */
export async function fillDate(scope: Page | Locator, label: string, isoDate: string, lang: Lang = 'en') {
  const words = uiWords(lang);
  const field = scope.getByRole('group', { name: label, exact: true });
  const [year, month, day] = isoDate.split('-');
  for (const [part, digits] of [['day', day], ['month', month], ['year', year]] as const) {
    await field.getByRole('spinbutton', { name: words(`datePicker.${part}`), exact: true }).click();
    await field.page().keyboard.type(digits);
  }
}

/** axe-core with the WCAG 2.2 AA rule tags; returns the violations (the tests expect none). */
export async function axeViolations(page: Page) {
  // A colour still easing in (a button just enabled) would be measured half-way: finite transitions end first.
  await page.evaluate(() =>
    Promise.race([
      Promise.all(
        document
          .getAnimations()
          .filter((a) => a.effect?.getComputedTiming().iterations !== Infinity)
          .map((a) => a.finished.catch(() => undefined)),
      ),
      new Promise((resolve) => setTimeout(resolve, 2000)),
    ]),
  );
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  if (results.passes.length === 0) throw new Error('axe-core checked nothing on this page');
  return results.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}

export async function screenshot(page: Page, name: string) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** A fresh data folder, `serve` on it, and Chromium showing the app in English: one e2e file's world. */
export async function openApp() {
  const dataDir = tempDataDir();
  const browser = await launchChromium();
  const served = await startServe(dataDir);
  const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
  // Shorter than the test timeout, so a failing wait names the locator it was waiting for.
  page.setDefaultTimeout(10_000);
  await page.goto(served.url);
  await waitReady(page, 'en');
  return {
    browser,
    served,
    page,
    dataDir,
    close: async () => {
      await browser.close();
      await served.stop();
      removeDir(dataDir);
    },
  };
}

/** Fills the open gate dialog with a rationale and who decided, records it, and waits for it to close. */
export async function recordGateDecision(page: Page, rationale: string) {
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: 'Rationale' }).fill(rationale);
  await dialog.getByRole('textbox', { name: 'Name of who decided' }).fill('Dilnoza Karimova');
  await dialog.getByRole('button', { name: 'Record decision' }).click();
  await dialog.waitFor({ state: 'detached' });
}
