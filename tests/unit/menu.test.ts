/** The application menu: built from roles, labelled in the user's language, rebuilt on a language change. */
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { translator } from '../../electron/core/i18n/catalogue';
import { installMenu, menuTemplate } from '../../electron/main/menu';
import { LANGUAGES, type Language } from '../../electron/shared/domain/settings';

const labels = (items: MenuItemConstructorOptions[]): string[] =>
  items.flatMap((i) => [...(i.label ? [i.label] : []), ...(Array.isArray(i.submenu) ? labels(i.submenu) : [])]);

const actions = { importBundle: vi.fn() };

describe('the application menu', () => {
  it.each(LANGUAGES)('is fully translated in %s on every platform', (language) => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const all = labels(menuTemplate(translator(language), platform, actions));
      expect(all.length).toBeGreaterThan(10);
      expect(all.filter((l) => l.startsWith('menu.'))).toEqual([]);
    }
  });

  it('uses roles, so each OS supplies its own accelerators; macOS gets its app menu, translated like the rest', () => {
    const roles = (items: MenuItemConstructorOptions[]): string[] =>
      items.flatMap((i) => [...(i.role ? [i.role] : []), ...(Array.isArray(i.submenu) ? roles(i.submenu) : [])]);
    expect(roles(menuTemplate(translator('en'), 'darwin', actions))).toEqual(
      expect.arrayContaining(['about', 'services', 'hide', 'hideOthers', 'unhide', 'quit', 'undo', 'copy', 'paste', 'zoomIn', 'togglefullscreen']),
    );
    expect(roles(menuTemplate(translator('en'), 'darwin', actions))).toEqual(expect.arrayContaining(['recentDocuments', 'clearRecentDocuments']));
    expect(roles(menuTemplate(translator('en'), 'win32', actions))).toContain('quit');
    expect(roles(menuTemplate(translator('en'), 'win32', actions))).not.toContain('hide');
  });

  it('is rebuilt in the new language when the user switches', () => {
    let language: Language = 'en';
    let rebuild = () => {};
    const Menu = { buildFromTemplate: vi.fn((template: MenuItemConstructorOptions[]) => template), setApplicationMenu: vi.fn() };
    installMenu({ Menu: Menu as never, platform: 'linux', translate: () => translator(language), actions, onLanguageChange: (r) => (rebuild = r) });
    expect(Menu.buildFromTemplate.mock.calls[0][0][0].label).toBe('File');
    language = 'ar';
    rebuild();
    expect(Menu.buildFromTemplate.mock.calls[1][0][0].label).toBe('ملف');
    expect(Menu.setApplicationMenu).toHaveBeenCalledTimes(2);
  });

  it('opens a bundle from File with the usual Open shortcut', () => {
    const file = menuTemplate(translator('en'), 'win32', actions)[0];
    const item = (file.submenu as MenuItemConstructorOptions[])[0];
    expect(item).toMatchObject({ label: 'Import a bundle…', accelerator: 'CmdOrCtrl+O' });
    (item.click as () => void)();
    expect(actions.importBundle).toHaveBeenCalledOnce();
  });
});
