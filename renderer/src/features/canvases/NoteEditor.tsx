import LinkIcon from '@mui/icons-material/LinkOutlined';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NOTE_COLOR_KEYS, NOTE_COLORS, NOTE_STATUSES, NOTE_TEXT_MAX, type NoteColor, type NoteStatus } from '../../../../electron/shared/canvas/model';
import { ChoiceField } from '../../components/ChoiceField';
import { noteColorKey, noteStatusKey } from '../../i18n/labels';
import { NoteLinksDialog } from './NoteLinksDialog';

/** The editor's width on the board, where it is laid out beside the note it edits. */
export const NOTE_EDITOR_WIDTH = 300;

export interface NoteDraft {
  text: string;
  color: NoteColor;
  status: NoteStatus | null;
  author: string | null;
}

/** How far to scroll so that [from, to] lies within the view's [start, start + size]; its top (or left) wins when it cannot all fit, which only a board view shorter than the editor makes happen. */
const intoView = (from: number, to: number, start: number, size: number) => (to > start + size ? Math.min(to - (start + size), from - start) : from < start ? from - start : 0);

/**
 * Writing or editing a note where it stands on the board. Enter saves (Shift+Enter starts a new
 * line), Escape cancels. Text longer than a note may hold is refused here with the limit named, and
 * again by core.
 */
export function NoteEditor({ initial, onSave, onCancel, error }: { initial: NoteDraft & { id?: string }; onSave(draft: NoteDraft): void; onCancel(): void; error?: string }) {
  const { t } = useTranslation();
  // Only the editable fields: the whole note may come in (for its id), but a save sends just these.
  const [draft, setDraft] = useState<NoteDraft>({ text: initial.text, color: initial.color, status: initial.status, author: initial.author });
  const [linksOpen, setLinksOpen] = useState(false);
  const formId = useId();
  // A paste that would pass the limit is refused whole, before the browser lays out megabytes.
  const [pasteRefused, setPasteRefused] = useState(false);
  const tooLong = draft.text.length > NOTE_TEXT_MAX || pasteRefused;
  // The editor is larger than its note and may open across an edge of the board's view: the board
  // scrolls (sideways, up or down) to show all of it. Only the board; the page stays where it is.
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    const view = form.current?.closest<HTMLElement>('[data-canvas-viewport]');
    if (!form.current || !view) return;
    const box = form.current.getBoundingClientRect();
    const area = view.getBoundingClientRect();
    view.scrollLeft += intoView(box.left, box.right, area.left + view.clientLeft, view.clientWidth);
    view.scrollTop += intoView(box.top, box.bottom, area.top + view.clientTop, view.clientHeight);
  }, []);
  const save = () => {
    if (!tooLong && draft.text.trim() !== '') onSave({ ...draft, author: draft.author?.trim() ? draft.author : null });
  };
  return (
    <Paper
      elevation={8}
      component="form"
      ref={form}
      aria-labelledby={`${formId}-label`}
      sx={{ p: 1.5, width: NOTE_EDITOR_WIDTH, bgcolor: NOTE_COLORS[draft.color].fill, color: '#1a1a1a' }}
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <Stack spacing={1.5}>
        <TextField
          id={`${formId}-text`}
          label={t('canvas.note.text')}
          slotProps={{ inputLabel: { id: `${formId}-label` }, htmlInput: { dir: 'auto' } }}
          value={draft.text}
          autoFocus
          multiline
          // A fixed height: measuring an auto-growing box would stall on pasted megabytes of text.
          rows={4}
          size="small"
          error={tooLong || Boolean(error)}
          helperText={tooLong ? t('validation.too_long', { maximum: NOTE_TEXT_MAX }) : (error ?? t('canvas.note.enterHint'))}
          onChange={(e) => {
            setPasteRefused(false);
            setDraft({ ...draft, text: e.target.value });
          }}
          onPaste={(e) => {
            const pasted = e.clipboardData.getData('text');
            if (draft.text.length + pasted.length > NOTE_TEXT_MAX) {
              e.preventDefault();
              setPasteRefused(true);
            }
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
              e.preventDefault();
              save();
            }
          }}
          sx={{ bgcolor: 'rgba(255,255,255,0.7)' }}
        />
        <TextField
          label={t('canvas.note.author')}
          size="small"
          value={draft.author ?? ''}
          slotProps={{ htmlInput: { dir: 'auto', maxLength: 200 } }}
          onChange={(e) => setDraft({ ...draft, author: e.target.value })}
          sx={{ bgcolor: 'rgba(255,255,255,0.7)' }}
        />
        {/* One above the other: side by side in a note's width, a colour's shape in brackets (the cue that is not colour) was cut off. */}
        <Stack spacing={1.5}>
          <ChoiceField
            label={t('canvas.note.color')}
            value={draft.color}
            choices={NOTE_COLOR_KEYS.map((c) => ({ value: c, label: t(noteColorKey(c)) }))}
            onChange={(color) => color && setDraft({ ...draft, color })}
            fullWidth
            sx={{ bgcolor: 'rgba(255,255,255,0.7)' }}
          />
          <ChoiceField
            label={t('canvas.note.status')}
            value={draft.status ?? ''}
            emptyLabel={t('canvas.status.none')}
            choices={NOTE_STATUSES.map((s) => ({ value: s, label: t(noteStatusKey(s)) }))}
            onChange={(status) => setDraft({ ...draft, status: status || null })}
            fullWidth
            sx={{ bgcolor: 'rgba(255,255,255,0.7)' }}
          />
        </Stack>
        <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
          {/* A saved note (one being edited, not added) can link to other notes and to pilot KPIs. */}
          {initial.id && (
            <Button startIcon={<LinkIcon />} onClick={() => setLinksOpen(true)} sx={{ color: '#1a1a1a', marginInlineEnd: 'auto' }}>
              {t('canvas.links.open')}
            </Button>
          )}
          <Button onClick={onCancel} sx={{ color: '#1a1a1a' }}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="contained" disabled={draft.text.length > NOTE_TEXT_MAX || draft.text.trim() === ''}>
            {t('common.save')}
          </Button>
        </Stack>
      </Stack>
      {linksOpen && initial.id && <NoteLinksDialog noteId={initial.id} noteText={initial.text} onClose={() => setLinksOpen(false)} />}
    </Paper>
  );
}
