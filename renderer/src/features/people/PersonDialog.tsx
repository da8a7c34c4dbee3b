import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import { PERSON_ROLES, type Person } from '../../../../electron/shared/domain/people';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { ChangedElsewhere } from '../../components/ChangedElsewhere';
import { ChoiceField } from '../../components/ChoiceField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormDialog } from '../../components/FormDialog';
import { useRecordForm } from '../../components/use-record-form';
import { personRoleKey } from '../../i18n/labels';
import { useSubmit } from '../../components/use-submit';

type Role = Person['role'];

/** Adds a person or edits one: name, role, entity and e-mail. */
export function PersonDialog({ person, onClose }: { person: Person | null; onClose(): void }) {
  const { t } = useTranslation();
  const entities = useApiQuery('entities.list', {});
  const create = useApiMutation('people.create');
  const update = useApiMutation('people.update');
  const { values, setValues, sendChanges, changedElsewhere } = useRecordForm({ name: person?.name ?? '', email: person?.email ?? '', role: person?.role ?? ('team_member' as Role), entityId: person?.entityId ?? '' });
  const { name, email, role, entityId } = values;
  const set = (change: Partial<typeof values>) => setValues({ ...values, ...change });
  const { run, failure, fieldProps } = useSubmit();

  async function submit() {
    const input = (v: typeof values) => ({ name: v.name, email: v.email.trim() || null, role: v.role, entityId: v.entityId || null });
    const saved = await run(() => (person ? sendChanges(input, (patch) => update.mutateAsync({ id: person.id, patch })) : create.mutateAsync(input(values))));
    if (saved) onClose();
  }

  return (
    <FormDialog title={t(person ? 'people.editTitle' : 'people.new')} submitLabel={t('common.save')} busy={create.isPending || update.isPending} onClose={onClose} onSubmit={() => void submit()} maxWidth="sm">
      <ErrorAlert error={failure} />
      <ChangedElsewhere show={changedElsewhere} />
      <Stack spacing={2} sx={{ pt: 1 }}>
        <TextField label={t('people.name')} value={name} onChange={(e) => set({ name: e.target.value })} required autoFocus {...fieldProps('name')} slotProps={{ htmlInput: { dir: 'auto' } }} />
        <ChoiceField<Role> label={t('people.role')} value={role} choices={PERSON_ROLES.map((r) => ({ value: r, label: t(personRoleKey(r)) }))} onChange={(r) => r && set({ role: r })} />
        <ChoiceField<string> label={t('people.entity')} value={entityId} choices={(entities.data ?? []).map((e) => ({ value: e.id, label: e.name, userText: true }))} onChange={(id) => set({ entityId: id })} emptyLabel={t('common.notSet')} />
        <TextField label={t('people.email')} type="email" value={email} onChange={(e) => set({ email: e.target.value })} {...fieldProps('email')} slotProps={{ htmlInput: { dir: 'ltr' } }} />
      </Stack>
    </FormDialog>
  );
}
