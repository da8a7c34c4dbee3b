/**
 * Lab templates in Chromium, in English and in Arabic: a canvas's layout saved under a name (an
 * empty name refused in the UI language), found in the gallery's own section and filtered by stage,
 * its zones retitled and renamed, a canvas made from it, and deleted with the canvases made from it
 * still drawing their zones. axe-core on every dialog; screenshots of each.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, type Lang, openApp, screenshot, switchLanguage, uiWords, waitReady } from '../support/app-page';
import { callServed, type Served } from '../support/serve';

let app: Awaited<ReturnType<typeof openApp>>;
let page: Page;
let served: Served;

const ROOT = join(import.meta.dirname, '..', '..');
const swot = JSON.parse(readFileSync(join(ROOT, 'resources', 'templates', 'canvas', 'swot.json'), 'utf8')) as {
  title: Record<Lang, string>;
  zones: { key: string; title: Record<Lang, string> }[];
};

const api = <T = { id: string }>(method: string, input: unknown) => callServed<T>(served, method, input);

const home = () => served.url.split('#')[0];

beforeAll(async () => {
  app = await openApp();
  ({ page, served } = app);
});
afterAll(() => app?.close());

const WALKS: { lang: Lang; name: string; renamed: string; zoneTitle: string }[] = [
  { lang: 'en', name: 'Our SWOT for services', renamed: 'Service SWOT', zoneTitle: 'What we do well' },
  { lang: 'ar', name: 'تحليلنا الرباعي للخدمات', renamed: 'تحليل الخدمات', zoneTitle: 'ما نتقنه' },
];

describe.each(WALKS)('lab templates in $lang', ({ lang, name, renamed, zoneTitle }) => {
  const w = uiWords(lang);
  const strengths = swot.zones[0];
  let canvasId = '';
  const gallery = () => page.getByRole('dialog', { name: w('canvas.gallery.title') });
  const labSection = () => gallery().getByRole('region', { name: w('canvas.gallery.lab') });
  const card = (title: string) => labSection().locator('li').filter({ has: page.getByRole('heading', { name: title, exact: true }) });
  const openGallery = async () => {
    await page.goto(`${home()}#/canvases`);
    await waitReady(page, lang);
    await page.getByRole('button', { name: w('canvas.new') }).first().click();
    await labSection().waitFor();
  };

  it('saves a canvas layout under a name, refusing an empty one in the UI language', async () => {
    if (lang !== 'en') await switchLanguage(page, lang);
    canvasId = (await api('canvases.create', { templateId: 'swot', title: `SWOT ${lang}`, stage: 1 })).id;
    await page.goto(`${home()}#/canvases/${canvasId}`);
    await waitReady(page, lang);
    await page.getByRole('button', { name: w('canvas.labTemplate.save') }).click();
    const dialog = page.getByRole('dialog', { name: w('canvas.labTemplate.saveTitle') });
    const field = dialog.getByRole('textbox', { name: w('canvas.labTemplate.name') });
    expect(await field.inputValue()).toBe(w('canvas.labTemplate.defaultName', { template: swot.title[lang] }));
    await field.fill('   ');
    await dialog.getByRole('button', { name: w('canvas.labTemplate.saveSubmit') }).click();
    await dialog.getByText(w('validation.required')).waitFor();
    expect(await api<unknown[]>('labTemplates.list', {})).toEqual([]);
    await field.fill(name);
    await screenshot(page, `${lang}-lab-template-save`);
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: w('canvas.labTemplate.saveSubmit') }).click();
    await page.getByRole('status').filter({ hasText: w('canvas.labTemplate.saved', { name }) }).waitFor();
    await dialog.waitFor({ state: 'detached' });
  });

  it('shows it in the gallery’s own section, filtered by stage like the built-in ones', async () => {
    await openGallery();
    await card(name).waitFor();
    await card(name).getByText(lang === 'en' ? w('canvas.labTemplate.usedBy_other', { formatted: '0' }) : w('canvas.labTemplate.usedBy_zero')).waitFor();
    await card(name).locator('svg[role="img"]').waitFor();
    // SWOT was made at stage 1; stage 5's filter hides it and says so.
    await gallery().getByRole('combobox', { name: w('canvas.gallery.stage') }).click();
    await page.getByRole('option').nth(5).click();
    await labSection().getByText(w('canvas.labTemplate.noneForStage')).waitFor();
    await gallery().getByRole('combobox', { name: w('canvas.gallery.stage') }).click();
    await page.getByRole('option').nth(1).click();
    await card(name).waitFor();
    await screenshot(page, `${lang}-lab-template-gallery`);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('retitles a zone in one language, refusing an empty hint with the reason under it', async () => {
    await card(name).getByRole('button', { name: w('canvas.labTemplate.actions', { title: name }) }).click();
    await page.getByRole('menuitem', { name: w('canvas.labTemplate.editTexts') }).click();
    const dialog = page.getByRole('dialog', { name: w('canvas.labTemplate.editTitle', { title: name }) });
    const group = dialog.getByRole('group', { name: strengths.title[lang] });
    await group.getByRole('textbox', { name: w('canvas.labTemplate.zoneTitle') }).fill(zoneTitle);
    const hint = group.getByRole('textbox', { name: w('canvas.labTemplate.zoneHint') });
    await hint.fill(' ');
    // Another language waits until these changes are saved or undone.
    expect(await dialog.getByRole('combobox', { name: w('canvas.labTemplate.textsLanguage') }).getAttribute('aria-disabled')).toBe('true');
    await dialog.getByRole('button', { name: w('common.save') }).click();
    await group.getByText(w('validation.required')).waitFor();
    const stored = await api<{ id: string; zones: { title: Record<Lang, string> }[] }[]>('labTemplates.list', {});
    expect(stored.at(-1)!.zones[0].title[lang]).toBe(strengths.title[lang]);
    await hint.fill(lang === 'ar' ? 'ما الذي نتقنه اليوم؟' : 'What do we already do well?');
    await screenshot(page, `${lang}-lab-template-edit`);
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: w('common.save') }).click();
    await dialog.waitFor({ state: 'detached' });
    const saved = await api<{ zones: { title: Record<Lang, string> }[] }[]>('labTemplates.list', {});
    expect(saved.at(-1)!.zones[0].title[lang]).toBe(zoneTitle);
    // The other languages keep their texts.
    expect(saved.at(-1)!.zones[0].title[lang === 'en' ? 'ar' : 'en']).toBe(strengths.title[lang === 'en' ? 'ar' : 'en']);
  });

  it('is renamed, and a canvas made from it draws the retitled zone', async () => {
    await card(name).getByRole('button', { name: w('canvas.labTemplate.actions', { title: name }) }).click();
    await page.getByRole('menuitem', { name: w('canvas.labTemplate.rename') }).click();
    const dialog = page.getByRole('dialog', { name: w('canvas.labTemplate.renameTitle') });
    await dialog.getByRole('textbox', { name: w('canvas.labTemplate.name') }).fill(renamed);
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: w('common.save') }).click();
    await card(renamed).waitFor();
    await card(renamed).getByRole('button', { pressed: false }).first().click();
    await gallery().getByRole('textbox', { name: w('canvas.gallery.canvasTitle') }).fill(`${renamed} 1`);
    await gallery().getByRole('button', { name: w('canvas.gallery.create') }).click();
    await page.getByRole('heading', { level: 1, name: `${renamed} 1` }).waitFor();
    await page.locator(`section[data-zone="${strengths.key}"]`).getByText(zoneTitle, { exact: true }).waitFor();
  });

  it('is deleted after a warning that names what happens to its canvas, which keeps working', async () => {
    const made = page.url();
    await openGallery();
    await card(renamed).getByRole('button', { name: w('canvas.labTemplate.actions', { title: renamed }) }).click();
    await page.getByRole('menuitem', { name: w('common.delete') }).click();
    const confirm = page.getByRole('dialog', { name: w('canvas.labTemplate.deleteTitle') });
    await confirm.getByText(lang === 'en' ? w('canvas.labTemplate.deleteUsed_one', { formatted: '1' }) : w('canvas.labTemplate.deleteUsed_one')).waitFor();
    await screenshot(page, `${lang}-lab-template-delete`);
    expect(await axeViolations(page)).toEqual([]);
    await confirm.getByRole('button', { name: w('common.delete') }).click();
    await confirm.waitFor({ state: 'detached' });
    await labSection().getByText(w('canvas.labTemplate.none')).waitFor();
    expect(await api<unknown[]>('labTemplates.list', {})).toEqual([]);
    // The canvas made from it still draws its zones and takes notes.
    await page.goto(made);
    await waitReady(page, lang);
    await page.locator(`section[data-zone="${strengths.key}"]`).getByText(zoneTitle, { exact: true }).waitFor();
    await page.getByRole('button', { name: w('canvas.note.add', { zone: zoneTitle }), exact: true }).click();
    const editor = page.getByRole('textbox', { name: w('canvas.note.text'), exact: true });
    await editor.fill('Still works');
    await editor.press('Enter');
    await page.locator(`section[data-zone="${strengths.key}"] li[data-note]`).filter({ hasText: 'Still works' }).waitFor();
    await screenshot(page, `${lang}-lab-template-canvas-after-delete`);
  });
});
