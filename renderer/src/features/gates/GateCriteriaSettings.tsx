import AddIcon from '@mui/icons-material/Add';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GateCriterion } from '../../../../electron/shared/domain/gates';
import { STAGES } from '../../../../electron/shared/domain/project';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { useSettings } from '../../app/settings-context';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SettingsSection } from '../../components/SettingsSection';
import { criterionKey, stageKey } from '../../i18n/labels';
import { keyedLabel } from '../../i18n/keyed-label';

function CriterionRow({ criterion }: { criterion: GateCriterion }) {
  const { t } = useTranslation();
  const update = useApiMutation('gates.updateCriterion');
  const [label, setLabel] = useState(keyedLabel(t, criterionKey, criterion));
  const changed = label.trim() !== keyedLabel(t, criterionKey, criterion);
  return (
    <ListItem disableGutters>
      <Stack
        component="form"
        direction={{ xs: 'column', sm: 'row' }}
        spacing={1}
        sx={{ flex: 1, alignItems: { sm: 'center' } }}
        onSubmit={(e) => {
          e.preventDefault();
          update.mutate({ id: criterion.id, label });
        }}
      >
        <TextField size="small" label={t('gate.criteria.label')} value={label} onChange={(e) => setLabel(e.target.value)} sx={{ flex: 1 }} slotProps={{ htmlInput: { dir: 'auto' } }} />
        <Button type="submit" disabled={!changed || label.trim() === ''}>
          {t('common.save')}
        </Button>
        <FormControlLabel
          control={<Checkbox checked={criterion.archived} onChange={(e) => update.mutate({ id: criterion.id, archived: e.target.checked })} />}
          label={t('gate.criteria.archived')}
        />
      </Stack>
      <ErrorAlert error={update.error} />
    </ListItem>
  );
}

/** Each lab decides what a project must show to leave a stage: rename, add and archive criteria. */
export function GateCriteriaSettings() {
  const { t, i18n } = useTranslation();
  const { format } = useSettings();
  const criteria = useApiQuery('gates.criteria', {});
  const add = useApiMutation('gates.addCriterion');
  const [drafts, setDrafts] = useState<Record<number, string>>({});
  return (
    <SettingsSection title={t('gate.criteria.heading')} intro={t('gate.criteria.intro')}>
      <ErrorAlert error={criteria.error ?? add.error} />
      {STAGES.map((stage) => (
        <section key={stage} aria-labelledby={`criteria-${stage}`}>
          <Typography variant="subtitle1" component="h3" id={`criteria-${stage}`} sx={{ fontWeight: 700, mt: 2 }}>
            {format.parts(format.number(stage), t(stageKey(stage)))}
          </Typography>
          <List dense>
            {/* Keyed by language and label too: a row's text field starts from the translated or stored label. */}
            {criteria.data?.filter((c) => c.stage === stage).map((c) => <CriterionRow key={`${c.id}:${c.label}:${i18n.language}`} criterion={c} />)}
          </List>
          <Stack
            component="form"
            direction="row"
            spacing={1}
            onSubmit={(e) => {
              e.preventDefault();
              add.mutate({ stage, label: drafts[stage] ?? '' }, { onSuccess: () => setDrafts({ ...drafts, [stage]: '' }) });
            }}
          >
            <TextField
              size="small"
              label={t('gate.criteria.new')}
              value={drafts[stage] ?? ''}
              onChange={(e) => setDrafts({ ...drafts, [stage]: e.target.value })}
              sx={{ flex: 1, maxWidth: 480 }}
              slotProps={{ htmlInput: { dir: 'auto' } }}
            />
            <Button type="submit" startIcon={<AddIcon />} disabled={!(drafts[stage] ?? '').trim() || add.isPending}>
              {t('gate.criteria.add')}
            </Button>
          </Stack>
        </section>
      ))}
    </SettingsSection>
  );
}
