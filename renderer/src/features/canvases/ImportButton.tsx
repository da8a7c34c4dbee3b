import UploadFileIcon from '@mui/icons-material/UploadFile';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../../api/hooks';
import { navigate } from '../../app/router';
import { errorKey, validationKey } from '../../i18n/labels';

const MAX_BYTES = 1024 * 1024;

/** Imports a JSON Canvas (.canvas) file as a new canvas, named after the file. */
export function ImportButton() {
  const { t } = useTranslation();
  const inputId = useId();
  const importFile = useApiMutation('canvases.importJsonCanvas');
  const [tooLarge, setTooLarge] = useState(false);
  const issue = importFile.error?.error.issues?.[0];
  return (
    <>
      <Button component="label" htmlFor={inputId} startIcon={<UploadFileIcon />}>
        {t('canvas.import.button')}
        <input
          id={inputId}
          type="file"
          accept=".canvas,application/json"
          hidden
          onChange={async (e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (!file) return;
            importFile.reset();
            // Too large to send is refused here, before the file is read into memory.
            setTooLarge(file.size > MAX_BYTES);
            if (file.size > MAX_BYTES) return;
            importFile.mutate(
              { text: await file.text(), title: file.name.replace(/\.[^.]*$/, '').slice(0, 200) || t('canvas.import.untitled') },
              { onSuccess: (canvas) => navigate({ name: 'canvas', id: canvas.id }) },
            );
          }}
        />
      </Button>
      {tooLarge && (
        <Alert severity="error" role="alert" sx={{ my: 1 }}>
          {t('canvas.import.failed')} {t('canvas.import.tooLarge')}
        </Alert>
      )}
      {importFile.error && (
        <Alert severity="error" role="alert" sx={{ my: 1 }}>
          {t('canvas.import.failed')} {issue ? t(validationKey(issue.code), { maximum: '', ...issue.params }) : t(errorKey(importFile.error.error.code))}
        </Alert>
      )}
    </>
  );
}
