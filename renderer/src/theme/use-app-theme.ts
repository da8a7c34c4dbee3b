import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ThemeName } from '../../../electron/shared/domain/settings';
import { createAppTheme } from './theme';

/** The app's theme, with MUI's built-in words in the language applied now (it follows a switch). */
export function useAppTheme(name: ThemeName, direction: 'ltr' | 'rtl') {
  const { t, i18n } = useTranslation();
  return useMemo(
    () =>
      createAppTheme(name, direction, {
        close: t('common.close'),
        openList: t('common.openList'),
        closeList: t('common.closeList'),
        clear: t('common.clear'),
        noMatches: t('common.noMatches'),
        loading: t('common.loading'),
      }),
    // i18n.language: `t` keeps its identity across a language switch.
    [name, direction, t, i18n.language],
  );
}
