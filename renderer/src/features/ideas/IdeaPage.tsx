import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import RocketLaunchIcon from '@mui/icons-material/RocketLaunchOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
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
import { EDITABLE_IDEA_STATUSES, type Idea } from '../../../../electron/shared/domain/ideas';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { hrefFor, navigate } from '../../app/router';
import { useSettings } from '../../app/settings-context';
import { ChoiceField } from '../../components/ChoiceField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormActions } from '../../components/FormActions';
import { ChangedElsewhere } from '../../components/ChangedElsewhere';
import { useRecordForm } from '../../components/use-record-form';
import { useSubmit } from '../../components/use-submit';
import { keyedLabel } from '../../i18n/keyed-label';
import { ideaStatusKey, scoreCriterionKey } from '../../i18n/labels';
import { ScorecardForm } from './ScorecardForm';

type EditableStatus = (typeof EDITABLE_IDEA_STATUSES)[number];

function IdeaDetails({ idea }: { idea: Idea }) {
  const { t } = useTranslation();
  const update = useApiMutation('ideas.update');
  const challenges = useApiQuery('challenges.list', {});
  const { run, failure, fieldProps } = useSubmit();
  const { values, setValues, sendChanges, changedElsewhere } = useRecordForm({
    title: idea.title,
    description: idea.description,
    authorName: idea.authorName,
    status: idea.status,
    challengeId: idea.challengeId ?? '',
  });
  const { title, description, authorName, status, challengeId } = values;
  const set = (change: Partial<typeof values>) => setValues({ ...values, ...change });
  const [saved, setSaved] = useState(false);
  const promoted = idea.status === 'promoted';
  return (
    <Paper variant="outlined" sx={{ p: 3 }}>
      <Stack
        component="form"
        noValidate
        spacing={2}
        aria-label={t('ideas.editForm')}
        onSubmit={(e) => {
          e.preventDefault();
          setSaved(false);
          const input = (v: typeof values) => ({
            title: v.title,
            description: v.description,
            authorName: v.authorName,
            challengeId: v.challengeId || null,
            ...(promoted ? {} : { status: v.status as EditableStatus }),
          });
          // Moving to another challenge leaves the old challenge's campaign.
          const send = (patch: Partial<ReturnType<typeof input>>) => update.mutateAsync({ id: idea.id, patch: 'challengeId' in patch ? { ...patch, campaignId: null } : patch });
          void run(() => sendChanges(input, send)).then(setSaved);
        }}
      >
        <ErrorAlert error={failure} />
        <TextField label={t('ideas.field.title')} value={title} onChange={(e) => set({ title: e.target.value })} required {...fieldProps('title')} slotProps={{ htmlInput: { dir: 'auto' } }} />
        <TextField label={t('ideas.field.description')} value={description} onChange={(e) => set({ description: e.target.value })} multiline minRows={3} {...fieldProps('description')} slotProps={{ htmlInput: { dir: 'auto' } }} />
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
          <TextField label={t('ideas.field.authorName')} value={authorName} onChange={(e) => set({ authorName: e.target.value })} sx={{ flex: 1 }} slotProps={{ htmlInput: { dir: 'auto' } }} />
          {!promoted && (
            <ChoiceField<EditableStatus>
              label={t('ideas.field.status')}
              value={status as EditableStatus}
              choices={EDITABLE_IDEA_STATUSES.map((s) => ({ value: s, label: t(ideaStatusKey(s)) }))}
              onChange={(s) => s && set({ status: s })}
              sx={{ flex: 1 }}
            />
          )}
          <ChoiceField<string>
            label={t('ideas.field.challenge')}
            value={challengeId}
            choices={(challenges.data ?? []).map((c) => ({ value: c.id, label: c.title, userText: true }))}
            onChange={(id) => set({ challengeId: id })}
            emptyLabel={t('ideas.noChallenge')}
            sx={{ flex: 1 }}
          />
        </Stack>
        <ChangedElsewhere show={changedElsewhere} />
        <FormActions busy={update.isPending} saved={saved} />
      </Stack>
    </Paper>
  );
}

function Scorecards({ idea }: { idea: Idea }) {
  const { t } = useTranslation();
  const { format } = useSettings();
  const scorecards = useApiQuery('ideas.scorecards', { ideaId: idea.id });
  const criteria = useApiQuery('scoring.criteria', {});
  const shown = (criteria.data ?? []).filter((c) => !c.archived || scorecards.data?.some((card) => card.scores.some((s) => s.criterionId === c.id)));
  return (
    <section aria-labelledby="scorecards-heading">
      <Typography variant="h5" component="h2" id="scorecards-heading" sx={{ mt: 4, mb: 1 }}>
        {t('scorecard.heading')}
      </Typography>
      <Typography sx={{ mb: 2 }}>
        {idea.score === null
          ? t('ideas.notScored')
          : t('ideas.score', { score: format.decimal(idea.score), count: idea.reviewerCount, reviewers: format.number(idea.reviewerCount) })}
      </Typography>
      <ErrorAlert error={scorecards.error} />
      {scorecards.data && scorecards.data.length > 0 && (
        <Paper variant="outlined" sx={{ mb: 3, overflowX: 'auto' }}>
          <Table size="small" aria-labelledby="scorecards-heading">
            <TableHead>
              <TableRow>
                <TableCell>{t('scorecard.reviewer')}</TableCell>
                {shown.map((c) => (
                  <TableCell key={c.id} align="center">
                    {keyedLabel(t, scoreCriterionKey, c)}
                  </TableCell>
                ))}
                <TableCell align="center">{t('scorecard.weighted')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {scorecards.data.map((card) => (
                <TableRow key={card.reviewerId}>
                  <TableCell dir="auto">{card.reviewerName}</TableCell>
                  {shown.map((c) => {
                    const s = card.scores.find((x) => x.criterionId === c.id);
                    return (
                      <TableCell key={c.id} align="center">
                        {s ? format.number(s.score) : '—'}
                      </TableCell>
                    );
                  })}
                  <TableCell align="center">{format.decimal(card.weighted)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Paper>
      )}
      <ScorecardForm ideaId={idea.id} scorecards={scorecards.data ?? []} />
    </section>
  );
}

function Promotion({ idea }: { idea: Idea }) {
  const { t } = useTranslation();
  const promote = useApiMutation('ideas.promote');
  if (idea.projectId) {
    return (
      <Alert severity="success" sx={{ my: 2 }}>
        {t('ideas.promotedTo')}{' '}
        <Link href={hrefFor({ name: 'project', id: idea.projectId })}>{t('ideas.openProject')}</Link>
      </Alert>
    );
  }
  return (
    <Box sx={{ my: 2 }}>
      <ErrorAlert error={promote.error} />
      <Button
        variant="contained"
        color="secondary"
        startIcon={<RocketLaunchIcon />}
        disabled={promote.isPending}
        onClick={() => promote.mutate({ ideaId: idea.id }, { onSuccess: ({ project }) => navigate({ name: 'project', id: project.id }) })}
      >
        {t('ideas.promote')}
      </Button>
      <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
        {t('ideas.promoteHint')}
      </Typography>
    </Box>
  );
}

export function IdeaPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const idea = useApiQuery('ideas.get', { id });
  const back = idea.data?.challengeId ? hrefFor({ name: 'challenge', id: idea.data.challengeId }) : hrefFor({ name: 'ideas' });
  return (
    <Box>
      <Button href={back} startIcon={<ArrowBackIcon className="flip-rtl" />} sx={{ mb: 2 }}>
        {t(idea.data?.challengeId ? 'ideas.backToChallenge' : 'ideas.backToBank')}
      </Button>
      <ErrorAlert error={idea.error} />
      {idea.data && (
        <>
          <Typography variant="h4" component="h1" dir="auto" sx={{ mb: 1 }}>
            {idea.data.title}
          </Typography>
          <Typography color="text.secondary">{t(ideaStatusKey(idea.data.status))}</Typography>
          <Promotion idea={idea.data} />
          <IdeaDetails key={idea.data.id} idea={idea.data} />
          <Scorecards idea={idea.data} />
        </>
      )}
    </Box>
  );
}
