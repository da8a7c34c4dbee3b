/**
 * When a part of the app crashes (its dump stays on this machine: index.ts starts the crash reporter
 * without uploads): the log says which process went and why (Diagnostics shows it), and a crashed window reloads — the
 * lab's data lives in the main process, so only an unsaved form is lost, not the window. A page that
 * crashes again within a minute is left as it is rather than reloaded in a loop.
 */
import type { App, RenderProcessGoneDetails, WebContents } from 'electron';
import type { Logger } from '../core/logger';

const RELOAD_AGAIN_AFTER_MS = 60_000;

export interface CrashDeps {
  app: Pick<App, 'on'>;
  logger: Logger;
  now: () => number;
}

export function watchCrashes({ app, logger, now }: CrashDeps) {
  const lastReload = new WeakMap<WebContents, number>();
  app.on('render-process-gone', (_event, contents: WebContents, details: RenderProcessGoneDetails) => {
    logger.error('A window stopped working', { reason: details.reason, exitCode: details.exitCode, url: contents.isDestroyed() ? null : contents.getURL() });
    if (details.reason === 'clean-exit' || contents.isDestroyed()) return;
    const last = lastReload.get(contents);
    if (last !== undefined && now() - last < RELOAD_AGAIN_AFTER_MS) return;
    lastReload.set(contents, now());
    contents.reload();
  });
  app.on('child-process-gone', (_event, details) => {
    logger.error('A helper process stopped', { type: details.type, reason: details.reason, exitCode: details.exitCode, name: details.name ?? null });
  });
}
