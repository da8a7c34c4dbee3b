import Step from '@mui/material/Step';
import StepLabel from '@mui/material/StepLabel';
import Stepper from '@mui/material/Stepper';
import { useTranslation } from 'react-i18next';
import { STAGES, type Project } from '../../../../electron/shared/domain/project';
import { useSettings } from '../../app/settings-context';
import { stageKey } from '../../i18n/labels';

/** The seven stages with the project's place among them (the history is the gate list below). */
export function StageStepper({ project }: { project: Project }) {
  const { t } = useTranslation();
  const { format } = useSettings();
  return (
    <Stepper activeStep={project.stage - 1} alternativeLabel aria-label={t('project.stages')} sx={{ my: 3, overflowX: 'auto', pb: 1 }}>
      {STAGES.map((stage) => (
        // Room on either side, so two labels that wrap onto several lines do not read as one.
        <Step key={stage} completed={stage < project.stage} sx={{ minWidth: 104, px: 0.5 }}>
          <StepLabel
            icon={format.number(stage)}
            aria-current={stage === project.stage ? 'step' : undefined}
            optional={stage === project.stage ? <span>{t('project.currentStage')}</span> : undefined}
          >
            {t(stageKey(stage))}
          </StepLabel>
        </Step>
      ))}
    </Stepper>
  );
}
