import Button from '@mui/material/Button';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SCORE_MAX, SCORE_MIN, type Scorecard } from '../../../../electron/shared/domain/ideas';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { useSettings } from '../../app/settings-context';
import { ChoiceField } from '../../components/ChoiceField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSubmit } from '../../components/use-submit';
import { keyedLabel } from '../../i18n/keyed-label';
import { scoreCriterionKey } from '../../i18n/labels';

const SCALE = Array.from({ length: SCORE_MAX - SCORE_MIN + 1 }, (_, i) => SCORE_MIN + i);

/** One reviewer scores each active criterion 1–5; saving again replaces that reviewer's card. */
export function ScorecardForm({ ideaId, scorecards }: { ideaId: string; scorecards: Scorecard[] }) {
  const { t } = useTranslation();
  const { format } = useSettings();
  const people = useApiQuery('people.list', {});
  const criteria = useApiQuery('scoring.criteria', {});
  const score = useApiMutation('ideas.score');
  const { run, failure, issueFor } = useSubmit();
  const [reviewerId, setReviewerId] = useState('');
  const [scores, setScores] = useState<Record<string, number>>({});
  const active = (criteria.data ?? []).filter((c) => !c.archived);

  const chooseReviewer = (id: string) => {
    setReviewerId(id);
    const existing = scorecards.find((c) => c.reviewerId === id);
    setScores(Object.fromEntries((existing?.scores ?? []).map((s) => [s.criterionId, s.score])));
  };

  return (
    <Stack
      component="form"
      noValidate
      spacing={2}
      aria-label={t('scorecard.heading')}
      onSubmit={(e) => {
        e.preventDefault();
        void run(() => score.mutateAsync({ ideaId, reviewerId, scores: Object.entries(scores).map(([criterionId, value]) => ({ criterionId, score: value })) }));
      }}
    >
      <ErrorAlert error={failure} />
      <ChoiceField<string>
        label={t('scorecard.reviewer')}
        value={reviewerId}
        choices={(people.data ?? []).map((p) => ({ value: p.id, label: p.name, userText: true }))}
        onChange={chooseReviewer}
        emptyLabel={t('scorecard.chooseReviewer')}
        sx={{ maxWidth: 360 }}
      />
      {people.data?.length === 0 && <Typography color="text.secondary">{t('scorecard.noPeople')}</Typography>}
      {reviewerId &&
        active.map((c) => (
          <FormControl key={c.id}>
            <FormLabel id={`criterion-${c.id}`}>
              {format.parts(keyedLabel(t, scoreCriterionKey, c), t('scorecard.weight', { weight: format.number(c.weight) }))}
            </FormLabel>
            <RadioGroup row aria-labelledby={`criterion-${c.id}`} value={scores[c.id] ?? ''} onChange={(e) => setScores({ ...scores, [c.id]: Number(e.target.value) })}>
              {SCALE.map((n) => (
                <FormControlLabel key={n} value={n} control={<Radio />} label={format.number(n)} />
              ))}
            </RadioGroup>
          </FormControl>
        ))}
      {issueFor('scores') && <Typography color="error">{t('scorecard.incomplete')}</Typography>}
      {reviewerId && (
        <Button type="submit" variant="contained" disabled={score.isPending || Object.keys(scores).length === 0} sx={{ alignSelf: 'flex-start' }}>
          {t('scorecard.save')}
        </Button>
      )}
    </Stack>
  );
}
