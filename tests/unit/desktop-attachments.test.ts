/**
 * `desktop.openAttachment` with `electron` mocked (its binary cannot run here): the user gets a
 * copy under its display name, opened by the system, or shown in the file manager when opening
 * it could run code; a missing file is a clear not_found.
 */
import { readFileSync, rmSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({ module: { shell: { openPath: vi.fn(async (_path: string) => ''), showItemInFolder: vi.fn() } } }));
vi.mock('electron', () => ({ ...electron.module, default: electron.module }));

import { createDesktopHandlers } from '../../electron/main/desktop-handlers';
import { attachFile, callValue, makeCore, type TestCore } from '../support/core';
import { removeDir, tempDataDir } from '../support/serve';

let test: TestCore;
let tempDir: string;
let projectId: string;
const ipc = { role: 'host', door: 'ipc' } as const;

beforeEach(async () => {
  vi.clearAllMocks();
  test = makeCore();
  tempDir = tempDataDir();
  projectId = (await callValue<{ id: string }>(test, 'projects.create', { title: 'P' })).id;
});
afterEach(() => {
  test.close();
  removeDir(tempDir);
});

const handlers = () =>
  createDesktopHandlers({ shell: electron.module.shell, dataDir: test.dataDir, tempDir, attachmentFile: (id) => test.core.attachments.file(id),
    print: () => {
      throw new Error('not printing here');
    },
    saveBundle: () => {
      throw new Error('not saving bundles here');
    },
    projector: { open: () => ({ placement: 'window' as const }) },
  });
const add = (fileName: string, text: string) => attachFile(test.call, { ownerType: 'project', ownerId: projectId }, fileName, text);

describe('desktop.openAttachment', () => {
  it('opens a copy named as the user named it, leaving the stored file alone', async () => {
    const { id } = await add('خطة المشروع.txt', 'the plan');
    expect(await handlers()['desktop.openAttachment']({ id }, ipc)).toEqual({ shown: 'file' });
    const opened = electron.module.shell.openPath.mock.calls[0][0];
    expect(basename(opened)).toBe('خطة المشروع.txt');
    expect(dirname(dirname(opened))).toBe(tempDir);
    expect(readFileSync(opened, 'utf8')).toBe('the plan');
    expect(opened).not.toBe(test.core.attachments.file(id)!.path);
  });

  it('shows files that would run or render in the file manager instead of opening them', async () => {
    for (const name of ['setup.exe', 'page.HTML', 'run.ps1', 'logo.svg']) {
      const { id } = await add(name, `content of ${name}`);
      expect(await handlers()['desktop.openAttachment']({ id }, ipc)).toEqual({ shown: 'folder' });
    }
    expect(electron.module.shell.openPath).not.toHaveBeenCalled();
    expect(electron.module.shell.showItemInFolder).toHaveBeenCalledTimes(4);
  });

  it('reports a missing file as not_found, and a refusal of the system as a failure', async () => {
    const { id } = await add('gone.txt', 'gone');
    rmSync(test.core.attachments.file(id)!.path);
    await expect(handlers()['desktop.openAttachment']({ id }, ipc)).rejects.toMatchObject({ code: 'not_found' });
    const other = await add('other.txt', 'other');
    electron.module.shell.openPath.mockResolvedValueOnce('no application is associated');
    await expect(handlers()['desktop.openAttachment']({ id: other.id }, ipc)).rejects.toMatchObject({ code: 'internal' });
  });
});
