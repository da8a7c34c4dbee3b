import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Note } from '../../../../electron/shared/canvas/model';
import { AttachmentsPanel } from '../attachments/AttachmentsPanel';

/** The files attached to one note (photos of a field visit, an interview transcript), in a dialog over the board. */
export function NoteAttachmentsDialog({ note, onClose }: { note: Note; onClose(): void }) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} fullWidth maxWidth="sm">
      <DialogTitle id={titleId}>{t('attachments.noteTitle')}</DialogTitle>
      <DialogContent>
        <DialogContentText dir="auto" sx={{ mb: 2, whiteSpace: 'pre-wrap', maxHeight: '6em', overflow: 'hidden' }}>
          {note.text}
        </DialogContentText>
        <AttachmentsPanel ownerType="note" ownerId={note.id} labelledBy={titleId} />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common.close')}</Button>
      </DialogActions>
    </Dialog>
  );
}
