/**
 * The projects slice end to end in Chromium through the HTTP door, in all four languages: create,
 * find after reload and after restarting serve, edit, delete, validation messages, direction,
 * bundled fonts, and axe-core on every screen in English and Arabic.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { axeViolations, screenshot, switchLanguage, waitReady, type Lang } from '../support/app-page';
import { removeDir, startServe, tempDataDir, type Served } from '../support/serve';

let browser: Browser;
let served: Served;
let context: BrowserContext;
let page: Page;
const dataDir = tempDataDir();

async function open(url: string, language: Lang) {
  await page.goto(url);
  await waitReady(page, language);
}

async function createProject(title: string, submitLabel: RegExp) {
  await page.getByRole('button', { name: submitLabel }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox').first().fill(title);
  await dialog.locator('button[type=submit]').click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
}

const listedTitles = () => page.locator('tbody a').allInnerTexts();

/** The titles once the list has loaded: data-app-ready says the settings are in, not the projects. */
async function loadedTitles(count: number) {
  await page.locator('tbody a').nth(count - 1).waitFor();
  return listedTitles();
}

beforeAll(async () => {
  browser = await launchChromium();
  served = await startServe(dataDir);
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  await open(served.url, 'en');
  expect(problems).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await served?.stop();
  removeDir(dataDir);
});

describe('the projects screen', () => {
  it('opens in English, left to right, with the token gone from the address bar', async () => {
    expect(await page.locator('html').getAttribute('dir')).toBe('ltr');
    expect(await page.locator('html').getAttribute('lang')).toBe('en-AE');
    expect(page.url()).not.toContain('token');
    await page.getByRole('heading', { level: 1, name: 'Projects' }).waitFor();
    await page.getByText('No projects yet.').waitFor();
  });

  it('uses the bundled Noto fonts, not whatever the machine has', async () => {
    const faces = await page.evaluate(async () => ({
      arabic: (await document.fonts.load('16px "Noto Sans Arabic"', 'سجل')).length,
      latin: (await document.fonts.load('16px "Noto Sans"', 'Oʻzbekiston')).length,
      cyrillic: (await document.fonts.load('16px "Noto Sans"', 'Проект')).length,
    }));
    expect(faces.arabic).toBeGreaterThan(0);
    expect(faces.latin).toBeGreaterThan(0);
    expect(faces.cyrillic).toBeGreaterThan(0);
  });

  it('shows translated validation messages and creates nothing from an empty form', async () => {
    await page.getByRole('button', { name: 'New project' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Create project' }).click();
    await page.getByRole('dialog').getByText('This field is required.').waitFor();
    await screenshot(page, 'en-validation');
    // Typing in the field takes its message away until the next submit.
    await page.getByRole('dialog').getByRole('textbox').first().fill('x');
    await page.getByRole('dialog').getByText('This field is required.').waitFor({ state: 'detached' });
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    expect(await listedTitles()).toEqual([]);
  });

  it('keeps the title and the buttons of a tall dialog in a short window, scrolling only its fields', async () => {
    const viewport = page.viewportSize()!;
    await page.setViewportSize({ width: 900, height: 600 });
    try {
      await page.getByRole('button', { name: 'New project' }).click();
      const dialog = page.getByRole('dialog');
      for (const part of [dialog.getByRole('heading', { name: 'New project' }), dialog.getByRole('button', { name: 'Create project' })]) {
        const box = (await part.boundingBox())!;
        expect(box.y).toBeGreaterThanOrEqual(0);
        expect(box.y + box.height).toBeLessThanOrEqual(600);
      }
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'detached' });
    } finally {
      await page.setViewportSize(viewport);
    }
  });

  it('creates a project with an Arabic title, opens it, and lists it after a reload', async () => {
    await createProject('مدرسة رقمية للجميع', /New project/);
    await page.getByRole('textbox', { name: 'Summary' }).fill('Pilot in Tashkent — تجربة في طشقند');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').getByText('Saved').waitFor();
    await page.getByText('Changed: summary').waitFor();
    // The window is named for the record it shows, as the task bar and screen readers read it.
    await expect.poll(() => page.title()).toBe('مدرسة رقمية للجميع — Ibtikar Lab');
    await screenshot(page, 'en-project');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'All projects' }).click();
    await page.getByRole('link', { name: 'مدرسة رقمية للجميع' }).waitFor();
    await page.reload();
    await waitReady(page, 'en');
    expect(await loadedTitles(1)).toEqual(['مدرسة رقمية للجميع']);
    expect(await page.title()).toBe('Projects — Ibtikar Lab');
    expect(await page.locator('tbody a').first().getAttribute('dir')).toBe('auto');
    await screenshot(page, 'en-projects');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('finds a project by a title typed without the hamza', async () => {
    await createProject('أحمد: منصة المواعيد', /New project/);
    await page.getByRole('link', { name: 'All projects' }).click();
    await page.getByRole('searchbox', { name: 'Search by title' }).fill('احمد');
    await page.getByText('1 project', { exact: true }).waitFor();
    expect(await listedTitles()).toEqual(['أحمد: منصة المواعيد']);
    await page.getByRole('searchbox', { name: 'Search by title' }).fill('');
    await page.getByText('2 projects', { exact: true }).waitFor();
  });

  it('opens a project at its top with focus on its heading, and Back finds the list searched as it was', async () => {
    await page.setViewportSize({ width: 1280, height: 300 });
    const search = page.getByRole('searchbox', { name: 'Search by title' });
    try {
      await search.fill('احمد');
      await page.getByText('1 project', { exact: true }).waitFor();
      const link = page.locator('tbody a', { hasText: 'أحمد: منصة المواعيد' });
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
      await link.click();
      await page.getByRole('heading', { name: 'أحمد: منصة المواعيد' }).first().waitFor();
      await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
      // Focus is on the new page's heading (a screen reader reads the page; Tab goes on from its top), not on the link left behind.
      await expect.poll(() => page.evaluate(() => `${document.activeElement?.tagName} ${document.activeElement?.textContent}`)).toBe('H1 أحمد: منصة المواعيد');
      await page.goBack();
      await page.getByText('1 project', { exact: true }).waitFor();
      expect(await search.inputValue()).toBe('احمد');
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
      await search.fill('');
      await page.getByText('2 projects', { exact: true }).waitFor();
    }
  });

  it('switches to Arabic: right to left, mirrored, translated, and clean for axe', async () => {
    await switchLanguage(page, 'ar');
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('html').getAttribute('lang')).toBe('ar-AE');
    const heading = await page.getByRole('heading', { level: 1, name: 'المشاريع' }).boundingBox();
    const create = await page.getByRole('button', { name: 'مشروع جديد' }).boundingBox();
    expect(heading!.x).toBeGreaterThan(create!.x); // the heading starts on the right, the action sits on the left
    await screenshot(page, 'ar-projects');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'مشروع جديد' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'إنشاء المشروع' }).click();
    await page.getByRole('dialog').getByText('هذا الحقل مطلوب.').waitFor();
    await screenshot(page, 'ar-validation');
    await page.getByRole('dialog').getByRole('button', { name: 'إلغاء' }).click();
    await page.getByRole('link', { name: 'مدرسة رقمية للجميع' }).click();
    await page.getByRole('heading', { level: 1, name: 'مدرسة رقمية للجميع' }).waitFor();
    await screenshot(page, 'ar-project');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('keeps the language after a reload', async () => {
    await page.reload();
    await waitReady(page, 'ar');
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
  });

  // The day the project was made, as CLDR writes it: Chromium has no Uzbek data of its own (locale-data.ts).
  it.each([
    ['uz', 'Oʻzbekiston maktablari', /Yangi loyiha/, 'Bu maydon majburiy.', 'Loyihalar', /^Yaratilgan: \d{1,2}-(yan|fev|mar|apr|may|iyn|iyl|avg|sen|okt|noy|dek), \d{4}, \d\d:\d\d$/],
    ['ru', 'Цифровая поликлиника', /Новый проект/, 'Это поле обязательно.', 'Проекты', /^Создан \d{1,2} [а-я]{3,4}\.? \d{4} г\., \d\d:\d\d$/],
  ] as const)('works in %s: validation, create, list', async (language, title, newButton, required, heading, created) => {
    await switchLanguage(page, language);
    expect(await page.locator('html').getAttribute('dir')).toBe('ltr');
    await page.locator('header nav a').first().click();
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    await page.getByRole('button', { name: newButton }).click();
    await page.getByRole('dialog').locator('button[type=submit]').click();
    await page.getByRole('dialog').getByText(required).waitFor();
    await page.getByRole('dialog').getByRole('textbox').first().fill(title);
    await page.getByRole('dialog').locator('button[type=submit]').click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByText(created).waitFor();
    await page.locator('header nav a').first().click();
    await page.getByRole('link', { name: title }).waitFor();
    await screenshot(page, `${language}-projects`);
  });

  it('lists every project after serve is restarted on the same data folder', async () => {
    await served.stop();
    served = await startServe(dataDir);
    await open(served.url, 'ru');
    expect((await loadedTitles(4)).sort()).toEqual(['Oʻzbekiston maktablari', 'Цифровая поликлиника', 'أحمد: منصة المواعيد', 'مدرسة رقمية للجميع'].sort());
  });

  it('deletes a project only after confirmation', async () => {
    await switchLanguage(page, 'en');
    await page.getByRole('button', { name: 'Delete Цифровая поликлиника' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    expect(await listedTitles()).toContain('Цифровая поликлиника');
    await page.getByRole('button', { name: 'Delete Цифровая поликлиника' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete project' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    // CSS rather than role: while a dialog is open the list is aria-hidden and has no roles to find.
    await page.locator('tbody a', { hasText: 'Цифровая поликлиника' }).waitFor({ state: 'detached' });
    expect(await listedTitles()).toHaveLength(3);
  });
});

describe('the settings screen', () => {
  it.each(['en', 'ar'] as const)('is clean for axe in %s and shows where the data lives', async (language) => {
    await switchLanguage(page, language);
    await page.goto(`${served.origin}/#/settings`);
    await waitReady(page, language);
    await page.getByText(dataDir).waitFor();
    // Default gate criteria show in the screen's language, not the one the page was first drawn in.
    const criterion = language === 'en' ? 'The problem or opportunity is clearly defined' : 'المشكلة أو الفرصة محددة بوضوح';
    expect(await page.getByRole('textbox', { name: language === 'en' ? 'Criterion' : 'المعيار' }).first().inputValue()).toBe(criterion);
    await screenshot(page, `${language}-settings`);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('offers no desktop-only action in the browser', async () => {
    expect(await page.getByRole('button', { name: /data folder|مجلد البيانات/ }).count()).toBe(0);
  });

  it('switches to the projector theme and keeps it clean for axe', async () => {
    await page.getByRole('combobox', { name: 'المظهر' }).click();
    await page.getByRole('option', { name: 'جهاز العرض (تباين عالٍ)' }).click();
    await page.locator('html[data-theme="projector"]').waitFor();
    await screenshot(page, 'ar-settings-projector');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('is clean for axe in the dark theme on every main screen, contrast included', async () => {
    await page.getByRole('combobox', { name: 'المظهر' }).click();
    await page.getByRole('option', { name: 'داكن' }).click();
    await page.locator('html[data-theme="dark"]').waitFor();
    for (const name of ['الإعدادات', 'المشاريع', 'اللوحة', 'لوحة المؤشرات', 'التحديات', 'الأفكار', 'الدفعات', 'اللوحات', 'الأشخاص']) {
      await page.locator('header nav').getByRole('link', { name, exact: true }).click();
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect({ screen: name, violations: await axeViolations(page) }).toEqual({ screen: name, violations: [] });
    }
    await screenshot(page, 'ar-dark-people');
    await page.locator('header nav').getByRole('link', { name: 'الإعدادات', exact: true }).click();
    await page.getByRole('combobox', { name: 'المظهر' }).click();
    await page.getByRole('option', { name: 'جهاز العرض (تباين عالٍ)' }).click();
    await page.locator('html[data-theme="projector"]').waitFor();
  });

  it('draws a focus ring on the control the keyboard reaches, a text field or a checkbox (the projector has no ripple)', async () => {
    const ring = (selector: string) =>
      page.evaluate((sel) => {
        const control = document.activeElement?.closest(sel);
        return control ? getComputedStyle(control).outlineStyle : 'not focused';
      }, selector);
    const field = page.getByRole('textbox', { name: 'المعيار' }).first();
    await field.focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Shift+Tab');
    expect(await ring('.MuiInputBase-root')).toBe('solid');
    const box = page.getByRole('checkbox').first();
    await box.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    expect(await ring('.MuiCheckbox-root')).toBe('solid');
  });
});
