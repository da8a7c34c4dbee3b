/**
 * What a workshop participant sees on their phone: join with a display name, then the workshop's one
 * canvas as a list of zones, their own notes to add, edit and delete, the vote when one runs, and the
 * facilitator's timer and presenting state — live, through the workshop server's event stream.
 */
import { CacheProvider } from '@emotion/react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Container from '@mui/material/Container';
import CssBaseline from '@mui/material/CssBaseline';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import { ThemeProvider } from '@mui/material/styles';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { createApiClient, type ApiClient } from '../../../../../electron/shared/api/client';
import type { ApiError } from '../../../../../electron/shared/api/envelope';
import { directionOf, LANGUAGES, type Language } from '../../../../../electron/shared/domain/settings';
import type { ParticipantView } from '../../../../../electron/shared/workshop/model';
import { mergeRoomNotes, type IncomingNote } from '../../../../../electron/shared/workshop/room-notes';
import { oneAtATime } from '../../../../../electron/shared/workshop/one-at-a-time';
import { saving, useHoldUnloadWhileSaving } from '../../../api/pending-saves';
import { httpTransport } from '../../../api/transports';
import { applyLanguage } from '../../../i18n/i18n';
import { cacheFor } from '../../../theme/direction-cache';
import { useAppTheme } from '../../../theme/use-app-theme';
import { Countdown } from '../countdown';
import { participantErrorKey } from '../error-key';
import { ZoneSection, type Act } from './ZoneSection';
import { forgetToken, keepLanguage, keepToken, secretFromAddress, storedToken } from './session';

function LanguagePicker({ language, onChange }: { language: Language; onChange(l: Language): void }) {
  const { t } = useTranslation();
  return (
    <TextField select size="small" label={t('language.label')} value={language} onChange={(e) => onChange(e.target.value as Language)} sx={{ minWidth: 140 }}>
      {LANGUAGES.map((l) => (
        <MenuItem key={l} value={l} lang={l}>
          {t(`language.${l}`)}
        </MenuItem>
      ))}
    </TextField>
  );
}

function JoinForm({ secret, onJoined }: { secret: string; onJoined(token: string): void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const client = useMemo(() => createApiClient(httpTransport('')), []);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return setError('validation.required');
    setBusy(true);
    const result = await client.call('participant.join', { secret, displayName: name });
    setBusy(false);
    if (result.ok) onJoined(result.value.token);
    else setError(participantErrorKey(result.error));
  };
  return (
    <Box component="form" onSubmit={submit} noValidate sx={{ display: 'grid', gap: 2 }}>
      <Typography>{t('workshop.participant.welcome')}</Typography>
      <TextField label={t('workshop.participant.displayName')} value={name} onChange={(e) => setName(e.target.value)} required autoComplete="nickname" slotProps={{ htmlInput: { dir: 'auto', maxLength: 60 } }} />
      {error && <Alert severity="error">{t(error)}</Alert>}
      <Button type="submit" variant="contained" disabled={busy}>
        {t('workshop.participant.join')}
      </Button>
    </Box>
  );
}

/**
 * The participant's copy of the workshop. The whole view (notes included) is read when the event
 * stream connects, so nothing sent while it was away is missed; after that notes arrive as they
 * change and are merged by version, and a change signal reads only the small status again.
 */
function useParticipantView(client: ApiClient, language: Language, onFailure: (error: ApiError) => void) {
  const [view, setView] = useState<ParticipantView | null>(null);
  const [ended, setEnded] = useState(false);
  const failure = useRef(onFailure);
  failure.current = onFailure;
  /** Notes that arrive while the whole view is being read, replayed on top of it in order. */
  const arriving = useRef<{ notes: IncomingNote[]; removed: string[] }[] | null>(null);

  const loadView = useMemo(
    () =>
      oneAtATime(async () => {
        arriving.current = [];
        const result = await client.call('participant.view', { language });
        const arrived = arriving.current;
        arriving.current = null;
        if (!result.ok) return failure.current(result.error);
        setView(arrived.reduce((v, d) => ({ ...v, notes: mergeRoomNotes(v.notes, d.notes, d.removed) }), result.value));
      }),
    [client, language],
  );
  const loadStatus = useMemo(
    () =>
      oneAtATime(async () => {
        const result = await client.call('participant.status', { language });
        if (!result.ok) return failure.current(result.error);
        setView((current) => current && { ...result.value, notes: current.notes });
      }),
    [client, language],
  );

  useEffect(() => {
    // At once: tells whether this tab's token still works (the stream only retries).
    void loadStatus();
    return client.onEvent((event) => {
      const type = event.type as string;
      if (type === 'ended') setEnded(true);
      else if (type === 'connected') void loadView();
      else if (type === 'changed') void loadStatus();
      else if (type === 'notes') {
        const delta = event.payload as unknown as { notes: IncomingNote[]; removed: string[] };
        if (arriving.current) arriving.current.push(delta);
        else setView((current) => current && { ...current, notes: mergeRoomNotes(current.notes, delta.notes, delta.removed) });
      }
    });
  }, [client, loadView, loadStatus]);
  return { view, ended, reload: loadView, update: setView };
}

function Workshop({ token, language, onLanguage, onEnded }: { token: string; language: Language; onLanguage(l: Language): void; onEnded(): void }) {
  const { t } = useTranslation();
  const client = useMemo(() => createApiClient(httpTransport(token)), [token]);
  const [message, setMessage] = useState<string | null>(null);
  const fail = useCallback(
    (error: ApiError) => {
      if (error.code === 'unauthorized') return onEnded();
      // A stale edit or delete: the page reads the note again and shows its current text, so no reload is asked for.
      setMessage(error.issues?.some((i) => i.code === 'stale') ? 'workshop.participant.stale' : participantErrorKey(error));
    },
    [onEnded],
  );
  const { view, ended, reload, update } = useParticipantView(client, language, fail);
  useEffect(() => {
    if (ended) onEnded();
  }, [ended, onEnded]);

  /**
   * Runs a participant call. Its answer is applied to this page's view as it is (in a room of 200
   * phones, every write followed by a read of the whole board would be 200 board reads); a refusal
   * is shown in words and the view is read again, since the refusal may mean it was out of date.
   */
  const act: Act = useCallback(
    async (run, apply) => {
      setMessage(null);
      const result = await saving(run);
      if (result.ok) {
        update((current) => current && apply(current, result.value));
        return true;
      }
      fail(result.error);
      await reload();
      return false;
    },
    [fail, reload, update],
  );

  if (!view) return <CircularProgress aria-label={t('common.loading')} sx={{ m: 4 }} />;
  const presenting = view.facilitation.presenting && view.zones.find((z) => z.key === view.facilitation.presenting);
  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      <Box sx={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', flexWrap: 'wrap', gap: 1 }}>
        <Typography variant="h5" component="h1" dir="auto">
          {view.canvasTitle}
        </Typography>
        <LanguagePicker language={language} onChange={onLanguage} />
      </Box>
      <Typography variant="body2">
        {t('workshop.participant.joinedAs')} <bdi>{view.me.displayName}</bdi>
      </Typography>
      <Countdown timer={view.facilitation.timer} serverNow={view.serverNow} />
      {view.facilitation.privateMode && <Alert severity="info">{t('workshop.participant.privateMode')}</Alert>}
      {presenting && <Alert severity="info">{t('workshop.participant.presenting', { zone: presenting.title })}</Alert>}
      {message && (
        <Alert severity="warning" role="alert">
          {t(message)}
        </Alert>
      )}
      {view.vote && (
        <Alert severity="success" data-vote-open={view.vote.id}>
          <strong dir="auto">{view.vote.title}</strong> — {t('workshop.vote.left', { count: view.vote.votesPerPerson - view.vote.myVotes.length })}
        </Alert>
      )}
      {view.results && (
        <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby="results-title">
          <Typography id="results-title" variant="h6" component="h2">
            {t('workshop.vote.resultsOf')} <bdi>{view.results.title}</bdi>
          </Typography>
          <Box component="ol" sx={{ m: 0, paddingInlineStart: 3 }} data-results>
            {view.results.results.map((r) => (
              <li key={r.noteId}>
                <span dir="auto">{r.text}</span> — {t('workshop.vote.count', { count: r.votes })}
              </li>
            ))}
          </Box>
        </Paper>
      )}
      {view.zones.map((zone) => (
        <ZoneSection key={zone.key} zone={zone} notes={view.notes.filter((n) => n.zoneKey === zone.key)} vote={view.vote} client={client} act={act} />
      ))}
    </Box>
  );
}

export function ParticipantApp({ initialLanguage }: { initialLanguage: Language }) {
  const { t } = useTranslation();
  const [language, setLanguage] = useState(initialLanguage);
  const [applied, setApplied] = useState<Language | null>(null);
  const [token, setToken] = useState(storedToken);
  const [ended, setEnded] = useState(false);
  const secret = useMemo(secretFromAddress, []);
  const direction = directionOf(language);
  const theme = useAppTheme('light', direction);
  useHoldUnloadWhileSaving();
  useLayoutEffect(() => {
    void applyLanguage(language).then(() => setApplied(language));
    keepLanguage(language);
  }, [language]);
  const end = useCallback(() => {
    forgetToken();
    setEnded(true);
  }, []);

  return (
    <CacheProvider value={cacheFor(direction)}>
      <ThemeProvider theme={theme}>
        <CssBaseline />
        <Container component="main" maxWidth="sm" sx={{ py: 2 }} data-app-ready={applied === language ? language : undefined}>
          {ended ? (
            <Alert severity="info" role="alert" data-workshop-ended>
              {t('workshop.participant.ended')}
            </Alert>
          ) : token ? (
            <Workshop token={token} language={language} onLanguage={setLanguage} onEnded={end} />
          ) : secret ? (
            <>
              <Box sx={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', mb: 2, gap: 1, flexWrap: 'wrap' }}>
                <Typography variant="h5" component="h1">
                  {t('workshop.participant.title')}
                </Typography>
                <LanguagePicker language={language} onChange={setLanguage} />
              </Box>
              <JoinForm
                secret={secret}
                onJoined={(newToken) => {
                  keepToken(newToken);
                  setToken(newToken);
                }}
              />
            </>
          ) : (
            <Alert severity="warning" role="alert">
              {t('workshop.participant.noLink')}
            </Alert>
          )}
        </Container>
      </ThemeProvider>
    </CacheProvider>
  );
}
