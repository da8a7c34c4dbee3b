import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../../api/hooks';
import { navigate } from '../../app/router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormDialog } from '../../components/FormDialog';
import { createInput, emptyProjectForm } from './form-values';
import { ProjectForm } from './ProjectForm';
import { useProjectForm } from './use-project-form';

export function CreateProjectDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const create = useApiMutation('projects.create');
  const form = useProjectForm('create', emptyProjectForm, async ({ values }) => {
    const project = await create.mutateAsync(createInput(values));
    navigate({ name: 'project', id: project.id });
  });
  return (
    <FormDialog
      title={t('projects.create.title')}
      submitLabel={t('projects.create.submit')}
      busy={create.isPending}
      onClose={onClose}
      onSubmit={() => void form.submit().then((saved) => saved && onClose())}
    >
      {form.error && form.error.error.code !== 'invalid_input' && <ErrorAlert error={form.error} />}
      <ProjectForm mode="create" values={form.values} errors={form.errors} onChange={form.change} autoFocus />
    </FormDialog>
  );
}
