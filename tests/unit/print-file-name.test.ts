import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contract } from '../../electron/shared/api/contract';
import { pdfFileName } from '../../renderer/src/components/use-print';
import { fileName } from '../../renderer/src/features/canvases/export-files';

describe('the suggested PDF file name', () => {
  it('keeps a readable title in any script', () => {
    expect(pdfFileName('تقرير تجربة: الطوابير / 2026')).toBe('تقرير تجربة  الطوابير   2026.pdf');
    expect(pdfFileName('   ')).toBe('ibtikar.pdf');
  });

  it('is accepted by desktop.printToPdf for every title a user can type', () => {
    const input = contract['desktop.printToPdf'].input;
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (title) => input.safeParse({ fileName: pdfFileName(title) }).success));
  });
});

describe('the suggested name of a canvas or workshop export', () => {
  it('keeps the letters and digits of any script and folds the rest to dashes', () => {
    expect(fileName('شجرة المشكلة: الطوابير / 2026', 'csv', 'لوحة')).toBe('شجرة-المشكلة-الطوابير-2026.csv');
    expect(fileName('Oʻquvchilar — xarita?', 'svg', 'Kanvas')).toBe('Oʻquvchilar-xarita.svg');
  });

  it('falls back to a word in the user’s language when the title has no letter or digit', () => {
    expect(fileName('?!… ', 'png', 'لوحة')).toBe('لوحة.png');
    expect(fileName('***', 'canvas', 'Холст проекта')).toBe('Холст-проекта.canvas');
  });
});
