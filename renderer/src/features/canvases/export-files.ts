/**
 * A canvas as files: JSON Canvas, SVG (fonts inside), PNG (the SVG drawn by the browser), CSV of
 * the notes. Each is drawn from the board data with the shared export functions, in the UI
 * language and direction; nothing here reads the screen.
 */
import arabic400 from '@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-400-normal.woff2?url';
import arabic700 from '@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-700-normal.woff2?url';
import cyrillic400 from '@fontsource/noto-sans/files/noto-sans-cyrillic-400-normal.woff2?url';
import cyrillic700 from '@fontsource/noto-sans/files/noto-sans-cyrillic-700-normal.woff2?url';
import latinExt400 from '@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff2?url';
import latinExt700 from '@fontsource/noto-sans/files/noto-sans-latin-ext-700-normal.woff2?url';
import latin400 from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import latin700 from '@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff2?url';
import type { TFunction } from 'i18next';
import { toJsonCanvas } from '../../../../electron/shared/canvas/export/json-canvas';
import type { NoteLink } from '../../../../electron/shared/canvas/links';
import { toSvg, type SvgFont } from '../../../../electron/shared/canvas/export/svg';
import type { Board } from '../../../../electron/shared/canvas/model';
import { sortByOrder } from '../../../../electron/shared/canvas/order';
import type { CanvasTemplate } from '../../../../electron/shared/canvas/template';
import { directionOf, type Language } from '../../../../electron/shared/domain/settings';
import { csvText } from '../../../../electron/shared/text/csv';
import { noteColorKey, noteStatusKey } from '../../i18n/labels';
import { bytesToBase64 } from '../../api/upload';

const LATIN = 'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+2000-206F,U+20AC,U+2122,U+2212,U+FEFF,U+FFFD';
const LATIN_EXT = 'U+0100-02BA,U+02BD-02FF,U+1E00-1EFF,U+2C60-2C7F,U+A720-A7FF';
const CYRILLIC = 'U+0301,U+0400-052F,U+1C80-1C8A,U+20B4,U+2116,U+2DE0-2DFF,U+A640-A69F';
const ARABIC = 'U+0600-06FF,U+0750-077F,U+0870-08FF,U+200C-200E,U+FB50-FDFF,U+FE70-FEFF';
const FONT_FILES: [string, 400 | 700, string, string][] = [
  ['Noto Sans', 400, latin400, LATIN],
  ['Noto Sans', 700, latin700, LATIN],
  ['Noto Sans', 400, latinExt400, LATIN_EXT],
  ['Noto Sans', 700, latinExt700, LATIN_EXT],
  ['Noto Sans', 400, cyrillic400, CYRILLIC],
  ['Noto Sans', 700, cyrillic700, CYRILLIC],
  ['Noto Sans Arabic', 400, arabic400, ARABIC],
  ['Noto Sans Arabic', 700, arabic700, ARABIC],
];

let fonts: Promise<SvgFont[]> | undefined;
/** The bundled fonts, read once from the app's own files. */
const loadFonts = () =>
  (fonts ??= Promise.all(
    FONT_FILES.map(async ([family, weight, url, unicodeRange]) => ({ family, weight, unicodeRange, base64: bytesToBase64(new Uint8Array(await (await fetch(url)).arrayBuffer())) })),
  ));

/**
 * A file name from a title: letters of any script kept, the rest folded to dashes; `fallback` (a word
 * in the user's language) when the title has no letter or digit.
 */
export const fileName = (title: string, extension: string, fallback: string) => {
  const fold = (text: string) => text.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '');
  return `${fold(title) || fold(fallback)}.${extension}`;
};

export async function canvasSvg(board: Board, template: CanvasTemplate | undefined, language: Language, t: TFunction) {
  return toSvg(
    board,
    template ?? null,
    {
      language,
      direction: directionOf(language),
      zoneHint: (key) => template?.zones.find((z) => z.key === key)?.hint[language] ?? '',
      status: (s) => t(noteStatusKey(s)),
      attribution: template?.attribution?.[language],
    },
    await loadFonts(),
  );
}

/** The SVG drawn into a PNG by the browser, at twice the board's size for print-sharp text. */
export async function canvasPng(svg: string): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    image.alt = '';
    await image.decode();
    // An SVG image paints its text only once it has been laid out in a document: attach it out of
    // sight for two frames before drawing, or notes come out blank.
    Object.assign(image.style, { position: 'fixed', left: '-100000px', top: '0' });
    document.body.append(image);
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    image.remove();
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth * 2;
    canvas.height = image.naturalHeight * 2;
    const context = canvas.getContext('2d')!;
    context.scale(2, 2);
    context.drawImage(image, 0, 0);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

export const canvasJson = (board: Board, template: CanvasTemplate | undefined, language: Language, links: readonly NoteLink[] = []) =>
  JSON.stringify(toJsonCanvas(board, template ?? null, language, links), null, 2);

/** The notes, zone by zone in board order, with their labels in the UI language (UTF-8 with BOM). */
export function canvasCsv(board: Board, template: CanvasTemplate | undefined, language: Language, t: TFunction) {
  const zoneOrder = new Map((template?.zones ?? []).map((z, i) => [z.key, i]));
  const clusters = new Map(board.clusters.map((c) => [c.id, c.label]));
  const notes = sortByOrder(board.notes).sort((a, b) => (zoneOrder.get(a.zoneKey ?? '') ?? Infinity) - (zoneOrder.get(b.zoneKey ?? '') ?? Infinity));
  const header = [t('canvas.export.zone'), t('canvas.cluster.label'), t('canvas.note.text'), t('canvas.note.color'), t('canvas.note.status'), t('canvas.note.author'), t('canvas.export.updated')];
  const rows = notes.map((n) => [
    n.zoneKey ? (template?.zones.find((z) => z.key === n.zoneKey)?.title[language] ?? n.zoneKey) : t('canvas.freeNotes'),
    n.clusterId ? (clusters.get(n.clusterId) ?? '') : '',
    n.text,
    t(noteColorKey(n.color)),
    n.status ? t(noteStatusKey(n.status)) : '',
    n.author ?? '',
    n.updatedAt,
  ]);
  // The licence credit a template owes travels with the notes, as a last row.
  const attribution = template?.attribution?.[language];
  if (attribution) rows.push([t('canvas.export.licence'), '', attribution, '', '', '', '']);
  return new Blob(['\uFEFF', csvText([header, ...rows])], { type: 'text/csv;charset=utf-8' });
}
