import { useTranslation } from 'react-i18next';
import { EVIDENCE_LEVELS, STAGES } from '../../../../electron/shared/domain/project';
import { useSettings } from '../../app/settings-context';
import { evidenceKey, stageKey } from '../../i18n/labels';

/** Numbered choices, "3 · Developing & testing", in the user's digits. */
function useNumbered(values: readonly number[], key: (n: number) => string) {
  const { t } = useTranslation();
  const { format } = useSettings();
  return values.map((n) => ({ value: n, label: format.parts(format.number(n), t(key(n))) }));
}

export const useStageChoices = () => useNumbered(STAGES, stageKey);
export const useEvidenceChoices = () => useNumbered(EVIDENCE_LEVELS, evidenceKey);
