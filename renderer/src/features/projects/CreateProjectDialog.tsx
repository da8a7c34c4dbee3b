import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../../api/hooks';
import { navigate } from '../../app/router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { createInput, emptyProjectForm } from './form-values';
import { ProjectForm } from './ProjectForm';
import { useProjectForm } from './use-project-form';

export function CreateProjectDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const titleId = useId();
  const create = useApiMutation('projects.create');
  const form = useProjectForm('create', emptyProjectForm, async (values) => {
    const project = await create.mutateAsync(createInput(values));
    navigate({ name: 'project', id: project.id });
  });

  const close = () => {
    form.reset(emptyProjectForm);
    onClose();
  };

  return (
    <Dialog open={open} onClose={close} aria-labelledby={titleId} fullWidth maxWidth="md">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void form.submit().then((saved) => saved && close());
        }}
      >
        <DialogTitle id={titleId}>{t('projects.create.title')}</DialogTitle>
        <DialogContent>
          {form.error && form.error.error.code !== 'invalid_input' && <ErrorAlert error={form.error} />}
          <ProjectForm mode="create" values={form.values} errors={form.errors} onChange={form.setValues} autoFocus />
        </DialogContent>
        <DialogActions>
          <Button onClick={close}>{t('common.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={create.isPending}>
            {t('projects.create.submit')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
