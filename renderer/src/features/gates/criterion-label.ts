import type { TFunction } from 'i18next';
import type { GateCriterion } from '../../../../electron/shared/domain/gates';
import { criterionKey } from '../../i18n/labels';

/** Default criteria are translated; a lab's own criteria show the text the lab wrote. */
export const criterionLabel = (t: TFunction, c: Pick<GateCriterion, 'key' | 'label'>) => (c.key && !c.label ? t(criterionKey(c.key)) : (c.label ?? ''));
