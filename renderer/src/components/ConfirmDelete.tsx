import type { ApiCallError } from '../api/hooks';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from './ConfirmDialog';
import { ErrorAlert } from './ErrorAlert';

/** The delete call of a record (useApiMutation of a `…delete` method). */
interface Remove {
  isPending: boolean;
  error: ApiCallError | null;
  reset(): void;
  mutate(input: { id: string }, options: { onSuccess(): void }): void;
}

/**
 * Asks before deleting a named record (`message` says what goes with it), says a refusal in the
 * dialog in words (the person rated a pilot, the entity owns projects), and closes once it is gone.
 */
export function ConfirmDelete({ record, title, message, remove, onClose }: { record: { id: string; name: string } | null; title: string; message: string; remove: Remove; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <ConfirmDialog
      open={record !== null}
      title={title}
      message={
        <>
          {message} <strong dir="auto">{record?.name}</strong>
        </>
      }
      confirmLabel={t('common.delete')}
      busy={remove.isPending}
      error={<ErrorAlert error={remove.error} withReason />}
      onClose={() => {
        remove.reset();
        onClose();
      }}
      onConfirm={() => record && remove.mutate({ id: record.id }, { onSuccess: onClose })}
    />
  );
}
