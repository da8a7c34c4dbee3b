import { createContext, useContext, type ReactNode } from 'react';
import type { Settings } from '../../../electron/shared/domain/settings';
import { useFormatters, type Formatters } from '../i18n/format';
import { setTextNumerals } from '../i18n/i18n';

interface SettingsValue {
  settings: Settings;
  format: Formatters;
}

const SettingsContext = createContext<SettingsValue | null>(null);

export function SettingsProvider({ settings, children }: { settings: Settings; children: ReactNode }) {
  // Before the children render, so that their texts already carry the chosen digits.
  setTextNumerals(settings.numerals);
  const format = useFormatters(settings);
  return <SettingsContext.Provider value={{ settings, format }}>{children}</SettingsContext.Provider>;
}

export function useSettings(): SettingsValue {
  const value = useContext(SettingsContext);
  if (!value) throw new Error('useSettings needs a SettingsProvider');
  return value;
}
