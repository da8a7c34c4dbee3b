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

  it('opens only documents, pictures, sound and video; any other kind is shown in the file manager', async () => {
    const others = ['setup.exe', 'page.HTML', 'run.ps1', 'logo.svg', 'help.chm', 'budget.xlsm', 'old.doc', 'disk.iso', 'archive.zip', 'Makefile', 'x.appref-ms'];
    for (const name of others) {
      const { id } = await add(name, `content of ${name}`);
      expect(await handlers()['desktop.openAttachment']({ id }, ipc), name).toEqual({ shown: 'folder' });
    }
    expect(electron.module.shell.openPath).not.toHaveBeenCalled();
    expect(electron.module.shell.showItemInFolder).toHaveBeenCalledTimes(others.length);
    for (const name of ['report.PDF', 'photo.jpg', 'budget.xlsx', 'notes.odt', 'interview.m4a']) {
      const { id } = await add(name, `content of ${name}`);
      expect(await handlers()['desktop.openAttachment']({ id }, ipc), name).toEqual({ shown: 'file' });
    }
  });

  it('copies into its own folder under a name every system takes, whatever name an older record holds', async () => {
    const cases: [string, string][] = [
      ['../../escaped.bat', 'escaped.bat'],
      ['..\\..\\Startup\\run.cmd', 'run.cmd'],
      ['CON.txt', '_CON.txt'],
      ['COM¹.log', '_COM¹.log'],
      [`${'ж'.repeat(200)}.docx`, `${'ж'.repeat(125)}.docx`],
      ['what? <draft>: "v2"|final*.txt', 'what_ _draft__ _v2__final_.txt'],
    ];
    for (const [stored, copied] of cases) {
      const { id } = await add('placeholder.txt', stored);
      // A name stored before names were checked on import (the database keeps whatever it was given).
      test.core.db.prepare('UPDATE attachments SET file_name = ? WHERE id = ?').run(stored, id);
      await handlers()['desktop.openAttachment']({ id }, ipc);
      const copy = [...electron.module.shell.openPath.mock.calls, ...electron.module.shell.showItemInFolder.mock.calls].map((c) => c[0]).find((p) => readFileSync(p, 'utf8') === stored)!;
      expect(basename(copy), stored).toBe(copied);
      expect(dirname(dirname(copy)), stored).toBe(tempDir);
    }
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
