/**
 * Electronegativity (Doyensec's static scanner for Electron apps) over what ships: no HIGH finding,
 * and every other finding fixed or reviewed in docs/electronegativity-reviewed.json. It runs offline
 * and always exits 0, so its CSV is read. A deliberately insecure app is scanned beside ours to prove
 * that the scan and the rules really catch what they are meant to.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assess, scan, stageApp, type Review, type Scan } from '../support/electronegativity';
import { removeDir, tempDataDir } from '../support/serve';
import { ROOT } from '../support/sources';

const REVIEWED_FILE = join(ROOT, 'docs', 'electronegativity-reviewed.json');
const reviews = (JSON.parse(readFileSync(REVIEWED_FILE, 'utf8')) as { reviewed: Review[] }).reviewed;

/** The classic mistakes, each of which the scanner has a check for. */
const INSECURE_MAIN = `
const { app, BrowserWindow, shell } = require('electron');
app.whenReady().then(() => {
  const win = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false, webSecurity: false } });
  win.webContents.on('new-window', (event, url) => shell.openExternal(url));
  win.loadURL('http://example.org/');
});
`;

let work: string;
let ours: Scan;
let insecure: Scan;

beforeAll(async () => {
  work = tempDataDir();
  const app = join(work, 'app');
  const canary = join(work, 'canary');
  stageApp(app);
  mkdirSync(join(work, 'app-out'));
  mkdirSync(join(work, 'canary-out'));
  mkdirSync(canary);
  writeFileSync(join(canary, 'package.json'), JSON.stringify({ name: 'canary', devDependencies: { electron: '45.5.0' } }));
  writeFileSync(join(canary, 'main.js'), INSECURE_MAIN);
  // Two scans of about two seconds each, side by side.
  [ours, insecure] = await Promise.all([scan(app, join(work, 'app-out')), scan(canary, join(work, 'canary-out'))]);
}, 180_000);
afterAll(() => removeDir(work));

describe('Electronegativity', () => {
  it('catches an insecure app, and the rules fail it (so a pass below means something)', () => {
    const found = (severity: string) => insecure.findings.filter((f) => f.severity === severity).map((f) => f.id);
    expect(found('HIGH')).toEqual(expect.arrayContaining(['CONTEXT_ISOLATION_JS_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK']));
    expect(found('MEDIUM')).toEqual(
      expect.arrayContaining(['SANDBOX_JS_CHECK', 'WEB_SECURITY_JS_CHECK', 'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK', 'CSP_GLOBAL_CHECK', 'HTTP_RESOURCES_JS_CHECK']),
    );
    const verdict = assess(insecure.findings, reviews);
    expect(verdict.high.length).toBeGreaterThan(0);
    expect(verdict.unreviewed.length).toBeGreaterThan(0);
  });

  it('ran its checks over every file of the app, wrote every finding and could parse everything', () => {
    expect(ours.report.atomicChecks).toBeGreaterThan(20);
    expect(ours.report.globalChecks).toBeGreaterThan(3);
    expect(ours.findings).toHaveLength(ours.report.findings);
    expect(ours.report.errors).toEqual([]);
    // It read package.json (it names the Electron version) and the built page (it judged its CSP).
    expect(ours.findings).toContainEqual(expect.objectContaining({ id: 'ELECTRON_VERSION_JSON_CHECK', file: 'package.json' }));
    expect(ours.findings.filter((f) => f.id === 'CSP_GLOBAL_CHECK').map((f) => f.file)).toEqual(['renderer/index.html']);
  });

  it('finds nothing HIGH in the app', () => {
    expect(assess(ours.findings, reviews).high).toEqual([]);
  });

  it('finds nothing that is neither fixed nor reviewed, and every review still matches a finding', () => {
    const { unreviewed, severityChanged, stale } = assess(ours.findings, reviews);
    expect(unreviewed).toEqual([]);
    expect(severityChanged).toEqual([]);
    expect(stale).toEqual([]);
  });

  it('keeps reviews honest: one per finding, never for HIGH, each with a reason and a test that exists', () => {
    const keys = reviews.map((r) => `${r.id} @ ${r.file}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const review of reviews) {
      expect(review.severity, review.id).not.toBe('HIGH');
      expect(review.justification.length, review.id).toBeGreaterThan(80);
      expect(review.provenBy.length, review.id).toBeGreaterThan(0);
      for (const proof of review.provenBy) {
        const [file, item] = proof.split(' › ');
        const tests = readFileSync(join(ROOT, file), 'utf8');
        if (item) expect(tests, `${review.id}: ${proof}`).toContain(`describe('${item}:`);
      }
    }
  });
});
