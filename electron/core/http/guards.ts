/**
 * Checks made on every HTTP request before anything else: the Host header (against DNS
 * rebinding), the Origin and Sec-Fetch-Site headers (against other sites in the user's browser),
 * and the bearer token, compared in constant time.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export function hostAllowed(req: IncomingMessage, allowedHosts: ReadonlySet<string>): boolean {
  const host = req.headers.host;
  return host !== undefined && allowedHosts.has(host.toLowerCase());
}

/** A browser names the page that sent a request; only our own pages may call the API. */
export function originAllowed(req: IncomingMessage): boolean {
  if (req.headers['sec-fetch-site'] === 'cross-site') return false;
  const origin = req.headers.origin;
  if (origin === undefined) return true; // not sent by a browser page (scripts, curl, same-origin GET)
  return origin === `http://${req.headers.host}`;
}

export function tokenMatches(req: IncomingMessage, token: string): boolean {
  const header = req.headers.authorization;
  if (!header?.startsWith('Bearer ')) return false;
  const given = Buffer.from(header.slice('Bearer '.length));
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
