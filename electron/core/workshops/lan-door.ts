/**
 * The participants' door: a separate HTTP listener, opened by the facilitator for one workshop on
 * one address, on the untrusted room network. It is not the host API with fewer methods: it has no
 * host token, answers only participant methods (the dispatcher refuses the rest, by role), and
 * serves only the participant page. Every request, event stream included, passes in order:
 *   Host is the published host:port (DNS rebinding) → Origin / Sec-Fetch-Site are ours →
 *   the address's rate limit → (API) the participant's token and their own rate limit →
 *   a JSON body of at most MAX_PARTICIPANT_BODY bytes → the contract's schema → the handler.
 *
 *   POST /api/call/participant.join   { secret, displayName } → the participant's token
 *   POST /api/call/<method>           Authorization: Bearer <participant token>
 *   GET  /api/events                  server-sent events: `connected` first, then (room-broadcast.ts) `notes` with
 *                                     participants' note edits, `changed` when anything else about
 *                                     the canvas or the workshop changed, `ended` when it ends
 *   GET  /join, /assets/…             the participant page (no directory listing, no host UI route)
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { fail, type Result } from '../../shared/api/envelope';
import { escapeXml } from '../../shared/canvas/export/svg';
import { directionOf, LANGUAGES, type Language } from '../../shared/domain/settings';
import { translator } from '../i18n/catalogue';
import { createGroupCommit } from '../db/group-commit';
import type { Db } from '../db/open';
import type { Dispatcher } from '../dispatch';
import type { EventHub } from '../event-hub';
import type { Caller } from '../handlers';
import { calledMethod, readJsonInput, SECURITY_HEADERS, STATUS } from '../http/http-door';
import { hostAllowed, originAllowed } from '../http/guards';
import { resolveStaticFile, sendFile } from '../http/static-files';
import { errorData, type Logger } from '../logger';
import { createRateLimiter, type RateLimit } from './rate-limit';
import { createRoomBroadcast, type RoomBroadcastOptions } from './room-broadcast';

/** A note is a few KiB; nothing a participant sends needs more. */
export const MAX_PARTICIPANT_BODY = 32 * 1024;
const HEARTBEAT_MS = 25_000;

export interface LanLimits {
  perParticipant: RateLimit;
  perAddress: RateLimit;
}
/** A person typing and voting makes a few requests a second; a phone's page load about twenty. */
export const DEFAULT_LAN_LIMITS: LanLimits = {
  perParticipant: { perSecond: 10, burst: 30 },
  perAddress: { perSecond: 30, burst: 120 },
};

export interface LanDoorOptions {
  workshopId: string;
  canvasId: string;
  dispatcher: Dispatcher;
  events: EventHub;
  /** The database participant calls write to, committed in groups. */
  db: Db;
  /** The canvas's notes with their authors and visibility (room-broadcast.ts). */
  roomNotes: RoomBroadcastOptions['board'];
  /** The participant a token belongs to, while their workshop runs. */
  authenticate(token: string): { participantId: string; workshopId: string } | undefined;
  /** The built renderer; the door serves its participant page only. */
  staticDir?: string;
  logger: Logger;
  limits?: LanLimits;
  /** The one Host header value accepted (address:port); set once the port is known. */
  publishedHost: { value: string };
}

const PARTICIPANT_PAGE = 'participant.html';

function sendEnvelope(res: ServerResponse, result: Result<unknown>, status = result.ok ? 200 : STATUS[result.error.code]) {
  const headers: Record<string, string> = { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' };
  if (status === 401) headers['WWW-Authenticate'] = 'Bearer';
  res.writeHead(status, headers);
  res.end(JSON.stringify(result));
}

const bearer = (req: IncomingMessage) => {
  const header = req.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice('Bearer '.length) : undefined;
};

/** The first of the languages a browser asks for (Accept-Language) that the app speaks; English otherwise. */
function askedLanguage(req: IncomingMessage): Language {
  for (const part of (req.headers['accept-language'] ?? '').split(',')) {
    const tag = part.trim().slice(0, 2).toLowerCase();
    if ((LANGUAGES as readonly string[]).includes(tag)) return tag as Language;
  }
  return 'en';
}

export function createLanDoor(options: LanDoorOptions): Server & { end(): void } {
  const { workshopId, canvasId, dispatcher, events, db, authenticate, staticDir, logger, publishedHost } = options;
  const limits = options.limits ?? DEFAULT_LAN_LIMITS;
  const byAddress = createRateLimiter(limits.perAddress);
  const byParticipant = createRateLimiter(limits.perParticipant);
  const room = createRoomBroadcast({ canvasId, events, board: options.roomNotes });
  const heartbeats = new Set<NodeJS.Timeout>();
  const inGroup = createGroupCommit(db);

  const unauthorized = () =>
    fail('unauthorized', 'This workshop has ended, or the link is no longer valid.', [{ path: [], code: 'workshop_ended' }]);
  const tooMany = () => fail('rate_limited', 'Too many requests; wait a moment and try again.');

  /** The participant behind the request's token, within this door's workshop, and within their rate. */
  function participant(req: IncomingMessage, res: ServerResponse): string | undefined {
    const token = bearer(req);
    const who = token === undefined ? undefined : authenticate(token);
    if (!who || who.workshopId !== workshopId) return void sendEnvelope(res, unauthorized());
    if (!byParticipant.take(who.participantId)) return void sendEnvelope(res, tooMany());
    return who.participantId;
  }

  async function call(req: IncomingMessage, res: ServerResponse, method: string) {
    const caller: Caller = { role: 'participant', door: 'http', workshop: { id: workshopId } };
    // Joining needs no token: the join link's secret is the credential, checked by the handler.
    if (method !== 'participant.join') {
      const participantId = participant(req, res);
      if (participantId === undefined) return;
      caller.workshop = { id: workshopId, participantId };
    }
    const input = await readJsonInput(req, MAX_PARTICIPANT_BODY, 8);
    if (!input.ok) return sendEnvelope(res, input);
    // A room of phones writes in bursts: calls arriving together share one commit (db/group-commit.ts).
    sendEnvelope(res, await inGroup(() => dispatcher.dispatch(method, input.value, caller)));
  }

  function openEventStream(req: IncomingMessage, res: ServerResponse) {
    const me = participant(req, res);
    if (me === undefined) return;
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    // The page reads its whole view on this, so a reconnect after a phone slept misses nothing.
    res.write('event: connected\ndata: {}\n\n');
    const leave = room.add(res, me);
    const heartbeat = setInterval(() => void (res.writableEnded || res.write(': heartbeat\n\n')), HEARTBEAT_MS);
    heartbeats.add(heartbeat);
    req.on('close', () => {
      clearInterval(heartbeat);
      heartbeats.delete(heartbeat);
      leave();
    });
  }

  function page(res: ServerResponse, path: string) {
    const file =
      staticDir === undefined
        ? undefined
        : path === '/' || path === '/join'
          ? resolveStaticFile(staticDir, `/${PARTICIPANT_PAGE}`)
          : path.startsWith('/assets/') || path === '/favicon.svg'
            ? resolveStaticFile(staticDir, path)
            : undefined;
    if (!file) {
      res.writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
      return res.end('Not found');
    }
    sendFile(res, file, SECURITY_HEADERS);
  }

  /** In the visitor's language, without saying which address is right (a rebinding page would read it): use the join link. */
  function wrongHostPage(res: ServerResponse, language: Language) {
    const t = translator(language);
    res.writeHead(421, { ...SECURITY_HEADERS, 'Content-Type': 'text/html; charset=utf-8' });
    res.end(
      `<!doctype html><html lang="${language}" dir="${directionOf(language)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
        `<title>${escapeXml(t('workshop.participant.title'))}</title></head><body><main><h1>${escapeXml(t('workshop.participant.title'))}</h1><p>${escapeXml(t('workshop.participant.noLink'))}</p></main></body></html>`,
    );
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    if (!hostAllowed(req, new Set([publishedHost.value]))) {
      // A person who typed another name for this computer (localhost, its host name) reads what to do instead.
      if (req.method === 'GET' && !req.url?.startsWith('/api/')) return wrongHostPage(res, askedLanguage(req));
      return sendEnvelope(res, fail('forbidden', 'This host name is not served here.'));
    }
    if (!originAllowed(req)) return sendEnvelope(res, fail('forbidden', 'Requests from other sites are refused.'));
    if (!byAddress.take(req.socket.remoteAddress ?? '')) return sendEnvelope(res, tooMany());

    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path.startsWith('/api/')) {
      if (req.method === 'POST' && path.startsWith('/api/call/')) return call(req, res, calledMethod(path));
      if (req.method === 'GET' && path === '/api/events') return openEventStream(req, res);
      return sendEnvelope(res, fail('not_found', `Nothing at ${req.method} ${path}.`));
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendEnvelope(res, fail('not_found', `Nothing at ${req.method} ${path}.`));
    page(res, path);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      logger.error('Workshop request failed', errorData(error));
      if (!res.headersSent) sendEnvelope(res, fail('internal', 'Something went wrong. The details are in the log.'));
      else res.end();
    });
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  // Phones sit idle between taps and then reuse their connection. Node's 5 s default closes it
  // under them often enough that a tap races the close and fails ("other side closed"); a minute
  // keeps a room's connections open through a workshop's pauses.
  server.keepAliveTimeout = 60_000;

  /** Tells every open page the workshop is over, then stops listening and drops every connection. */
  const end = () => {
    for (const heartbeat of heartbeats) clearInterval(heartbeat);
    room.end();
    server.close();
    server.closeAllConnections();
  };
  return Object.assign(server, { end });
}
