import AttachFileIcon from '@mui/icons-material/AttachFile';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import DownloadIcon from '@mui/icons-material/Download';
import InsertDriveFileIcon from '@mui/icons-material/InsertDriveFileOutlined';
import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import WarningIcon from '@mui/icons-material/WarningAmber';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import { useId, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ATTACHMENT_MAX_BYTES, type Attachment, type AttachmentOwnerType } from '../../../../electron/shared/domain/attachments';
import { useApiClient } from '../../api/api-context';
import { ApiCallError, useApiMutation, useApiQuery, useHasMethod } from '../../api/hooks';
import { useSettings } from '../../app/settings-context';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { errorKey, validationKey } from '../../i18n/labels';
import { downloadBlob } from '../../components/download';
import { attachmentKind, fetchAttachment, FileProblem, formatFileSize, uploadAttachment } from './attachment-files';
import { AttachmentThumbnail } from './AttachmentThumbnail';
import { listFormat } from '../../i18n/locale-data';

/** What the last action did, for the live regions: a status to announce, or a problem to show. */
type Notice = { kind: 'status' | 'problem'; text: string } | null;

/**
 * The files attached to a record: listed with size, kind and date; added by the file picker or by
 * dropping files on the drop zone (which is itself the button that opens the picker, so it works
 * by keyboard), with progress for large files; opened or downloaded; removed after a confirmation.
 * Results are announced. Inside a dialog the dialog's title names the list (`labelledBy`) instead
 * of the panel's own heading.
 */
export function AttachmentsPanel({ ownerType, ownerId, labelledBy }: { ownerType: AttachmentOwnerType; ownerId: string; labelledBy?: string }) {
  const { t } = useTranslation();
  const ownId = useId();
  const headingId = labelledBy ?? `${ownId}-heading`;
  const limitId = `${ownId}-limit`;
  const { format } = useSettings();
  const client = useApiClient();
  const attachments = useApiQuery('attachments.list', { ownerType, ownerId });
  const remove = useApiMutation('attachments.remove');
  const canOpen = useHasMethod('desktop.openAttachment');
  const picker = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const [removing, setRemoving] = useState<Attachment | null>(null);
  const maxSize = formatFileSize(ATTACHMENT_MAX_BYTES, format.locale);
  const list = listFormat(format.locale);

  const problemText = (error: unknown, fileName: string) => {
    if (error instanceof FileProblem) {
      return error.kind === 'tooLarge' ? t('attachments.tooLarge', { name: fileName, size: maxSize }) : t('attachments.unreadable', { name: fileName });
    }
    if (error instanceof ApiCallError) {
      const issue = error.error.issues?.[0];
      return t('attachments.refused', { name: fileName, reason: issue ? t(validationKey(issue.code), issue.params) : t(errorKey(error.error.code)) });
    }
    return t('attachments.refused', { name: fileName, reason: t(errorKey('network')) });
  };

  /** Attaches the files one by one; a refused file does not stop the others. */
  async function attach(files: File[]) {
    if (files.length === 0) return;
    setBusy(true);
    setNotice({ kind: 'status', text: t('attachments.uploading') });
    const added: string[] = [];
    const problems: string[] = [];
    for (const file of files) {
      try {
        const attachment = await uploadAttachment(client, { ownerType, ownerId }, file, (done, total) =>
          setNotice({ kind: 'status', text: t('attachments.uploadingFile', { name: file.name, percent: format.percent(done / Math.max(total, 1)) }) }),
        );
        added.push(attachment.fileName);
      } catch (error) {
        problems.push(problemText(error, file.name));
      }
    }
    setBusy(false);
    if (problems.length > 0) setNotice({ kind: 'problem', text: problems.join(' ') });
    else setNotice({ kind: 'status', text: t('attachments.added', { names: list.format(added) }) });
  }

  async function openOrDownload(attachment: Attachment) {
    try {
      if (canOpen) {
        const result = await client.call('desktop.openAttachment', { id: attachment.id });
        if (!result.ok) throw new ApiCallError(result.error);
        if (result.value.shown === 'folder') setNotice({ kind: 'status', text: t('attachments.shownInFolder', { name: attachment.fileName }) });
      } else {
        downloadBlob(await fetchAttachment(attachment.id), attachment.fileName);
      }
    } catch {
      setNotice({ kind: 'problem', text: t('attachments.openFailed', { name: attachment.fileName }) });
    }
  }

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    void attach(Array.from(event.dataTransfer.files));
  };
  const onDragOver = (event: DragEvent) => {
    // Only files can be dropped here; text or links dragged from the page are not accepted.
    if (!event.dataTransfer.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  };

  return (
    <section aria-labelledby={headingId} data-testid={`attachments-${ownerType}`}>
      {!labelledBy && (
        <Typography variant="h5" component="h2" id={headingId} sx={{ mt: 4, mb: 1 }}>
          {t('attachments.heading')}
        </Typography>
      )}
      <ErrorAlert error={attachments.error} />
      <input
        ref={picker}
        type="file"
        multiple
        hidden
        tabIndex={-1}
        aria-hidden="true"
        data-testid="attachment-picker"
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          e.target.value = ''; // so that picking the same file again fires a change
          void attach(files);
        }}
      />
      <Button
        variant="outlined"
        fullWidth
        aria-busy={busy}
        startIcon={<AttachFileIcon />}
        onClick={() => picker.current?.click()}
        onDragOver={onDragOver}
        onDragEnter={onDragOver}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        aria-describedby={limitId}
        data-dragging={dragging || undefined}
        sx={{ py: 3, borderStyle: 'dashed', borderWidth: 2, '&:hover, &[data-dragging]': { borderStyle: 'dashed', borderWidth: 2 }, '&[data-dragging]': { bgcolor: 'action.hover' } }}
      >
        {dragging ? t('attachments.dropNow') : t('attachments.dropZone')}
      </Button>
      <Typography id={limitId} variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
        {t('attachments.limit', { size: maxSize })}
      </Typography>
      <Box role="status" className={notice?.kind === 'status' ? undefined : 'visually-hidden'} sx={{ mt: 1 }}>
        {notice?.kind === 'status' && <Typography variant="body2">{notice.text}</Typography>}
      </Box>
      {notice?.kind === 'problem' && (
        <Alert severity="error" role="alert" sx={{ mt: 1 }} onClose={() => setNotice(null)}>
          {notice.text}
        </Alert>
      )}
      {attachments.data?.length === 0 && (
        <Typography color="text.secondary" sx={{ mt: 1 }}>
          {t('attachments.empty')}
        </Typography>
      )}
      <List dense aria-labelledby={headingId}>
        {attachments.data?.map((a) => (
          <ListItem
            key={a.id}
            disableGutters
            secondaryAction={
              <>
                {a.available && (
                  <IconButton aria-label={t(canOpen ? 'attachments.open' : 'attachments.download', { name: a.fileName })} onClick={() => void openOrDownload(a)}>
                    {canOpen ? <OpenInNewIcon /> : <DownloadIcon />}
                  </IconButton>
                )}
                <IconButton aria-label={t('attachments.remove', { name: a.fileName })} onClick={() => setRemoving(a)}>
                  <DeleteIcon />
                </IconButton>
              </>
            }
          >
            <Box sx={{ width: 48, height: 48, mr: 2, flexShrink: 0, display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
              {a.available && !canOpen ? <AttachmentThumbnail attachment={a} /> : a.available ? <InsertDriveFileIcon color="action" /> : <WarningIcon color="warning" />}
            </Box>
            <ListItemText
              primary={<span dir="auto">{a.fileName}</span>}
              secondary={
                a.available
                  ? t('attachments.details', { size: formatFileSize(a.size, format.locale), kind: t(`attachments.kind.${attachmentKind(a.mediaType)}`), date: format.dateTime(a.createdAt) })
                  : t('attachments.missing')
              }
            />
          </ListItem>
        ))}
      </List>
      <ConfirmDialog
        open={removing !== null}
        title={t('attachments.removeTitle')}
        message={t(`attachments.removeMessage.${ownerType}`, { name: removing?.fileName ?? '' })}
        confirmLabel={t('attachments.removeConfirm')}
        busy={remove.isPending}
        error={<ErrorAlert error={remove.error} />}
        onClose={() => {
          setRemoving(null);
          remove.reset();
        }}
        onConfirm={() => {
          if (!removing) return;
          const name = removing.fileName;
          remove.mutate(
            { id: removing.id },
            {
              onSuccess: () => {
                setRemoving(null);
                setNotice({ kind: 'status', text: t('attachments.removed', { name }) });
              },
            },
          );
        }}
      />
    </section>
  );
}
