import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contract } from '../../electron/shared/api/contract';
import { pdfFileName } from '../../renderer/src/components/use-print';

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
