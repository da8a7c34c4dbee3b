/**
 * The Content-Security-Policy for every page of the app: no inline or remote script, no eval, no
 * remote anything. Styles allow 'unsafe-inline' because MUI's emotion engine injects <style> tags.
 * One definition serves the HTTP door, the desktop protocol handler and the <meta> tag vite writes.
 */
const DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
];

/** For the <meta> tag (browsers ignore frame-ancestors there). */
export const CSP_META = DIRECTIVES.join('; ');

/** For the HTTP header, which can also forbid framing. */
export const CSP_HEADER = [...DIRECTIVES, "frame-ancestors 'none'"].join('; ');
