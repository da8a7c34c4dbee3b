import AddIcon from '@mui/icons-material/Add';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { hrefFor, navigate } from '../../app/router';
import { useSettings } from '../../app/settings-context';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormDialog } from '../../components/FormDialog';
import { useSubmit } from '../../components/use-submit';
import { facetKey } from '../../i18n/labels';
import { ChallengeFields, challengeInput, emptyChallenge } from './ChallengeFields';

function CreateChallengeDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const create = useApiMutation('challenges.create');
  const { run, failure, fieldProps } = useSubmit();
  const [values, setValues] = useState(emptyChallenge);
  return (
    <FormDialog
      title={t('challenges.new')}
      submitLabel={t('challenges.create')}
      busy={create.isPending}
      onClose={onClose}
      onSubmit={() => void run(async () => navigate({ name: 'challenge', id: (await create.mutateAsync(challengeInput(values))).id }))}
    >
      <ErrorAlert error={failure} />
      <ChallengeFields values={values} onChange={setValues} fieldProps={fieldProps} autoFocus />
    </FormDialog>
  );
}

/** The lab's challenge statements, each with its ideas. */
export function ChallengesPage() {
  const { t } = useTranslation();
  const { format } = useSettings();
  const challenges = useApiQuery('challenges.list', {});
  const [creating, setCreating] = useState(false);
  return (
    <Box>
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', mb: 2 }}>
        <Typography variant="h4" component="h1">
          {t('challenges.heading')}
        </Typography>
        <Button variant="contained" startIcon={<AddIcon />} onClick={() => setCreating(true)}>
          {t('challenges.new')}
        </Button>
      </Stack>
      <ErrorAlert error={challenges.error} />
      {challenges.data?.length === 0 && <Typography color="text.secondary">{t('challenges.empty')}</Typography>}
      <List>
        {challenges.data?.map((c) => (
          <ListItem key={c.id} divider disableGutters>
            <ListItemText
              primary={
                <Link href={hrefFor({ name: 'challenge', id: c.id })} dir="auto">
                  {c.title}
                </Link>
              }
              secondary={
                <>
                  {c.hmw && (
                    <span dir="auto" style={{ display: 'block' }}>
                      {c.hmw}
                    </span>
                  )}
                  {format.parts(c.oecdFacet && t(facetKey(c.oecdFacet)), t('challenges.ideaCount', { count: c.ideaCount, formatted: format.number(c.ideaCount) }))}
                </>
              }
              slotProps={{ secondary: { component: 'div' } }}
            />
          </ListItem>
        ))}
      </List>
      {creating && <CreateChallengeDialog onClose={() => setCreating(false)} />}
    </Box>
  );
}
