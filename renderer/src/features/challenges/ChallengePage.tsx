import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Challenge } from '../../../../electron/shared/domain/ideas';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { hrefFor, navigate } from '../../app/router';
import { ChangedElsewhere } from '../../components/ChangedElsewhere';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormActions } from '../../components/FormActions';
import { useRecordForm } from '../../components/use-record-form';
import { useSubmit } from '../../components/use-submit';
import { AddIdeaForm } from '../ideas/AddIdeaForm';
import { IdeaList } from '../ideas/IdeaList';
import { CampaignsSection } from './CampaignsSection';
import { ChallengeFields, challengeInput, type ChallengeValues } from './ChallengeFields';

const valuesOf = (c: Challenge): ChallengeValues => ({
  title: c.title,
  hmw: c.hmw,
  context: c.context,
  affected: c.affected,
  evidence: c.evidence,
  oecdFacet: c.oecdFacet ?? '',
});

function ChallengeView({ challenge }: { challenge: Challenge }) {
  const { t } = useTranslation();
  const update = useApiMutation('challenges.update');
  const remove = useApiMutation('challenges.delete');
  const campaigns = useApiQuery('campaigns.list', { challengeId: challenge.id });
  const ideas = useApiQuery('ideas.list', { challengeId: challenge.id, sort: 'score' });
  const projects = useApiQuery('projects.list', { challengeId: challenge.id, limit: 100 });
  const { run, failure, fieldProps } = useSubmit();
  const { values, setValues, sendChanges, changedElsewhere } = useRecordForm(valuesOf(challenge));
  const [saved, setSaved] = useState(false);
  const [deleting, setDeleting] = useState(false);
  return (
    <>
      <Typography variant="h4" component="h1" dir="auto" sx={{ mb: 1 }}>
        {challenge.title}
      </Typography>
      {challenge.hmw && (
        <Typography variant="h6" component="p" dir="auto" color="text.secondary" sx={{ mb: 3 }}>
          {challenge.hmw}
        </Typography>
      )}
      <Paper variant="outlined" sx={{ p: 3 }}>
        <form
          noValidate
          aria-label={t('challenge.editForm')}
          onSubmit={(e) => {
            e.preventDefault();
            setSaved(false);
            void run(() => sendChanges(challengeInput, (patch) => update.mutateAsync({ id: challenge.id, patch }))).then(setSaved);
          }}
        >
          <ErrorAlert error={failure} />
          <ChallengeFields values={values} onChange={setValues} fieldProps={fieldProps} />
          <ChangedElsewhere show={changedElsewhere} />
          <FormActions busy={update.isPending} saved={saved} deleteLabel={t('challenges.delete')} onDelete={() => setDeleting(true)} />
        </form>
      </Paper>
      <CampaignsSection challengeId={challenge.id} campaigns={campaigns.data ?? []} />
      <section aria-labelledby="challenge-ideas-heading">
        <Typography variant="h5" component="h2" id="challenge-ideas-heading" sx={{ mt: 4, mb: 1 }}>
          {t('challenge.ideas')}
        </Typography>
        <ErrorAlert error={ideas.error} />
        <IdeaList ideas={ideas.data?.items} emptyText={t('challenge.noIdeas')} />
        <AddIdeaForm challengeId={challenge.id} campaigns={campaigns.data} />
      </section>
      {projects.data && projects.data.items.length > 0 && (
        <section aria-labelledby="challenge-projects-heading">
          <Typography variant="h5" component="h2" id="challenge-projects-heading" sx={{ mt: 4, mb: 1 }}>
            {t('challenge.projects')}
          </Typography>
          <List dense>
            {projects.data.items.map((p) => (
              <ListItem key={p.id} disableGutters>
                <Link href={hrefFor({ name: 'project', id: p.id })} dir="auto">
                  {p.title}
                </Link>
              </ListItem>
            ))}
          </List>
        </section>
      )}
      <ConfirmDialog
        open={deleting}
        title={t('challenges.deleteTitle')}
        message={t('challenges.deleteMessage')}
        confirmLabel={t('challenges.delete')}
        error={<ErrorAlert error={remove.error} />}
        onClose={() => setDeleting(false)}
        onConfirm={() => remove.mutate({ id: challenge.id }, { onSuccess: () => navigate({ name: 'challenges' }) })}
      />
    </>
  );
}

export function ChallengePage({ id }: { id: string }) {
  const { t } = useTranslation();
  const challenge = useApiQuery('challenges.get', { id });
  return (
    <Box>
      <Button href={hrefFor({ name: 'challenges' })} startIcon={<ArrowBackIcon className="flip-rtl" />} sx={{ mb: 2 }}>
        {t('challenges.backToList')}
      </Button>
      <ErrorAlert error={challenge.error} />
      {challenge.data && <ChallengeView key={challenge.data.id} challenge={challenge.data} />}
    </Box>
  );
}
