import AddIcon from '@mui/icons-material/Add';
import Button from '@mui/material/Button';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { campaignPhase, type Campaign } from '../../../../electron/shared/domain/ideas';
import { useApiMutation } from '../../api/hooks';
import { useSettings } from '../../app/settings-context';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSubmit } from '../../components/use-submit';

/** Time-boxed calls for ideas on this challenge; a closed campaign takes no new ideas. */
export function CampaignsSection({ challengeId, campaigns }: { challengeId: string; campaigns: Campaign[] }) {
  const { t } = useTranslation();
  const { format } = useSettings();
  const create = useApiMutation('campaigns.create');
  const update = useApiMutation('campaigns.update');
  const { run, failure, fieldProps } = useSubmit();
  const [title, setTitle] = useState('');
  const [opensOn, setOpensOn] = useState('');
  const [closesOn, setClosesOn] = useState('');
  const period = (c: Campaign) =>
    c.opensOn || c.closesOn ? t('campaigns.period', { from: c.opensOn ? format.date(c.opensOn) : '…', to: c.closesOn ? format.date(c.closesOn) : '…' }) : '';
  // As core dates it, so the list says what adding an idea will meet.
  const today = new Date().toISOString().slice(0, 10);
  return (
    <section aria-labelledby="campaigns-heading">
      <Typography variant="h5" component="h2" id="campaigns-heading" sx={{ mt: 4, mb: 1 }}>
        {t('campaigns.heading')}
      </Typography>
      <ErrorAlert error={update.error} />
      {campaigns.length === 0 && <Typography color="text.secondary">{t('campaigns.empty')}</Typography>}
      <List dense>
        {campaigns.map((c) => (
          <ListItem
            key={c.id}
            disableGutters
            divider
            secondaryAction={
              <Button onClick={() => update.mutate({ id: c.id, patch: { state: c.state === 'open' ? 'closed' : 'open' } })}>
                {t(c.state === 'open' ? 'campaigns.close' : 'campaigns.reopen')}
              </Button>
            }
          >
            <ListItemText
              primary={<span dir="auto">{c.title}</span>}
              secondary={format.parts(t(`campaigns.phase.${campaignPhase(c, today)}`), period(c), t('challenges.ideaCount', { count: c.ideaCount, formatted: format.number(c.ideaCount) }))}
            />
          </ListItem>
        ))}
      </List>
      {/* The name on a line of its own: beside two date fields it was squeezed to a stub in Russian and Uzbek. */}
      <Stack
        component="form"
        noValidate
        spacing={2}
        aria-label={t('campaigns.new')}
        sx={{ mt: 2 }}
        onSubmit={(e) => {
          e.preventDefault();
          void run(() => create.mutateAsync({ challengeId, title, opensOn: opensOn || null, closesOn: closesOn || null })).then((saved) => saved && setTitle(''));
        }}
      >
        <ErrorAlert error={failure} />
        <TextField label={t('campaigns.field.title')} value={title} onChange={(e) => setTitle(e.target.value)} {...fieldProps('title')} fullWidth slotProps={{ htmlInput: { dir: 'auto' } }} />
        <Stack direction="row" useFlexGap spacing={2} sx={{ flexWrap: 'wrap', alignItems: 'flex-start' }}>
          <DateField label={t('campaigns.field.opensOn')} value={opensOn} onChange={setOpensOn} {...fieldProps('opensOn')} />
          <DateField label={t('campaigns.field.closesOn')} value={closesOn} onChange={setClosesOn} {...fieldProps('closesOn')} />
          <Button type="submit" variant="outlined" startIcon={<AddIcon />} disabled={create.isPending} sx={{ mt: 1 }}>
            {t('campaigns.add')}
          </Button>
        </Stack>
      </Stack>
    </section>
  );
}
