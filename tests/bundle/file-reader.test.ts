/**
 * The reader yauzl opens bundles through (1 MiB reads on one shared descriptor): entries larger than
 * a read come back byte for byte, stored and deflated alike, in any order; a file cut short fails the
 * entry instead of yielding fewer bytes; closing the zip closes the file.
 */
import { randomBytes } from 'node:crypto';
import { copyFileSync, readdirSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { buffer } from 'node:stream/consumers';
import type yauzl from 'yauzl';
import { afterAll, describe, expect, it } from 'vitest';
import { openZipFile, READ_CHUNK } from '../../electron/core/bundles/bundle-file-reader';
import { tempDir, writeZip } from '../support/bundles';
import { removeDir } from '../support/serve';

const dir = tempDir();
afterAll(() => removeDir(dir));

const OPTIONS = { lazyEntries: true, autoClose: false, decodeStrings: true, validateEntrySizes: true };
const openFiles = () => readdirSync('/proc/self/fd').length;

function entries(zip: yauzl.ZipFile) {
  return new Promise<yauzl.Entry[]>((resolve, reject) => {
    const all: yauzl.Entry[] = [];
    zip.on('entry', (entry: yauzl.Entry) => {
      all.push(entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(all));
    zip.on('error', reject);
    zip.readEntry();
  });
}

const contents = async (zip: yauzl.ZipFile, entry: yauzl.Entry) => buffer(await zip.openReadStreamPromise(entry));

describe('bundle file reader', () => {
  const stored = randomBytes(2 * READ_CHUNK + 12345);
  const text = Buffer.from('مختبر الابتكار, innovation lab, лаборатория\n'.repeat(80_000));
  const file = join(dir, 'big.zip');
  writeZip(file, [
    { name: 'attachments/a', data: stored, store: true },
    { name: 'data/projects.ndjson', data: text },
    { name: 'empty', data: '', store: true },
  ]);

  it('reads entries larger than one read, stored and deflated, in any order, and closes the file with the zip', async () => {
    const before = openFiles();
    const zip = await openZipFile(file, OPTIONS);
    const [a, projects, empty] = await entries(zip);
    expect(text.length).toBeGreaterThan(2 * READ_CHUNK);
    expect((await contents(zip, projects)).equals(text)).toBe(true);
    expect((await contents(zip, a)).equals(stored)).toBe(true);
    expect((await contents(zip, empty)).length).toBe(0);
    expect(openFiles()).toBe(before + 1);
    zip.close();
    await new Promise((resolve) => zip.once('close', resolve));
    expect(openFiles()).toBe(before);
  });

  it('fails an entry whose bytes the file no longer holds', async () => {
    const cut = join(dir, 'cut.zip');
    copyFileSync(file, cut);
    const zip = await openZipFile(cut, OPTIONS);
    const [a] = await entries(zip);
    // The directory has been read; now the file ends a little past one read into the stored entry.
    truncateSync(cut, READ_CHUNK + 4096);
    await expect(contents(zip, a)).rejects.toThrow(/not enough bytes/);
    zip.close();
  });
});
