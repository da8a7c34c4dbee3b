import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CanvasTemplate } from '../../../../electron/shared/canvas/template';
import { useApiQuery } from '../../api/hooks';
import { LabTemplateCard, type LabTemplateAction } from './LabTemplateCard';
import { DeleteLabTemplateDialog, EditLabTemplateDialog, RenameLabTemplateDialog } from './LabTemplateDialogs';

/**
 * The gallery's "Our lab's templates": chosen like built-in ones, each with rename, edit texts and
 * delete. Says how to make one when the lab has none, and when the stage filter hides them all.
 */
export function LabTemplatesSection({
  all,
  shown,
  chosen,
  onChoose,
  onGone,
}: {
  all: readonly CanvasTemplate[];
  shown: readonly CanvasTemplate[];
  chosen: string | undefined;
  onChoose(template: CanvasTemplate): void;
  onGone(id: string): void;
}) {
  const { t } = useTranslation();
  const canvases = useApiQuery('canvases.list', { includeArchived: true });
  const usedBy = useMemo(() => {
    const counts = new Map<string, number>();
    for (const c of canvases.data ?? []) if (c.templateId) counts.set(c.templateId, (counts.get(c.templateId) ?? 0) + 1);
    return counts;
  }, [canvases.data]);
  const [open, setOpen] = useState<{ action: LabTemplateAction; template: CanvasTemplate } | null>(null);
  const heading = t('canvas.gallery.lab');
  const close = () => setOpen(null);
  return (
    <Box component="section" aria-label={heading} sx={{ mb: 2 }}>
      <Typography variant="subtitle1" component="h2" sx={{ mb: 1 }}>
        {heading}
      </Typography>
      {shown.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {all.length === 0 ? t('canvas.labTemplate.none') : t('canvas.labTemplate.noneForStage')}
        </Typography>
      ) : (
        <Box component="ul" sx={{ p: 0, m: 0, display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))', gap: 1.5 }}>
          {shown.map((tpl) => (
            <LabTemplateCard
              key={tpl.id}
              template={tpl}
              usedBy={usedBy.get(tpl.id) ?? 0}
              chosen={chosen === tpl.id}
              onChoose={() => onChoose(tpl)}
              onAction={(action) => setOpen({ action, template: tpl })}
            />
          ))}
        </Box>
      )}
      {open?.action === 'rename' && <RenameLabTemplateDialog template={open.template} onClose={close} />}
      {open?.action === 'edit' && <EditLabTemplateDialog template={open.template} onClose={close} />}
      {open?.action === 'delete' && (
        <DeleteLabTemplateDialog
          template={open.template}
          usedBy={usedBy.get(open.template.id) ?? 0}
          onClose={close}
          onDeleted={() => {
            onGone(open.template.id);
            close();
          }}
        />
      )}
    </Box>
  );
}
