/**
 * Group `canvas`: a Business Model Canvas with 2,000 multilingual notes. Core load time of the whole
 * board, the shared layout of it, a note edit round trip through the HTTP door, and in headless
 * Chromium the board's first render (from the route change to notes on screen; viewport culling
 * keeps it to what is visible) and the frame times while a note is dragged across it.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDispatcher } from '../electron/core/dispatch';
import { startHeadless } from '../electron/core/headless';
import { findTemplate } from '../electron/shared/canvas/catalogue';
import { layoutBoard } from '../electron/shared/canvas/layout';
import type { Board, Note } from '../electron/shared/canvas/model';
import { launchChromium } from '../tests/support/browser';
import { below, percentile, timeRuns, type Figure } from './figures';
import { sampleTitle } from './sample-text';

const NOTES = 2000;
const RUNS = 200;

export async function benchCanvas(): Promise<Figure[]> {
  const staticDir = fileURLToPath(new URL('../renderer/', import.meta.url));
  if (!existsSync(staticDir)) throw new Error('The canvas bench renders the board in Chromium: run "npm run build" first.');
  const dataDir = mkdtempSync(join(tmpdir(), 'ibtikar-bench-'));
  const server = await startHeadless({ dataDir, host: '127.0.0.1', port: 0, staticDir, appVersion: 'bench' });
  const figures: Figure[] = [];
  const add = (f: Omit<Figure, 'group'>) => figures.push({ group: 'canvas', ...f });
  const dispatcher = createDispatcher(server.core.handlers, { info() {}, warn() {}, error() {} });
  const caller = { role: 'host', door: 'inprocess' } as const;
  const call = async <T>(method: string, input: unknown) => {
    const result = await dispatcher.dispatch(method, input, caller);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value as T;
  };
  const browser = await launchChromium();
  try {
    const template = findTemplate('business-model-canvas')!;
    const canvas = await call<{ id: string }>('canvases.create', { templateId: template.id, title: 'Bench canvas' });
    const zones = template.zones.map((z) => z.key);
    // Most notes in the big zones, as a real workshop leaves them; batches of 500 per call.
    for (let start = 0; start < NOTES; start += 500) {
      const notes = Array.from({ length: 500 }, (_, k) => ({ text: sampleTitle(start + k), zoneKey: zones[(start + k) % zones.length], color: 'yellow' }));
      await call('notes.create', { canvasId: canvas.id, notes });
    }

    const load = await timeRuns(50, () => call('canvases.get', { id: canvas.id }), 3);
    add({ id: 'load-p50', label: `load a ${NOTES}-note board in core, p50`, value: load.p50, unit: 'ms' });
    add({ id: 'load-p95', label: `load a ${NOTES}-note board in core, p95`, value: load.p95, unit: 'ms', ...below(load.p95, 50) });
    const board = await call<Board>('canvases.get', { id: canvas.id });
    const layout = await timeRuns(50, () => layoutBoard(template, board.notes, board.clusters, 'rtl'), 3);
    add({ id: 'layout-p95', label: `lay out ${NOTES} notes (shared layout, mirrored), p95`, value: layout.p95, unit: 'ms' });

    // Edits through the HTTP door, each against the version the previous one returned.
    const base = `http://127.0.0.1:${server.port}`;
    let target: Note = board.notes[0];
    const edit = await timeRuns(RUNS, async (i) => {
      const response = await fetch(`${base}/api/call/notes.update`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ canvasId: canvas.id, edits: [{ id: target.id, baseVersion: target.version, patch: { text: `Edit ${i} تعديل` } }] }),
      });
      const result = (await response.json()) as { ok: boolean; value: Note[] };
      if (!result.ok) throw new Error('note edit refused');
      target = result.value[0];
    });
    add({ id: 'edit-http-p50', label: 'note edit round trip through the HTTP door, p50', value: edit.p50, unit: 'ms' });
    add({ id: 'edit-http-p95', label: 'note edit round trip through the HTTP door, p95', value: edit.p95, unit: 'ms', ...below(edit.p95, 10) });

    const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
    await page.goto(`${base}/#token=${server.token}`);
    await page.locator('[data-app-ready]').waitFor();
    const renders: number[] = [];
    for (let i = 0; i < 5; i++) {
      await page.evaluate(() => (window.location.hash = '#/canvases'));
      await page.locator('h1').filter({ hasText: 'Canvases' }).waitFor();
      const start = performance.now();
      await page.evaluate((id) => (window.location.hash = `#/canvases/${id}`), canvas.id);
      await page.locator('li[data-note]').first().waitFor();
      renders.push(performance.now() - start);
    }
    renders.sort((a, b) => a - b);
    const rendered = await page.locator('li[data-note]').count();
    add({ id: 'first-render-p50', label: `first render of the board in Chromium (${rendered} of ${NOTES} notes in view), p50`, value: percentile(renders, 50), unit: 'ms', ...below(percentile(renders, 50), 500) });

    // Drag one note across the board by pointer and time every frame while it moves.
    const handle = page.locator('li[data-note] button[aria-roledescription="draggable"]').first();
    const box = (await handle.boundingBox())!;
    await page.evaluate(() => {
      const w = window as unknown as { frames_: number[]; stop_: boolean };
      w.frames_ = [];
      w.stop_ = false;
      let last = performance.now();
      const tick = (now: number) => {
        w.frames_.push(now - last);
        last = now;
        if (!w.stop_) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + 600, box.y + 300, { steps: 60 });
    await page.mouse.up();
    const frames = (await page.evaluate(() => {
      const w = window as unknown as { frames_: number[]; stop_: boolean };
      w.stop_ = true;
      return w.frames_.slice(1);
    })) as number[];
    frames.sort((a, b) => a - b);
    add({ id: 'drag-frame-p95', label: `frame time while dragging a note (${frames.length} frames), p95`, value: percentile(frames, 95), unit: 'ms', ...below(percentile(frames, 95), 16) });
    return figures;
  } finally {
    await browser.close();
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
