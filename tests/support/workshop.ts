/**
 * A running workshop served on 127.0.0.1 by a test core, and a raw HTTP client for it: node's
 * fetch will not send a forged Host header, and the abuse tests need to.
 */
import { request } from 'node:http';
import type { Canvas } from '../../electron/shared/canvas/model';
import type { Serving, Workshop } from '../../electron/shared/workshop/model';
import { callValue, type TestCore } from './core';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export function rawRequest(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = request({ host: '127.0.0.1', port, agent: false, method: options.method ?? 'GET', path: options.path, headers: options.headers }, (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    // The server may answer and close before a refused body is fully sent; that is not a failure.
    req.on('error', (error) => (answered ? undefined : reject(error)));
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

export async function serveWorkshop(test: TestCore, templateId = 'empathy-map') {
  const canvas = await callValue<Canvas>(test, 'canvases.create', { templateId, title: 'Visa office visit' });
  const workshop = await callValue<Workshop>(test, 'workshops.start', { canvasId: canvas.id });
  const serving = await callValue<Serving>(test, 'workshops.serve', { workshopId: workshop.id, address: '127.0.0.1' });
  const host = `127.0.0.1:${serving.port}`;
  const secret = new URL(serving.joinUrl).hash.slice(1);

  /** A participant request as a browser on the join page would send it. */
  const call = (method: string, input: unknown, token?: string, headers: Record<string, string> = {}) =>
    rawRequest(serving.port, {
      method: 'POST',
      path: `/api/call/${method}`,
      headers: {
        Host: host,
        'Content-Type': 'application/json',
        Origin: `http://${host}`,
        'Sec-Fetch-Site': 'same-origin',
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: JSON.stringify(input),
    });

  const join = async (displayName: string) => {
    const response = await call('participant.join', { secret, displayName });
    if (response.status !== 200) throw new Error(`join failed: ${response.body}`);
    return (JSON.parse(response.body) as { value: { token: string; participantId: string } }).value;
  };

  return { canvas, workshop, serving, host, secret, call, join };
}
