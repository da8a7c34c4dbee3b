/**
 * The HTTP door: the same dispatcher as IPC, reached with
 *   POST /api/call/<method>   JSON body, `Authorization: Bearer <token>`, answers the envelope
 *   GET  /api/events          server-sent events (same token)
 *   GET  /api/methods         every method with its access and its input as JSON Schema
 *   GET  /attachments/<id>    an attachment's file, as a download (same token; see attachment-route.ts)
 * and the built renderer for everything else. Every request passes the Host/Origin checks first.
 */
import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { z } from 'zod';
import { contract } from '../../shared/api/contract';
import type { ErrorCode, Result } from '../../shared/api/envelope';
import { fail } from '../../shared/api/envelope';
import { CSP_HEADER } from '../../shared/csp';
import type { Dispatcher } from '../dispatch';
import type { EventHub } from '../event-hub';
import { parseBoundedJson } from '../json';
import { errorData, type Logger } from '../logger';
import type { AttachmentFile } from '../attachments/attachments-service';
import { ATTACHMENT_ROUTE, attachmentIdFrom, sendAttachment } from './attachment-route';
import { hostAllowed, originAllowed, tokenMatches } from './guards';
import { resolveStaticFile, sendFile } from './static-files';

export const MAX_BODY_BYTES = 1024 * 1024;
const HEARTBEAT_MS = 25_000;

export const STATUS: Record<ErrorCode, number> = {
  invalid_input: 400,
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  unknown_method: 404,
  conflict: 409,
  protocol_locked: 409,
  cancelled: 409,
  payload_too_large: 413,
  rate_limited: 429,
  internal: 500,
  network: 503,
};

export const SECURITY_HEADERS = {
  'Content-Security-Policy': CSP_HEADER,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

export interface HttpDoorOptions {
  dispatcher: Dispatcher;
  events: EventHub;
  token: string;
  /** The built renderer; absent when only the API is served. */
  staticDir?: string;
  logger: Logger;
  /** Host header values accepted (host:port); filled in once the port is known. */
  allowedHosts: Set<string>;
  /** The file behind an attachment id; absent when attachments are not served. */
  attachmentFile?: (id: string) => AttachmentFile | undefined;
}

function sendEnvelope(res: ServerResponse, result: Result<unknown>) {
  const status = result.ok ? 200 : STATUS[result.error.code];
  const headers: Record<string, string> = { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' };
  if (status === 401) headers['WWW-Authenticate'] = 'Bearer';
  res.writeHead(status, headers);
  res.end(JSON.stringify(result));
}

/** Reads the body up to `limit` bytes; resolves undefined (and stops reading) when it is larger. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      resolve(undefined);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        resolve(undefined);
        req.removeAllListeners('data');
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A call's input, as both doors take it: a JSON body in UTF-8 (bytes in any other encoding are
 * refused, never stored as replacement characters), within `limit` bytes and `maxDepth` levels.
 */
export async function readJsonInput(req: IncomingMessage, limit: number, maxDepth?: number): Promise<Result<unknown>> {
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
    return fail('bad_request', 'Send the input as a JSON body (Content-Type: application/json).');
  }
  const body = await readBody(req, limit);
  if (body === undefined) return fail('payload_too_large', `The request body is larger than ${limit} bytes.`);
  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    return fail('bad_request', 'The request body is not UTF-8 text.');
  }
  try {
    return { ok: true, value: text.trim() === '' ? {} : parseBoundedJson(text, maxDepth) };
  } catch {
    return fail('bad_request', 'The request body is not valid JSON.');
  }
}

/** The method named in `/api/call/<name>`; a name that is not valid percent-encoding names no method. */
export function calledMethod(path: string): string {
  try {
    return decodeURIComponent(path.slice('/api/call/'.length));
  } catch {
    return '';
  }
}

export function listMethods(dispatcher: Dispatcher) {
  return dispatcher.methods.map((name) => {
    const spec = contract[name];
    return {
      name,
      access: spec.access,
      input: z.toJSONSchema(spec.input, { io: 'input', unrepresentable: 'any' }),
    };
  });
}

export function createHttpDoor(options: HttpDoorOptions): Server {
  const { dispatcher, events, token, staticDir, logger, allowedHosts, attachmentFile } = options;
  const streams = new Set<ServerResponse>();
  const methods = JSON.stringify(listMethods(dispatcher));

  async function call(req: IncomingMessage, res: ServerResponse, method: string) {
    const input = await readJsonInput(req, MAX_BODY_BYTES);
    sendEnvelope(res, input.ok ? await dispatcher.dispatch(method, input.value, { role: 'host', door: 'http' }) : input);
  }

  function openEventStream(req: IncomingMessage, res: ServerResponse) {
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    // Every (re)connection says so: a page whose stream broke missed what changed meanwhile, and reads again.
    res.write('event: connected\ndata: {}\n\n');
    const unsubscribe = events.subscribe((event) => {
      res.write(`event: ${event.type}\ndata: ${JSON.stringify(event.payload)}\n\n`);
    });
    const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), HEARTBEAT_MS);
    streams.add(res);
    req.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
      streams.delete(res);
    });
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    if (!hostAllowed(req, allowedHosts)) return sendEnvelope(res, fail('forbidden', 'This host name is not served here.'));
    if (!originAllowed(req)) return sendEnvelope(res, fail('forbidden', 'Requests from other sites are refused.'));

    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path.startsWith('/api/')) {
      if (!tokenMatches(req, token)) return sendEnvelope(res, fail('unauthorized', 'A valid access token is required.'));
      if (req.method === 'POST' && path.startsWith('/api/call/')) return call(req, res, calledMethod(path));
      if (req.method === 'GET' && path === '/api/events') return openEventStream(req, res);
      if (req.method === 'GET' && path === '/api/methods') {
        res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8' });
        return res.end(methods);
      }
      return sendEnvelope(res, fail('not_found', `Nothing at ${req.method} ${path}.`));
    }
    if (path.startsWith(ATTACHMENT_ROUTE) && attachmentFile) {
      if (!tokenMatches(req, token)) return sendEnvelope(res, fail('unauthorized', 'A valid access token is required.'));
      if (req.method !== 'GET' && req.method !== 'HEAD') return sendEnvelope(res, fail('bad_request', 'Attachments are only read here.'));
      const id = attachmentIdFrom(path);
      const attachment = id && attachmentFile(id);
      if (!attachment) return sendEnvelope(res, fail('not_found', 'There is no such attachment, or its file is missing.'));
      return sendAttachment(res, attachment, createReadStream, req.method === 'HEAD');
    }
    const file = staticDir && (req.method === 'GET' || req.method === 'HEAD') ? resolveStaticFile(staticDir, path) : undefined;
    if (!file) {
      res.writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
      return res.end('Not found');
    }
    sendFile(res, file, SECURITY_HEADERS);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      logger.error('HTTP request failed', errorData(error));
      if (!res.headersSent) sendEnvelope(res, fail('internal', 'Something went wrong. The details are in the log.'));
      else res.end();
    });
  });
  // Browsers and fetch reuse idle connections; with Node's 5 s default the server can close one
  // just as the client sends on it ("other side closed"). Clients drop idle connections sooner.
  server.keepAliveTimeout = 60_000;
  // Event streams stay open forever; close them so that server.close() can finish.
  server.on('close', () => {
    for (const stream of streams) stream.end();
  });
  const close = server.close.bind(server);
  server.close = (callback) => {
    for (const stream of streams) stream.end();
    server.closeIdleConnections();
    return close(callback);
  };
  return server;
}
