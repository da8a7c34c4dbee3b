import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveStaticFile } from '../../electron/core/http/static-files';
import { defaultDataDir } from '../../electron/core/paths';
import { removeDir, tempDataDir } from '../support/serve';

let root: string;
let outside: string;
beforeAll(() => {
  outside = tempDataDir();
  root = join(outside, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html>');
  writeFileSync(join(root, 'assets', 'app.js'), '');
  writeFileSync(join(outside, 'secret.txt'), 'secret');
});
afterAll(() => removeDir(outside));

describe('static files', () => {
  it('serve index.html for / and files inside the root', () => {
    expect(resolveStaticFile(root, '/')).toBe(join(root, 'index.html'));
    expect(resolveStaticFile(root, '/assets/app.js')).toBe(join(root, 'assets', 'app.js'));
  });

  it.each(['/../secret.txt', '/assets/../../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/assets%5c..%5c..%5csecret.txt', '/index.html%00.js', '/%E0%A4%A', '/assets', '/missing.js'])(
    'refuse %s',
    (path) => {
      expect(resolveStaticFile(root, path)).toBeUndefined();
    },
  );
});

describe('the default data folder', () => {
  it('is the one Electron gives the desktop app as userData, per platform', () => {
    expect(defaultDataDir('linux', {}, '/home/aisha')).toBe('/home/aisha/.config/Ibtikar Lab');
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/cfg' }, '/home/aisha')).toBe('/cfg/Ibtikar Lab');
    expect(defaultDataDir('darwin', {}, '/Users/aisha')).toBe('/Users/aisha/Library/Application Support/Ibtikar Lab');
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\aisha\\AppData\\Roaming' }, 'C:\\Users\\aisha')).toContain('Ibtikar Lab');
  });
});
