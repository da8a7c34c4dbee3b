import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { templateForStageTool } from '../../../../electron/shared/canvas/catalogue';
import { STAGE_TOOLS } from '../../../../electron/shared/domain/stage-tools';
import { toolKey } from '../../i18n/labels';

/** The methods DOMAIN.md recommends at the project's stage; those with a canvas template open it. */
export function StageTools({ stage, onTemplate }: { stage: number; onTemplate(templateId: string): void }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="tools-heading">
      <Typography variant="h6" component="h2" id="tools-heading" sx={{ mb: 1 }}>
        {t('project.tools')}
      </Typography>
      <Stack direction="row" useFlexGap sx={{ flexWrap: 'wrap', gap: 1 }} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {STAGE_TOOLS[stage].map((tool) => {
          const template = templateForStageTool(tool);
          return (
            <li key={tool}>
              {template ? (
                <Chip label={t(toolKey(tool))} color="primary" variant="outlined" onClick={() => onTemplate(template.id)} aria-label={t('canvas.openTool', { tool: t(toolKey(tool)) })} />
              ) : (
                <Chip label={t(toolKey(tool))} variant="outlined" />
              )}
            </li>
          );
        })}
      </Stack>
    </section>
  );
}
