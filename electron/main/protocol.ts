/**
 * The UI is served from `app://ibtikar/`, not `file://`: a custom origin that can be checked, with
 * the same CSP and headers as the HTTP door and no access to anything outside the renderer folder.
 */
import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import { resolveStaticFile } from '../core/http/static-files';
import { CSP_HEADER } from '../shared/csp';
import { APP_HOST, APP_SCHEME } from './security';

/** Must run before the app is ready. */
export function registerAppScheme() {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

export function serveRenderer(rendererDir: string) {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = url.host === APP_HOST ? resolveStaticFile(rendererDir, url.pathname) : undefined;
    if (!file) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CSP_HEADER);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}
