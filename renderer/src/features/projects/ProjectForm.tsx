import Checkbox from '@mui/material/Checkbox';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import Grid from '@mui/material/Grid';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import type { InputIssue } from '../../../../electron/shared/api/envelope';
import { DIRECT_STATUSES, INNOVATION_TYPES, OECD_FACETS, SUMMARY_MAX, TITLE_MAX } from '../../../../electron/shared/domain/project';
import { useApiQuery } from '../../api/hooks';
import { useSettings } from '../../app/settings-context';
import { ChoiceField } from '../../components/ChoiceField';
import { DateField } from '../../components/DateField';
import { facetKey, innovationTypeKey, pillarKey, statusKey, validationKey } from '../../i18n/labels';
import { useEvidenceChoices, useStageChoices } from './choices';
import { statusEditable, type FieldErrors, type FormMode, type ProjectFormValues } from './form-values';

interface Props {
  mode: FormMode;
  values: ProjectFormValues;
  errors: FieldErrors;
  onChange(values: ProjectFormValues): void;
  /** Focus the title when the form opens (in the create dialog). */
  autoFocus?: boolean;
}

const half = { xs: 12, sm: 6 } as const;

/** The fields of a project. Text the user types is rendered with dir="auto" (Arabic and English mix). */
export function ProjectForm({ mode, values, errors, onChange, autoFocus }: Props) {
  const { t } = useTranslation();
  const { format } = useSettings();
  const pillars = useApiQuery('pillars.list', {});
  const entities = useApiQuery('entities.list', {});
  const stageChoices = useStageChoices();
  const evidenceChoices = useEvidenceChoices();
  const set = <K extends keyof ProjectFormValues>(key: K, value: ProjectFormValues[K]) => onChange({ ...values, [key]: value });
  const message = (issue: InputIssue | undefined) => issue && t(validationKey(issue.code), issue.params);
  const textDir = { dir: 'auto' };

  return (
    <Grid container spacing={2} sx={{ pt: 1 }}>
      <Grid size={12}>
        <TextField
          label={t('project.field.title')}
          value={values.title}
          onChange={(e) => set('title', e.target.value)}
          required
          fullWidth
          autoFocus={autoFocus}
          error={!!errors.title}
          helperText={message(errors.title) ?? t('project.hint.title', { max: format.number(TITLE_MAX) })}
          slotProps={{ htmlInput: { ...textDir, maxLength: TITLE_MAX + 50 } }}
        />
      </Grid>
      <Grid size={12}>
        <TextField
          label={t('project.field.summary')}
          value={values.summary}
          onChange={(e) => set('summary', e.target.value)}
          fullWidth
          multiline
          minRows={3}
          error={!!errors.summary}
          helperText={message(errors.summary)}
          slotProps={{ htmlInput: { ...textDir, maxLength: SUMMARY_MAX + 50 } }}
        />
      </Grid>
      {mode === 'create' && (
        <Grid size={half}>
          <ChoiceField label={t('project.field.stage')} value={values.stage} choices={stageChoices} onChange={(v) => set('stage', Number(v))} fullWidth />
        </Grid>
      )}
      {mode === 'edit' && statusEditable(values.status) && (
        <Grid size={half}>
          <ChoiceField
            label={t('project.field.status')}
            value={values.status}
            choices={DIRECT_STATUSES.map((v) => ({ value: v, label: t(statusKey(v)) }))}
            onChange={(v) => v && set('status', v)}
            fullWidth
          />
        </Grid>
      )}
      <Grid size={half}>
        <ChoiceField
          label={t('project.field.ownerEntityId')}
          value={values.ownerEntityId}
          choices={(entities.data ?? []).map((e) => ({ value: e.id, label: e.name, userText: true }))}
          onChange={(v) => set('ownerEntityId', v)}
          emptyLabel={t('common.notSet')}
          fullWidth
        />
      </Grid>
      <Grid size={half}>
        <ChoiceField
          label={t('project.field.innovationType')}
          value={values.innovationType}
          choices={INNOVATION_TYPES.map((v) => ({ value: v, label: t(innovationTypeKey(v)) }))}
          onChange={(v) => set('innovationType', v)}
          emptyLabel={t('common.notSet')}
          fullWidth
        />
      </Grid>
      <Grid size={half}>
        <ChoiceField
          label={t('project.field.oecdFacet')}
          value={values.oecdFacet}
          choices={OECD_FACETS.map((v) => ({ value: v, label: t(facetKey(v)) }))}
          onChange={(v) => set('oecdFacet', v)}
          emptyLabel={t('common.notSet')}
          fullWidth
        />
      </Grid>
      <Grid size={half}>
        <ChoiceField
          label={t('project.field.evidenceLevel')}
          value={values.evidenceLevel}
          choices={evidenceChoices}
          onChange={(v) => set('evidenceLevel', v === '' ? '' : Number(v))}
          emptyLabel={t('evidence.notAssessed')}
          fullWidth
        />
      </Grid>
      <Grid size={half}>
        <ChoiceField
          label={t('project.field.evidenceTarget')}
          value={values.evidenceTarget}
          choices={evidenceChoices}
          onChange={(v) => set('evidenceTarget', v === '' ? '' : Number(v))}
          emptyLabel={t('common.notSet')}
          fullWidth
        />
      </Grid>
      {(['startDate', 'endDate'] as const).map((field) => (
        <Grid size={half} key={field}>
          <DateField
            label={t(field === 'startDate' ? 'project.field.startDate' : 'project.field.endDate')}
            value={values[field]}
            onChange={(date) => set(field, date)}
            fullWidth
            error={!!errors[field]}
            helperText={message(errors[field])}
          />
        </Grid>
      ))}
      <Grid size={12}>
        <FormControl component="fieldset" error={!!errors.pillarIds}>
          <FormLabel component="legend">{t('project.field.pillarIds')}</FormLabel>
          <FormGroup>
            {pillars.data?.map((pillar) => (
              <FormControlLabel
                key={pillar.id}
                control={
                  <Checkbox
                    checked={values.pillarIds.includes(pillar.id)}
                    onChange={(e) =>
                      set('pillarIds', e.target.checked ? [...values.pillarIds, pillar.id] : values.pillarIds.filter((id) => id !== pillar.id))
                    }
                  />
                }
                label={pillar.key ? t(pillarKey(pillar.key)) : <span dir="auto">{pillar.label}</span>}
              />
            ))}
          </FormGroup>
          {errors.pillarIds && <FormHelperText>{message(errors.pillarIds)}</FormHelperText>}
        </FormControl>
      </Grid>
    </Grid>
  );
}
