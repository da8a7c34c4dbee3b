/**
 * The media type of an attachment, from its first bytes where the format has a signature, and
 * from the extension only for formats without one (text). The extension alone never makes a file
 * an image, so what the UI previews as a picture is a picture. Unknown → application/octet-stream.
 */
export const SNIFF_BYTES = 16;

const OCTET_STREAM = 'application/octet-stream';

const startsWith = (head: Uint8Array, signature: readonly number[], offset = 0) => signature.every((byte, i) => head[offset + i] === byte);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

const SIGNATURES: readonly { type: string; bytes: readonly number[]; offset?: number; also?: { bytes: readonly number[]; offset: number } }[] = [
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { type: 'image/gif', bytes: ascii('GIF87a') },
  { type: 'image/gif', bytes: ascii('GIF89a') },
  { type: 'image/webp', bytes: ascii('RIFF'), also: { bytes: ascii('WEBP'), offset: 8 } },
  { type: 'application/pdf', bytes: ascii('%PDF-') },
  { type: 'application/zip', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { type: 'application/zip', bytes: [0x50, 0x4b, 0x05, 0x06] }, // an empty zip
  { type: 'application/x-ole-storage', bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] }, // old .doc/.xls/.ppt
  { type: 'audio/mpeg', bytes: ascii('ID3') },
  { type: 'video/mp4', bytes: ascii('ftyp'), offset: 4 },
];

/** Zip containers named by their extension (office documents are zips inside). */
const ZIP_KINDS: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
  zip: 'application/zip',
};

const OLE_KINDS: Record<string, string> = {
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
};

/** Formats without a signature, known by extension only. HTML and SVG are named for what they are so they are never served as such. */
const TEXT_KINDS: Record<string, string> = {
  txt: 'text/plain',
  md: 'text/markdown',
  csv: 'text/csv',
  tsv: 'text/tab-separated-values',
  json: 'application/json',
  xml: 'application/xml',
  html: 'text/html',
  htm: 'text/html',
  svg: 'image/svg+xml',
};

const extensionOf = (fileName: string) => /\.([A-Za-z0-9]{1,10})$/.exec(fileName)?.[1].toLowerCase() ?? '';

export function sniffMediaType(head: Uint8Array, fileName: string): string {
  const extension = extensionOf(fileName);
  const match = SIGNATURES.find((s) => startsWith(head, s.bytes, s.offset) && (!s.also || startsWith(head, s.also.bytes, s.also.offset)));
  if (match?.type === 'application/zip') return ZIP_KINDS[extension] ?? 'application/zip';
  if (match?.type === 'application/x-ole-storage') return OLE_KINDS[extension] ?? OCTET_STREAM;
  if (match) return match.type;
  return TEXT_KINDS[extension] ?? OCTET_STREAM;
}

/**
 * What a download may announce as its Content-Type: the types a browser shows without running
 * anything. Everything else (HTML, SVG, XML, unknown) goes out as application/octet-stream.
 */
const SAFE_TO_ANNOUNCE = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf', 'text/plain', 'text/csv']);

export const servedMediaType = (mediaType: string) => (SAFE_TO_ANNOUNCE.has(mediaType) ? mediaType : OCTET_STREAM);
