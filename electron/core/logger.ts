import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export interface Logger {
  info(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
  error(message: string, data?: Record<string, unknown>): void;
}

/**
 * Logs stay on this machine, as JSON lines in <dataDir>/logs/ibtikar.log: nothing is uploaded.
 * Writes are synchronous so the last line before a crash is not lost.
 */
export function createFileLogger(dataDir: string): Logger {
  const dir = join(dataDir, 'logs');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'ibtikar.log');
  const write = (level: string) => (message: string, data?: Record<string, unknown>) => {
    appendFileSync(file, JSON.stringify({ at: new Date().toISOString(), level, message, ...data }) + '\n');
  };
  return { info: write('info'), warn: write('warn'), error: write('error') };
}

export const errorData = (error: unknown): Record<string, unknown> =>
  error instanceof Error ? { error: error.message, stack: error.stack } : { error: String(error) };
