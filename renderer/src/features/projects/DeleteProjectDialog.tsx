import { useTranslation } from 'react-i18next';
import type { Project } from '../../../../electron/shared/domain/project';
import { useApiMutation } from '../../api/hooks';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';

/** Deleting a project cannot be undone; the activity log keeps a line saying it happened. */
export function DeleteProjectDialog({ project, onClose, onDeleted }: { project: Project | null; onClose(): void; onDeleted?(): void }) {
  const { t } = useTranslation();
  const remove = useApiMutation('projects.delete');
  const close = () => {
    remove.reset();
    onClose();
  };
  return (
    <ConfirmDialog
      open={project !== null}
      title={t('projects.delete.title')}
      message={
        <>
          {t('projects.delete.message')} <strong dir="auto">{project?.title}</strong>
        </>
      }
      confirmLabel={t('projects.delete.confirm')}
      busy={remove.isPending}
      error={<ErrorAlert error={remove.error} withReason />}
      onClose={close}
      onConfirm={() =>
        project &&
        remove.mutate(
          { id: project.id },
          {
            onSuccess: () => {
              close();
              onDeleted?.();
            },
          },
        )
      }
    />
  );
}
