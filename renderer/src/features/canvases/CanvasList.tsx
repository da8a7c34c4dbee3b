import MoreVertIcon from '@mui/icons-material/MoreVert';
import IconButton from '@mui/material/IconButton';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Canvas } from '../../../../electron/shared/canvas/model';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { hrefFor, navigate } from '../../app/router';
import { useSettings } from '../../app/settings-context';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormDialog } from '../../components/FormDialog';
import { useTemplates } from './use-templates';

type TitleDialog = { kind: 'rename' | 'duplicate'; canvas: Canvas };

function TitleForm({ dialog, onClose }: { dialog: TitleDialog; onClose(): void }) {
  const { t } = useTranslation();
  const rename = useApiMutation('canvases.update');
  const duplicate = useApiMutation('canvases.duplicate');
  const [title, setTitle] = useState(dialog.kind === 'rename' ? dialog.canvas.title : t('canvas.copyOf', { title: dialog.canvas.title }));
  const submit = () => {
    if (!title.trim()) return;
    if (dialog.kind === 'rename') rename.mutate({ id: dialog.canvas.id, patch: { title } }, { onSuccess: onClose });
    else duplicate.mutate({ id: dialog.canvas.id, title }, { onSuccess: (copy) => navigate({ name: 'canvas', id: copy.id }) });
  };
  return (
    <FormDialog
      title={dialog.kind === 'rename' ? t('canvas.rename') : t('canvas.duplicate')}
      submitLabel={dialog.kind === 'rename' ? t('common.save') : t('canvas.duplicate')}
      busy={rename.isPending || duplicate.isPending}
      maxWidth="sm"
      onClose={onClose}
      onSubmit={submit}
    >
      <ErrorAlert error={rename.error ?? duplicate.error} />
      <TextField label={t('canvas.title')} value={title} onChange={(e) => setTitle(e.target.value)} autoFocus fullWidth required sx={{ mt: 1 }} slotProps={{ htmlInput: { dir: 'auto', maxLength: 200 } }} />
    </FormDialog>
  );
}

/** Canvases (all, or one project's), each with rename, duplicate and archive. */
export function CanvasList({ projectId, includeArchived = false }: { projectId?: string; includeArchived?: boolean }) {
  const { t } = useTranslation();
  const { settings, format } = useSettings();
  const templates = useTemplates();
  const list = useApiQuery('canvases.list', { ...(projectId ? { projectId } : {}), includeArchived });
  const archive = useApiMutation('canvases.update');
  const [menu, setMenu] = useState<{ canvas: Canvas; anchor: HTMLElement } | null>(null);
  const [dialog, setDialog] = useState<TitleDialog | null>(null);
  return (
    <>
      <ErrorAlert error={list.error ?? archive.error} />
      {list.data?.length === 0 && <Typography color="text.secondary">{t('canvas.none')}</Typography>}
      <List>
        {list.data?.map((canvas) => (
          <ListItem
            key={canvas.id}
            divider
            disableGutters
            secondaryAction={
              <IconButton aria-label={t('canvas.actions', { title: canvas.title })} aria-haspopup="menu" onClick={(e) => setMenu({ canvas, anchor: e.currentTarget })}>
                <MoreVertIcon />
              </IconButton>
            }
          >
            <ListItemText
              primary={
                <Link href={hrefFor({ name: 'canvas', id: canvas.id })} dir="auto">
                  {canvas.title}
                </Link>
              }
              secondary={format.parts(
                templates.find(canvas.templateId)?.title[settings.language] ?? t('canvas.freeForm'),
                t('canvas.noteCount', { count: canvas.noteCount, formatted: format.number(canvas.noteCount) }),
                canvas.archived && t('canvas.archived'),
              )}
            />
          </ListItem>
        ))}
      </List>
      <Menu anchorEl={menu?.anchor} open={menu !== null} onClose={() => setMenu(null)}>
        <MenuItem
          onClick={() => {
            setDialog({ kind: 'rename', canvas: menu!.canvas });
            setMenu(null);
          }}
        >
          {t('canvas.rename')}
        </MenuItem>
        <MenuItem
          onClick={() => {
            setDialog({ kind: 'duplicate', canvas: menu!.canvas });
            setMenu(null);
          }}
        >
          {t('canvas.duplicate')}
        </MenuItem>
        <MenuItem
          onClick={() => {
            const { canvas } = menu!;
            setMenu(null);
            archive.mutate({ id: canvas.id, patch: { archived: !canvas.archived } });
          }}
        >
          {menu?.canvas.archived ? t('canvas.unarchive') : t('canvas.archive')}
        </MenuItem>
      </Menu>
      {dialog && <TitleForm dialog={dialog} onClose={() => setDialog(null)} />}
    </>
  );
}
