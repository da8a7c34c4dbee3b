import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardActionArea from '@mui/material/CardActionArea';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CanvasTemplate } from '../../../../electron/shared/canvas/template';
import { useApiMutation } from '../../api/hooks';
import { navigate } from '../../app/router';
import { useSettings } from '../../app/settings-context';
import { ChoiceField } from '../../components/ChoiceField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormDialog } from '../../components/FormDialog';
import { useStageChoices } from '../projects/choices';
import { LabTemplatesSection } from './LabTemplatesSection';
import { TemplatePreview } from './TemplatePreview';
import { useTemplates } from './use-templates';

function TemplateCard({ template, chosen, onChoose }: { template: CanvasTemplate; chosen: boolean; onChoose(): void }) {
  const { settings } = useSettings();
  return (
    <Card component="li" variant="outlined" sx={{ listStyle: 'none', outline: chosen ? '3px solid' : 'none', outlineColor: 'primary.main' }}>
      <CardActionArea onClick={onChoose} aria-pressed={chosen} sx={{ height: '100%' }}>
        <Box sx={{ color: 'text.secondary', display: 'flex', justifyContent: 'center', pt: 1 }}>
          <TemplatePreview template={template} language={settings.language} width={160} />
        </Box>
        <CardContent sx={{ p: 1.5 }}>
          <Typography variant="subtitle2" component="h3" dir="auto">
            {template.title[settings.language]}
          </Typography>
          <Typography variant="body2" color="text.secondary" dir="auto">
            {template.description[settings.language]}
          </Typography>
        </CardContent>
      </CardActionArea>
    </Card>
  );
}

/**
 * Choosing a template for a new canvas: built-in and lab templates with previews (mirrored in
 * Arabic, as the board will be), filtered by stage, and a title to start with.
 */
export function TemplateGallery({ projectId, stage, initialTemplate, onClose }: { projectId: string | null; stage: number | null; initialTemplate?: string; onClose(): void }) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const templates = useTemplates();
  const stageChoices = useStageChoices();
  const create = useApiMutation('canvases.create');
  const [filter, setFilter] = useState<number | ''>(stage ?? '');
  const [picked, setChosen] = useState<CanvasTemplate | undefined>(templates.find(initialTemplate ?? null));
  // A lab template renamed while chosen shows its new name.
  const chosen = picked && (templates.find(picked.id) ?? picked);
  const [title, setTitle] = useState(chosen?.title[settings.language] ?? '');
  const matches = (tpl: CanvasTemplate) => filter === '' || tpl.stages.includes(filter);
  const choose = (tpl: CanvasTemplate) => {
    setChosen(tpl);
    setTitle(tpl.title[settings.language]);
  };
  const submit = () => {
    if (!chosen || !title.trim()) return;
    create.mutate(
      { templateId: chosen.id, title, projectId, stage: stage ?? (filter === '' ? null : filter), language: settings.language },
      { onSuccess: (canvas) => navigate({ name: 'canvas', id: canvas.id }) },
    );
  };
  const section = (heading: string, list: readonly CanvasTemplate[]) =>
    list.length > 0 && (
      <Box component="section" aria-label={heading} sx={{ mb: 2 }}>
        <Typography variant="subtitle1" component="h2" sx={{ mb: 1 }}>
          {heading}
        </Typography>
        <Box component="ul" sx={{ p: 0, m: 0, display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))', gap: 1.5 }}>
          {list.map((tpl) => (
            <TemplateCard key={tpl.id} template={tpl} chosen={chosen?.id === tpl.id} onChoose={() => choose(tpl)} />
          ))}
        </Box>
      </Box>
    );
  return (
    <FormDialog title={t('canvas.gallery.title')} submitLabel={t('canvas.gallery.create')} busy={create.isPending || !chosen} onClose={onClose} onSubmit={submit}>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ my: 1 }}>
        <ChoiceField label={t('canvas.gallery.stage')} value={filter} emptyLabel={t('canvas.gallery.allStages')} choices={stageChoices} onChange={(v) => setFilter(v === '' ? '' : Number(v))} sx={{ minWidth: 240 }} />
        <TextField
          label={t('canvas.gallery.canvasTitle')}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          required
          fullWidth
          slotProps={{ htmlInput: { dir: 'auto', maxLength: 200 } }}
          helperText={chosen ? t('canvas.gallery.chosen', { template: chosen.title[settings.language] }) : t('canvas.gallery.choose')}
        />
      </Stack>
      <ErrorAlert error={create.error} />
      {section(t('canvas.gallery.builtIn'), templates.builtIn.filter(matches))}
      <LabTemplatesSection
        all={templates.lab}
        shown={templates.lab.filter(matches)}
        chosen={chosen?.id}
        onChoose={choose}
        onGone={(id) => chosen?.id === id && setChosen(undefined)}
      />
    </FormDialog>
  );
}
