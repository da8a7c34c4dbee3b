/**
 * Dot voting for the facilitator: start a vote (votes per person, optionally one per note), watch
 * how many have voted while the tally stays hidden, cast votes for people in the room, reveal, and
 * compare the ranked results of every vote on this canvas side by side.
 */
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Workshop } from '../../../../electron/shared/workshop/model';
import { useApiQuery } from '../../api/hooks';
import { useWorkshopCall, type WorkshopCall } from './use-workshop';
import { WorkshopError } from './WorkshopError';

function StartVote({ workshop }: { workshop: Workshop }) {
  const { t } = useTranslation();
  const { run, error, busy } = useWorkshopCall();
  const [title, setTitle] = useState('');
  const [votes, setVotes] = useState('3');
  const [onePerNote, setOnePerNote] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) return;
    if (await run('workshops.startVote', { workshopId: workshop.id, title, votesPerPerson: Number(votes), onePerNote })) setTitle('');
  };
  return (
    <Box component="form" onSubmit={submit} sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
      <TextField size="small" label={t('workshop.vote.question')} value={title} onChange={(e) => setTitle(e.target.value)} required slotProps={{ htmlInput: { dir: 'auto', maxLength: 200 } }} />
      <TextField size="small" type="number" label={t('workshop.vote.perPerson')} value={votes} onChange={(e) => setVotes(e.target.value)} sx={{ width: 130 }} slotProps={{ htmlInput: { min: 1, max: 20 } }} />
      <FormControlLabel control={<Checkbox checked={onePerNote} onChange={(e) => setOnePerNote(e.target.checked)} />} label={t('workshop.vote.onePerNote')} />
      <Button type="submit" variant="contained" disabled={busy || !(Number(votes) >= 1 && Number(votes) <= 20)}>
        {t('workshop.vote.start')}
      </Button>
      <WorkshopError error={error} />
    </Box>
  );
}

function OnBehalf({ voteId, notes }: { voteId: string; notes: { id: string; text: string }[] }) {
  const { t } = useTranslation();
  const { run, error, busy } = useWorkshopCall();
  const [name, setName] = useState('');
  const [noteId, setNoteId] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() && noteId) void run('workshops.voteOnBehalf', { voteSessionId: voteId, noteId, voterName: name });
  };
  return (
    <Box component="form" onSubmit={submit} sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
      <TextField size="small" label={t('workshop.vote.voterName')} value={name} onChange={(e) => setName(e.target.value)} slotProps={{ htmlInput: { dir: 'auto', maxLength: 60 } }} />
      <TextField select size="small" label={t('workshop.vote.note')} value={noteId} onChange={(e) => setNoteId(e.target.value)} sx={{ minWidth: 200, maxWidth: 320 }}>
        {notes.map((n) => (
          <MenuItem key={n.id} value={n.id} dir="auto">
            {n.text.slice(0, 80)}
          </MenuItem>
        ))}
      </TextField>
      <Button type="submit" disabled={busy || !name.trim() || !noteId}>
        {t('workshop.vote.castFor')}
      </Button>
      <WorkshopError error={error} />
    </Box>
  );
}

/** `call` is the facilitator bar's: a refused reveal is shown there. */
export function VotingPanel({ workshop, call: { run, busy } }: { workshop: Workshop; call: WorkshopCall }) {
  const { t } = useTranslation();
  const votes = useApiQuery('workshops.votes', { canvasId: workshop.canvasId });
  const board = useApiQuery('canvases.get', { id: workshop.canvasId });
  const open = votes.data?.find((v) => v.status === 'open' && v.workshopId === workshop.id);
  const revealed = votes.data?.filter((v) => v.results !== null) ?? [];
  return (
    <Box component="section" aria-labelledby="voting-title" sx={{ display: 'grid', gap: 1.5 }}>
      <Typography id="voting-title" variant="subtitle1" component="h3" sx={{ fontWeight: 700 }}>
        {t('workshop.vote.title')}
      </Typography>
      {open ? (
        <Paper variant="outlined" sx={{ p: 1.5, display: 'grid', gap: 1 }} data-vote-open={open.id}>
          <Typography>
            <bdi>{open.title}</bdi> — {t('workshop.vote.progress', { votes: open.votesCast, voters: open.voters })}
          </Typography>
          <OnBehalf voteId={open.id} notes={board.data?.notes ?? []} />
          <Box>
            <Button variant="contained" disabled={busy} onClick={() => void run('workshops.revealVote', { id: open.id })}>
              {t('workshop.vote.reveal')}
            </Button>
          </Box>
        </Paper>
      ) : (
        <StartVote workshop={workshop} />
      )}
      {revealed.length > 0 && (
        <Box sx={{ display: 'flex', gap: 2, overflowX: 'auto' }}>
          {revealed.map((v) => (
            <Paper key={v.id} variant="outlined" sx={{ p: 1.5, minWidth: 220 }} component="section" aria-label={v.title} data-results={v.id}>
              <Typography variant="subtitle2" component="h4" dir="auto">
                {v.title}
              </Typography>
              <Box component="ol" sx={{ m: 0, paddingInlineStart: 3 }}>
                {(v.results ?? []).map((r) => (
                  <li key={r.noteId}>
                    <span dir="auto">{r.text}</span> — {t('workshop.vote.count', { count: r.votes })}
                  </li>
                ))}
              </Box>
            </Paper>
          ))}
        </Box>
      )}
    </Box>
  );
}
