import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { hrefFor, navigate } from '../../app/router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormDialog } from '../../components/FormDialog';
import { useSubmit } from '../../components/use-submit';
import { pilotDecisionKey } from '../../i18n/labels';

/** The project's pilots, with whether each protocol is locked and what was decided; a new one starts here. */
export function ProjectPilots({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const pilots = useApiQuery('pilots.list', { projectId });
  const [creating, setCreating] = useState(false);
  return (
    <section aria-labelledby="pilots-heading">
      <Typography variant="h5" component="h2" id="pilots-heading" sx={{ mt: 4, mb: 1 }}>
        {t('pilot.listHeading')}
      </Typography>
      <ErrorAlert error={pilots.error} />
      {pilots.data?.length === 0 && <Typography color="text.secondary">{t('pilot.none')}</Typography>}
      <List dense>
        {pilots.data?.map((p) => (
          <ListItem key={p.id} disableGutters>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
              <Link href={hrefFor({ name: 'pilot', id: p.id })} dir="auto">
                {p.title}
              </Link>
              <Chip size="small" variant="outlined" label={t(p.lockedAt ? 'pilot.locked' : 'pilot.draft')} />
              {p.decision && <Chip size="small" color="primary" label={t(pilotDecisionKey(p.decision.decision))} />}
            </Stack>
          </ListItem>
        ))}
      </List>
      <Button variant="outlined" onClick={() => setCreating(true)}>
        {t('pilot.new')}
      </Button>
      {creating && <CreatePilotDialog projectId={projectId} onClose={() => setCreating(false)} />}
    </section>
  );
}

function CreatePilotDialog({ projectId, onClose }: { projectId: string; onClose(): void }) {
  const { t } = useTranslation();
  const create = useApiMutation('pilots.create');
  const [title, setTitle] = useState('');
  const { run, failure, fieldProps } = useSubmit();
  return (
    <FormDialog
      title={t('pilot.new')}
      submitLabel={t('pilot.create')}
      busy={create.isPending}
      maxWidth="sm"
      onClose={onClose}
      onSubmit={() =>
        void run(async () => {
          const { pilot } = await create.mutateAsync({ projectId, title });
          navigate({ name: 'pilot', id: pilot.id });
        })
      }
    >
      <ErrorAlert error={failure} />
      <TextField label={t('pilot.field.title')} value={title} onChange={(e) => setTitle(e.target.value)} required fullWidth sx={{ mt: 1 }} {...fieldProps('title')} slotProps={{ htmlInput: { dir: 'auto' } }} />
    </FormDialog>
  );
}
