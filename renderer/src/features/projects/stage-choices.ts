import { useTranslation } from 'react-i18next';
import { STAGES } from '../../../../electron/shared/domain/project';
import { useSettings } from '../../app/settings-context';
import { stageKey } from '../../i18n/labels';

/** The seven stages as "3 · Developing & testing", numbered in the user's digits. */
export function useStageChoices() {
  const { t } = useTranslation();
  const { format } = useSettings();
  return STAGES.map((s) => ({ value: s as number, label: `${format.number(s)} · ${t(stageKey(s))}` }));
}
