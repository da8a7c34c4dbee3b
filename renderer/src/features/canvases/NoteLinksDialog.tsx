import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import InsightsIcon from '@mui/icons-material/InsightsOutlined';
import StickyNoteIcon from '@mui/icons-material/StickyNote2Outlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import IconButton from '@mui/material/IconButton';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useId, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { NoteLinkEnd, NoteLinkView } from '../../../../electron/shared/canvas/links';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { hrefFor } from '../../app/router';
import { ChoiceField } from '../../components/ChoiceField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { validationKey } from '../../i18n/labels';
import { useSettings } from '../../app/settings-context';

/** Long notes are cut for the list; the full text stays one click away on its canvas. */
const short = (text: string) => (text.length > 120 ? `${text.slice(0, 119)}…` : text);
const endText = (end: NoteLinkEnd) => (end.kind === 'note' ? short(end.text) : end.unit ? `${end.name} (${end.unit})` : end.name);

function LinkRow({ link, onRemove, busy }: { link: NoteLinkView; onRemove(): void; busy: boolean }) {
  const { t } = useTranslation();
  const { other } = link;
  const text = endText(other);
  return (
    <ListItem
      divider
      secondaryAction={
        <IconButton edge="end" aria-label={t('canvas.links.remove', { text })} disabled={busy} onClick={onRemove}>
          <DeleteIcon />
        </IconButton>
      }
    >
      <ListItemIcon sx={{ minWidth: 36 }}>{other.kind === 'note' ? <StickyNoteIcon aria-label={t('canvas.links.aNote')} /> : <InsightsIcon aria-label={t('canvas.links.aKpi')} />}</ListItemIcon>
      <ListItemText
        primary={<span dir="auto">{text}</span>}
        secondary={
          other.kind === 'note' ? (
            <>
              {t('canvas.links.onCanvas')}{' '}
              <Link href={hrefFor({ name: 'canvas', id: other.canvasId })} dir="auto">
                {other.canvasTitle}
              </Link>
            </>
          ) : (
            <>
              {t('canvas.links.ofPilot')}{' '}
              <Link href={hrefFor({ name: 'pilot', id: other.pilotId })} dir="auto">
                {other.pilotTitle}
              </Link>
            </>
          )
        }
      />
    </ListItem>
  );
}

/** Picks a note on a canvas, or a pilot KPI, and links this note to it. */
function AddLink({ noteId }: { noteId: string }) {
  const { t } = useTranslation();
  const { format } = useSettings();
  const [kind, setKind] = useState<'note' | 'kpi'>('note');
  const [canvasId, setCanvasId] = useState('');
  const [targetId, setTargetId] = useState('');
  const canvases = useApiQuery('canvases.list', {}, { enabled: kind === 'note' });
  const board = useApiQuery('canvases.get', { id: canvasId }, { enabled: kind === 'note' && canvasId !== '' });
  const kpis = useApiQuery('noteLinks.kpiChoices', {}, { enabled: kind === 'kpi' });
  const add = useApiMutation('noteLinks.add');
  const issue = add.error?.error.issues?.[0];
  const submit = () =>
    add.mutate(
      { noteId, target: kind === 'note' ? { kind: 'note', noteId: targetId } : { kind: 'kpi', kpiId: targetId } },
      { onSuccess: () => setTargetId('') },
    );
  const headingId = useId();
  return (
    <Box component="section" aria-labelledby={headingId} sx={{ mt: 2 }}>
      <Typography id={headingId} variant="subtitle1" component="h3" sx={{ mb: 1 }}>
        {t('canvas.links.add')}
      </Typography>
      <ToggleButtonGroup
        exclusive
        size="small"
        value={kind}
        aria-label={t('canvas.links.kind')}
        onChange={(_e, value: 'note' | 'kpi' | null) => {
          if (!value) return;
          setKind(value);
          setTargetId('');
          add.reset();
        }}
        sx={{ mb: 2 }}
      >
        <ToggleButton value="note">{t('canvas.links.toNote')}</ToggleButton>
        <ToggleButton value="kpi">{t('canvas.links.toKpi')}</ToggleButton>
      </ToggleButtonGroup>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1.5} sx={{ alignItems: { sm: 'flex-start' } }}>
        {kind === 'note' ? (
          <>
            <ChoiceField<string>
              label={t('canvas.links.canvas')}
              value={canvasId}
              choices={(canvases.data ?? []).map((c) => ({ value: c.id, label: c.title, userText: true }))}
              onChange={(id) => {
                setCanvasId(id);
                setTargetId('');
              }}
              sx={{ flex: 1, minWidth: 0 }}
            />
            <ChoiceField<string>
              label={t('canvas.links.note')}
              value={targetId}
              choices={(board.data?.notes ?? []).filter((n) => n.id !== noteId).map((n) => ({ value: n.id, label: short(n.text), userText: true }))}
              onChange={setTargetId}
              sx={{ flex: 1, minWidth: 0 }}
            />
          </>
        ) : (
          <ChoiceField<string>
            label={t('canvas.links.kpi')}
            value={targetId}
            choices={(kpis.data ?? []).map((k) => ({ value: k.kpiId, label: `${k.unit ? `${k.name} (${k.unit})` : k.name} — ${format.parts(k.pilotTitle, k.projectTitle)}`, userText: true }))}
            onChange={setTargetId}
            sx={{ flex: 1, minWidth: 0 }}
          />
        )}
        <Button variant="outlined" disabled={targetId === '' || add.isPending} onClick={submit} sx={{ minHeight: 40 }}>
          {t('canvas.links.addButton')}
        </Button>
      </Stack>
      {kind === 'kpi' && kpis.data?.length === 0 && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {t('canvas.links.noKpis')}
        </Typography>
      )}
      {issue ? (
        <Typography role="alert" color="error" variant="body2" sx={{ mt: 1 }}>
          {t(validationKey(issue.code), issue.params)}
        </Typography>
      ) : (
        <ErrorAlert error={add.error} />
      )}
    </Box>
  );
}

/**
 * A note's links: what it links to (another note — an assumption, an experiment — or a pilot KPI),
 * the notes that link to it, adding and removing. The dialog sits above the note editor that opened
 * it; its events stop here, so Enter or Escape inside it never saves or closes that editor.
 */
export function NoteLinksDialog({ noteId, noteText, onClose }: { noteId: string; noteText: string; onClose(): void }) {
  const { t } = useTranslation();
  const titleId = useId();
  const links = useApiQuery('noteLinks.list', { noteId });
  const remove = useApiMutation('noteLinks.remove');
  const stop = (e: SyntheticEvent) => e.stopPropagation();
  const to = (links.data ?? []).filter((l) => l.direction === 'to');
  const from = (links.data ?? []).filter((l) => l.direction === 'from');
  const rows = (list: NoteLinkView[]) => (
    <List dense disablePadding>
      {list.map((link) => (
        <LinkRow key={link.id} link={link} busy={remove.isPending} onRemove={() => remove.mutate({ id: link.id })} />
      ))}
    </List>
  );
  return (
    <span onKeyDown={stop} onSubmit={stop} onClick={stop} onPointerDown={stop} onDoubleClick={stop}>
      <Dialog open onClose={onClose} aria-labelledby={titleId} fullWidth maxWidth="sm">
        <DialogTitle id={titleId}>{t('canvas.links.title')}</DialogTitle>
        <DialogContent>
          <Typography dir="auto" color="text.secondary" sx={{ mb: 2, fontStyle: 'italic' }}>
            {short(noteText)}
          </Typography>
          <ErrorAlert error={links.error ?? remove.error} />
          <Typography variant="subtitle1" component="h3">
            {t('canvas.links.linksTo')}
          </Typography>
          {to.length > 0 ? rows(to) : <Typography color="text.secondary">{t('canvas.links.none')}</Typography>}
          {from.length > 0 && (
            <>
              <Typography variant="subtitle1" component="h3" sx={{ mt: 2 }}>
                {t('canvas.links.linkedFrom')}
              </Typography>
              {rows(from)}
            </>
          )}
          <AddLink noteId={noteId} />
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('canvas.links.close')}</Button>
        </DialogActions>
      </Dialog>
    </span>
  );
}
