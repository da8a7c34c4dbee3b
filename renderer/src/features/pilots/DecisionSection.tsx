import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PILOT_DECISIONS, type Pilot } from '../../../../electron/shared/domain/pilots';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { ChoiceField } from '../../components/ChoiceField';
import { ChangedElsewhere } from '../../components/ChangedElsewhere';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormActions } from '../../components/FormActions';
import { useRecordForm } from '../../components/use-record-form';
import { useSubmit } from '../../components/use-submit';
import { pilotDecisionKey } from '../../i18n/labels';
import { useEvidenceChoices } from '../projects/choices';
import { Section } from './Section';

type Decision = (typeof PILOT_DECISIONS)[number];
const today = () => new Date().toLocaleDateString('en-CA'); // YYYY-MM-DD in local time

/** Scale, adapt, stop or shelve, with conditions and the evidence level the pilot supports; the project's next gate shows it. */
export function DecisionSection({ pilot }: { pilot: Pilot }) {
  const { t } = useTranslation();
  const labelId = useId();
  const decide = useApiMutation('pilots.decide');
  const people = useApiQuery('people.list', {});
  const evidenceChoices = useEvidenceChoices();
  const current = pilot.decision;
  // The decision as stored (or a blank one): fields the user has not touched follow a decision taken elsewhere meanwhile.
  const { values, setValues, sendChanges, changedElsewhere } = useRecordForm({
    decision: (current?.decision ?? '') as Decision | '',
    conditions: current?.conditions ?? '',
    evidence: (current?.evidenceLevel ?? '') as number | '',
    decidedById: current?.decidedById ?? '',
    decidedOn: current?.decidedOn ?? today(),
  });
  const set = <K extends keyof typeof values>(field: K) => (value: (typeof values)[K]) => setValues({ ...values, [field]: value });
  const [saved, setSaved] = useState(false);
  const { run, failure, issueFor, fieldProps } = useSubmit();
  return (
    <Section title={t('pilot.decision.heading')}>
      <form
        noValidate
        aria-label={t('pilot.decision.heading')}
        onSubmit={(e) => {
          e.preventDefault();
          setSaved(false);
          void run(() =>
            // A decision is recorded whole; the fields not changed here carry what is stored now.
            sendChanges(
              (v) => ({
                decision: v.decision as Decision,
                conditions: v.conditions,
                evidenceLevel: v.evidence === '' ? null : v.evidence,
                decidedById: v.decidedById || null,
                decidedOn: v.decidedOn,
              }),
              (decided) => decide.mutateAsync({ pilotId: pilot.id, ...(decided as Required<typeof decided>) }),
              { whole: true },
            ),
          ).then(setSaved);
        }}
      >
        <ErrorAlert error={failure} />
        <ChangedElsewhere show={changedElsewhere} />
        <Stack spacing={2}>
          <FormControl error={!!issueFor('decision')}>
            <FormLabel id={labelId}>{t('pilot.decision.field')}</FormLabel>
            <RadioGroup row aria-labelledby={labelId} value={values.decision} onChange={(e) => set('decision')(e.target.value as Decision)}>
              {PILOT_DECISIONS.map((d) => (
                <FormControlLabel key={d} value={d} control={<Radio />} label={t(pilotDecisionKey(d))} />
              ))}
            </RadioGroup>
            {issueFor('decision') && <FormHelperText>{fieldProps('decision').helperText}</FormHelperText>}
          </FormControl>
          <TextField label={t('pilot.decision.conditions')} value={values.conditions} onChange={(e) => set('conditions')(e.target.value)} multiline minRows={2} {...fieldProps('conditions')} slotProps={{ htmlInput: { dir: 'auto' } }} />
          {/* Side by side only while each keeps room for its label ('Уровень доказательств, который подтверждает пилот'). */}
          <Stack direction="row" useFlexGap spacing={2} sx={{ flexWrap: 'wrap' }}>
            <ChoiceField label={t('pilot.decision.evidence')} value={values.evidence} choices={evidenceChoices} onChange={(v) => set('evidence')(v === '' ? '' : Number(v))} emptyLabel={t('evidence.notAssessed')} sx={{ flex: '1 1 420px' }} />
            <ChoiceField<string> label={t('pilot.decision.by')} value={values.decidedById} choices={(people.data ?? []).map((p) => ({ value: p.id, label: p.name, userText: true }))} onChange={set('decidedById')} emptyLabel={t('common.notSet')} sx={{ flex: '1 1 220px' }} />
            <DateField label={t('pilot.decision.on')} value={values.decidedOn} onChange={set('decidedOn')} {...fieldProps('decidedOn')} />
          </Stack>
        </Stack>
        <FormActions busy={decide.isPending} saved={saved} />
      </form>
    </Section>
  );
}
