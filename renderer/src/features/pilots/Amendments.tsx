import Typography from '@mui/material/Typography';
import type { TFunction } from 'i18next';
import { PROTOCOL_FIELDS, type Amendment, type ProtocolField } from '../../../../electron/shared/domain/pilots';
import type { Formatters } from '../../i18n/format';
import { frequencyKey, kpiDirectionKey, kpiKindKey, protocolFieldKey } from '../../i18n/labels';
import { protocolText } from './protocol-text';

type Value = Amendment['before'][string] | undefined;

/** A KPI field's label and its value as a reader sees it (kinds translated, numbers and dates formatted). */
function kpiText(t: TFunction, format: Formatters, field: string, value: Value): string {
  if (value === null || value === undefined || value === '') return '—';
  if (field === 'kind') return t(kpiKindKey(String(value)));
  if (field === 'direction') return t(kpiDirectionKey(String(value)));
  if (field === 'frequency') return t(frequencyKey(String(value)));
  if (field === 'baselineDate') return format.date(String(value));
  if (field === 'primary') return t(value ? 'pilot.analysis.yes' : 'pilot.analysis.no');
  return typeof value === 'number' ? format.number(value) : String(value);
}

/**
 * The amendments of a locked protocol, oldest first: when, why, and each changed field before → after.
 * An amendment of a KPI (its target, threshold, or the primary KPI's definition) names the KPI.
 */
export function Amendments({ amendments, t, format }: { amendments: readonly Amendment[]; t: TFunction; format: Formatters }) {
  if (amendments.length === 0) return <Typography variant="body2">{t('pilot.noAmendments')}</Typography>;
  const line = (a: Amendment, f: string) => {
    if (a.kpiId === null && (PROTOCOL_FIELDS as readonly string[]).includes(f)) {
      const field = f as ProtocolField;
      const text = (v: Value) => protocolText(t, format, field, (v ?? null) as Parameters<typeof protocolText>[3]);
      return [t(protocolFieldKey(field)), text(a.before[f]), text(a.after[f])];
    }
    return [t(`pilot.kpi.${f}`), kpiText(t, format, f, a.before[f]), kpiText(t, format, f, a.after[f])];
  };
  return (
    <>
      {amendments.map((a) => (
        <Typography key={a.id} variant="body2" component="div" sx={{ mb: 1 }}>
          <span style={{ display: 'block' }}>
            {t('pilot.amendmentHeading', { version: format.number(a.version), date: format.dateTime(a.createdAt) })}
            {a.kpiId !== null && (
              <>
                {format.separator}
                {t('pilot.amendmentOfKpi')} <span dir="auto">{a.kpiName ?? '—'}</span>
              </>
            )}{' '}
            — <span dir="auto">{a.reason}</span>
          </span>
          {a.changedFields.map((f) => {
            const [label, before, after] = line(a, f);
            return (
              <span key={f} style={{ display: 'block' }}>
                {label}: <span dir="auto">{before}</span> {t('pilot.amendmentArrow')} <span dir="auto">{after}</span>
              </span>
            );
          })}
        </Typography>
      ))}
    </>
  );
}
