/**
 * Reading the PDFs Chromium prints (Skia's writer: no object streams, Flate content streams,
 * Type0 fonts with ToUnicode maps), enough for tests to count pages and find the words drawn.
 */
import { inflateSync } from 'node:zlib';

/** Page objects, not the /Pages tree nodes above them. */
export const pdfPageCount = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;

function objects(pdf: Buffer) {
  const text = pdf.toString('latin1');
  const found = new Map<number, { dict: string; stream: string | null }>();
  for (const m of text.matchAll(/(\d+) 0 obj\b/g)) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endobj', start);
    const body = text.slice(start, end);
    const at = body.search(/stream\r?\n/);
    let stream: string | null = null;
    if (at >= 0) {
      const from = start + at + body.slice(at).match(/stream\r?\n/)![0].length;
      let to = text.lastIndexOf('endstream', end);
      while (text[to - 1] === '\n' || text[to - 1] === '\r') to--;
      try {
        stream = inflateSync(pdf.subarray(from, to)).toString('latin1');
      } catch {
        stream = null; // not Flate (an image, say): no text in it
      }
    }
    found.set(Number(m[1]), { dict: at >= 0 ? body.slice(0, at) : body, stream });
  }
  return found;
}

/** A ToUnicode map: glyph code (hex) to text. */
function toUnicode(cmap: string) {
  const map = new Map<number, string>();
  const chars = (hex: string) => String.fromCodePoint(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) for (const [, code, to] of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) map.set(parseInt(code, 16), chars(to));
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
    for (const [, from, to, first] of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g))
      for (let code = parseInt(from, 16), c = parseInt(first, 16); code <= parseInt(to, 16); code++, c++) map.set(code, String.fromCodePoint(c));
  return map;
}

/** The text a PDF draws, each text object on a line of its own, in drawing order. */
export function pdfText(pdf: Buffer): string {
  const all = objects(pdf);
  const fontMaps = new Map<string, Map<number, string>>();
  for (const { dict } of all.values()) {
    for (const [, name, ref] of dict.matchAll(/\/(F\d+)\s+(\d+) 0 R/g)) {
      const cmapRef = all.get(Number(ref))?.dict.match(/\/ToUnicode\s+(\d+) 0 R/)?.[1];
      const cmap = cmapRef && all.get(Number(cmapRef))?.stream;
      if (cmap) fontMaps.set(name, toUnicode(cmap));
    }
  }
  const lines: string[] = [];
  for (const { stream } of all.values()) {
    if (!stream?.includes('BT')) continue;
    for (const [, block] of stream.matchAll(/\bBT\b([\s\S]*?)\bET\b/g)) {
      let font: Map<number, string> | undefined;
      let line = '';
      for (const [, name, glyphs] of block.matchAll(/\/(F\d+)\s+[\d.]+\s+Tf|<([0-9A-Fa-f]+)>\s*Tj/g)) {
        if (name) font = fontMaps.get(name);
        else for (const code of glyphs.match(/.{4}/g) ?? []) line += font?.get(parseInt(code, 16)) ?? '';
      }
      lines.push(line);
    }
  }
  return lines.join('\n');
}
