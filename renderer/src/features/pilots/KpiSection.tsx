import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import EditIcon from '@mui/icons-material/EditOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import IconButton from '@mui/material/IconButton';
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
import { KPI_DIRECTIONS, KPI_FREQUENCIES, KPI_KINDS, lockedKpiFields, type Kpi, type Pilot } from '../../../../electron/shared/domain/pilots';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { useSettings } from '../../app/settings-context';
import { ChangedElsewhere } from '../../components/ChangedElsewhere';
import { ChoiceField } from '../../components/ChoiceField';
import { ConfirmDelete } from '../../components/ConfirmDelete';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormDialog } from '../../components/FormDialog';
import { typedNumber } from '../../components/typed-number';
import { useRecordForm } from '../../components/use-record-form';
import { useSubmit } from '../../components/use-submit';
import { textDigits } from '../../i18n/i18n';
import { frequencyKey, kpiDirectionKey, kpiKindKey } from '../../i18n/labels';
import { Section } from './Section';

/**
 * The KPI register: what is measured, which way is better, from where, how often, and what counts as
 * success. Once the protocol is locked, targets, thresholds, the primary mark and the primary KPI's
 * definition change only by an amendment with a reason (the same dialog asks for it), and KPIs stay.
 */
export function KpiSection({ pilot }: { pilot: Pilot }) {
  const { t } = useTranslation();
  const { format } = useSettings();
  const kpis = useApiQuery('pilots.kpis', { pilotId: pilot.id });
  const remove = useApiMutation('pilots.deleteKpi');
  // The KPI's id: the dialog edits the KPI as the list now has it, not as it was when it opened.
  const [editing, setEditing] = useState<string | null>(null);
  const edited = editing === 'new' ? null : kpis.data?.find((k) => k.id === editing);
  const [deleting, setDeleting] = useState<Kpi | null>(null);
  const num = (n: number | null) => (n === null ? '—' : format.number(n));
  return (
    <Section title={t('pilot.kpis')}>
      <ErrorAlert error={kpis.error} />
      {pilot.lockedAt && (
        <Alert severity="info" sx={{ mb: 2 }}>
          {t('pilot.kpi.lockedNote')}
        </Alert>
      )}
      {kpis.data?.length === 0 && <Typography color="text.secondary">{t('pilot.noKpis')}</Typography>}
      {kpis.data && kpis.data.length > 0 && (
        // Scrolls sideways in a narrow window rather than pushing the page wider; its buttons take the focus.
        <Box sx={{ overflowX: 'auto' }}>
          <Table size="small" aria-label={t('pilot.kpis')}>
            <TableHead>
              <TableRow>
                <TableCell>{t('pilot.kpi.name')}</TableCell>
                <TableCell>{t('pilot.kpi.kind')}</TableCell>
                <TableCell>{t('pilot.kpi.direction')}</TableCell>
                <TableCell>{t('pilot.kpi.baseline')}</TableCell>
                <TableCell>{t('pilot.kpi.target')}</TableCell>
                <TableCell>{t('pilot.kpi.successThreshold')}</TableCell>
                <TableCell>{t('pilot.kpi.frequency')}</TableCell>
                <TableCell>{t('pilot.kpi.dataSource')}</TableCell>
                <TableCell>
                  <span className="visually-hidden">{t('common.actions')}</span>
                </TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {kpis.data.map((k) => (
                <TableRow key={k.id}>
                  <TableCell component="th" scope="row" dir="auto">
                    {k.name}
                    {k.unit && ` (${k.unit})`}
                    {k.primary && (
                      <Typography variant="body2" color="text.secondary" component="span" sx={{ display: 'block' }}>
                        {t('pilot.kpi.primaryMark')}
                      </Typography>
                    )}
                  </TableCell>
                  <TableCell>{t(kpiKindKey(k.kind))}</TableCell>
                  <TableCell>{t(kpiDirectionKey(k.direction))}</TableCell>
                  <TableCell>
                    {num(k.baselineValue)}
                    {k.baselineDate && `${format.separator}${format.date(k.baselineDate)}`}
                  </TableCell>
                  <TableCell>{num(k.target)}</TableCell>
                  <TableCell>{num(k.successThreshold)}</TableCell>
                  <TableCell>{t(frequencyKey(k.frequency))}</TableCell>
                  <TableCell dir="auto">{k.dataSource}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    <IconButton aria-label={t('pilot.kpi.edit', { name: k.name })} onClick={() => setEditing(k.id)}>
                      <EditIcon />
                    </IconButton>
                    {!pilot.lockedAt && (
                      <IconButton aria-label={t('pilot.kpi.delete', { name: k.name })} onClick={() => setDeleting(k)}>
                        <DeleteIcon />
                      </IconButton>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      )}
      <Button variant="outlined" sx={{ mt: 2 }} onClick={() => setEditing('new')}>
        {t('pilot.kpi.add')}
      </Button>
      <ConfirmDelete record={deleting} title={t('pilot.kpi.deleteTitle')} message={t('pilot.kpi.deleteMessage')} remove={remove} onClose={() => setDeleting(null)} />
      {(editing === 'new' || edited) && <KpiDialog pilotId={pilot.id} locked={pilot.lockedAt !== null} kpi={edited ?? null} onClose={() => setEditing(null)} />}
    </Section>
  );
}

/** A stored number as the field shows it, in the lab's digits (parseNumber reads them back). */
const numberText = (n: number | null) => (n === null ? '' : textDigits(n));
const NUMBER_FIELDS = ['baselineValue', 'target', 'successThreshold'] as const;

function KpiDialog({ pilotId, locked, kpi, onClose }: { pilotId: string; locked: boolean; kpi: Kpi | null; onClose(): void }) {
  const { t } = useTranslation();
  const add = useApiMutation('pilots.addKpi');
  const update = useApiMutation('pilots.updateKpi');
  const amend = useApiMutation('pilots.amendKpi');
  const [reason, setReason] = useState('');
  const { values: v, setValues: setV, sendChanges, changedElsewhere } = useRecordForm({
    name: kpi?.name ?? '',
    unit: kpi?.unit ?? '',
    direction: kpi?.direction ?? 'higher',
    kind: kpi?.kind ?? 'continuous',
    dataSource: kpi?.dataSource ?? '',
    frequency: kpi?.frequency ?? 'monthly',
    baselineValue: numberText(kpi?.baselineValue ?? null),
    baselineDate: kpi?.baselineDate ?? '',
    target: numberText(kpi?.target ?? null),
    successThreshold: numberText(kpi?.successThreshold ?? null),
    primary: kpi?.primary ?? false,
  });
  const { run, failure, fieldProps } = useSubmit();
  const text = (field: 'name' | 'unit' | 'dataSource' | 'baselineValue' | 'target' | 'successThreshold', numeric = false) => (
    <TextField
      label={t(`pilot.kpi.${field}`)}
      value={v[field]}
      onChange={(e) => setV({ ...v, [field]: e.target.value })}
      required={field === 'name'}
      {...fieldProps(field)}
      slotProps={{ htmlInput: numeric ? { inputMode: 'decimal', dir: 'ltr' } : { dir: 'auto' } }}
      fullWidth
    />
  );
  // Read for the label (does this save amend?); what is sent is read again by typedNumber, which refuses text.
  const number = (text: string) => (text.trim() === '' ? null : (parseNumber(text) ?? null));
  const toInput = (f: typeof v) => ({
    ...f,
    baselineValue: number(f.baselineValue),
    baselineDate: f.baselineDate || null,
    target: number(f.target),
    successThreshold: number(f.successThreshold),
  });
  const input = toInput(v);
  // After the lock, a change to a locked field is an amendment; other edits save as they are.
  const amends = locked && kpi !== null && lockedKpiFields(kpi).some((f) => input[f] !== kpi[f]);
  const save = () => {
    for (const f of NUMBER_FIELDS) typedNumber(v[f], f);
    if (!kpi) return add.mutateAsync({ pilotId, ...input });
    return sendChanges(toInput, (changes) => (amends ? amend.mutateAsync({ id: kpi.id, reason, changes }) : update.mutateAsync({ id: kpi.id, patch: changes })));
  };
  return (
    <FormDialog
      title={t(kpi ? 'pilot.kpi.editTitle' : 'pilot.kpi.add')}
      submitLabel={t(!kpi ? 'pilot.kpi.add' : amends ? 'pilot.amendSubmit' : 'common.save')}
      busy={add.isPending || update.isPending || amend.isPending}
      onClose={onClose}
      onSubmit={() => void run(save).then((ok) => ok && onClose())}
    >
      <ErrorAlert error={failure} />
      <ChangedElsewhere show={changedElsewhere} />
      <Stack spacing={2} sx={{ pt: 1 }}>
        {locked && <Alert severity="info">{t('pilot.kpi.lockedNote')}</Alert>}
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
          {text('name')}
          {text('unit')}
        </Stack>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
          <ChoiceField label={t('pilot.kpi.kind')} value={v.kind} choices={KPI_KINDS.map((k) => ({ value: k, label: t(kpiKindKey(k)) }))} onChange={(k) => k && setV({ ...v, kind: k })} fullWidth />
          <ChoiceField label={t('pilot.kpi.direction')} value={v.direction} choices={KPI_DIRECTIONS.map((d) => ({ value: d, label: t(kpiDirectionKey(d)) }))} onChange={(d) => d && setV({ ...v, direction: d })} fullWidth />
          <ChoiceField label={t('pilot.kpi.frequency')} value={v.frequency} choices={KPI_FREQUENCIES.map((f) => ({ value: f, label: t(frequencyKey(f)) }))} onChange={(f) => f && setV({ ...v, frequency: f })} fullWidth />
        </Stack>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
          {text('baselineValue', true)}
          <DateField label={t('pilot.kpi.baselineDate')} value={v.baselineDate} onChange={(baselineDate) => setV({ ...v, baselineDate })} {...fieldProps('baselineDate')} fullWidth />
        </Stack>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
          {text('target', true)}
          {text('successThreshold', true)}
        </Stack>
        {text('dataSource')}
        <FormControlLabel
          control={<Checkbox checked={v.primary} onChange={(e) => setV({ ...v, primary: e.target.checked })} disabled={locked && !kpi} />}
          label={t('pilot.kpi.primary')}
        />
        {amends && (
          <TextField
            label={t('pilot.field.reason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            required
            multiline
            minRows={2}
            {...fieldProps('reason')}
            slotProps={{ htmlInput: { dir: 'auto' } }}
          />
        )}
      </Stack>
    </FormDialog>
  );
}
