/**
 * Reading the project's own files for the static security checks: where only a real Electron could
 * observe something, the source (or the build that ships) is checked instead.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');

/** Every file under `dir` (relative to the root) whose name matches `pattern`, as root-relative paths with `/`. */
export function filesUnder(dir: string, pattern = /\.(tsx?|html)$/): string[] {
  const walk = (absolute: string): string[] =>
    readdirSync(absolute).flatMap((name) => {
      const path = join(absolute, name);
      return statSync(path).isDirectory() ? walk(path) : pattern.test(name) ? [relative(ROOT, path).split(sep).join('/')] : [];
    });
  return walk(join(ROOT, dir));
}

export const readSource = (file: string) => readFileSync(join(ROOT, file), 'utf8');

/** The app's own code: the Electron side and the renderer (tests, benches and scripts do not ship). */
export function appSources() {
  return [...filesUnder('electron'), ...filesUnder('renderer')].map((file) => ({ file, text: readSource(file) }));
}

/** Root-relative names of the app files whose text matches `pattern`. */
export const filesMatching = (pattern: RegExp) => appSources().filter(({ text }) => pattern.test(text)).map(({ file }) => file);

/**
 * A file of the build (`node scripts/build.mjs`, which `npm test` runs before the tests). A missing
 * build is a failure that says what to do, never a silent pass.
 */
export function readBuilt(file: string): string {
  const path = join(ROOT, 'dist', file);
  if (!existsSync(path)) throw new Error(`dist/${file} is missing: run \`node scripts/build.mjs\` (npm test does) before these tests.`);
  return readFileSync(path, 'utf8');
}
