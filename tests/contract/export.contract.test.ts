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

  it('writes days and moments as date cells the spreadsheet sorts, a moment in this computer’s time; CSV keeps ISO text', async () => {
    const zone = process.env.TZ;
    process.env.TZ = 'Asia/Tashkent';
    try {
      expect(await test.call('projects.create', { title: 'Dated pilot', startDate: '2026-03-01', endDate: '2026-08-31' })).toMatchObject({ ok: true });
      const row = test.core.db.prepare("SELECT updated_at FROM projects WHERE title = 'Dated pilot'").get() as { updated_at: string };
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await exported('xlsx', 'en')).bytes as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0];
      const headers = (sheet.getRow(1).values as string[]).slice(1);
      const dated = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(1).value === 'Dated pilot')!;
      const cell = (header: string) => dated.getCell(headers.indexOf(header) + 1);
      expect(cell('Start date').value).toEqual(new Date('2026-03-01T00:00:00Z'));
      expect(cell('Start date').numFmt).toBe('yyyy-mm-dd');
      expect(cell('End date').value).toEqual(new Date('2026-08-31T00:00:00Z'));
      // Tashkent is five hours ahead of UTC all year: the cell shows the clock there.
      const updated = new Date(row.updated_at);
      expect(cell('Last updated').value).toEqual(new Date(Math.floor((updated.getTime() + 5 * 3600_000) / 1000) * 1000));
      expect(cell('Last updated').numFmt).toBe('yyyy-mm-dd hh:mm');
      const csv = (await exported('csv', 'en')).bytes.toString('utf8');
      expect(csv).toContain(`2026-03-01,2026-08-31,${row.updated_at}`);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('refuses an unknown format or language', async () => {
    expect(await test.call('portfolio.export', { format: 'pdf', language: 'en' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await test.call('portfolio.export', { format: 'csv', language: 'fr' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
