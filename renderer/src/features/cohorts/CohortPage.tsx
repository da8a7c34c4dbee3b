import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlineOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import IconButton from '@mui/material/IconButton';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Cohort } from '../../../../electron/shared/domain/cohorts';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { hrefFor, navigate } from '../../app/router';
import { useSettings } from '../../app/settings-context';
import { ChangedElsewhere } from '../../components/ChangedElsewhere';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormActions } from '../../components/FormActions';
import { ProjectPicker } from '../../components/ProjectPicker';
import { useRecordForm } from '../../components/use-record-form';
import { useSubmit } from '../../components/use-submit';
import { BoardView } from '../board/BoardPage';
import { useCohortDates } from './CohortsPage';

const today = () => new Date().toLocaleDateString('en-CA');

function CohortDetails({ cohort }: { cohort: Cohort }) {
  const { t } = useTranslation();
  const update = useApiMutation('cohorts.update');
  const remove = useApiMutation('cohorts.delete');
  const { run, failure, fieldProps } = useSubmit();
  const { values, setValues, sendChanges, changedElsewhere } = useRecordForm({ name: cohort.name, description: cohort.description, startsOn: cohort.startsOn ?? '', endsOn: cohort.endsOn ?? '', demoDay: cohort.demoDay ?? '' });
  const [saved, setSaved] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const dates = [
    ['startsOn', 'cohorts.field.startsOn'],
    ['endsOn', 'cohorts.field.endsOn'],
    ['demoDay', 'cohorts.field.demoDay'],
  ] as const;
  return (
    <Paper variant="outlined" sx={{ p: 3 }}>
      <Stack
        component="form"
        noValidate
        spacing={2}
        aria-label={t('cohorts.details')}
        onSubmit={(e) => {
          e.preventDefault();
          setSaved(false);
          const input = (v: typeof values) => ({ ...v, startsOn: v.startsOn || null, endsOn: v.endsOn || null, demoDay: v.demoDay || null });
          void run(() => sendChanges(input, (patch) => update.mutateAsync({ id: cohort.id, patch }))).then(setSaved);
        }}
      >
        <ErrorAlert error={failure} />
        <TextField label={t('cohorts.field.name')} value={values.name} onChange={(e) => setValues({ ...values, name: e.target.value })} required {...fieldProps('name')} slotProps={{ htmlInput: { dir: 'auto' } }} />
        <TextField label={t('cohorts.field.description')} value={values.description} onChange={(e) => setValues({ ...values, description: e.target.value })} multiline minRows={2} {...fieldProps('description')} slotProps={{ htmlInput: { dir: 'auto' } }} />
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
          {dates.map(([field, label]) => (
            <DateField key={field} label={t(label)} value={values[field]} onChange={(date) => setValues({ ...values, [field]: date })} {...fieldProps(field)} sx={{ flex: 1 }} />
          ))}
        </Stack>
        <ChangedElsewhere show={changedElsewhere} />
        <FormActions busy={update.isPending} saved={saved} deleteLabel={t('cohorts.delete')} onDelete={() => setDeleting(true)} />
      </Stack>
      <ConfirmDialog
        open={deleting}
        title={t('cohorts.deleteTitle')}
        message={t('cohorts.deleteMessage')}
        confirmLabel={t('cohorts.delete')}
        error={<ErrorAlert error={remove.error} />}
        onClose={() => setDeleting(false)}
        onConfirm={() => remove.mutate({ id: cohort.id }, { onSuccess: () => navigate({ name: 'cohorts' }) })}
      />
    </Paper>
  );
}

function Milestones({ cohort }: { cohort: Cohort }) {
  const { t } = useTranslation();
  const { format } = useSettings();
  const add = useApiMutation('cohorts.addMilestone');
  const update = useApiMutation('cohorts.updateMilestone');
  const remove = useApiMutation('cohorts.deleteMilestone');
  const { run, failure, fieldProps } = useSubmit();
  const [title, setTitle] = useState('');
  const [dueOn, setDueOn] = useState('');
  return (
    <section aria-labelledby="milestones-heading">
      <Typography variant="h5" component="h2" id="milestones-heading" sx={{ mt: 4, mb: 1 }}>
        {t('cohorts.milestones')}
      </Typography>
      <ErrorAlert error={update.error ?? remove.error} />
      {cohort.milestones.length === 0 && <Typography color="text.secondary">{t('cohorts.noMilestones')}</Typography>}
      <List dense>
        {cohort.milestones.map((m) => {
          const overdue = !m.done && m.dueOn !== null && m.dueOn < today();
          return (
            <ListItem
              key={m.id}
              disableGutters
              secondaryAction={
                <IconButton aria-label={t('cohorts.deleteMilestone', { title: m.title })} onClick={() => remove.mutate({ id: m.id })}>
                  <DeleteOutlineIcon />
                </IconButton>
              }
            >
              <ListItemIcon>
                <Checkbox edge="start" checked={m.done} onChange={(e) => update.mutate({ id: m.id, done: e.target.checked })} slotProps={{ input: { 'aria-label': t('cohorts.milestoneDone', { title: m.title }) } }} />
              </ListItemIcon>
              <ListItemText
                primary={<span dir="auto" style={{ textDecoration: m.done ? 'line-through' : undefined }}>{m.title}</span>}
                secondary={format.parts(m.dueOn && t('cohorts.due', { date: format.date(m.dueOn) }), overdue && t('cohorts.overdue'), m.done && t('cohorts.done'))}
                slotProps={{ secondary: { color: overdue ? 'error' : 'text.secondary' } }}
              />
            </ListItem>
          );
        })}
      </List>
      <Stack
        component="form"
        noValidate
        direction={{ xs: 'column', sm: 'row' }}
        spacing={1}
        aria-label={t('cohorts.addMilestone')}
        onSubmit={(e) => {
          e.preventDefault();
          void run(() => add.mutateAsync({ cohortId: cohort.id, title, dueOn: dueOn || null })).then((saved) => saved && setTitle(''));
        }}
      >
        <ErrorAlert error={failure} />
        <TextField size="small" label={t('cohorts.milestoneTitle')} value={title} onChange={(e) => setTitle(e.target.value)} {...fieldProps('title')} sx={{ flex: 1 }} slotProps={{ htmlInput: { dir: 'auto' } }} />
        <DateField size="small" label={t('cohorts.field.dueOn')} value={dueOn} onChange={setDueOn} />
        <Button type="submit" variant="outlined" disabled={add.isPending}>
          {t('cohorts.addMilestone')}
        </Button>
      </Stack>
    </section>
  );
}

function CohortProjects({ cohort }: { cohort: Cohort }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const deferred = useDeferredValue(search);
  const found = useApiQuery('projects.list', { search: deferred, limit: 20, sort: 'title', direction: 'asc' });
  const members = useApiQuery('projects.list', { cohortId: cohort.id, limit: 500, sort: 'title', direction: 'asc' });
  const add = useApiMutation('cohorts.addProject');
  const remove = useApiMutation('cohorts.removeProject');
  const options = (found.data?.items ?? []).filter((p) => !cohort.projectIds.includes(p.id));
  return (
    <section aria-labelledby="cohort-projects-heading">
      <Typography variant="h5" component="h2" id="cohort-projects-heading" sx={{ mt: 4, mb: 1 }}>
        {t('cohorts.projects')}
      </Typography>
      <ErrorAlert error={add.error ?? remove.error} />
      <List dense>
        {members.data?.items.map((p) => (
          <ListItem
            key={p.id}
            disableGutters
            secondaryAction={
              <Button onClick={() => remove.mutate({ cohortId: cohort.id, projectId: p.id })}>{t('cohorts.removeProject')}</Button>
            }
          >
            <Link href={hrefFor({ name: 'project', id: p.id })} dir="auto">
              {p.title}
            </Link>
          </ListItem>
        ))}
      </List>
      <ProjectPicker
        label={t('cohorts.addProject')}
        options={options}
        value={null}
        search={search}
        onSearch={setSearch}
        onChange={(project) => project && add.mutate({ cohortId: cohort.id, projectId: project.id }, { onSuccess: () => setSearch('') })}
        noOptionsText={t('cohorts.noProjectFound')}
        sx={{ maxWidth: 480 }}
      />
    </section>
  );
}

export function CohortPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const cohort = useApiQuery('cohorts.get', { id });
  const dates = useCohortDates();
  return (
    <Box>
      <Button href={hrefFor({ name: 'cohorts' })} startIcon={<ArrowBackIcon className="flip-rtl" />} sx={{ mb: 2 }}>
        {t('cohorts.backToList')}
      </Button>
      <ErrorAlert error={cohort.error} />
      {cohort.data && (
        <>
          <Typography variant="h4" component="h1" dir="auto" sx={{ mb: 1 }}>
            {cohort.data.name}
          </Typography>
          <Typography color="text.secondary" sx={{ mb: 3 }}>
            {dates(cohort.data)}
          </Typography>
          <CohortDetails key={cohort.data.id} cohort={cohort.data} />
          <Milestones cohort={cohort.data} />
          <CohortProjects cohort={cohort.data} />
          <Typography variant="h5" component="h2" sx={{ mt: 4, mb: 1 }}>
            {t('cohorts.board')}
          </Typography>
          <BoardView cohortId={cohort.data.id} />
        </>
      )}
    </Box>
  );
}
