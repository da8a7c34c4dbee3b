import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import LinearProgress from '@mui/material/LinearProgress';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useDeferredValue, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CLASSIFICATIONS, type Classification } from '../../../../electron/shared/domain/bundles';
import type { Project } from '../../../../electron/shared/domain/project';
import { useApiClient } from '../../api/api-context';
import { ApiCallError, useApiMutation, useApiQuery, useHasMethod } from '../../api/hooks';
import { useSettings } from '../../app/settings-context';
import { ChoiceField } from '../../components/ChoiceField';
import { ProjectPicker } from '../../components/ProjectPicker';
import { BundleError } from './BundleError';
import { downloadBundle } from './transfer';
import { useJobProgress } from './use-job-progress';

/** Export the whole workspace or chosen projects as a bundle: progress with cancel, then a download. */
export function ExportBundleDialog({ onClose, initial = [] }: { onClose(): void; initial?: Project[] }) {
  const { t } = useTranslation();
  const { settings, format } = useSettings();
  const client = useApiClient();
  const titleId = useId();
  const [scope, setScope] = useState<'workspace' | 'projects'>(initial.length > 0 ? 'projects' : 'workspace');
  const [chosen, setChosen] = useState<Project[]>(initial);
  const [search, setSearch] = useState('');
  const [classification, setClassification] = useState<Classification>('internal');
  const [encrypt, setEncrypt] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [checkPassphrase, setCheckPassphrase] = useState(false);
  const passphraseProblem = !encrypt ? null : passphrase.length < 8 ? 'bundles.passphraseTooShort' : passphrase !== confirmation ? 'bundles.passphraseMismatch' : null;
  const [error, setError] = useState<Error | null>(null);
  /** What became of the finished export: downloaded or saved, or not saved when the user cancelled the save dialog. */
  const [done, setDone] = useState<{ text: string; kept: boolean } | null>(null);
  /** An export the desktop has not saved yet (its save dialog was cancelled or the copy failed): saved on a second try, or discarded. */
  const [unsaved, setUnsaved] = useState<string | null>(null);
  // Projects are found as the user types, so any of a large lab's can be chosen.
  const found = useApiQuery('projects.list', { search: useDeferredValue(search), limit: 50, sort: 'title', direction: 'asc' });
  const exporting = useApiMutation('bundles.export');
  const canSave = useHasMethod('desktop.saveBundle');
  const saving = useApiMutation('desktop.saveBundle');
  const cancel = useApiMutation('jobs.cancel');
  const job = useJobProgress('bundle.export', exporting.isPending);
  const cancelled = exporting.error instanceof ApiCallError && exporting.error.error.code === 'cancelled';

  const save = (fileName: string) => {
    setUnsaved(fileName);
    saving.mutate(
      { fileName },
      {
        onSuccess: (saved) => {
          if (!saved.path) return setDone({ text: t('bundles.saveCancelled'), kept: false });
          setUnsaved(null);
          setDone({ text: t('bundles.savedTo', { path: saved.path }), kept: true });
        },
      },
    );
  };
  const discardUnsaved = () => {
    if (unsaved) void client.call('bundles.discardExport', { fileName: unsaved });
    setUnsaved(null);
  };
  const close = () => {
    discardUnsaved();
    onClose();
  };

  const start = () => {
    setError(null);
    setDone(null);
    discardUnsaved();
    if (scope === 'projects' && chosen.length === 0) return setError(new ApiCallError({ code: 'invalid_input', message: '' }));
    setCheckPassphrase(true);
    if (passphraseProblem) return;
    exporting.mutate(
      {
        scope: scope === 'workspace' ? { kind: 'workspace' } : { kind: 'projects', ids: chosen.map((p) => p.id) },
        classification,
        language: settings.language,
        ...(encrypt ? { passphrase } : {}),
      },
      {
        onSuccess: (result) => {
          // The desktop saves the file where the user chooses, straight from the data folder; a browser downloads it.
          if (canSave) return save(result.fileName);
          setDone({ text: t('bundles.exported', { fileName: result.fileName }), kept: true });
          downloadBundle(client, result.fileName).catch((e: unknown) => setError(e as Error));
        },
      },
    );
  };

  return (
    <Dialog open onClose={exporting.isPending || saving.isPending ? undefined : close} aria-labelledby={titleId} fullWidth maxWidth="sm">
      <DialogTitle id={titleId}>{t('bundles.exportTitle')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <RadioGroup aria-labelledby={`${titleId}-scope`} value={scope} onChange={(e) => setScope(e.target.value as typeof scope)}>
            <FormLabel id={`${titleId}-scope`}>{t('bundles.scope')}</FormLabel>
            <FormControlLabel value="workspace" control={<Radio />} label={t('bundles.scopeWorkspace')} />
            <FormControlLabel value="projects" control={<Radio />} label={t('bundles.scopeProjects')} />
          </RadioGroup>
          {scope === 'projects' && (
            <ProjectPicker
              multiple
              label={t('bundles.projects')}
              options={found.data?.items ?? []}
              loading={found.isFetching}
              value={chosen}
              onChange={setChosen}
              search={search}
              onSearch={setSearch}
            />
          )}
          <ChoiceField
            label={t('bundles.classification')}
            value={classification}
            choices={CLASSIFICATIONS.map((c) => ({ value: c, label: t(`bundles.classificationLevel.${c}`) }))}
            onChange={(c) => c && setClassification(c)}
          />
          <Stack spacing={1}>
            <FormControlLabel control={<Checkbox checked={encrypt} onChange={(e) => setEncrypt(e.target.checked)} />} label={t('bundles.encrypt')} />
            {encrypt && (
              <>
                <Typography variant="body2" color="text.secondary">
                  {t('bundles.encryptHelp')}
                </Typography>
                <TextField
                  type="password"
                  autoComplete="new-password"
                  label={t('bundles.passphrase')}
                  value={passphrase}
                  onChange={(e) => setPassphrase(e.target.value)}
                  error={checkPassphrase && passphrase.length < 8}
                  helperText={checkPassphrase && passphrase.length < 8 ? t('bundles.passphraseTooShort') : ' '}
                />
                <TextField
                  type="password"
                  autoComplete="new-password"
                  label={t('bundles.passphraseConfirm')}
                  value={confirmation}
                  onChange={(e) => setConfirmation(e.target.value)}
                  error={checkPassphrase && passphraseProblem === 'bundles.passphraseMismatch'}
                  helperText={checkPassphrase && passphraseProblem === 'bundles.passphraseMismatch' ? t('bundles.passphraseMismatch') : ' '}
                />
              </>
            )}
          </Stack>
          {exporting.isPending && (
            <Stack spacing={1}>
              <Typography id={`${titleId}-progress`}>
                {t('bundles.exporting', { done: format.number(job?.done ?? 0), total: format.number(job?.total ?? 0) })}
              </Typography>
              <LinearProgress
                aria-labelledby={`${titleId}-progress`}
                variant={job && job.total > 0 ? 'determinate' : 'indeterminate'}
                value={job && job.total > 0 ? (100 * job.done) / job.total : undefined}
              />
            </Stack>
          )}
          {cancelled && <Typography role="status">{t('bundles.exportCancelled')}</Typography>}
          {done && (
            <Typography role="status" color={done.kept ? 'success.main' : 'text.primary'} sx={{ overflowWrap: 'anywhere' }}>
              {done.text}
            </Typography>
          )}
          {scope === 'projects' && error instanceof ApiCallError && error.error.code === 'invalid_input' ? (
            <Typography role="alert" color="error">
              {t('bundles.chooseProjects')}
            </Typography>
          ) : (
            <BundleError error={error ?? saving.error ?? (cancelled ? null : exporting.error)} />
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        {exporting.isPending ? (
          <Button onClick={() => job && cancel.mutate({ id: job.id })} disabled={!job}>
            {t('bundles.cancelExport')}
          </Button>
        ) : (
          <>
            <Button onClick={close} disabled={saving.isPending}>
              {t(done ? 'bundles.close' : 'common.cancel')}
            </Button>
            <Button variant={unsaved ? 'outlined' : 'contained'} onClick={start} disabled={saving.isPending}>
              {t('bundles.exportStart')}
            </Button>
            {unsaved && (
              <Button variant="contained" onClick={() => save(unsaved)} disabled={saving.isPending}>
                {t('bundles.saveAgain')}
              </Button>
            )}
          </>
        )}
      </DialogActions>
    </Dialog>
  );
}
