/** `npm run serve` as a user runs it: one line out, flags, clean stop, data kept across restarts. */
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { removeDir, SERVING_LINE, startServe, tempDataDir } from '../support/serve';

const SERVE = join(import.meta.dirname, '..', '..', 'dist', 'node', 'serve.mjs');
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach(removeDir));
const dataDir = () => {
  const dir = tempDataDir();
  dirs.push(dir);
  return dir;
};

const call = (origin: string, token: string, method: string, input: unknown) =>
  fetch(`${origin}/api/call/${method}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  }).then((r) => r.json());

describe('npm run serve', () => {
  it('prints exactly one line, the address with a fresh token, and stops cleanly on Ctrl+C', async () => {
    const served = await startServe(dataDir());
    expect(served.lines).toHaveLength(1);
    expect(served.lines[0]).toMatch(SERVING_LINE);
    expect(served.token.length).toBeGreaterThanOrEqual(43); // 256 bits, base64url
    const page = await fetch(`${served.origin}/`);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('<div id="root">');
    expect(await served.stop()).toBe(0);
    expect(served.lines).toHaveLength(1);
  });

  it('keeps projects across a restart on the same data folder', async () => {
    const dir = dataDir();
    const first = await startServe(dir);
    const created = await call(first.origin, first.token, 'projects.create', { title: 'مختبر الابتكار الحكومي' });
    expect(created.ok).toBe(true);
    await first.stop();
    const second = await startServe(dir);
    expect(second.token).not.toBe(first.token);
    const listed = await call(second.origin, second.token, 'projects.list', {});
    expect(listed.value.items.map((p: { title: string }) => p.title)).toEqual(['مختبر الابتكار الحكومي']);
    const stale = await fetch(`${second.origin}/api/call/projects.list`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${first.token}`, 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(stale.status).toBe(401);
    await second.stop();
  });

  it('loads the sample lab with --demo into an empty folder only', async () => {
    const dir = dataDir();
    const demo = await startServe(dir, ['--demo']);
    const listed = await call(demo.origin, demo.token, 'projects.list', {});
    expect(listed.value.total).toBe(13);
    await demo.stop();
    const again = await startServe(dir, ['--demo']);
    expect((await call(again.origin, again.token, 'projects.list', {})).value.total).toBe(13);
    expect(again.lines).toHaveLength(1);
    await again.stop();
  });

  it.each([
    [['--port', 'eighty'], /--port takes a whole number/],
    [['--colour', 'blue'], /Unknown option '--colour'.*Usage: npm run serve/],
  ])('refuses %j in one plain line', (args, message) => {
    const result = spawnSync(process.execPath, [SERVE, '--data', dataDir(), ...args], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim()).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('says so when the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    const result = spawnSync(process.execPath, [SERVE, '--data', dataDir(), '--port', String(port)], { encoding: 'utf8' });
    blocker.close();
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(`Port ${port} is already in use; choose another with --port, or --port 0 for any free port.`);
  });
});
