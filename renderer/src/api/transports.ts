/**
 * The two ways the renderer reaches core: the preload bridge in the desktop app, and HTTP (with
 * server-sent events) in a browser. Both only move envelopes; `createApiClient` adds the types.
 */
import type { Transport } from '../../../electron/shared/api/client';
import type { AppEvent } from '../../../electron/shared/api/events';
import type { Result } from '../../../electron/shared/api/envelope';

/** What the preload script exposes as `window.ibtikar`, and nothing more. */
export interface DesktopBridge {
  call(method: string, input: unknown): Promise<Result<unknown>>;
  onEvent(listener: (event: AppEvent) => void): () => void;
  platform: string;
}

declare global {
  interface Window {
    ibtikar?: DesktopBridge;
  }
}

export const ipcTransport = (bridge: DesktopBridge): Transport => ({
  call: (method, input) => bridge.call(method, input),
  onEvent: (listener) => bridge.onEvent(listener),
  methods: async () => {
    const result = await bridge.call('app.methods', {});
    return new Set(result.ok ? (result.value as string[]) : []);
  },
});

/** Not an answer from core (which may or may not have stored the change): the app could not be reached. */
const networkFailure: Result<never> = {
  ok: false,
  error: { code: 'network', message: 'The app could not be reached.' },
};

const RECONNECT_MS = 1000;

/** Reads a server-sent event stream with fetch, so the token travels in a header rather than the URL. */
async function readEvents(token: string, signal: AbortSignal, emit: (event: AppEvent) => void) {
  const response = await fetch('/api/events', { headers: { Authorization: `Bearer ${token}` }, signal });
  if (!response.ok || !response.body) throw new Error(`event stream refused: ${response.status}`);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const type = /^event: (.+)$/m.exec(block)?.[1];
      const data = /^data: (.+)$/m.exec(block)?.[1];
      if (type && data) emit({ type, payload: JSON.parse(data) } as AppEvent);
    }
  }
}

export function httpTransport(token: string): Transport {
  const listeners = new Set<(event: AppEvent) => void>();
  let controller: AbortController | undefined;

  const connect = () => {
    const current = new AbortController();
    controller = current;
    readEvents(token, current.signal, (event) => listeners.forEach((l) => l(event)))
      .catch(() => undefined)
      .finally(() => {
        // The stream ended (server restarted, laptop slept): reconnect while anyone listens.
        if (!current.signal.aborted && listeners.size > 0) setTimeout(connect, RECONNECT_MS);
      });
  };

  return {
    async call(method, input) {
      try {
        const response = await fetch(`/api/call/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify(input ?? {}),
        });
        return (await response.json()) as Result<unknown>;
      } catch {
        return networkFailure;
      }
    },
    onEvent(listener) {
      listeners.add(listener);
      if (listeners.size === 1) connect();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) controller?.abort();
      };
    },
    async methods() {
      const response = await fetch('/api/methods', { headers: { Authorization: `Bearer ${token}` } });
      const list = response.ok ? ((await response.json()) as { name: string }[]) : [];
      return new Set(list.map((m) => m.name));
    },
  };
}

const TOKEN_KEY = 'ibtikar.token';

/**
 * The token arrives once in the address (`#token=…`, printed by `npm run serve`); it is kept for
 * this tab only and removed from the address bar so it does not end up in bookmarks or screenshots.
 */
export function takeTokenFromAddress(): string | undefined {
  const match = /^#token=([A-Za-z0-9_-]+)$/.exec(window.location.hash);
  if (match) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    window.history.replaceState(null, '', `${window.location.pathname}#/projects`);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? undefined;
}

/** The token this tab was opened with, for requests outside the API (attachment downloads). */
export const storedToken = (): string | undefined => sessionStorage.getItem(TOKEN_KEY) ?? undefined;
