import AddIcon from '@mui/icons-material/Add';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { Project } from '../../../../electron/shared/domain/project';
import { CanvasList } from './CanvasList';
import { TemplateGallery } from './TemplateGallery';

/**
 * A project's canvases on its page, and the gallery for a new one at the project's stage (opened
 * from here, or from a recommended tool that has a template: `template` is then preselected).
 */
export function ProjectCanvases({ project, gallery, setGallery }: { project: Project; gallery: { template?: string } | null; setGallery(open: { template?: string } | null): void }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="canvases-heading">
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mt: 4, mb: 1 }}>
        <Typography variant="h5" component="h2" id="canvases-heading">
          {t('canvas.heading')}
        </Typography>
        <Button startIcon={<AddIcon />} onClick={() => setGallery({})}>
          {t('canvas.new')}
        </Button>
      </Stack>
      <CanvasList projectId={project.id} />
      {gallery && <TemplateGallery projectId={project.id} stage={project.stage} initialTemplate={gallery.template} onClose={() => setGallery(null)} />}
    </section>
  );
}
