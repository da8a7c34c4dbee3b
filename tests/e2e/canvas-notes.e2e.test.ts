/**
 * Note features of issue 4 driven through the board, in English and Arabic: the N shortcut (by the
 * physical key, so an Arabic layout works) and the setting that turns it off, undo and redo with
 * Cmd (Meta) as on a Mac, colour with its second cue and status from the note editor, a move shown
 * before its save answers (and undone even then), the note editor scrolled into view at the edge of
 * a scrolled board, the icons under forced colours, multi-select
 * grouped into a labelled cluster, and panning by dragging the empty board.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Board, Canvas } from '../../electron/shared/canvas/model';
import { findTemplate } from '../../electron/shared/canvas/catalogue';
import { axeViolations, boardSaved, openApp, screenshot, switchLanguage, uiWords, waitReady, type Lang } from '../support/app-page';
import { callServed, type Served } from '../support/serve';

let app: Awaited<ReturnType<typeof openApp>>;
let page: Page;
let served: Served;

const bmc = findTemplate('business-model-canvas')!;
const zoneTitle = (key: string, lang: Lang) => bmc.zones.find((z) => z.key === key)!.title[lang];
const api = <T>(method: string, input: unknown) => callServed<T>(served, method, input);
const home = () => served.url.split('#')[0];
const note = (zone: string, text: string) => page.locator(`section[data-zone="${zone}"] li[data-note]`).filter({ hasText: text });

beforeAll(async () => {
  app = await openApp();
  ({ page, served } = app);
});
afterAll(() => app?.close());

const WALKS: { lang: Lang; typed: string; first: string; second: string; cluster: string }[] = [
  { lang: 'en', typed: 'Added with N', first: 'Ministry of Health', second: 'District schools', cluster: 'Public partners' },
  { lang: 'ar', typed: 'أضيفت بمفتاح N', first: 'وزارة الصحة', second: 'مدارس المنطقة', cluster: 'شركاء حكوميون' },
];

describe.each(WALKS)('notes on the board in $lang', ({ lang, typed, first, second, cluster }) => {
  const w = uiWords(lang);
  let canvas: Canvas;

  it('adds a note with the N key in the focused zone, undoes and redoes it with Cmd', async () => {
    canvas = await api<Canvas>('canvases.create', { templateId: bmc.id, title: `Notes ${lang}` });
    await api('notes.create', { canvasId: canvas.id, notes: [{ text: first, zoneKey: 'key-partners' }, { text: second, zoneKey: 'key-partners' }] });
    await page.goto(`${home()}#/canvases/${canvas.id}`);
    await page.getByRole('heading', { level: 1, name: canvas.title }).waitFor();
    if ((await page.locator('[data-app-ready]').getAttribute('data-app-ready')) !== lang) await switchLanguage(page, lang);

    await page.getByRole('button', { name: w('canvas.note.add', { zone: zoneTitle('channels', lang) }), exact: true }).focus();
    if (lang === 'ar') {
      // With an Arabic layout the N key types «ى»: the shortcut goes by the key, not the letter.
      await page.evaluate(() => document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ى', code: 'KeyN', bubbles: true })));
    } else {
      await page.keyboard.press('n');
    }
    const editor = page.getByRole('textbox', { name: w('canvas.note.text'), exact: true });
    await editor.fill(typed);
    await editor.press('Enter');
    await note('channels', typed).waitFor();

    await page.keyboard.press('Meta+z');
    await note('channels', typed).waitFor({ state: 'detached' });
    await page.keyboard.press('Meta+Shift+z');
    await note('channels', typed).waitFor();
    await expect.poll(async () => (await api<Board>('canvases.get', { id: canvas.id })).notes.filter((n) => n.text === typed).map((n) => n.zoneKey)).toEqual(['channels']);
  });

  it('does nothing on N once single-key shortcuts are turned off in Settings', async () => {
    await page.goto(`${home()}#/settings`);
    await waitReady(page, lang);
    const shortcuts = page.getByRole('switch', { name: w('settings.canvasShortcuts') });
    await shortcuts.click(); // saved, then shown from the stored settings
    await expect.poll(() => shortcuts.isChecked()).toBe(false);
    await page.goto(`${home()}#/canvases/${canvas.id}`);
    await page.getByRole('heading', { level: 1, name: canvas.title }).waitFor();
    await page.getByRole('button', { name: w('canvas.note.add', { zone: zoneTitle('channels', lang) }), exact: true }).focus();
    await page.keyboard.press('n');
    // The key's handler runs as the key is pressed and the editor would be drawn in the next frames.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    expect(await page.getByRole('textbox', { name: w('canvas.note.text'), exact: true }).count()).toBe(0);

    await page.goto(`${home()}#/settings`);
    await waitReady(page, lang);
    await page.getByRole('switch', { name: w('settings.canvasShortcuts') }).click();
    await expect.poll(() => page.getByRole('switch', { name: w('settings.canvasShortcuts') }).isChecked()).toBe(true);
  });

  it('sets colour and status in the note editor: the colour carries an icon too', async () => {
    await page.goto(`${home()}#/canvases/${canvas.id}`);
    await page.getByRole('heading', { level: 1, name: canvas.title }).waitFor();
    const cue = (text: string) => note('key-partners', text).locator('.note-cue .note-icon').evaluate((el) => getComputedStyle(el).backgroundImage);
    const yellowCue = await cue(second);
    await note('key-partners', first).getByRole('button', { name: w('canvas.note.actions', { text: first }) }).click();
    await page.getByRole('menuitem', { name: w('canvas.note.edit') }).click();
    // The editor stays within the board's view: none of it is cut off at the edge.
    const editorBox = (await page.locator('[data-note-editor]').boundingBox())!;
    const board = (await page.locator('[data-canvas-viewport]').boundingBox())!;
    expect(editorBox.x >= board.x && editorBox.x + editorBox.width <= board.x + board.width).toBe(true);
    await page.getByRole('combobox', { name: w('canvas.note.color') }).click();
    await page.getByRole('option', { name: w('canvas.color.pink'), exact: true }).click();
    await page.getByRole('combobox', { name: w('canvas.note.status') }).click();
    await page.getByRole('option', { name: w('canvas.status.validated'), exact: true }).click();
    await page.getByRole('form', { name: w('canvas.note.text') }).getByRole('button', { name: w('common.save') }).click();
    const card = note('key-partners', first);
    await card.locator('.note-status').getByText(w('canvas.status.validated')).waitFor();
    expect(await cue(first)).not.toBe(yellowCue);
    expect(await card.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe(await note('key-partners', second).evaluate((el) => getComputedStyle(el).backgroundColor));
    await boardSaved(page);
    const stored = (await api<Board>('canvases.get', { id: canvas.id })).notes.find((n) => n.text === first)!;
    expect(stored).toMatchObject({ color: 'pink', status: 'validated' });
  });

  it('shows a moved note in its new zone before the save answers; undo and redo pressed meanwhile both count', async () => {
    // The save is held until undo and redo have been pressed.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/call/notes.update', async (route) => (await held, route.continue()), { times: 1 });
    await note('key-partners', second).getByRole('button', { name: w('canvas.note.actions', { text: second }) }).click();
    await page.getByRole('menuitem', { name: w('canvas.note.moveTo') }).click();
    await page.getByRole('menuitem', { name: zoneTitle('key-activities', lang), exact: true }).click();
    await note('key-activities', second).waitFor();
    // Not stored yet, and the toolbar says so once the save takes a moment.
    await expect.poll(() => page.locator('[data-saving]').evaluate((el) => [el.textContent, getComputedStyle(el).opacity])).toEqual([w('canvas.saving'), '1']);
    await screenshot(page, `${lang}-canvas-saving`);
    await page.keyboard.press('Meta+z');
    await page.keyboard.press('Meta+Shift+z');
    release();
    // The undo took this move (not the note added before it), and the redo made it again.
    await boardSaved(page);
    await note('key-activities', second).waitFor();
    await note('channels', typed).waitFor();
    expect((await api<Board>('canvases.get', { id: canvas.id })).notes.find((n) => n.text === second)!.zoneKey).toBe('key-activities');
    await page.keyboard.press('Meta+z');
    await note('key-partners', second).waitFor();
    await boardSaved(page);
    expect((await api<Board>('canvases.get', { id: canvas.id })).notes.find((n) => n.text === second)!.zoneKey).toBe('key-partners');
  });

  it('brings all of the note editor into view when the note sits at the edge of a scrolled board', async () => {
    const viewport = page.locator('[data-canvas-viewport]');
    const card = note('channels', typed);
    // Scroll so the card's line-end side and its foot are just inside the view: its editor, wider and
    // taller than the card and growing towards the line's end and downwards, would open across the view's edges.
    const [cardBox, viewBox] = [(await card.boundingBox())!, (await viewport.boundingBox())!];
    const delta = lang === 'ar' ? cardBox.x - (viewBox.x + 10) : cardBox.x + cardBox.width - (viewBox.x + viewBox.width - 10);
    await viewport.evaluate((el, by) => (el.scrollLeft += by), delta);
    // The view is made to end just below the card (as on a short window), so the taller editor would open past its foot.
    await viewport.evaluate((el, height) => Object.assign(el.style, { height: `${height}px`, minHeight: '0' }), cardBox.y + cardBox.height + 10 - viewBox.y);
    try {
      const moved = (await card.boundingBox())!;
      const shortView = (await viewport.boundingBox())!;
      expect(Math.abs(lang === 'ar' ? moved.x - (viewBox.x + 10) : moved.x + moved.width - (viewBox.x + viewBox.width - 10))).toBeLessThan(2);
      expect(Math.abs(moved.y + moved.height - (shortView.y + shortView.height - 10))).toBeLessThan(2);
      await card.getByRole('button', { name: w('canvas.note.actions', { text: typed }) }).click();
      await page.getByRole('menuitem', { name: w('canvas.note.edit') }).click();
      const editor = (await page.locator('[data-note-editor]').boundingBox())!;
      const view = (await viewport.boundingBox())!;
      expect(editor.x >= view.x - 1 && editor.x + editor.width <= view.x + view.width + 1).toBe(true);
      expect(editor.y >= view.y - 1 && editor.y + editor.height <= view.y + view.height + 1).toBe(true);
      expect(editor.height).toBeGreaterThan(moved.height + 20);
      await screenshot(page, `${lang}-canvas-editor-at-edge`);
      await page.keyboard.press('Escape');
      await page.locator('[data-note-editor]').waitFor({ state: 'detached' });
    } finally {
      await viewport.evaluate((el) => Object.assign(el.style, { height: '', minHeight: '' }));
    }
  });

  it("draws the note icons in the system's text colour under forced colours (Windows high contrast)", async () => {
    const icon = note('key-partners', first).locator('.note-cue .note-icon');
    const paint = () => icon.evaluate((el) => ({ ink: getComputedStyle(el).backgroundColor, mask: getComputedStyle(el).maskImage, text: getComputedStyle(el.closest('.note')!).color }));
    expect((await paint()).mask).toBe('none');
    await page.emulateMedia({ forcedColors: 'active' });
    try {
      const forced = await paint();
      expect(forced.mask).toMatch(/^url\("data:image\/svg\+xml/);
      expect(forced.ink).toBe(forced.text); // the card's text is the system's text colour too
      expect(await note('key-partners', first).evaluate((el) => getComputedStyle(el).borderTopStyle)).toBe('solid'); // its edge, without the shadow
      await note('key-partners', first).scrollIntoViewIfNeeded();
      await screenshot(page, `${lang}-canvas-forced-colors`);
    } finally {
      await page.emulateMedia({ forcedColors: 'none' });
    }
  });

  it('selects two notes and groups them into a labelled cluster', async () => {
    await page.getByRole('checkbox', { name: w('canvas.note.select', { text: first }) }).check();
    await page.getByRole('checkbox', { name: w('canvas.note.select', { text: second }) }).check();
    await page.getByText(w(lang === 'ar' ? 'canvas.selected_two' : 'canvas.selected_other', { count: 2 })).waitFor(); // Arabic has a dual form
    await page.getByRole('button', { name: w('canvas.cluster.group') }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: w('canvas.cluster.label') }).fill(cluster);
    await dialog.getByRole('button', { name: w('common.save') }).click();
    await page.locator('section[data-zone="key-partners"]').getByText(cluster, { exact: true }).waitFor();
    await boardSaved(page);
    const board = await api<Board>('canvases.get', { id: canvas.id });
    const made = board.clusters.find((c) => c.label === cluster)!;
    expect(board.notes.filter((n) => n.clusterId === made.id).map((n) => n.text).sort()).toEqual([first, second].sort());
    // Nothing on the page reaches past the window (a hidden live region once did, by 124 px).
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    await screenshot(page, `${lang}-canvas-notes-cluster`);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('pans when the empty board is dragged with the mouse, in either direction of writing', async () => {
    const viewport = page.locator('[data-canvas-viewport]');
    const scroll = () => viewport.evaluate((el) => ({ left: el.scrollLeft, top: el.scrollTop }));
    await viewport.evaluate((el) => el.scrollTo({ left: 0, top: 0 }));
    // An empty spot low in the middle of the board's view: the notes of this canvas sit elsewhere.
    await page.evaluate(() => document.querySelector('[data-canvas-viewport]')!.scrollIntoView({ block: 'end' }));
    const box = (await viewport.boundingBox())!;
    const from = { x: box.x + box.width / 2, y: Math.min(box.y + box.height, page.viewportSize()!.height) - 40 };
    expect(await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('li[data-note], button') ?? null, from)).toBeNull();
    const toward = lang === 'ar' ? 1 : -1; // towards the start of the line, to see what lies after
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x + toward * 150, from.y - 60, { steps: 8 });
    await page.mouse.up();
    const after = await scroll();
    expect(Math.abs(after.left)).toBeGreaterThan(100);
    expect(after.top).toBeGreaterThan(30);
  });
});
