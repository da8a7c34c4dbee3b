/**
 * PDF summaries inside bundles. With a renderer (the desktop app's Chromium printToPDF; here the same
 * Chromium through Playwright) the export carries `summary.pdf`: the viewer page printed on A4, in the
 * exporter's language, stored, listed in the manifest with its size and SHA-256, so `unzip -t` passes
 * and the bundle imports as any other. Without a renderer (command line, serve) there is none; a
 * renderer that fails fails the export with a clear message and leaves no file behind.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { callValue, makeCore, type TestCore } from '../support/core';
import { addLabWork, exportTo, importFile, tempDir } from '../support/bundles';
import { SCREENSHOTS } from '../support/app-page';
import { removeDir } from '../support/serve';

let browser: Browser;
let dir: string;
let printed: TestCore;
const LAB = 'مختبر الابتكار · Innovation Lab';

/** Prints as the desktop's print window does: the page alone, JavaScript off, A4 with backgrounds. */
const chromiumPdf = async (html: string) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const tab = await context.newPage();
    await tab.setContent(html);
    return await tab.pdf({ format: 'A4', printBackground: true });
  } finally {
    await context.close();
  }
};

beforeAll(async () => {
  browser = await launchChromium();
  dir = tempDir();
  mkdirSync(SCREENSHOTS, { recursive: true });
  printed = makeCore(undefined, { renderPdf: chromiumPdf });
  await callValue(printed, 'lab.loadSample', {});
  await addLabWork(printed);
  await callValue(printed, 'lab.rename', { name: LAB });
});
afterAll(async () => {
  await browser?.close();
  printed?.close();
  removeDir(dir);
});

const unzip = (...args: string[]) => execFileSync('unzip', args);
const manifestOf = (file: string) => JSON.parse(unzip('-p', file, 'manifest.json').toString()) as { formatVersion: number; files: { path: string; bytes: number; sha256: string }[] };

/** The PDF's document title (Chromium writes the page's <title> into the Info dictionary as UTF-16BE). */
function pdfTitle(pdf: Buffer): string {
  const text = pdf.toString('latin1');
  const hex = /\/Title\s*<FEFF([0-9A-Fa-f]*)>/.exec(text)?.[1];
  if (hex !== undefined) return Buffer.from(hex, 'hex').swap16().toString('utf16le');
  const literal = /\/Title\s*\(((?:\\.|[^\\)])*)\)/.exec(text)?.[1] ?? '';
  const bytes = Buffer.from(literal.replace(/\\([0-7]{1,3}|.)/g, (_, c: string) => (/^[0-7]+$/.test(c) ? String.fromCharCode(parseInt(c, 8)) : c)), 'latin1');
  return bytes[0] === 0xfe && bytes[1] === 0xff ? bytes.subarray(2).swap16().toString('utf16le') : bytes.toString('latin1');
}

describe.each([
  { language: 'ar' as const, title: ': حزمة مشتركة' },
  { language: 'en' as const, title: ': shared bundle' },
])('summary.pdf in $language', ({ language, title }) => {
  it('is the viewer printed on A4, listed and checked like every file, and the bundle imports', async () => {
    const file = join(dir, `${language}.ibtikar`);
    await exportTo(printed, file, { language });
    unzip('-tq', file);
    const manifest = manifestOf(file);
    expect(manifest.formatVersion).toBe(2);
    const listed = manifest.files.find((f) => f.path === 'summary.pdf');
    const pdf = unzip('-p', file, 'summary.pdf');
    expect(listed).toEqual({ path: 'summary.pdf', bytes: pdf.length, sha256: createHash('sha256').update(pdf).digest('hex') });
    // Kept beside the screenshots for a person to open.
    writeFileSync(join(SCREENSHOTS, `${language}-bundle-summary.pdf`), pdf);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1').trimEnd()).toMatch(/%%EOF$/);
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length).toBeGreaterThanOrEqual(1);
    // A4 is 595 × 842 points.
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox\s*\[0 0 59[45](\.\d+)? 84[12](\.\d+)?\]/);
    expect(pdfTitle(pdf)).toBe(`${LAB}${title}`);
    // Stored (method 0): a PDF compresses its own streams.
    expect(unzip('-v', file).toString()).toMatch(/Stored.*summary\.pdf/);

    const other = makeCore();
    try {
      const { summary } = await importFile(other, file);
      expect(summary.inserted).toBeGreaterThan(0);
    } finally {
      other.close();
    }
  });
});

it('is absent where nothing can print (the command line, serve), and a printer that fails fails the export', async () => {
  const plain = makeCore();
  const failing = makeCore(undefined, {
    renderPdf: async () => {
      throw new Error('the print window closed');
    },
  });
  try {
    const file = join(dir, 'plain.ibtikar');
    await exportTo(plain, file);
    expect(manifestOf(file).files.some((f) => f.path === 'summary.pdf')).toBe(false);
    expect(unzip('-Z1', file).toString()).not.toContain('summary.pdf');

    const target = join(dir, 'failing', 'lab.ibtikar');
    await expect(exportTo(failing, target)).rejects.toThrow('The PDF summary could not be made: the print window closed');
    expect(readdirSync(join(dir, 'failing'))).toEqual([]);
  } finally {
    plain.close();
    failing.close();
  }
});
