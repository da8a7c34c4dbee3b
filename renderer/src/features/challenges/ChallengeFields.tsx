import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import { OECD_FACETS, type Project } from '../../../../electron/shared/domain/project';
import { ChoiceField } from '../../components/ChoiceField';
import type { useSubmit } from '../../components/use-submit';
import { facetKey } from '../../i18n/labels';

export interface ChallengeValues {
  title: string;
  hmw: string;
  context: string;
  affected: string;
  evidence: string;
  oecdFacet: NonNullable<Project['oecdFacet']> | '';
}

export const emptyChallenge: ChallengeValues = { title: '', hmw: '', context: '', affected: '', evidence: '', oecdFacet: '' };

export const challengeInput = (v: ChallengeValues) => ({ ...v, oecdFacet: v.oecdFacet || null });

const TEXTS = [
  ['hmw', 'challenge.field.hmw', 2],
  ['context', 'challenge.field.context', 3],
  ['affected', 'challenge.field.affected', 2],
  ['evidence', 'challenge.field.evidence', 3],
] as const;

/** A challenge statement: the problem, who it touches, the evidence, and the How-might-we question. */
export function ChallengeFields({ values, onChange, fieldProps, autoFocus }: {
  values: ChallengeValues;
  onChange(values: ChallengeValues): void;
  fieldProps: ReturnType<typeof useSubmit>['fieldProps'];
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Stack spacing={2} sx={{ pt: 1 }}>
      <TextField
        label={t('challenge.field.title')}
        value={values.title}
        onChange={(e) => onChange({ ...values, title: e.target.value })}
        required
        autoFocus={autoFocus}
        {...fieldProps('title')}
        slotProps={{ htmlInput: { dir: 'auto' } }}
      />
      {TEXTS.map(([field, label, rows]) => (
        <TextField
          key={field}
          label={t(label)}
          value={values[field]}
          onChange={(e) => onChange({ ...values, [field]: e.target.value })}
          multiline
          minRows={rows}
          {...fieldProps(field)}
          slotProps={{ htmlInput: { dir: 'auto' } }}
        />
      ))}
      <ChoiceField<NonNullable<Project['oecdFacet']>>
        label={t('project.field.oecdFacet')}
        value={values.oecdFacet}
        choices={OECD_FACETS.map((v) => ({ value: v, label: t(facetKey(v)) }))}
        onChange={(v) => onChange({ ...values, oecdFacet: v })}
        emptyLabel={t('common.notSet')}
      />
    </Stack>
  );
}
