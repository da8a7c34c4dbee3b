/** Portfolio exports: XLSX with a sheet per record type and CSV with a BOM, both in the user's language. */
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../support/core';

let test: TestCore;
beforeEach(() => (test = makeCore()));
afterEach(() => test.close());

async function exported(format: 'xlsx' | 'csv', language: string) {
  const result = await test.call('portfolio.export', { format, language });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  const file = result.value as { fileName: string; mimeType: string; base64: string };
  return { ...file, bytes: Buffer.from(file.base64, 'base64') };
}

describe('portfolio export', () => {
  it('writes one sheet per record type, in Arabic, right to left', async () => {
    await test.call('lab.loadSample', {});
    const file = await exported('xlsx', 'ar');
    expect(file.fileName).toMatch(/^ibtikar-portfolio-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['المشاريع', 'قرارات البوابات', 'التحديات', 'بنك الأفكار', 'الأشخاص']);
    const projects = workbook.worksheets[0];
    expect(projects.views[0].rightToLeft).toBe(true);
    expect(projects.getRow(1).getCell(1).value).toBe('العنوان');
    expect(projects.rowCount).toBe(14); // header + 13 projects
    const stages = (projects.getColumn(3).values as string[]).slice(2);
    expect(stages).toContain('1 | الفرص والتحديات');
    const ideas = workbook.worksheets[3];
    expect(ideas.getRow(2).getCell(6).value).toBe(4.25); // the best idea: both reviewers' weighted means are 4.25
  });

  it('writes projects as CSV with a byte-order mark, quoted fields and defused formulas', async () => {
    await test.call('projects.create', { title: '=HYPERLINK("http://evil")', summary: 'Line one\nLine "two", with a comma' });
    await test.call('projects.create', { title: 'Ёлка, парк' });
    const file = await exported('csv', 'ru');
    expect([...file.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = file.bytes.subarray(3).toString('utf8');
    const [header] = text.split('\r\n');
    expect(header.startsWith('Название,Краткое описание,Этап,Статус')).toBe(true);
    expect(text).toContain(`"'=HYPERLINK(""http://evil"")","Line one\nLine ""two"", with a comma",1 · Возможности и вызовы,Активен`);
    expect(text).toContain('"Ёлка, парк"');
  });

  it('refuses an unknown format or language', async () => {
    expect(await test.call('portfolio.export', { format: 'pdf', language: 'en' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await test.call('portfolio.export', { format: 'csv', language: 'fr' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
