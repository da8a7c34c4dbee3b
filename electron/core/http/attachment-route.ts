/**
 * `GET /attachments/<id>`: an attachment's bytes as a download, behind the same token as the API.
 * Whatever the file holds, the browser is told to save it, not show it: Content-Disposition
 * attachment, a Content-Type that never names markup (HTML and SVG go out as octet-stream),
 * nosniff, and a sandboxing CSP in case anything renders it anyway.
 */
import type { ServerResponse } from 'node:http';
import { IdSchema } from '../../shared/domain/common';
import type { AttachmentFile } from '../attachments/attachments-service';
import { servedMediaType } from '../attachments/media-type';

export const ATTACHMENT_ROUTE = '/attachments/';

/** RFC 8187 encoding for `filename*`; also escapes the characters encodeURIComponent leaves alone but the header grammar forbids. */
const rfc8187 = (name: string) => encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
/** A plain-ASCII fallback name for old clients. */
const asciiFallback = (name: string) => name.replace(/[^\x20-\x7E]|["\\%;]/g, '_');

export const contentDisposition = (fileName: string) => `attachment; filename="${asciiFallback(fileName)}"; filename*=UTF-8''${rfc8187(fileName)}`;

export function attachmentHeaders(file: AttachmentFile): Record<string, string> {
  return {
    'Content-Type': servedMediaType(file.mediaType),
    'Content-Length': String(file.size),
    'Content-Disposition': contentDisposition(file.fileName),
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "sandbox; default-src 'none'",
    'Cache-Control': 'no-store',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}

/** The attachment id in the path, or undefined when the rest of the path is not one. */
export function attachmentIdFrom(path: string): string | undefined {
  const id = path.slice(ATTACHMENT_ROUTE.length);
  // An id needs no percent-encoding; anything encoded is not one.
  return IdSchema.safeParse(id).success ? id : undefined;
}

export function sendAttachment(res: ServerResponse, file: AttachmentFile, open: (path: string) => NodeJS.ReadableStream, headOnly: boolean) {
  res.writeHead(200, attachmentHeaders(file));
  if (headOnly) return res.end();
  open(file.path).on('error', () => res.destroy()).pipe(res);
}
