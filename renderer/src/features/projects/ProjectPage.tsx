import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Project } from '../../../../electron/shared/domain/project';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { hrefFor, navigate } from '../../app/router';
import { useSettings } from '../../app/settings-context';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ActivityList } from './ActivityList';
import { DeleteProjectDialog } from './DeleteProjectDialog';
import { formFromProject, inputFromForm } from './form-values';
import { ProjectForm } from './ProjectForm';
import { useProjectForm } from './use-project-form';

export function ProjectPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const project = useApiQuery('projects.get', { id });
  return (
    <Box>
      <Button href={hrefFor({ name: 'projects' })} startIcon={<ArrowBackIcon className="flip-rtl" />} sx={{ mb: 2 }}>
        {t('projects.backToList')}
      </Button>
      {project.isPending && <CircularProgress aria-label={t('common.loading')} />}
      <ErrorAlert error={project.error} />
      {project.data && <ProjectEditor key={project.data.id} project={project.data} />}
    </Box>
  );
}

function ProjectEditor({ project }: { project: Project }) {
  const { t } = useTranslation();
  const { format } = useSettings();
  const update = useApiMutation('projects.update');
  const [saved, setSaved] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const form = useProjectForm(formFromProject(project), (values) => update.mutateAsync({ id: project.id, patch: inputFromForm(values) }));
  const { reset } = form;
  // When the record changes elsewhere (another window, a later import), show what is stored now.
  useEffect(() => reset(formFromProject(project)), [project, reset]);

  return (
    <>
      <Typography variant="h4" component="h1" dir="auto" sx={{ mb: 1 }}>
        {project.title}
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 3 }}>
        {t('project.createdOn', { date: format.dateTime(project.createdAt) })}
      </Typography>
      <Paper variant="outlined" sx={{ p: 3 }}>
        <form
          noValidate
          aria-label={t('project.editForm')}
          onSubmit={(e) => {
            e.preventDefault();
            setSaved(false);
            void form.submit().then(setSaved);
          }}
        >
          {form.error && form.error.error.code !== 'invalid_input' && <ErrorAlert error={form.error} />}
          <ProjectForm values={form.values} errors={form.errors} onChange={form.setValues} />
          <Stack direction="row" spacing={2} sx={{ mt: 3, alignItems: 'center' }}>
            <Button type="submit" variant="contained" disabled={update.isPending}>
              {t('common.save')}
            </Button>
            <Button color="error" onClick={() => setDeleting(true)}>
              {t('projects.delete.confirm')}
            </Button>
            {saved && (
              <Alert severity="success" role="status" sx={{ py: 0 }}>
                {t('project.saved')}
              </Alert>
            )}
          </Stack>
        </form>
      </Paper>
      <ActivityList subjectId={project.id} />
      <DeleteProjectDialog project={deleting ? project : null} onClose={() => setDeleting(false)} onDeleted={() => navigate({ name: 'projects' })} />
    </>
  );
}
