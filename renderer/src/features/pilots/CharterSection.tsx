import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Pilot } from '../../../../electron/shared/domain/pilots';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { ChangedElsewhere } from '../../components/ChangedElsewhere';
import { ChoiceField } from '../../components/ChoiceField';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormActions } from '../../components/FormActions';
import { useRecordForm } from '../../components/use-record-form';
import { useSubmit } from '../../components/use-submit';
import { Section } from './Section';

const TEXTS = ['problem', 'intervention', 'population', 'sites'] as const;

/** The charter: what is tried, with whom, where, when and who owns it. Editable at any time; `children` follow the form (its linked canvases). */
export function CharterSection({ pilot, children }: { pilot: Pilot; children?: ReactNode }) {
  const { t } = useTranslation();
  const update = useApiMutation('pilots.update');
  const people = useApiQuery('people.list', {});
  const { values, setValues, sendChanges, changedElsewhere } = useRecordForm({ title: pilot.title, problem: pilot.problem, intervention: pilot.intervention, population: pilot.population, sites: pilot.sites, startsOn: pilot.startsOn ?? '', endsOn: pilot.endsOn ?? '', ownerId: pilot.ownerId ?? '' });
  const [saved, setSaved] = useState(false);
  const { run, failure, fieldProps } = useSubmit();
  const set = (field: keyof typeof values) => (e: { target: { value: string } }) => setValues({ ...values, [field]: e.target.value });

  return (
    <Section title={t('pilot.charter')}>
      <form
        noValidate
        aria-label={t('pilot.charter')}
        onSubmit={(e) => {
          e.preventDefault();
          setSaved(false);
          const input = (v: typeof values) => ({ ...v, startsOn: v.startsOn || null, endsOn: v.endsOn || null, ownerId: v.ownerId || null });
          void run(() => sendChanges(input, (patch) => update.mutateAsync({ id: pilot.id, patch }))).then(setSaved);
        }}
      >
        <ErrorAlert error={failure} />
        <Stack spacing={2}>
          <TextField label={t('pilot.field.title')} value={values.title} onChange={set('title')} required {...fieldProps('title')} slotProps={{ htmlInput: { dir: 'auto' } }} />
          {TEXTS.map((field) => (
            <TextField key={field} label={t(`pilot.field.${field}`)} value={values[field]} onChange={set(field)} multiline minRows={field === 'sites' ? 1 : 2} {...fieldProps(field)} slotProps={{ htmlInput: { dir: 'auto' } }} />
          ))}
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
            <DateField label={t('pilot.field.startsOn')} value={values.startsOn} onChange={(startsOn) => setValues({ ...values, startsOn })} {...fieldProps('startsOn')} />
            <DateField label={t('pilot.field.endsOn')} value={values.endsOn} onChange={(endsOn) => setValues({ ...values, endsOn })} {...fieldProps('endsOn')} />
            <ChoiceField<string>
              label={t('pilot.field.owner')}
              value={values.ownerId}
              choices={(people.data ?? []).map((p) => ({ value: p.id, label: p.name, userText: true }))}
              onChange={(v) => setValues({ ...values, ownerId: v })}
              emptyLabel={t('pilot.noOwner')}
              sx={{ minWidth: 240 }}
            />
          </Stack>
        </Stack>
        <ChangedElsewhere show={changedElsewhere} />
        <FormActions busy={update.isPending} saved={saved} />
      </form>
      {children}
    </Section>
  );
}
