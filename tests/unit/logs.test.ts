import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFileLogger, logsDir, recentLogLines } from '../../electron/core/logger';
import { callValue, makeCore, type TestCore } from '../support/core';
import { removeDir, tempDataDir } from '../support/serve';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach(removeDir));
const freshDir = () => {
  const dir = tempDataDir();
  dirs.push(dir);
  return dir;
};

describe('local log files', () => {
  it('rotate by size and keep only the configured number of old files', () => {
    const dir = freshDir();
    const logger = createFileLogger(dir, { maxBytes: 400, keep: 2 });
    for (let i = 0; i < 40; i++) logger.info(`line ${i}`, { i });
    expect(readdirSync(logsDir(dir)).sort()).toEqual(['ibtikar.1.log', 'ibtikar.2.log', 'ibtikar.log']);
    for (const name of readdirSync(logsDir(dir))) expect(readFileSync(join(logsDir(dir), name)).length).toBeLessThanOrEqual(400);
    const last = recentLogLines(dir, 3).map((line) => JSON.parse(line).message);
    expect(last).toEqual(['line 37', 'line 38', 'line 39']);
  });

  it('continue the size count of an existing file after a restart', () => {
    const dir = freshDir();
    createFileLogger(dir, { maxBytes: 300, keep: 1 }).info('x'.repeat(200));
    createFileLogger(dir, { maxBytes: 300, keep: 1 }).info('y'.repeat(200));
    expect(readdirSync(logsDir(dir)).sort()).toEqual(['ibtikar.1.log', 'ibtikar.log']);
  });

  it('reach into the rotated file when the current one is short', () => {
    const dir = freshDir();
    const logger = createFileLogger(dir, { maxBytes: 200, keep: 3 });
    for (let i = 0; i < 6; i++) logger.warn(`w${i}`);
    const messages = recentLogLines(dir, 4).map((line) => JSON.parse(line).message);
    expect(messages).toEqual(['w2', 'w3', 'w4', 'w5']);
    expect(recentLogLines(freshDir(), 10)).toEqual([]);
  });
});

describe('diagnostics for support', () => {
  let test: TestCore;
  afterEach(() => test?.close());

  it('carry versions, settings and log lines but none of the lab data', async () => {
    test = makeCore();
    createFileLogger(test.dataDir).warn('Backup took long', { ms: 1234 });
    await callValue(test, 'projects.create', { title: 'Confidential tender reform' });
    await callValue(test, 'settings.update', { language: 'ar' });
    const { text } = await callValue<{ text: string }>(test, 'app.diagnostics', {});
    expect(text).toMatch(/^Ibtikar Lab 0\.0\.0-test \(database schema \d+\)/);
    expect(text).toContain(`Data folder: ${test.dataDir}`);
    expect(text).toContain('"language":"ar"');
    expect(text).toContain('Backup took long');
    expect(text).not.toContain('Confidential tender reform');
  });
});
