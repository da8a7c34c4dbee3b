import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseNumber } from '../../../../electron/shared/domain/numbers';
import { GROUPS, type Group, type Kpi, type Measurement, type Pilot } from '../../../../electron/shared/domain/pilots';
import { ApiCallError, useApiMutation, useApiQuery } from '../../api/hooks';
import { useSettings } from '../../app/settings-context';
import { ChoiceField } from '../../components/ChoiceField';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { errorKey, groupKey, validationKey } from '../../i18n/labels';
import { ImportDialog } from './ImportDialog';
import { Section } from './Section';
import { textDigits } from '../../i18n/i18n';

/** Measurements by hand (a grid of periods × groups for one KPI) or from a file. */
export function MeasurementsSection({ pilot }: { pilot: Pilot }) {
  const { t } = useTranslation();
  const kpis = useApiQuery('pilots.kpis', { pilotId: pilot.id });
  const [kpiId, setKpiId] = useState('');
  const [importing, setImporting] = useState(false);
  const kpi = kpis.data?.find((k) => k.id === kpiId) ?? kpis.data?.[0];
  return (
    <Section title={t('pilot.measurements')}>
      {kpis.data?.length === 0 && <Typography color="text.secondary">{t('pilot.measurementsNeedKpi')}</Typography>}
      {kpi && (
        <>
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'center' }, mb: 2 }}>
            <ChoiceField<string> label={t('pilot.kpi.name')} value={kpi.id} choices={(kpis.data ?? []).map((k) => ({ value: k.id, label: k.name, userText: true }))} onChange={setKpiId} sx={{ minWidth: 260 }} />
            <Button variant="outlined" onClick={() => setImporting(true)}>
              {t('pilot.import.open')}
            </Button>
          </Stack>
          <MeasurementGrid key={kpi.id} kpi={kpi} />
        </>
      )}
      {importing && <ImportDialog pilot={pilot} kpis={kpis.data ?? []} onClose={() => setImporting(false)} />}
    </Section>
  );
}

function MeasurementGrid({ kpi }: { kpi: Kpi }) {
  const { t } = useTranslation();
  const { format } = useSettings();
  const measurements = useApiQuery('pilots.measurements', { kpiId: kpi.id });
  const [added, setAdded] = useState<string[]>([]);
  const [period, setPeriod] = useState('');
  const cells = (measurements.data ?? []).filter((m) => m.unitId === null);
  const unitLevel = (measurements.data?.length ?? 0) - cells.length;
  const periods = [...new Set([...cells.map((m) => m.period), ...added])].sort();
  const at = (p: string, g: Group) => cells.find((m) => m.period === p && m.group === g);
  return (
    <>
      <ErrorAlert error={measurements.error} />
      {unitLevel > 0 && <Typography color="text.secondary">{t('pilot.unitLevelCount', { rows: format.number(unitLevel) })}</Typography>}
      <Table size="small" aria-label={t('pilot.gridLabel', { name: kpi.name })}>
        <TableHead>
          <TableRow>
            <TableCell>{t('pilot.period')}</TableCell>
            {GROUPS.map((g) => (
              <TableCell key={g}>{t(groupKey(g))}</TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {periods.map((p) => (
            <TableRow key={p} data-period={p}>
              <TableCell component="th" scope="row">
                {format.date(p)}
              </TableCell>
              {GROUPS.map((g) => (
                <TableCell key={g}>
                  {/* A new stored value (an import, another window, this cell's own save) starts the cell afresh. */}
                  <Cell key={at(p, g)?.updatedAt ?? 'empty'} kpi={kpi} period={p} group={g} stored={at(p, g)} label={format.parts(t(groupKey(g)), format.date(p))} />
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {/* A form, so Enter in the date adds the period; focus then goes to its first cell, where the value is typed next. */}
      <Stack
        component="form"
        noValidate
        aria-label={t('pilot.addPeriod')}
        direction="row"
        spacing={2}
        sx={{ mt: 2, alignItems: 'center' }}
        onSubmit={(e) => {
          e.preventDefault();
          if (!period) return;
          setAdded([...added, period]);
          setPeriod('');
          requestAnimationFrame(() => document.querySelector<HTMLElement>(`tr[data-period="${CSS.escape(period)}"] input`)?.focus());
        }}
      >
        <DateField size="small" label={t('pilot.newPeriod')} value={period} onChange={setPeriod} />
        <Button type="submit" disabled={!period}>
          {t('pilot.addPeriod')}
        </Button>
      </Stack>
    </>
  );
}

/** A stored number as the cell shows it, in the lab's digits (parseNumber reads them back). */
const text = (n: number | null | undefined) => (n === null || n === undefined ? '' : textDigits(n));

/**
 * One grid cell: a value, or successes out of trials for a rate. It is saved when the focus leaves
 * the cell (not between its two fields) and only if it changed; emptied, its measurement is deleted.
 */
function Cell({ kpi, period, group, stored, label }: { kpi: Kpi; period: string; group: Group; stored: Measurement | undefined; label: string }) {
  const { t } = useTranslation();
  const set = useApiMutation('pilots.setMeasurement');
  const remove = useApiMutation('pilots.deleteMeasurement');
  const rate = kpi.kind === 'rate';
  const initial = { value: text(rate ? stored?.numerator : stored?.value), of: text(stored?.denominator) };
  const [value, setValue] = useState(initial.value);
  const [of, setOf] = useState(initial.of);
  const [error, setError] = useState<string | null>(null);
  // A refusal about the value names its reason; any other (the KPI was deleted elsewhere, the app
  // could not be reached) is said as the app says it everywhere.
  const failed = (e: ApiCallError) => {
    const issue = e.error.issues?.[0];
    setError(issue ? t(validationKey(issue.code), issue.params) : t(errorKey(e.error.code)));
  };
  const save = () => {
    const first = value.trim();
    const second = of.trim();
    if (first === initial.value && second === initial.of) return setError(null);
    if (first === '' && (!rate || second === '')) {
      setError(null);
      if (stored) remove.mutate({ id: stored.id }, { onError: failed });
      return;
    }
    if (rate && (first === '' || second === '')) return setError(t(validationKey('missing_value')));
    // Read as the file import reads them: Arabic-Indic digits and a decimal comma are numbers.
    const n = parseNumber(first);
    const d = rate ? parseNumber(second) : undefined;
    if (n === undefined || (rate && d === undefined)) return setError(t(validationKey('bad_number')));
    setError(null);
    set.mutate(rate ? { kpiId: kpi.id, group, period, numerator: n, denominator: d } : { kpiId: kpi.id, group, period, value: n }, { onError: failed });
  };
  const field = (v: string, onChange: (s: string) => void, name: string) => (
    <TextField size="small" value={v} onChange={(e) => onChange(e.target.value)} error={error !== null} slotProps={{ htmlInput: { 'aria-label': name, inputMode: 'decimal', dir: 'ltr' } }} sx={{ width: 110 }} />
  );
  return (
    <Stack onBlur={(e) => !e.currentTarget.contains(e.relatedTarget) && save()}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        {field(value, setValue, rate ? t('pilot.successesIn', { cell: label }) : label)}
        {rate && (
          <>
            <span>/</span>
            {field(of, setOf, t('pilot.trialsIn', { cell: label }))}
          </>
        )}
      </Stack>
      {error && (
        <Typography variant="caption" color="error" role="alert">
          {error}
        </Typography>
      )}
    </Stack>
  );
}
