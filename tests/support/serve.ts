/**
 * Starts `serve` as a real child process, exactly as `npm run serve` does, on a free port and a
 * fresh data folder, and waits for its one line (a signal, never a sleep).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const SERVE = join(import.meta.dirname, '..', '..', 'dist', 'node', 'serve.mjs');
export const SERVING_LINE = /^Ibtikar Lab is serving at (http:\/\/127\.0\.0\.1:(\d+)\/)#token=([A-Za-z0-9_-]+)$/;

export interface Served {
  url: string;
  origin: string;
  port: number;
  token: string;
  dataDir: string;
  process: ChildProcess;
  lines: string[];
  stop(): Promise<number | null>;
}

export const tempDataDir = () => mkdtempSync(join(tmpdir(), 'ibtikar-test-'));
export const removeDir = (dir: string) => rmSync(dir, { recursive: true, force: true });

export function startServe(dataDir: string, extraArgs: string[] = []): Promise<Served> {
  const child = spawn(process.execPath, [SERVE, '--port', '0', '--data', dataDir, ...extraArgs], { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    const reader = createInterface({ input: child.stdout! });
    reader.on('line', (line) => {
      lines.push(line);
      const match = SERVING_LINE.exec(line);
      if (!match) return;
      resolve({
        url: line.slice('Ibtikar Lab is serving at '.length),
        origin: match[1].replace(/\/$/, ''),
        port: Number(match[2]),
        token: match[3],
        dataDir,
        process: child,
        lines,
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null) return done(child.exitCode);
            child.once('exit', (code) => done(code));
            child.kill('SIGINT');
          }),
      });
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
  });
}

/** Calls a method on a running `serve` the way the page does (bearer token); throws on a failure envelope. */
export async function callServed<T>(served: Pick<Served, 'origin' | 'token'>, method: string, input: unknown = {}): Promise<T> {
  const response = await fetch(`${served.origin}/api/call/${method}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${served.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
  const envelope = (await response.json()) as { ok: boolean; value: T };
  if (!envelope.ok) throw new Error(`${method} failed: ${JSON.stringify(envelope)}`);
  return envelope.value;
}
