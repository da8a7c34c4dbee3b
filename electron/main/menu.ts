/**
 * The application menu, built from roles (so every OS gets its own accelerators and behaviour) with
 * labels from the UI's catalogue, and rebuilt whenever the user changes the language.
 */
import type { Menu as ElectronMenu, MenuItemConstructorOptions } from 'electron';
import type { Translate } from '../core/i18n/catalogue';

type Role = NonNullable<MenuItemConstructorOptions['role']>;

/** Menu items that are the app's own rather than roles. */
export interface MenuActions {
  importBundle(): void;
}

export function menuTemplate(t: Translate, platform: NodeJS.Platform, actions: MenuActions): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const item = (role: Role, key: string): MenuItemConstructorOptions => ({ role, label: t(`menu.${key}`) });
  const separator: MenuItemConstructorOptions = { type: 'separator' };
  return [
    // macOS's own first menu, spelled out so that it is translated too (the `appMenu` role is English);
    // macOS shows the app's name as its title whatever the label says.
    ...(mac
      ? [
          {
            label: t('app.name'),
            submenu: [
              item('about', 'about'),
              separator,
              item('services', 'services'),
              separator,
              item('hide', 'hide'),
              item('hideOthers', 'hideOthers'),
              item('unhide', 'showAll'),
              separator,
              item('quit', 'quit'),
            ],
          },
        ]
      : []),
    {
      label: t('menu.file'),
      submenu: [
        { label: t('menu.importBundle'), accelerator: 'CmdOrCtrl+O', click: () => actions.importBundle() },
        // Bundles opened before (Windows lists them in the taskbar's jump list instead).
        ...(mac ? [{ ...item('recentDocuments', 'openRecent'), submenu: [item('clearRecentDocuments', 'clearRecent')] }] : []),
        separator,
        mac ? item('close', 'close') : item('quit', 'quit'),
      ],
    },
    {
      label: t('menu.edit'),
      submenu: [item('undo', 'undo'), item('redo', 'redo'), separator, item('cut', 'cut'), item('copy', 'copy'), item('paste', 'paste'), item('selectAll', 'selectAll')],
    },
    {
      label: t('menu.view'),
      submenu: [item('resetZoom', 'resetZoom'), item('zoomIn', 'zoomIn'), item('zoomOut', 'zoomOut'), separator, item('togglefullscreen', 'fullscreen')],
    },
    { label: t('menu.window'), submenu: [item('minimize', 'minimize'), ...(mac ? [item('front', 'front')] : [item('close', 'close')])] },
  ];
}

/** Sets the menu for `language()` now, and again each time `onLanguageChange` fires. */
export function installMenu(deps: {
  Menu: Pick<typeof ElectronMenu, 'buildFromTemplate' | 'setApplicationMenu'>;
  platform: NodeJS.Platform;
  translate: () => Translate;
  actions: MenuActions;
  onLanguageChange(rebuild: () => void): void;
}) {
  const build = () => deps.Menu.setApplicationMenu(deps.Menu.buildFromTemplate(menuTemplate(deps.translate(), deps.platform, deps.actions)));
  build();
  deps.onLanguageChange(build);
}
