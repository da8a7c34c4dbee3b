/** House rule 5: the folder a file is in decides what it may import, and lint enforces it. */
import { ESLint } from 'eslint';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const eslint = new ESLint({ cwd: ROOT });

async function restricted(file: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, file) });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').length;
}

describe('folder boundaries', () => {
  it.each([
    ['renderer/src/features/x.ts', "import { createCore } from '../../../electron/core/create-core';"],
    ['renderer/src/features/x.ts', "import { app } from 'electron';"],
    ['renderer/src/features/x.ts', "import { readFileSync } from 'node:fs';"],
    ['renderer/src/features/x.ts', "import { registerIpc } from '../../../electron/main/ipc';"],
    ['electron/shared/domain/x.ts', "import { createHash } from 'node:crypto';"],
    ['electron/shared/domain/x.ts', "import { openDatabase } from '../../core/db/open';"],
    ['electron/core/services/x.ts', "import { app } from 'electron';"],
    ['electron/core/services/x.ts', "import { registerIpc } from '../../main/ipc';"],
  ])('%s may not: %s', async (file, code) => {
    expect(await restricted(file, code)).toBe(1);
  });

  it.each([
    ['renderer/src/features/x.ts', "import { contract } from '../../../electron/shared/api/contract';"],
    ['electron/core/services/x.ts', "import { readFileSync } from 'node:fs';"],
    ['electron/main/x.ts', "import { app } from 'electron';"],
    ['electron/main/x.ts', "import { createCore } from '../core/create-core';"],
  ])('%s may: %s', async (file, code) => {
    expect(await restricted(file, code)).toBe(0);
  });
});
