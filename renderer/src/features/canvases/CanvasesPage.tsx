import AddIcon from '@mui/icons-material/Add';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CanvasList } from './CanvasList';
import { TemplateGallery } from './TemplateGallery';

/** Every canvas of the lab, stand-alone or a project's, and a new one from the gallery. */
export function CanvasesPage() {
  const { t } = useTranslation();
  const [gallery, setGallery] = useState(false);
  const [archived, setArchived] = useState(false);
  return (
    <Box>
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1, flexWrap: 'wrap', gap: 1 }}>
        <Typography variant="h4" component="h1">
          {t('canvas.heading')}
        </Typography>
        <Button variant="contained" startIcon={<AddIcon />} onClick={() => setGallery(true)}>
          {t('canvas.new')}
        </Button>
      </Stack>
      <Typography color="text.secondary">{t('canvas.intro')}</Typography>
      <FormControlLabel control={<Switch checked={archived} onChange={(e) => setArchived(e.target.checked)} />} label={t('canvas.showArchived')} />
      <CanvasList includeArchived={archived} />
      {gallery && <TemplateGallery projectId={null} stage={null} onClose={() => setGallery(false)} />}
    </Box>
  );
}
