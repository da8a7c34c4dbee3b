import AddIcon from '@mui/icons-material/Add';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Cohort } from '../../../../electron/shared/domain/cohorts';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { hrefFor, navigate } from '../../app/router';
import { useSettings } from '../../app/settings-context';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSubmit } from '../../components/use-submit';

/** "1 Feb 2026 – 31 Jul 2026 · demo day 20 Jul 2026", leaving out what is not set. */
export function useCohortDates() {
  const { t } = useTranslation();
  const { format } = useSettings();
  return (c: Pick<Cohort, 'startsOn' | 'endsOn' | 'demoDay'>) =>
    format.parts(
      (c.startsOn || c.endsOn) && t('campaigns.period', { from: c.startsOn ? format.date(c.startsOn) : '…', to: c.endsOn ? format.date(c.endsOn) : '…' }),
      c.demoDay && t('cohorts.demoDayOn', { date: format.date(c.demoDay) }),
    );
}

export function CohortsPage() {
  const { t } = useTranslation();
  const { format } = useSettings();
  const cohorts = useApiQuery('cohorts.list', {});
  const create = useApiMutation('cohorts.create');
  const { run, failure, fieldProps } = useSubmit();
  const dates = useCohortDates();
  const [name, setName] = useState('');
  return (
    <Box>
      <Typography variant="h4" component="h1" sx={{ mb: 1 }}>
        {t('cohorts.heading')}
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        {t('cohorts.intro')}
      </Typography>
      <ErrorAlert error={cohorts.error ?? failure} />
      {cohorts.data?.length === 0 && <Typography color="text.secondary">{t('cohorts.empty')}</Typography>}
      <List>
        {cohorts.data?.map((c) => (
          <ListItem key={c.id} divider disableGutters>
            <ListItemText
              primary={
                <Link href={hrefFor({ name: 'cohort', id: c.id })} dir="auto">
                  {c.name}
                </Link>
              }
              secondary={format.parts(dates(c), t('projects.count', { count: c.projectIds.length, formatted: format.number(c.projectIds.length) }))}
            />
          </ListItem>
        ))}
      </List>
      <Stack
        component="form"
        noValidate
        direction="row"
        spacing={1}
        sx={{ mt: 2 }}
        onSubmit={(e) => {
          e.preventDefault();
          void run(async () => navigate({ name: 'cohort', id: (await create.mutateAsync({ name })).id }));
        }}
      >
        <TextField size="small" label={t('cohorts.newName')} value={name} onChange={(e) => setName(e.target.value)} {...fieldProps('name')} sx={{ flex: 1, maxWidth: 480 }} slotProps={{ htmlInput: { dir: 'auto' } }} />
        <Button type="submit" variant="contained" startIcon={<AddIcon />} disabled={create.isPending}>
          {t('cohorts.create')}
        </Button>
      </Stack>
    </Box>
  );
}
