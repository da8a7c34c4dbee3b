import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import Button from '@mui/material/Button';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DAC_CRITERIA, DAC_RATINGS, type Assessment } from '../../../../electron/shared/domain/pilots';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { hrefFor } from '../../app/router';
import { ChoiceField } from '../../components/ChoiceField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSubmit } from '../../components/use-submit';
import { dacCriterionKey, dacRatingKey } from '../../i18n/labels';
import { Section } from './Section';

type Criterion = (typeof DAC_CRITERIA)[number];
type Rating = (typeof DAC_RATINGS)[number];

/** The six OECD DAC criteria, rated by one or more assessors with the evidence for each rating. */
export function RubricSection({ pilotId }: { pilotId: string }) {
  const { t } = useTranslation();
  const assessments = useApiQuery('pilots.assessments', { pilotId });
  const people = useApiQuery('people.list', {});
  const [assessorId, setAssessorId] = useState('');
  const mine = (assessments.data ?? []).filter((a) => a.assessorId === assessorId);
  return (
    <Section title={t('pilot.rubric.heading')}>
      <ErrorAlert error={assessments.error} />
      {assessments.data && assessments.data.length > 0 && <RubricTable assessments={assessments.data} />}
      {people.data?.length === 0 ? (
        <Button href={hrefFor({ name: 'people' })}>{t('team.addPeopleFirst')}</Button>
      ) : (
        <ChoiceField<string>
          label={t('pilot.rubric.assessor')}
          value={assessorId}
          choices={(people.data ?? []).map((p) => ({ value: p.id, label: p.name, userText: true }))}
          onChange={setAssessorId}
          emptyLabel={t('team.choosePerson')}
          sx={{ minWidth: 260, mt: 2 }}
        />
      )}
      {assessorId && <RubricForm key={assessorId} pilotId={pilotId} assessorId={assessorId} previous={mine} />}
    </Section>
  );
}

/** Every assessor's ratings, criterion by criterion. */
export function RubricTable({ assessments, t: fixedT }: { assessments: Assessment[]; t?: ReturnType<typeof useTranslation>['t'] }) {
  const { t: ownT } = useTranslation();
  const t = fixedT ?? ownT;
  const assessors = [...new Map(assessments.map((a) => [a.assessorId, a.assessorName])).entries()];
  return (
    <Table size="small" aria-label={t('pilot.rubric.heading')}>
      <TableHead>
        <TableRow>
          <TableCell>{t('pilot.rubric.criterion')}</TableCell>
          {assessors.map(([id, name]) => (
            <TableCell key={id} dir="auto">
              {name}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {DAC_CRITERIA.map((c) => (
          <TableRow key={c}>
            <TableCell component="th" scope="row">
              {t(dacCriterionKey(c))}
            </TableCell>
            {assessors.map(([id]) => {
              const a = assessments.find((x) => x.assessorId === id && x.criterion === c);
              return (
                <TableCell key={id}>
                  {a ? t(dacRatingKey(a.rating)) : '—'}
                  {a?.evidence && (
                    <Typography variant="body2" color="text.secondary" dir="auto">
                      {a.evidence}
                    </Typography>
                  )}
                </TableCell>
              );
            })}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function RubricForm({ pilotId, assessorId, previous }: { pilotId: string; assessorId: string; previous: Assessment[] }) {
  const { t } = useTranslation();
  const assess = useApiMutation('pilots.assess');
  const [ratings, setRatings] = useState<Partial<Record<Criterion, Rating>>>(Object.fromEntries(previous.map((a) => [a.criterion, a.rating])));
  const [evidence, setEvidence] = useState<Partial<Record<Criterion, string>>>(Object.fromEntries(previous.map((a) => [a.criterion, a.evidence])));
  const [saved, setSaved] = useState(false);
  const { run, failure } = useSubmit();
  const rated = DAC_CRITERIA.filter((c) => ratings[c]);
  return (
    <form
      noValidate
      aria-label={t('pilot.rubric.form')}
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(false);
        void run(() => assess.mutateAsync({ pilotId, assessorId, ratings: rated.map((c) => ({ criterion: c, rating: ratings[c]!, evidence: evidence[c] ?? '' })) })).then(setSaved);
      }}
    >
      <ErrorAlert error={failure} />
      <Stack spacing={2} sx={{ mt: 2 }}>
        {DAC_CRITERIA.map((c) => (
          <Stack key={c} direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: { md: 'flex-start' } }}>
            <FormControl sx={{ minWidth: 420 }}>
              <FormLabel id={`dac-${c}`}>{t(dacCriterionKey(c))}</FormLabel>
              <RadioGroup row aria-labelledby={`dac-${c}`} value={ratings[c] ?? ''} onChange={(e) => setRatings({ ...ratings, [c]: e.target.value as Rating })}>
                {DAC_RATINGS.map((r) => (
                  <FormControlLabel key={r} value={r} control={<Radio />} label={t(dacRatingKey(r))} />
                ))}
              </RadioGroup>
            </FormControl>
            <TextField
              label={t('pilot.rubric.evidenceFor', { criterion: t(dacCriterionKey(c)) })}
              value={evidence[c] ?? ''}
              onChange={(e) => setEvidence({ ...evidence, [c]: e.target.value })}
              multiline
              fullWidth
              slotProps={{ htmlInput: { dir: 'auto' } }}
            />
          </Stack>
        ))}
      </Stack>
      <Stack direction="row" spacing={2} sx={{ mt: 2, alignItems: 'center' }}>
        <Button type="submit" variant="contained" disabled={assess.isPending || rated.length === 0}>
          {t('pilot.rubric.save')}
        </Button>
        {saved && (
          <Typography role="status" color="success.main">
            {t('project.saved')}
          </Typography>
        )}
      </Stack>
    </form>
  );
}
