/** One zone of the workshop canvas on a phone: its notes, the participant's own to edit, and a field to add one. */
import DeleteIcon from '@mui/icons-material/Delete';
import EditIcon from '@mui/icons-material/Edit';
import HowToVoteIcon from '@mui/icons-material/HowToVote';
import LockIcon from '@mui/icons-material/Lock';
import VisibilityOffIcon from '@mui/icons-material/VisibilityOff';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '../../../../../electron/shared/api/client';
import type { Result } from '../../../../../electron/shared/api/envelope';
import type { ParticipantView } from '../../../../../electron/shared/workshop/model';
import { withMyVotes, withNote, withoutNotes } from '../../../../../electron/shared/workshop/room-notes';

/** Runs a call and applies its answer to the page's view; true when it succeeded. */
export type Act = <T>(run: () => Promise<Result<T>>, apply: (view: ParticipantView, value: T) => ParticipantView) => Promise<boolean>;
type ViewNote = ParticipantView['notes'][number];

/**
 * One submission at a time: a second tap while the first is on its way does nothing, so a double
 * tap on a phone adds one note (or casts one vote), not two. (A ref, not state: both taps can land before a re-render.)
 */
function useOneAtATime() {
  const running = useRef(false);
  const [busy, setBusy] = useState(false);
  const once = async (work: () => Promise<void>) => {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    try {
      await work();
    } finally {
      running.current = false;
      setBusy(false);
    }
  };
  return { busy, once };
}

function NoteItem({ note, locked, vote, client, act }: { note: ViewNote; locked: boolean; vote: ParticipantView['vote']; client: ApiClient; act: Act }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<string | null>(null);
  /** The version the draft was started from: when the note changes meanwhile, its current text shows above the draft. */
  const [draftOf, setDraftOf] = useState(note.version);
  const myVotes = vote?.myVotes.filter((id) => id === note.id).length ?? 0;
  const votesLeft = vote ? vote.votesPerPerson - vote.myVotes.length : 0;
  const sending = useOneAtATime();
  const save = (event: FormEvent) => {
    event.preventDefault();
    if (editing === null || !editing.trim()) return;
    void sending.once(async () => {
      if (await act(() => client.call('participant.editNote', { id: note.id, baseVersion: note.version, text: editing }), withNote)) setEditing(null);
    });
  };
  return (
    <Paper component="li" variant="outlined" sx={{ p: 1.5, listStyle: 'none', display: 'grid', gap: 1 }} data-note={note.id}>
      {editing === null ? (
        <Typography dir="auto" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {note.text}
        </Typography>
      ) : (
        <Box component="form" onSubmit={save} sx={{ display: 'grid', gap: 1 }}>
          {note.version !== draftOf && (
            <Box role="status" sx={{ display: 'grid', gap: 0.5 }}>
              <Typography variant="body2" sx={{ fontWeight: 600 }}>
                {t('workshop.participant.nowReads')}
              </Typography>
              <Typography dir="auto" data-current-text sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {note.text}
              </Typography>
            </Box>
          )}
          <TextField label={t('workshop.participant.editNote')} value={editing} onChange={(e) => setEditing(e.target.value)} multiline autoFocus slotProps={{ htmlInput: { dir: 'auto', maxLength: 5000 } }} />
          <Box sx={{ display: 'flex', gap: 1 }}>
            <Button type="submit" variant="contained" disabled={sending.busy}>
              {t('common.save')}
            </Button>
            <Button onClick={() => setEditing(null)}>{t('common.cancel')}</Button>
          </Box>
        </Box>
      )}
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
        {note.author && (
          <Typography variant="caption" dir="auto">
            {note.author}
          </Typography>
        )}
        {note.hidden && (
          <Typography variant="caption" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5 }}>
            <VisibilityOffIcon fontSize="inherit" aria-hidden /> {t('workshop.participant.hiddenNote')}
          </Typography>
        )}
        <Box sx={{ flexGrow: 1 }} />
        {vote && (
          <>
            {myVotes > 0 && (
              <Button size="small" disabled={sending.busy} onClick={() => void sending.once(async () => {
                  await act(() => client.call('participant.unvote', { voteSessionId: vote.id, noteId: note.id }), (view, { myVotes }) => withMyVotes(view, vote.id, myVotes));
                })}>
                {t('workshop.vote.remove')}
              </Button>
            )}
            <Button
              size="small"
              variant={myVotes > 0 ? 'contained' : 'outlined'}
              startIcon={<HowToVoteIcon />}
              disabled={votesLeft === 0 || (vote.onePerNote && myVotes > 0)}
              onClick={() => void sending.once(async () => {
                  await act(() => client.call('participant.vote', { voteSessionId: vote.id, noteId: note.id }), (view, { myVotes }) => withMyVotes(view, vote.id, myVotes));
                })}
              aria-label={t('workshop.vote.forNote', { count: myVotes })}
            >
              {myVotes}
            </Button>
          </>
        )}
        {note.mine && !locked && editing === null && (
          <>
            <Button
              size="small"
              startIcon={<EditIcon />}
              onClick={() => {
                setDraftOf(note.version);
                setEditing(note.text);
              }}
            >
              {t('workshop.edit')}
            </Button>
            <Button size="small" color="error" startIcon={<DeleteIcon />} disabled={sending.busy} onClick={() => void sending.once(async () => {
                await act(() => client.call('participant.deleteNote', { id: note.id, baseVersion: note.version }), (view, { ids }) => withoutNotes(view, ids));
              })}>
              {t('common.delete')}
            </Button>
          </>
        )}
      </Box>
    </Paper>
  );
}

export function ZoneSection({ zone, notes, vote, client, act }: { zone: ParticipantView['zones'][number]; notes: ViewNote[]; vote: ParticipantView['vote']; client: ApiClient; act: Act }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const headingId = `zone-${zone.key}`;
  const sending = useOneAtATime();
  const add = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return;
    void sending.once(async () => {
      if (await act(() => client.call('participant.addNote', { zoneKey: zone.key, text }), withNote)) setText('');
    });
  };
  return (
    <Box component="section" aria-labelledby={headingId} sx={{ display: 'grid', gap: 1 }} data-zone={zone.key}>
      <Typography id={headingId} variant="h6" component="h2" sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
        {zone.title}
        {zone.locked && (
          <Typography component="span" variant="body2" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5 }}>
            <LockIcon fontSize="inherit" aria-hidden /> {t('workshop.locked')}
          </Typography>
        )}
      </Typography>
      {notes.length > 0 && (
        <Box component="ul" sx={{ m: 0, p: 0, display: 'grid', gap: 1 }}>
          {notes.map((n) => (
            <NoteItem key={n.id} note={n} locked={zone.locked} vote={vote} client={client} act={act} />
          ))}
        </Box>
      )}
      {!zone.locked && (
        <Box component="form" onSubmit={add} sx={{ display: 'flex', gap: 1, alignItems: 'flex-start' }}>
          <TextField
            size="small"
            fullWidth
            multiline
            label={t('workshop.participant.newNote', { zone: zone.title })}
            value={text}
            onChange={(e) => setText(e.target.value)}
            slotProps={{ htmlInput: { dir: 'auto', maxLength: 5000 } }}
          />
          <Button type="submit" variant="contained" disabled={sending.busy}>
            {t('workshop.add')}
          </Button>
        </Box>
      )}
    </Box>
  );
}
