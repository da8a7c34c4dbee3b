/**
 * Issue 4's walk in Chromium, in English and in Arabic: a Business Model Canvas made from the
 * gallery for a project, notes in Arabic, English and mixed text, one moved by keyboard alone and
 * one with "Move to…", undo and redo, a reload that finds everything as it was left; the Arabic
 * board mirrored and the English one not; axe-core on the gallery and the board; hostile notes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateJsonCanvas } from '../../electron/shared/canvas/export/json-canvas';
import { axeViolations, boardSaved, type Lang, openApp, screenshot, SCREENSHOTS, switchLanguage, uiWords, waitReady } from '../support/app-page';
import { callServed, type Served } from '../support/serve';

let app: Awaited<ReturnType<typeof openApp>>;
let page: Page;
let served: Served;

const ROOT = join(import.meta.dirname, '..', '..');
const bmc = JSON.parse(readFileSync(join(ROOT, 'resources', 'templates', 'canvas', 'business-model-canvas.json'), 'utf8')) as {
  title: Record<Lang, string>;
  attribution: Record<Lang, string>;
  zones: { key: string; title: Record<Lang, string> }[];
};

const problemTree = JSON.parse(readFileSync(join(ROOT, 'resources', 'templates', 'canvas', 'problem-tree.json'), 'utf8')) as { title: Record<Lang, string> };

const api = (method: string, input: unknown) => callServed<{ id: string }>(served, method, input);

const zoneTitle = (key: string, lang: Lang) => bmc.zones.find((z) => z.key === key)!.title[lang];
const note = (zone: string, text: string) => page.locator(`section[data-zone="${zone}"] li[data-note]`).filter({ hasText: text });
const zoneBox = async (zone: string) => (await page.locator(`section[data-zone="${zone}"]`).boundingBox())!;

beforeAll(async () => {
  app = await openApp();
  ({ page, served } = app);
  page.on('dialog', () => {
    throw new Error('A note opened a browser dialog: its text ran as markup');
  });
});

afterAll(() => app?.close());

async function addNote(lang: Lang, zone: string, text: string) {
  const w = uiWords(lang);
  await page.getByRole('button', { name: w('canvas.note.add', { zone: zoneTitle(zone, lang) }), exact: true }).click();
  const editor = page.getByRole('textbox', { name: w('canvas.note.text'), exact: true });
  await editor.fill(text);
  await editor.press('Enter');
  await note(zone, text).waitFor();
}

const WALKS: { lang: Lang; project: string; notes: { arabic: string; english: string; mixed: string }; arrow: 'ArrowRight' | 'ArrowLeft' }[] = [
  {
    lang: 'en',
    project: 'E-visa for medical tourists',
    notes: { arabic: 'تأشيرة خلال يوم واحد', english: 'Visa decided within one day', mixed: 'Online payment عبر الهاتف' },
    arrow: 'ArrowRight',
  },
  {
    lang: 'ar',
    project: 'بوابة رخص البناء',
    notes: { arabic: 'رخصة خلال أسبوع', english: 'One form for all permits', mixed: 'تتبّع الطلب via SMS' },
    // Mirrored: the zone after value propositions is to its left.
    arrow: 'ArrowLeft',
  },
];

describe.each(WALKS)('a Business Model Canvas in $lang', ({ lang, project, notes, arrow }) => {
  const w = uiWords(lang);

  it('is created from the gallery for a project, filtered by the project’s stage', async () => {
    if (lang !== 'en') await switchLanguage(page, lang);
    const created = await api('projects.create', { title: project, stage: 4 });
    await page.goto(`${served.url.split('#')[0]}#/projects/${created.id}`);
    await waitReady(page, lang);
    await page.locator('section[aria-labelledby="canvases-heading"]').getByRole('button', { name: w('canvas.new') }).click();
    const dialog = page.getByRole('dialog');
    const card = (title: string) => dialog.locator('li').filter({ has: page.getByRole('heading', { name: title, exact: true }) });
    await card(bmc.title[lang]).waitFor();
    // Stage 4 offers the business model canvas; the problem tree belongs to stage 1.
    expect(await dialog.getByRole('heading', { level: 3 }).allInnerTexts()).not.toContain(problemTree.title[lang]);
    await screenshot(page, `${lang}-canvas-gallery`);
    expect(await axeViolations(page)).toEqual([]);
    await card(bmc.title[lang]).getByRole('button').click();
    await dialog.getByRole('button', { name: w('canvas.gallery.create') }).click();
    await page.getByRole('heading', { level: 1, name: bmc.title[lang] }).waitFor();
    await page.getByText(bmc.attribution[lang]).waitFor();
  });

  it('takes notes in Arabic, English and mixed text, each read in its own direction', async () => {
    await addNote(lang, 'value-propositions', notes.arabic);
    await addNote(lang, 'value-propositions', notes.english);
    await addNote(lang, 'segments', notes.mixed);
    for (const text of Object.values(notes)) expect(await page.locator('li[data-note] p[dir="auto"]').filter({ hasText: text }).count()).toBe(1);
  });

  it('lays the zones out mirrored in Arabic and not in English', async () => {
    const start = await zoneBox('key-partners');
    const end = await zoneBox('segments');
    if (lang === 'ar') expect(start.x).toBeGreaterThan(end.x);
    else expect(start.x).toBeLessThan(end.x);
    await page.getByRole('button', { name: w('canvas.fit') }).click();
    await screenshot(page, `${lang}-canvas-board`);
    await page.getByRole('button', { name: w('canvas.zoomIn') }).click();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('moves one note by keyboard alone, announced in the UI language', async () => {
    const handle = note('value-propositions', notes.english).getByRole('button', { name: w('canvas.note.drag', { text: notes.english }) });
    await handle.focus();
    await page.keyboard.press('Space');
    await page.locator('[data-canvas-announcer]').filter({ hasText: w('canvas.dnd.lifted', { text: notes.english }) }).waitFor({ state: 'attached' });
    await page.keyboard.press(arrow);
    await page.locator('[data-canvas-announcer]').filter({ hasText: w('canvas.dnd.over', { text: notes.english, zone: zoneTitle('relationships', lang) }) }).waitFor({ state: 'attached' });
    await page.keyboard.press('Space');
    await note('relationships', notes.english).waitFor();
    await page.locator('[data-canvas-announcer]').filter({ hasText: w('canvas.moved_one', { zone: zoneTitle('relationships', lang) }) }).waitFor({ state: 'attached' });
  });

  it('moves another with "Move to…", then undoes and redoes it', async () => {
    await note('value-propositions', notes.arabic).getByRole('button', { name: w('canvas.note.actions', { text: notes.arabic }) }).click();
    await page.getByRole('menuitem', { name: w('canvas.note.moveTo') }).click();
    await page.getByRole('menuitem', { name: zoneTitle('channels', lang), exact: true }).click();
    await note('channels', notes.arabic).waitFor();
    await page.keyboard.press('Control+z');
    await note('value-propositions', notes.arabic).waitFor();
    await page.keyboard.press('Control+y');
    await note('channels', notes.arabic).waitFor();
    await page.getByRole('button', { name: w('canvas.undo.button') }).click();
    await note('value-propositions', notes.arabic).waitFor();
    await page.keyboard.press('Control+Shift+z');
    await note('channels', notes.arabic).waitFor();
  });

  it('finds everything as it was left after a reload', async () => {
    await boardSaved(page);
    await page.reload();
    await waitReady(page, lang);
    await note('relationships', notes.english).waitFor();
    await note('channels', notes.arabic).waitFor();
    await note('segments', notes.mixed).waitFor();
    expect(await page.locator('li[data-note]').count()).toBe(3);
  });
});

describe('hostile notes', () => {
  it('refuse 1 MB and control characters with clear messages, and show markup as inert text', async () => {
    const canvas = await api('canvases.create', { templateId: 'business-model-canvas', title: 'Hostile input' });
    await page.goto(`${served.url.split('#')[0]}#/canvases/${canvas.id}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    if ((await page.locator('[data-app-ready]').getAttribute('data-app-ready')) !== 'en') await switchLanguage(page, 'en');
    const w = uiWords('en');
    await page.getByRole('button', { name: w('canvas.note.add', { zone: zoneTitle('key-partners', 'en') }) }).click();
    const editor = page.getByRole('textbox', { name: w('canvas.note.text'), exact: true });
    await screenshot(page, 'en-canvas-editor');
    // Pasting a megabyte is refused whole, with the limit named; what was typed stays.
    await editor.fill('kept');
    await editor.evaluate((el) => {
      const data = new DataTransfer();
      data.setData('text/plain', 'x'.repeat(1024 * 1024));
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await page.getByText(w('validation.too_long', { maximum: '5000' })).waitFor();
    expect(await editor.inputValue()).toBe('kept');
    // Typed (not pasted) past the limit: the same message, and Save stays off.
    await editor.fill('y'.repeat(5001));
    await page.getByText(w('validation.too_long', { maximum: '5000' })).waitFor();
    expect(await page.getByRole('button', { name: w('common.save'), exact: true }).isDisabled()).toBe(true);

    await editor.fill('ring the bell\u0007');
    await editor.press('Enter');
    await page.getByText(w('validation.control_characters')).waitFor();

    const markup = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script> <b>bold?</b>';
    await editor.fill(markup);
    await editor.press('Enter');
    const shown = note('key-partners', 'bold?');
    await shown.waitFor();
    expect(await shown.locator('p[dir="auto"]').innerText()).toBe(markup);
    expect(await shown.locator('img, script, b').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });
});

describe('exports and import', () => {
  const download = async (item: string) => {
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: item }).click()]);
    return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
  };

  it('writes JSON Canvas, SVG (the same bytes twice, fonts inside), PNG and CSV, and imports the .canvas back', async () => {
    // The board the hostile-input test left: a note of inert markup in Key partners.
    await addNote('en', 'value-propositions', 'Exported note — ملاحظة');
    const json = await download('JSON Canvas (.canvas)');
    expect(json.name).toBe('Hostile-input.canvas');
    const doc = JSON.parse(json.bytes.toString('utf8'));
    expect(validateJsonCanvas(doc)).toMatchObject({ ok: true });
    expect(doc.nodes.filter((n: { type: string; id: string }) => n.type === 'text' && n.id !== 'attribution')).toHaveLength(2);
    expect(doc.nodes.find((n: { id: string }) => n.id === 'attribution').text).toBe(bmc.attribution.en); // the CC BY-SA credit

    const svg1 = await download('Picture (SVG)');
    const svg2 = await download('Picture (SVG)');
    writeFileSync(join(SCREENSHOTS, 'en-canvas-export.svg'), svg1.bytes);
    expect(svg1.bytes.equals(svg2.bytes)).toBe(true);
    expect(svg1.bytes.toString('utf8')).toContain("@font-face{font-family:'Noto Sans Arabic'");
    const png = await download('Picture (PNG)');
    expect(png.bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    writeFileSync(join(SCREENSHOTS, 'en-canvas-export.png'), png.bytes);
    const csv = await download('Notes as a table (CSV)');
    expect(csv.bytes.toString('utf8')).toMatch(/^\uFEFFZone,Cluster label,Note,Colour,Status,Author,Last changed\r\n/);
    expect(csv.bytes.toString('utf8').trimEnd().split('\r\n').at(-1)).toBe(`Licence,,"${bmc.attribution.en.replaceAll('"', '""')}",,,,`);

    await page.locator('header nav').getByRole('link', { name: 'Canvases', exact: true }).click();
    const input = page.locator('input[type="file"]');
    await input.setInputFiles({ name: 'broken.canvas', mimeType: 'application/json', buffer: Buffer.from('{"nodes": [{"id": "a", "type": "text", "x": 0.5}]}') });
    await page.getByRole('alert').filter({ hasText: 'The file was not imported.' }).waitFor();
    await input.setInputFiles({ name: 'Round trip.canvas', mimeType: 'application/json', buffer: json.bytes });
    await page.getByRole('heading', { level: 1, name: 'Round trip' }).waitFor();
    await note('value-propositions', 'Exported note — ملاحظة').waitFor();
    await note('key-partners', 'bold?').waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });
});
