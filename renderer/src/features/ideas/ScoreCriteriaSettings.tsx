import AddIcon from '@mui/icons-material/Add';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScoreCriterion } from '../../../../electron/shared/domain/ideas';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SettingsSection } from '../../components/SettingsSection';
import { useSubmit } from '../../components/use-submit';
import { keyedLabel } from '../../i18n/keyed-label';
import { scoreCriterionKey } from '../../i18n/labels';
import { requiredNumber } from '../../components/typed-number';
import { textDigits } from '../../i18n/i18n';

function CriterionRow({ criterion }: { criterion: ScoreCriterion }) {
  const { t } = useTranslation();
  const update = useApiMutation('scoring.updateCriterion');
  const { run, failure, fieldProps } = useSubmit();
  const original = keyedLabel(t, scoreCriterionKey, criterion);
  const [label, setLabel] = useState(original);
  const [weight, setWeight] = useState(textDigits(criterion.weight));
  const changed = label.trim() !== original || weight.trim() !== textDigits(criterion.weight);
  return (
    <ListItem disableGutters sx={{ display: 'block' }}>
      <ErrorAlert error={failure} />
      <Stack
        component="form"
        noValidate
        direction={{ xs: 'column', sm: 'row' }}
        spacing={1}
        sx={{ alignItems: { sm: 'flex-start' } }}
        onSubmit={(e) => {
          e.preventDefault();
          void run(() => update.mutateAsync({ id: criterion.id, ...(label.trim() !== original ? { label } : {}), weight: requiredNumber(weight, 'weight') }));
        }}
      >
        <TextField size="small" label={t('scoring.label')} value={label} onChange={(e) => setLabel(e.target.value)} {...fieldProps('label')} sx={{ flex: 1 }} slotProps={{ htmlInput: { dir: 'auto' } }} />
        <TextField size="small" label={t('scoring.weight')} value={weight} onChange={(e) => setWeight(e.target.value)} {...fieldProps('weight')} sx={{ width: 140 }} slotProps={{ htmlInput: { inputMode: 'decimal', dir: 'ltr' } }} />
        <Button type="submit" disabled={!changed || update.isPending}>
          {t('common.save')}
        </Button>
        <FormControlLabel
          control={<Checkbox checked={criterion.archived} onChange={(e) => void run(() => update.mutateAsync({ id: criterion.id, archived: e.target.checked }))} />}
          label={t('gate.criteria.archived')}
        />
      </Stack>
    </ListItem>
  );
}

/** The lab's idea scorecard: criteria and their weights (scores are 1–5). */
export function ScoreCriteriaSettings() {
  const { t, i18n } = useTranslation();
  const criteria = useApiQuery('scoring.criteria', {});
  const add = useApiMutation('scoring.addCriterion');
  const { run, failure, fieldProps } = useSubmit();
  const [label, setLabel] = useState('');
  return (
    <SettingsSection title={t('scoring.heading')} intro={t('scoring.intro')}>
      <ErrorAlert error={criteria.error ?? failure} />
      {/* Keyed by what the row's fields start from: the stored label and weight, and the language. */}
      <List dense>{criteria.data?.map((c) => <CriterionRow key={`${c.id}:${c.label}:${c.weight}:${i18n.language}`} criterion={c} />)}</List>
      <Stack
        component="form"
        noValidate
        direction="row"
        spacing={1}
        onSubmit={(e) => {
          e.preventDefault();
          void run(() => add.mutateAsync({ label })).then((saved) => saved && setLabel(''));
        }}
      >
        <TextField size="small" label={t('scoring.new')} value={label} onChange={(e) => setLabel(e.target.value)} {...fieldProps('label')} sx={{ flex: 1, maxWidth: 480 }} slotProps={{ htmlInput: { dir: 'auto' } }} />
        <Button type="submit" startIcon={<AddIcon />} disabled={!label.trim() || add.isPending}>
          {t('gate.criteria.add')}
        </Button>
      </Stack>
    </SettingsSection>
  );
}
