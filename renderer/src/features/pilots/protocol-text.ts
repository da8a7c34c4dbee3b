import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Protocol, ProtocolField } from '../../../../electron/shared/domain/pilots';
import { useSettings } from '../../app/settings-context';
import type { Formatters } from '../../i18n/format';
import { pilotDesignKey } from '../../i18n/labels';

/** A protocol value as a reader sees it: the design translated, numbers and dates formatted, "—" for none. */
export function protocolText(t: TFunction, format: Formatters, field: ProtocolField, value: Protocol[ProtocolField] | null): string {
  if (value === null || value === '') return '—';
  if (field === 'design') return t(pilotDesignKey(String(value)));
  if (field === 'plannedSampleSize') return format.number(Number(value));
  if (field === 'interventionOn') return format.date(String(value));
  return String(value);
}

export function useProtocolText() {
  const { t } = useTranslation();
  const { format } = useSettings();
  return (field: ProtocolField, value: Protocol[ProtocolField] | null) => protocolText(t, format, field, value);
}
