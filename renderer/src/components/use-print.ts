import { useApiMutation, useHasMethod } from '../api/hooks';

/** A title as a file name the PDF save dialog accepts (the contract refuses separators and control characters). */
// eslint-disable-next-line no-control-regex -- control characters are what is being removed
export const pdfFileName = (title: string) => `${title.replace(/[\\/:*?"<>|\u0000-\u001f]/g, ' ').trim().slice(0, 100) || 'ibtikar'}.pdf`;

/**
 * Printing a page laid out by its print stylesheet: the desktop app saves an A4 PDF through
 * Chromium's printToPDF (backgrounds kept); a browser opens its own print dialog.
 */
export function usePrint() {
  const savesPdf = useHasMethod('desktop.printToPdf');
  const save = useApiMutation('desktop.printToPdf');
  return {
    /** Whether this door saves a PDF itself (the button then says so). */
    savesPdf,
    error: save.error,
    print: (title: string, landscape: boolean) => (savesPdf ? save.mutate({ fileName: pdfFileName(title), landscape }) : window.print()),
  };
}
