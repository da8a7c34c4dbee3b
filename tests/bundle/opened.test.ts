/** Bundles the operating system hands the desktop app: copied into the inbox, announced, taken once by the UI. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { inboxDir } from '../../electron/core/bundles/bundles-service';
import type { AppEvent } from '../../electron/shared/api/events';
import type { BundlePreview } from '../../electron/shared/domain/bundles';
import { callValue, makeCore, type TestCore } from '../support/core';
import { exportTo, tempDir } from '../support/bundles';
import { removeDir } from '../support/serve';

const open: TestCore[] = [];
const dirs: string[] = [];
afterEach(() => {
  open.splice(0).forEach((t) => t.close());
  dirs.splice(0).forEach(removeDir);
});

describe('a bundle opened from the operating system', () => {
  it('is copied into the inbox, announced, handed to the UI once, and its copy removed after the preview', async () => {
    const from = makeCore();
    const to = makeCore();
    open.push(from, to);
    await callValue(from, 'lab.loadSample', {});
    const folder = tempDir();
    dirs.push(folder);
    const original = join(folder, 'from the ministry.ibtikar');
    await exportTo(from, original);
    const before = readFileSync(original);

    const events: AppEvent[] = [];
    to.core.events.subscribe((e) => events.push(e));
    const fileName = await to.core.bundles.receive(original);
    expect(fileName).toMatch(/^opened-[0-9a-f-]{36}\.ibtikar$/);
    expect(events).toContainEqual({ type: 'bundle.opened', payload: { fileName } });
    expect(await callValue(to, 'bundles.takeOpened', {})).toEqual([fileName]);
    expect(await callValue(to, 'bundles.takeOpened', {})).toEqual([]);

    const preview = await callValue<BundlePreview>(to, 'bundles.preview', { fileName });
    expect(preview.previewId).toBeTruthy();
    await callValue(to, 'bundles.discard', { previewId: preview.previewId });
    expect(readdirSync(inboxDir(to.dataDir))).toEqual([]);
    // The user's own file is never moved or changed.
    expect(readFileSync(original).equals(before)).toBe(true);
  });

  it('refuses a file that is not a bundle and removes its copy', async () => {
    const to = makeCore();
    open.push(to);
    const folder = tempDir();
    dirs.push(folder);
    const bogus = join(folder, 'notes.ibtikar');
    (await import('node:fs')).writeFileSync(bogus, 'not a zip at all');
    const fileName = await to.core.bundles.receive(bogus);
    const result = await to.call('bundles.preview', { fileName });
    expect(result.ok).toBe(false);
    expect(existsSync(join(inboxDir(to.dataDir), fileName))).toBe(false);
    expect(existsSync(bogus)).toBe(true);
  });
});
