/**
 * The board beyond issue 4's main walk, in Chromium: a note dragged by touch to another zone (real
 * touch events through the browser's input pipeline) and found there after a reload; free notes
 * added on the board, moved out of a zone and back by pointer, keyboard and "Move to…", undone and
 * redone; vote counts that appear on notes only once a dot vote is revealed; and the printable
 * page, which shows every zone and note and prints as one A4 landscape PDF page. English and
 * Arabic, axe-core on the board in both.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Canvas, Note } from '../../electron/shared/canvas/model';
import type { VoteSession, Workshop } from '../../electron/shared/workshop/model';
import { findTemplate } from '../../electron/shared/canvas/catalogue';
import { axeViolations, boardSaved, type Lang, openApp, screenshot, switchLanguage, uiWords, waitReady } from '../support/app-page';
import { pdfPageCount, pdfText } from '../support/pdf';
import { callServed, type Served } from '../support/serve';

let app: Awaited<ReturnType<typeof openApp>>;
let page: Page;
let served: Served;

const bmc = findTemplate('business-model-canvas')!;
const call = <T>(method: string, input: unknown) => callServed<T>(served, method, input);
const note = (p: Page, zone: string, text: string) => p.locator(`section[data-zone="${zone}"] li[data-note]`).filter({ hasText: text });
const freeNote = (p: Page, text: string) => p.locator('section[data-free-area] li[data-note]').filter({ hasText: text });

async function newCanvas(title: string, notes: { text: string; zoneKey: string | null }[]) {
  const canvas = await call<Canvas>('canvases.create', { templateId: bmc.id, title });
  const made = await call<Note[]>('notes.create', { canvasId: canvas.id, notes });
  return { canvas, notes: made };
}

async function open(p: Page, canvasId: string, lang: Lang, fit = false) {
  await p.goto(`${served.url.split('#')[0]}#/canvases/${canvasId}`);
  await waitReady(p, lang);
  await p.locator('[data-board-ready]').waitFor();
  // The whole board in view, free area included, so every drag stays on screen.
  if (fit) await p.getByRole('button', { name: uiWords(lang)('canvas.fit') }).click();
}

beforeAll(async () => {
  app = await openApp();
  ({ page, served } = app);
});

afterAll(() => app?.close());

describe('keyboard focus', () => {
  it('goes back to the Add button, and to the note, when a note’s editor closes', async () => {
    const canvas = await call<Canvas>('canvases.create', { templateId: bmc.id, title: 'Focus' });
    await open(page, canvas.id, 'en');
    await page.locator('[data-zone-add="channels"]').focus();
    await page.keyboard.press('Enter');
    const editor = page.locator('section[data-zone="channels"] form textarea[dir="auto"]').first();
    await editor.fill('By post');
    await editor.press('Enter');
    await note(page, 'channels', 'By post').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-zone-add'))).toBe('channels');
    await note(page, 'channels', 'By post').dblclick();
    await editor.fill('By post and SMS');
    await editor.press('Enter');
    await note(page, 'channels', 'By post and SMS').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[data-note]')?.textContent ?? '')).toContain('By post and SMS');
  });
});

describe('touch', () => {
  let context: BrowserContext;
  afterAll(() => context?.close());

  it('drags a note to another zone with a finger, and it is there after a reload', async () => {
    const { canvas } = await newCanvas('Touch board', [{ text: 'Moved by touch', zoneKey: 'key-partners' }]);
    context = await app.browser.newContext({ viewport: { width: 1280, height: 800 }, hasTouch: true });
    const touch = await context.newPage();
    await touch.goto(served.url);
    await open(touch, canvas.id, 'en');
    const handle = note(touch, 'key-partners', 'Moved by touch').getByRole('button', { name: 'Move note: Moved by touch' });
    const from = (await handle.boundingBox())!;
    const zone = (await touch.locator('section[data-zone="key-activities"]').boundingBox())!;
    const start = { x: from.x + from.width / 2, y: from.y + from.height / 2 };
    const end = { x: zone.x + zone.width / 2, y: zone.y + zone.height / 2 };
    // Touch events as a touchscreen sends them, through Chromium's input pipeline (pointer events follow).
    const cdp = await context.newCDPSession(touch);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [start] });
    for (let i = 1; i <= 20; i++) {
      const at = { x: start.x + ((end.x - start.x) * i) / 20, y: start.y + ((end.y - start.y) * i) / 20 };
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [at] });
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await note(touch, 'key-activities', 'Moved by touch').waitFor();
    await boardSaved(touch);
    await touch.reload();
    await waitReady(touch, 'en');
    await note(touch, 'key-activities', 'Moved by touch').waitFor();
    expect(await note(touch, 'key-partners', 'Moved by touch').count()).toBe(0);
  });
});

const WALKS: { lang: Lang; texts: { zoned: string; added: string; clicked: string } }[] = [
  { lang: 'en', texts: { zoned: 'Ask the clinics', added: 'Idea outside the zones', clicked: 'Placed where I clicked' } },
  { lang: 'ar', texts: { zoned: 'اسأل العيادات', added: 'فكرة خارج المناطق', clicked: 'في المكان الذي نقرت فيه' } },
];

describe.each(WALKS)('free notes and votes in $lang', ({ lang, texts }) => {
  const w = uiWords(lang);
  let canvas: Canvas;
  let zoned: Note;

  it('adds free notes by the toolbar and by double-clicking the free area', async () => {
    if (lang !== 'en') await switchLanguage(page, lang);
    ({ canvas, notes: [zoned] } = await newCanvas(`Free ${lang}`, [{ text: texts.zoned, zoneKey: 'channels' }]));
    await open(page, canvas.id, lang, true);
    await page.getByRole('button', { name: w('canvas.free.add') }).click();
    const editor = page.locator('section[data-free-area] form textarea[dir="auto"]').first();
    await editor.fill(texts.added);
    await editor.press('Enter');
    await freeNote(page, texts.added).waitFor();
    await page.getByRole('button', { name: w('canvas.fit') }).click();

    const area = page.locator('section[data-free-area]');
    const box = (await area.boundingBox())!;
    await page.mouse.dblclick(box.x + box.width / 2, box.y + box.height * 0.75);
    await editor.fill(texts.clicked);
    await editor.press('Enter');
    await freeNote(page, texts.clicked).waitFor();
    // The note sits where the double-click was.
    const placed = (await freeNote(page, texts.clicked).boundingBox())!;
    expect(Math.abs(placed.y - (box.y + box.height * 0.75))).toBeLessThan(30);
  });

  it('moves a note out of its zone and back with "Move to…", by keyboard and by pointer, undoably', async () => {
    await note(page, 'channels', texts.zoned).getByRole('button', { name: w('canvas.note.actions', { text: texts.zoned }) }).click();
    await page.getByRole('menuitem', { name: w('canvas.note.moveTo') }).click();
    await page.getByRole('menuitem', { name: w('canvas.free.title'), exact: true }).click();
    await freeNote(page, texts.zoned).waitFor();
    await page.keyboard.press('Control+z');
    await note(page, 'channels', texts.zoned).waitFor();
    await page.keyboard.press('Control+y');
    await freeNote(page, texts.zoned).waitFor();

    // By keyboard: lift, arrow towards the grid until over a zone, drop.
    const handle = freeNote(page, texts.zoned).locator('[data-drag-handle]');
    await handle.focus();
    await page.keyboard.press('Space');
    await page.keyboard.press(lang === 'ar' ? 'ArrowRight' : 'ArrowLeft');
    await page.keyboard.press('Space');
    await page.locator(`section[data-zone] li[data-note]`).filter({ hasText: texts.zoned }).waitFor();

    // By pointer: drag it back into the free area.
    const back = page.locator(`section[data-zone] li[data-note]`).filter({ hasText: texts.zoned }).locator('[data-drag-handle]');
    const from = (await back.boundingBox())!;
    const area = (await page.locator('section[data-free-area]').boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(area.x + area.width / 2, area.y + 250, { steps: 15 });
    await page.mouse.up();
    await freeNote(page, texts.zoned).waitFor();
    await page.keyboard.press('Control+z');
    await page.locator(`section[data-zone] li[data-note]`).filter({ hasText: texts.zoned }).waitFor();
    await page.keyboard.press('Control+Shift+z');
    await freeNote(page, texts.zoned).waitFor();

    await boardSaved(page);
    await page.reload();
    await waitReady(page, lang);
    for (const text of Object.values(texts)) await freeNote(page, text).waitFor();
    await page.getByRole('button', { name: w('canvas.fit') }).click();
  });

  it('shows each note’s votes only once the dot vote is revealed', async () => {
    const workshop = await call<Workshop>('workshops.start', { canvasId: canvas.id });
    const vote = await call<VoteSession>('workshops.startVote', { workshopId: workshop.id, title: `Vote ${lang}`, votesPerPerson: 3 });
    await call('workshops.voteOnBehalf', { voteSessionId: vote.id, noteId: zoned.id, voterName: 'Aziza' });
    await call('workshops.voteOnBehalf', { voteSessionId: vote.id, noteId: zoned.id, voterName: 'Bekzod' });
    await page.reload();
    await waitReady(page, lang);
    await freeNote(page, texts.zoned).waitFor();
    // Open: the tally stays hidden.
    expect(await page.locator('li[data-note] .note-votes').count()).toBe(0);
    await call('workshops.revealVote', { id: vote.id });
    await page.reload();
    await waitReady(page, lang);
    const badge = freeNote(page, texts.zoned).locator('.note-votes');
    await badge.waitFor();
    expect(await badge.innerText()).toContain('2');
    expect(await badge.locator('.visually-hidden').textContent()).toBe(w(`workshop.vote.count_${new Intl.PluralRules(lang).select(2)}`, { count: 2 }));
    await page.locator('[data-votes-shown]').filter({ hasText: `Vote ${lang}` }).waitFor();
    await call('workshops.end', { id: workshop.id });
    await screenshot(page, `${lang}-canvas-free-and-votes`);
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('closing the page', () => {
  it('asks first while a board change is still being saved, and not once it is stored', async () => {
    await call('settings.update', { language: 'en' });
    const canvas = await call<Canvas>('canvases.create', { templateId: bmc.id, title: 'Closing board' });
    const tab = await page.context().newPage();
    await tab.goto(served.url);
    await open(tab, canvas.id, 'en', true);
    // Core's answer to the new note is held back, so the change is still on its way.
    let answer!: () => void;
    const heldBack = new Promise<void>((resolve) => (answer = resolve));
    await tab.route('**/api/call/notes.create', async (route) => {
      await heldBack;
      await route.continue();
    });
    await tab.getByRole('button', { name: uiWords('en')('canvas.free.add') }).click();
    const editor = tab.locator('section[data-free-area] form textarea[dir="auto"]').first();
    await editor.fill('Saved before leaving');
    await editor.press('Enter');
    await tab.locator('[data-saving]').waitFor();

    const asked = tab.waitForEvent('dialog', { timeout: 5_000 });
    await tab.close({ runBeforeUnload: true });
    const question = await asked;
    expect(question.type()).toBe('beforeunload');
    await question.dismiss();
    expect(tab.isClosed()).toBe(false);

    answer();
    await boardSaved(tab);
    const questions: string[] = [];
    tab.on('dialog', (d) => {
      questions.push(d.type());
      void d.accept();
    });
    await tab.close({ runBeforeUnload: true });
    await expect.poll(() => tab.isClosed()).toBe(true);
    expect(questions).toEqual([]);
    const board = await call<{ notes: Note[] }>('canvases.get', { id: canvas.id });
    expect(board.notes.map((n) => n.text)).toEqual(['Saved before leaving']);
  });
});

describe('printing', () => {
  it('prints every zone and note on one A4 landscape page (the serve mode printable page)', async () => {
    if ((await page.locator('[data-app-ready]').getAttribute('data-app-ready')) !== 'en') await switchLanguage(page, 'en');
    const texts = ['Clinic partners', 'Visa in a day', 'Medical tourists'];
    const { canvas } = await newCanvas('Printed board', [
      { text: texts[0], zoneKey: 'key-partners' },
      { text: texts[1], zoneKey: 'value-propositions' },
      { text: texts[2], zoneKey: 'segments' },
    ]);
    await open(page, canvas.id, 'en');
    // The browser's print dialog cannot be driven headless: the page's call to it is recorded, and
    // Chromium prints the same page to PDF below (what the desktop app's printToPDF does).
    await page.evaluate(() => (window.print = () => ((window as unknown as { printed_: boolean }).printed_ = true)));
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Print or save as PDF' }).click();
    const picture = page.locator('[data-canvas-print] img');
    await picture.waitFor({ state: 'attached' });
    await page.waitForFunction(() => (window as unknown as { printed_?: boolean }).printed_ === true);
    await page.emulateMedia({ media: 'print' });
    expect(await picture.isVisible()).toBe(true);
    expect(await page.locator('header').isVisible()).toBe(false);
    // Back to the page's own media, so that the PDF is printed with the print stylesheet (an
    // emulated "screen" would print the app itself).
    await page.emulateMedia({ media: null });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const text = pdf.toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    // One page for a canvas that fits, A4 landscape from the page's own @page rule: 297 × 210 mm
    // is 842 × 595 points.
    expect(pdfPageCount(pdf)).toBe(1);
    const boxes = [...text.matchAll(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/g)];
    expect(boxes.length).toBeGreaterThan(0);
    for (const [, width, height] of boxes) expect([Math.round(Number(width)), Math.round(Number(height))]).toEqual([842, 595]);
    // The picture is on it, drawn as vectors with its text: every zone title and every note.
    const printed = pdfText(pdf).replace(/\s+/g, ' ');
    for (const zone of bmc.zones) expect(printed).toContain(zone.title.en);
    for (const text of texts) expect(printed).toContain(text);
    // What the picture shows is the canvas drawn from the model: every zone title and every note.
    // (The page's CSP keeps fetch away from blob: URLs; opening the picture itself shows its source.)
    const src = (await picture.getAttribute('src'))!;
    await page.goto(src);
    const svg = await page.evaluate(() => document.documentElement.outerHTML);
    for (const zone of bmc.zones) expect(svg).toContain(zone.title.en.replace(/&/g, '&amp;'));
    for (const text of texts) expect(svg).toContain(text);
  });
});
