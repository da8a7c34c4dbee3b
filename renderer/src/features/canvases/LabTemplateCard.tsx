import MoreVertIcon from '@mui/icons-material/MoreVert';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardActionArea from '@mui/material/CardActionArea';
import CardContent from '@mui/material/CardContent';
import IconButton from '@mui/material/IconButton';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CanvasTemplate } from '../../../../electron/shared/canvas/template';
import { useSettings } from '../../app/settings-context';
import { TemplatePreview } from './TemplatePreview';

export type LabTemplateAction = 'rename' | 'edit' | 'delete';

/**
 * A lab template in the gallery: chosen like a built-in one (the preview and its title), with its
 * own actions menu beside the card's choose button, never inside it.
 */
export function LabTemplateCard({
  template,
  usedBy,
  chosen,
  onChoose,
  onAction,
}: {
  template: CanvasTemplate;
  usedBy: number;
  chosen: boolean;
  onChoose(): void;
  onAction(action: LabTemplateAction): void;
}) {
  const { t } = useTranslation();
  const { settings, format } = useSettings();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const title = template.title[settings.language];
  const act = (action: LabTemplateAction) => {
    setAnchor(null);
    onAction(action);
  };
  return (
    <Card component="li" variant="outlined" data-lab-template={template.id} sx={{ listStyle: 'none', position: 'relative', outline: chosen ? '3px solid' : 'none', outlineColor: 'primary.main' }}>
      <CardActionArea onClick={onChoose} aria-pressed={chosen} sx={{ height: '100%' }}>
        <Box sx={{ color: 'text.secondary', display: 'flex', justifyContent: 'center', pt: 1 }}>
          <TemplatePreview template={template} language={settings.language} width={160} />
        </Box>
        <CardContent sx={{ p: 1.5, paddingInlineEnd: 5 }}>
          <Typography variant="subtitle2" component="h3" dir="auto">
            {title}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {t('canvas.labTemplate.usedBy', { count: usedBy, formatted: format.number(usedBy) })}
          </Typography>
        </CardContent>
      </CardActionArea>
      <IconButton
        aria-label={t('canvas.labTemplate.actions', { title })}
        aria-haspopup="menu"
        onClick={(e) => setAnchor(e.currentTarget)}
        sx={{ position: 'absolute', insetInlineEnd: 4, bottom: 4 }}
      >
        <MoreVertIcon />
      </IconButton>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        <MenuItem onClick={() => act('rename')}>{t('canvas.labTemplate.rename')}</MenuItem>
        <MenuItem onClick={() => act('edit')}>{t('canvas.labTemplate.editTexts')}</MenuItem>
        <MenuItem onClick={() => act('delete')}>{t('common.delete')}</MenuItem>
      </Menu>
    </Card>
  );
}
