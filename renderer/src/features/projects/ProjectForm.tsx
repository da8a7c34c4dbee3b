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
import {
  INNOVATION_TYPES,
  OECD_FACETS,
  PROJECT_STATUSES,
  SUMMARY_MAX,
  TITLE_MAX,
} from '../../../../electron/shared/domain/project';
import { useApiQuery } from '../../api/hooks';
import { useSettings } from '../../app/settings-context';
import { ChoiceField } from '../../components/ChoiceField';
import { facetKey, innovationTypeKey, pillarKey, statusKey, validationKey } from '../../i18n/labels';
import { useStageChoices } from './stage-choices';
import type { FieldErrors, ProjectFormValues } from './form-values';

interface Props {
  values: ProjectFormValues;
  errors: FieldErrors;
  onChange(values: ProjectFormValues): void;
  /** Focus the title when the form opens (in the create dialog). */
  autoFocus?: boolean;
}

/** The fields of a project. Text the user types is rendered with dir="auto" (Arabic and English mix). */
export function ProjectForm({ values, errors, onChange, autoFocus }: Props) {
  const { t } = useTranslation();
  const { format } = useSettings();
  const pillars = useApiQuery('pillars.list', {});
  const stageChoices = useStageChoices();
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
      <Grid size={{ xs: 12, sm: 6 }}>
        <ChoiceField label={t('project.field.stage')} value={values.stage} choices={stageChoices} onChange={(v) => set('stage', Number(v))} fullWidth />
      </Grid>
      <Grid size={{ xs: 12, sm: 6 }}>
        <ChoiceField
          label={t('project.field.status')}
          value={values.status}
          choices={PROJECT_STATUSES.map((v) => ({ value: v, label: t(statusKey(v)) }))}
          onChange={(v) => v && set('status', v)}
          fullWidth
        />
      </Grid>
      <Grid size={{ xs: 12, sm: 6 }}>
        <ChoiceField
          label={t('project.field.innovationType')}
          value={values.innovationType}
          choices={INNOVATION_TYPES.map((v) => ({ value: v, label: t(innovationTypeKey(v)) }))}
          onChange={(v) => set('innovationType', v)}
          emptyLabel={t('common.notSet')}
          fullWidth
        />
      </Grid>
      <Grid size={{ xs: 12, sm: 6 }}>
        <ChoiceField
          label={t('project.field.oecdFacet')}
          value={values.oecdFacet}
          choices={OECD_FACETS.map((v) => ({ value: v, label: t(facetKey(v)) }))}
          onChange={(v) => set('oecdFacet', v)}
          emptyLabel={t('common.notSet')}
          fullWidth
        />
      </Grid>
      <Grid size={{ xs: 12, sm: 6 }}>
        <TextField
          type="date"
          label={t('project.field.startDate')}
          value={values.startDate}
          onChange={(e) => set('startDate', e.target.value)}
          fullWidth
          error={!!errors.startDate}
          helperText={message(errors.startDate)}
          slotProps={{ inputLabel: { shrink: true } }}
        />
      </Grid>
      <Grid size={{ xs: 12, sm: 6 }}>
        <TextField
          type="date"
          label={t('project.field.endDate')}
          value={values.endDate}
          onChange={(e) => set('endDate', e.target.value)}
          fullWidth
          error={!!errors.endDate}
          helperText={message(errors.endDate)}
          slotProps={{ inputLabel: { shrink: true } }}
        />
      </Grid>
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
