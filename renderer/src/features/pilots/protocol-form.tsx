import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import { PILOT_DESIGNS, type Protocol } from '../../../../electron/shared/domain/pilots';
import { ChoiceField } from '../../components/ChoiceField';
import { DateField } from '../../components/DateField';
import { pilotDesignKey } from '../../i18n/labels';
import { typedNumber } from '../../components/typed-number';
import { textDigits } from '../../i18n/i18n';

/** The protocol's fields as typed: numbers and dates stay text until saved. */
export interface ProtocolValues {
  design: Protocol['design'];
  unit: string;
  plannedSampleSize: string;
  primaryOutcome: string;
  analysisPlan: string;
  interventionOn: string;
}

export const protocolValues = (p: Protocol): ProtocolValues => ({
  design: p.design,
  unit: p.unit,
  plannedSampleSize: p.plannedSampleSize === null ? '' : textDigits(p.plannedSampleSize),
  primaryOutcome: p.primaryOutcome,
  analysisPlan: p.analysisPlan,
  interventionOn: p.interventionOn ?? '',
});

export const protocolInput = (v: ProtocolValues): Protocol => ({
  design: v.design,
  unit: v.unit,
  plannedSampleSize: typedNumber(v.plannedSampleSize, 'plannedSampleSize'),
  primaryOutcome: v.primaryOutcome,
  analysisPlan: v.analysisPlan,
  interventionOn: v.interventionOn || null,
});

/** The protocol fields, for the draft protocol and for an amendment alike. */
export function ProtocolFields({ values, onChange, fieldProps }: { values: ProtocolValues; onChange(v: ProtocolValues): void; fieldProps(field: string): object }) {
  const { t } = useTranslation();
  const set = (field: keyof ProtocolValues) => (e: { target: { value: string } }) => onChange({ ...values, [field]: e.target.value });
  return (
    <Stack spacing={2}>
      {/* Side by side while each keeps room for its label (in a dialog too), else on the next line. */}
      <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <ChoiceField label={t('pilot.field.design')} value={values.design} choices={PILOT_DESIGNS.map((d) => ({ value: d, label: t(pilotDesignKey(d)) }))} onChange={(d) => d && onChange({ ...values, design: d })} sx={{ flex: '1 1 260px' }} />
        <TextField label={t('pilot.field.unit')} value={values.unit} onChange={set('unit')} {...fieldProps('unit')} slotProps={{ htmlInput: { dir: 'auto' } }} sx={{ flex: '1 1 200px' }} />
        <TextField label={t('pilot.field.plannedSampleSize')} value={values.plannedSampleSize} onChange={set('plannedSampleSize')} {...fieldProps('plannedSampleSize')} slotProps={{ htmlInput: { inputMode: 'numeric', dir: 'ltr' } }} sx={{ flex: '1 1 220px' }} />
        <DateField label={t('pilot.field.interventionOn')} value={values.interventionOn} onChange={(interventionOn) => onChange({ ...values, interventionOn })} {...fieldProps('interventionOn')} sx={{ flex: '1 1 200px' }} />
      </Stack>
      <TextField label={t('pilot.field.primaryOutcome')} value={values.primaryOutcome} onChange={set('primaryOutcome')} {...fieldProps('primaryOutcome')} slotProps={{ htmlInput: { dir: 'auto' } }} />
      <TextField label={t('pilot.field.analysisPlan')} value={values.analysisPlan} onChange={set('analysisPlan')} multiline minRows={2} {...fieldProps('analysisPlan')} slotProps={{ htmlInput: { dir: 'auto' } }} />
    </Stack>
  );
}
