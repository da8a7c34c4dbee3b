import BookmarkAddIcon from '@mui/icons-material/BookmarkAddOutlined';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Snackbar from '@mui/material/Snackbar';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Canvas } from '../../../../electron/shared/canvas/model';
import type { CanvasTemplate } from '../../../../electron/shared/canvas/template';
import { useApiMutation } from '../../api/hooks';
import { useSettings } from '../../app/settings-context';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormDialog } from '../../components/FormDialog';
import { useSubmit } from '../../components/use-submit';

/**
 * "Save as lab template" on a canvas page: the canvas's layout — its zones with their titles and
 * hints in every language, and any attribution it owes — under a new name. The notes stay on this
 * canvas: they are this team's work, and starter notes would have to be written in four languages.
 * A free-form canvas has no layout, so it offers nothing.
 */
export function SaveAsTemplate({ canvas, template }: { canvas: Canvas; template: CanvasTemplate | undefined }) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const create = useApiMutation('labTemplates.create');
  const { run, failure, fieldProps } = useSubmit();
  if (!template) return null;
  const submit = () =>
    void run(() => create.mutateAsync({ canvasId: canvas.id, title: name })).then((ok) => {
      if (!ok) return;
      setOpen(false);
      setSaved(name.trim());
    });
  return (
    <>
      <Button
        startIcon={<BookmarkAddIcon />}
        onClick={() => {
          setName(t('canvas.labTemplate.defaultName', { template: template.title[settings.language] }));
          setOpen(true);
        }}
      >
        {t('canvas.labTemplate.save')}
      </Button>
      {open && (
        <FormDialog title={t('canvas.labTemplate.saveTitle')} submitLabel={t('canvas.labTemplate.saveSubmit')} busy={create.isPending} maxWidth="sm" onClose={() => setOpen(false)} onSubmit={submit}>
          <Typography sx={{ mb: 2 }}>{t('canvas.labTemplate.saveExplain')}</Typography>
          <ErrorAlert error={failure} />
          <TextField
            label={t('canvas.labTemplate.name')}
            value={name}
            onChange={(e) => setName(e.target.value)}
            autoFocus
            required
            fullWidth
            slotProps={{ htmlInput: { dir: 'auto', maxLength: 500 } }}
            {...fieldProps('title')}
          />
        </FormDialog>
      )}
      <Snackbar open={saved !== null} autoHideDuration={8000} onClose={() => setSaved(null)}>
        <Alert severity="success" role="status" onClose={() => setSaved(null)}>
          {t('canvas.labTemplate.saved', { name: saved ?? '' })}
        </Alert>
      </Snackbar>
    </>
  );
}
