import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface Logger {
  info(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
  error(message: string, data?: Record<string, unknown>): void;
}

export const logsDir = (dataDir: string) => join(dataDir, 'logs');
const LOG_NAME = 'ibtikar.log';
const rotatedName = (n: number) => `ibtikar.${n}.log`;

export interface LogRotation {
  /** The current file is rotated once it reaches this size. */
  maxBytes: number;
  /** Rotated files kept beside the current one (ibtikar.1.log is the newest). */
  keep: number;
}

/** About 5 MB of history in all: weeks of normal use, small enough to attach to a support email. */
export const DEFAULT_ROTATION: LogRotation = { maxBytes: 1024 * 1024, keep: 4 };

/**
 * Logs stay on this machine, as JSON lines in <dataDir>/logs/ibtikar.log: nothing is uploaded.
 * Writes are synchronous so the last line before a crash is not lost; the file rotates by size so
 * years of use never fill the disk.
 */
export function createFileLogger(dataDir: string, rotation: LogRotation = DEFAULT_ROTATION): Logger {
  const dir = logsDir(dataDir);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, LOG_NAME);
  let size = existsSync(file) ? statSync(file).size : 0;

  const rotate = () => {
    for (let n = rotation.keep - 1; n >= 1; n--) {
      const from = join(dir, rotatedName(n));
      if (existsSync(from)) renameSync(from, join(dir, rotatedName(n + 1)));
    }
    renameSync(file, join(dir, rotatedName(1)));
    size = 0;
  };

  const write = (level: string) => (message: string, data?: Record<string, unknown>) => {
    const line = JSON.stringify({ at: new Date().toISOString(), level, message, ...data }) + '\n';
    if (size > 0 && size + Buffer.byteLength(line) > rotation.maxBytes) rotate();
    appendFileSync(file, line);
    size += Buffer.byteLength(line);
  };
  return { info: write('info'), warn: write('warn'), error: write('error') };
}

/** The last `count` lines written, newest last, reaching into the rotated file when the current one is short. */
export function recentLogLines(dataDir: string, count: number): string[] {
  const read = (name: string) => {
    const path = join(logsDir(dataDir), name);
    return existsSync(path) ? readFileSync(path, 'utf8').split('\n').filter(Boolean) : [];
  };
  const current = read(LOG_NAME);
  const lines = current.length >= count ? current : [...read(rotatedName(1)), ...current];
  return lines.slice(-count);
}

export const errorData = (error: unknown): Record<string, unknown> =>
  error instanceof Error ? { error: error.message, stack: error.stack } : { error: String(error) };
