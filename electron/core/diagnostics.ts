/**
 * "Copy diagnostics": what a support engineer needs to read a problem report — versions, the
 * platform, this workstation's settings and the latest log lines — and nothing of the lab's data
 * (no titles, names or notes). The user sees the whole text before copying it; nothing is sent.
 */
import { arch, platform, release } from 'node:os';
import type { Settings } from '../shared/domain/settings';
import { recentLogLines } from './logger';

export const DIAGNOSTIC_LOG_LINES = 200;

export function diagnosticsText(input: {
  appVersion: string;
  schemaVersion: number;
  dataDir: string;
  settings: Settings;
  at: Date;
}): string {
  const versions = process.versions as NodeJS.ProcessVersions & { electron?: string; chrome?: string };
  const { windowBounds: _bounds, ...settings } = input.settings;
  return [
    `Ibtikar Lab ${input.appVersion} (database schema ${input.schemaVersion})`,
    `Collected: ${input.at.toISOString()}`,
    `Platform: ${platform()} ${release()} ${arch()}`,
    `Runtime: node ${versions.node}${versions.electron ? `, electron ${versions.electron}, chrome ${versions.chrome}` : ', headless (npm run serve)'}, sqlite via better-sqlite3`,
    `Data folder: ${input.dataDir}`,
    `Settings: ${JSON.stringify(settings)}`,
    '',
    `Last ${DIAGNOSTIC_LOG_LINES} log lines:`,
    ...recentLogLines(input.dataDir, DIAGNOSTIC_LOG_LINES),
  ].join('\n');
}
