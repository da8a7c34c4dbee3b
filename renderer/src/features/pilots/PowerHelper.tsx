import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseNumber } from '../../../../electron/shared/domain/numbers';
import { reasonKey, sampleSizeTwoMeans, sampleSizeTwoProportions } from '../../../../electron/shared/stats';
import { useSettings } from '../../app/settings-context';
import { ChoiceField } from '../../components/ChoiceField';
import { textDigits } from '../../i18n/i18n';

// Typed as people type numbers (Arabic-Indic digits too); anything else is not a number.
const parse = (s: string) => parseNumber(s) ?? Number.NaN;

/** How many units each group needs to detect an effect: a planning aid beside the planned sample size. */
export function PowerHelper() {
  const { t } = useTranslation();
  const { format } = useSettings();
  const [kind, setKind] = useState<'means' | 'rates'>('means');
  const [effect, setEffect] = useState(() => textDigits(0.5));
  const [p1, setP1] = useState(() => textDigits(0.5));
  const [p2, setP2] = useState(() => textDigits(0.6));
  const [alpha, setAlpha] = useState(() => textDigits(0.05));
  const [power, setPower] = useState(() => textDigits(0.8));
  const common = { alpha: parse(alpha), power: parse(power) };
  const result = kind === 'means' ? sampleSizeTwoMeans({ effectSize: parse(effect), ...common }) : sampleSizeTwoProportions({ p1: parse(p1), p2: parse(p2), ...common });
  const field = (label: string, value: string, set: (s: string) => void) => (
    <TextField size="small" label={label} value={value} onChange={(e) => set(e.target.value)} slotProps={{ htmlInput: { inputMode: 'decimal', dir: 'ltr' } }} sx={{ width: 210 }} />
  );
  return (
    <section aria-labelledby="power-heading">
      <Typography variant="h6" component="h3" id="power-heading" sx={{ mt: 3, mb: 1 }}>
        {t('pilot.power.heading')}
      </Typography>
      <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
        <ChoiceField label={t('pilot.power.kind')} value={kind} choices={[{ value: 'means', label: t('pilot.power.means') }, { value: 'rates', label: t('pilot.power.rates') }]} onChange={(k) => k && setKind(k)} sx={{ minWidth: 200 }} />
        {kind === 'means' ? field(t('pilot.power.effect'), effect, setEffect) : (
          <>
            {field(t('pilot.power.p1'), p1, setP1)}
            {field(t('pilot.power.p2'), p2, setP2)}
          </>
        )}
        {field(t('pilot.power.alpha'), alpha, setAlpha)}
        {field(t('pilot.power.power'), power, setPower)}
      </Stack>
      <Alert severity={result.ok ? 'info' : 'warning'} role="status" sx={{ mt: 1 }}>
        {result.ok ? t('pilot.power.result', { perGroup: format.number(result.nPerGroup), total: format.number(2 * result.nPerGroup) }) : t(reasonKey(result.reason))}
      </Alert>
    </section>
  );
}
