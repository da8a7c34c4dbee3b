/**
 * A canvas as a stand-alone SVG, drawn from the model and the shared layout (mirrored for a
 * right-to-left language, as on screen). Deterministic: the same board, labels and fonts give the
 * same bytes on every run (no clock, no random ids, fixed number formatting), so an export can be
 * compared and archived. The fonts travel inside the file as data URIs, so it renders the same on a
 * workstation without Noto. Text is escaped, never markup: a note reading `<script>` stays text.
 */
import { layoutBoard, METRICS, type Direction } from '../layout';
import { NOTE_COLORS, type Board, type NoteCue } from '../model';
import type { ExportTemplate } from './json-canvas';

export interface SvgFont {
  family: string;
  weight: 400 | 700;
  /** A woff2 file, base64-encoded. */
  base64: string;
  unicodeRange?: string;
}

export interface SvgLabels {
  language: string;
  direction: Direction;
  zoneHint(key: string): string;
  status(status: string): string;
  /** The licence line a template owes (the Business Model Canvas's CC BY-SA), if any. */
  attribution?: string;
}

const FOOTER = 40;
const FONT_STACK = "'Noto Sans', 'Noto Sans Arabic', sans-serif";

export const escapeXml = (text: string) =>
  text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);

/** The first strong character's direction, as `dir="auto"` decides it. */
export function textDirection(text: string): Direction {
  const strong = /[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF]|[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/.exec(text);
  return strong && /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/.test(strong[0]) ? 'rtl' : 'ltr';
}

/**
 * Breaks text into at most `maxLines` lines of about `perLine` characters at spaces (a long word is
 * cut), the last ending in an ellipsis when text remains. An estimate, not a measurement: the same
 * everywhere, which is what makes the file deterministic.
 */
export function wrapText(text: string, perLine: number, maxLines: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (let word of paragraph.split(/\s+/).filter(Boolean)) {
      while (word.length > perLine) {
        if (line) lines.push(line);
        lines.push(word.slice(0, perLine));
        word = word.slice(perLine);
        line = '';
      }
      if (line && line.length + 1 + word.length > perLine) {
        lines.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    lines.push(line);
  }
  const trimmed = lines.slice(0, maxLines);
  if (lines.length > maxLines) trimmed[maxLines - 1] = `${trimmed[maxLines - 1].slice(0, Math.max(0, perLine - 1))}…`;
  return trimmed;
}

/** The colour's second cue, a 12-unit shape whose top-left corner is at (x, y). */
function cueShape(cue: NoteCue, x: number, y: number): string {
  const c = `fill="#1a1a1a"`;
  switch (cue) {
    case 'circle':
      return `<circle cx="${x + 6}" cy="${y + 6}" r="5" ${c}/>`;
    case 'square':
      return `<rect x="${x + 1}" y="${y + 1}" width="10" height="10" ${c}/>`;
    case 'triangle':
      return `<path d="M${x + 6} ${y + 1}L${x + 11} ${y + 11}H${x + 1}Z" ${c}/>`;
    case 'diamond':
      return `<path d="M${x + 6} ${y}L${x + 12} ${y + 6}L${x + 6} ${y + 12}L${x} ${y + 6}Z" ${c}/>`;
    case 'heart':
      return `<path d="M${x + 6} ${y + 11}L${x + 1} ${y + 6}A2.8 2.8 0 0 1 ${x + 6} ${y + 3}A2.8 2.8 0 0 1 ${x + 11} ${y + 6}Z" ${c}/>`;
    case 'star':
      return `<path d="M${x + 6} ${y}L${x + 7.8} ${y + 4}L${x + 12} ${y + 4.3}L${x + 8.8} ${y + 7.2}L${x + 9.7} ${y + 11.5}L${x + 6} ${y + 9.2}L${x + 2.3} ${y + 11.5}L${x + 3.2} ${y + 7.2}L${x} ${y + 4.3}L${x + 4.2} ${y + 4}Z" ${c}/>`;
  }
}

/** One line of text placed from the inline start of a box, in its own reading direction. */
function textLine(text: string, box: { x: number; width: number }, y: number, attrs: string, pad: number): string {
  const dir = textDirection(text);
  const x = dir === 'rtl' ? box.x + box.width - pad : box.x + pad;
  return `<text x="${x}" y="${y}" direction="${dir}" text-anchor="start" ${attrs}>${escapeXml(text)}</text>`;
}

export function toSvg(board: Board, template: ExportTemplate | null, labels: SvgLabels, fonts: readonly SvgFont[]): string {
  const layout = layoutBoard(template, board.notes, board.clusters, labels.direction);
  const notes = new Map(board.notes.map((n) => [n.id, n]));
  const clusters = new Map(board.clusters.map((c) => [c.id, c]));
  const width = layout.width;
  const height = layout.height + FOOTER;
  const faces = fonts
    .map((f) => `@font-face{font-family:'${f.family}';font-weight:${f.weight};src:url(data:font/woff2;base64,${f.base64}) format('woff2');${f.unicodeRange ? `unicode-range:${f.unicodeRange};` : ''}}`)
    .join('');
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" lang="${escapeXml(labels.language)}" font-family="${FONT_STACK}">`,
    `<title>${escapeXml(board.canvas.title)}</title>`,
    `<style>${faces}</style>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
  ];
  for (const { key, rect } of layout.zones) {
    const zone = template!.zones.find((z) => z.key === key)!;
    out.push(`<g data-zone="${escapeXml(key)}">`);
    out.push(`<rect x="${rect.x}" y="${rect.y}" width="${rect.width}" height="${rect.height}" fill="#fafafa" stroke="#9e9e9e"/>`);
    out.push(textLine(zone.title[labels.language] ?? key, rect, rect.y + 24, 'font-size="15" font-weight="700" fill="#1a1a1a"', 12));
    wrapText(labels.zoneHint(key), Math.floor((rect.width - 24) / 6.5), 2).forEach((line, i) =>
      out.push(textLine(line, rect, rect.y + 42 + i * 14, 'font-size="11" fill="#555555"', 12)),
    );
    out.push('</g>');
  }
  for (const c of layout.clusters) {
    const cluster = clusters.get(c.id)!;
    out.push(`<rect x="${c.rect.x}" y="${c.rect.y}" width="${c.rect.width}" height="${c.rect.height}" fill="none" stroke="#555555" stroke-dasharray="4 3" rx="4"/>`);
    out.push(textLine(cluster.label, c.header, c.header.y + 21, 'font-size="13" font-weight="700" fill="#1a1a1a"', 8));
  }
  const perLine = Math.floor((METRICS.note.width - 16) / 6.6);
  for (const { id, rect } of layout.notes) {
    const note = notes.get(id)!;
    const { fill, cue } = NOTE_COLORS[note.color];
    out.push(`<g data-note="${id}">`);
    out.push(`<rect x="${rect.x}" y="${rect.y}" width="${rect.width}" height="${rect.height}" rx="4" fill="${fill}" stroke="#b0a060" stroke-width="0.5"/>`);
    const cueX = labels.direction === 'rtl' ? rect.x + rect.width - 20 : rect.x + 8;
    out.push(cueShape(cue, cueX, rect.y + 7));
    if (note.status) {
      const statusBox = labels.direction === 'rtl' ? { x: rect.x, width: rect.width - 24 } : { x: rect.x + 24, width: rect.width - 24 };
      out.push(textLine(labels.status(note.status), statusBox, rect.y + 17, 'font-size="10" font-weight="700" fill="#1a1a1a"', 0));
    }
    wrapText(note.text, perLine, note.author ? 4 : 5).forEach((line, i) => out.push(textLine(line, rect, rect.y + 34 + i * 15, 'font-size="12" fill="#1a1a1a"', 8)));
    if (note.author) out.push(textLine(note.author, rect, rect.y + rect.height - 8, 'font-size="10" fill="#333333"', 8));
    out.push('</g>');
  }
  if (labels.attribution) {
    wrapText(labels.attribution, Math.floor((width - 24) / 5.8), 2).forEach((line, i) =>
      out.push(textLine(line, { x: 0, width }, layout.height + 16 + i * 13, 'font-size="10" fill="#555555"', 12)),
    );
  }
  out.push('</svg>');
  return out.join('\n');
}
