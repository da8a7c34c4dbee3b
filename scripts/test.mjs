// `npm test`: typecheck, lint (with the folder boundaries), build, then every vitest suite (unit,
// contract, migrations, end-to-end in Chromium). Ends with one plain line: `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const REPORT = '.tmp/vitest-report.json';

const run = (label, command, args, options = {}) => {
  process.stdout.write(`\n> ${label}\n`);
  return spawnSync(command, args, { stdio: 'inherit', ...options }).status === 0;
};

/**
 * System programs the tests use: Debian's Chromium for the end-to-end tests, Info-ZIP's unzip to
 * prove an exported bundle is a standard zip. On a fresh machine of this kind, install what is missing.
 */
const SYSTEM = [
  { path: CHROMIUM, pkg: 'chromium' },
  { path: '/usr/bin/unzip', pkg: 'unzip' },
];

function ensureSystemPackages() {
  const missing = SYSTEM.filter((tool) => !existsSync(tool.path)).map((tool) => tool.pkg);
  if (missing.length === 0) return true;
  const canInstall = process.platform === 'linux' && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (!canInstall) {
    process.stderr.write(`The tests need ${missing.join(' and ')}: install them (Debian: apt-get install ${missing.join(' ')}) or set CHROMIUM_PATH.\n`);
    return false;
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  return (
    run(`installing ${missing.join(', ')} for the tests (apt-get)`, 'apt-get', ['update', '-qq'], { env }) &&
    run(`apt-get install ${missing.join(' ')}`, 'apt-get', ['install', '-y', '-qq', ...missing], { env })
  );
}

const checks = {
  typecheck: run('typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']),
  lint: run('lint', 'npx', ['eslint', '--max-warnings', '0', '.']),
  build: run('build', 'node', ['scripts/build.mjs', '--quiet']),
  systemPackages: ensureSystemPackages(),
};

mkdirSync('.tmp', { recursive: true });
rmSync(REPORT, { force: true });
run('tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${REPORT}`]);

let passed = Object.values(checks).filter(Boolean).length;
let failed = Object.values(checks).length - passed;
if (existsSync(REPORT)) {
  const report = JSON.parse(readFileSync(REPORT, 'utf8'));
  passed += report.numPassedTests;
  // A skipped or pending test hides a failure: it counts as one. So does a file that failed to load.
  const brokenFiles = report.testResults.filter((file) => file.status === 'failed' && !file.assertionResults.some((t) => t.status === 'failed'));
  failed += report.numFailedTests + report.numPendingTests + report.numTodoTests + brokenFiles.length;
} else {
  failed += 1;
}
for (const [name, ok] of Object.entries(checks)) if (!ok) process.stdout.write(`${name} failed\n`);
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exit(failed === 0 ? 0 : 1);
