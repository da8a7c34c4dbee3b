import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import { useId, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  title: string;
  submitLabel: string;
  busy: boolean;
  onSubmit(): void;
  onClose(): void;
  maxWidth?: 'sm' | 'md';
  children: ReactNode;
}

/** A dialog that is a form: Enter submits, Escape and Cancel close, the title names it for screen readers. */
export function FormDialog({ title, submitLabel, busy, onSubmit, onClose, maxWidth = 'md', children }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const form = {
    component: 'form' as const,
    noValidate: true,
    onSubmit: (e: FormEvent) => {
      e.preventDefault();
      onSubmit();
    },
  };
  return (
    // The paper itself is the form, so that the content between the title and the buttons scrolls
    // on its own in a short window instead of the whole dialog (buttons and title out of sight).
    <Dialog
      open
      onClose={onClose}
      aria-labelledby={titleId}
      fullWidth
      maxWidth={maxWidth}
      slotProps={{ paper: form }}
    >
      <DialogTitle id={titleId}>{title}</DialogTitle>
      <DialogContent>{children}</DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button type="submit" variant="contained" disabled={busy}>
          {submitLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
