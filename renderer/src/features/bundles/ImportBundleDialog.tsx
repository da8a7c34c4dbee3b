import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import LinearProgress from '@mui/material/LinearProgress';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BundleConflict, BundlePreview, BundleSummary, ConflictChoice } from '../../../../electron/shared/domain/bundles';
import { useApiClient } from '../../api/api-context';
import { ApiCallError, useApiMutation } from '../../api/hooks';
import { saving } from '../../api/pending-saves';
import { useSettings } from '../../app/settings-context';
import { ChoiceField } from '../../components/ChoiceField';
import { BundleError } from './BundleError';
import { groupFingerprint } from './fingerprint';
import { uploadBundle } from './transfer';

type Step =
  | { name: 'choose' }
  | { name: 'uploading'; done: number; total: number }
  | { name: 'passphrase'; fileName: string; wrong: boolean; checking: boolean }
  | { name: 'preview'; preview: BundlePreview } | { name: 'applying'; preview: BundlePreview } | { name: 'summary'; summary: BundleSummary };

const conflictKey = (c: BundleConflict) => `${c.table}\u0000${c.key}`;

/** Import: a file (chosen or dropped) → what is inside and what conflicts → a choice per conflict → one transaction → a summary. */
export function ImportBundleDialog({ file: dropped, inboxFileName, onClose }: { file?: File; inboxFileName?: string; onClose(): void }) {
  const { t } = useTranslation();
  const { format } = useSettings();
  const client = useApiClient();
  const titleId = useId();
  const [step, setStep] = useState<Step>({ name: 'choose' });
  const [error, setError] = useState<Error | null>(null);
  const [forAll, setForAll] = useState<ConflictChoice>('keep');
  const [choices, setChoices] = useState<Map<string, ConflictChoice>>(new Map());
  const previewId = useRef<string | null>(null);
  const [trusted, setTrusted] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [acceptInvalid, setAcceptInvalid] = useState(false);
  const trust = useApiMutation('bundles.trust');
  // A refusal is shown above the preview; the user who pressed Import at its foot is taken to it.
  const errorShown = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) errorShown.current?.scrollIntoView({ block: 'nearest' });
  }, [error]);

  /** Previews a bundle already in core's inbox: uploaded from the browser, or handed over by the OS. */
  const preview = async (fileName: string, passphrase?: string) => {
    const result = await client.call('bundles.preview', { fileName, ...(passphrase ? { passphrase } : {}) });
    if (!result.ok) {
      // An encrypted bundle stays in the inbox until its passphrase is given.
      const code = result.error.issues?.find((i) => i.code.startsWith('bundle_'))?.code;
      if (code === 'bundle_passphrase_needed' || code === 'bundle_wrong_passphrase') {
        return setStep({ name: 'passphrase', fileName, wrong: code === 'bundle_wrong_passphrase', checking: false });
      }
      throw new ApiCallError(result.error);
    }
    previewId.current = result.value.previewId;
    setStep({ name: 'preview', preview: result.value });
  };

  const attempt = async (work: () => Promise<void>) => {
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(e as Error);
      setStep({ name: 'choose' });
    }
  };

  const open = (file: File) =>
    attempt(async () => {
      setStep({ name: 'uploading', done: 0, total: file.size });
      await preview(await uploadBundle(client, file, (done, total) => setStep({ name: 'uploading', done, total })));
    });

  useEffect(() => {
    if (dropped) void open(dropped);
    else if (inboxFileName) void attempt(() => preview(inboxFileName));
    // Only the file the dialog was opened with; later files come through the picker.
  }, [dropped, inboxFileName]);

  // A preview still open when the dialog goes (Cancel, or the screen left) is discarded, so its staging goes too.
  useEffect(
    () => () => {
      if (previewId.current) void client.call('bundles.discard', { previewId: previewId.current });
    },
    [client],
  );

  const close = () => {
    // An encrypted bundle left at its passphrase is not kept in the inbox for later.
    if (step.name === 'passphrase') void client.call('bundles.discardWaiting', { fileName: step.fileName });
    onClose();
  };

  const apply = async (preview: BundlePreview) => {
    setError(null);
    setStep({ name: 'applying', preview });
    const result = await saving(() => client.call('bundles.apply', {
      previewId: preview.previewId,
      onConflict: forAll,
      acceptInvalidSignature: preview.signature.status === 'invalid' && acceptInvalid,
      choices: [...choices].map(([key, choice]) => {
        const [table, id] = key.split('\u0000');
        return { table, key: id, choice };
      }),
    }));
    if (!result.ok) {
      setError(new ApiCallError(result.error));
      // A refused import keeps its preview in core (nothing was written): the user changes a choice and
      // tries again, or cancels. Only a preview that has ended (left alone, or core restarted) sends them back to the file.
      if (result.error.code !== 'not_found') return setStep({ name: 'preview', preview });
      previewId.current = null;
      return setStep({ name: 'choose' });
    }
    previewId.current = null;
    setStep({ name: 'summary', summary: result.value });
  };

  const choiceLabel = (c: ConflictChoice) => t(`bundles.choice.${c}`);
  const tableName = (table: string) => t(`bundles.table.${table}`);

  return (
    <Dialog open onClose={step.name === 'uploading' || step.name === 'applying' || (step.name === 'passphrase' && step.checking) ? undefined : close} aria-labelledby={titleId} fullWidth maxWidth="md">
      <DialogTitle id={titleId}>{t('bundles.importTitle')}</DialogTitle>
      <DialogContent>
        <div ref={errorShown}>
          <BundleError error={error} />
          {error && step.name === 'preview' && <Typography sx={{ mb: 2 }}>{t('bundles.refusedTryAgain')}</Typography>}
        </div>
        {step.name === 'choose' && (
          <Stack spacing={2} sx={{ alignItems: 'flex-start' }}>
            <Typography>{t('bundles.importIntro')}</Typography>
            <Button variant="outlined" component="label">
              {t('bundles.chooseFile')}
              <input hidden type="file" accept=".ibtikar" onChange={(e) => e.target.files?.[0] && void open(e.target.files[0])} />
            </Button>
          </Stack>
        )}
        {step.name === 'passphrase' && (
          <Stack
            component="form"
            spacing={2}
            sx={{ alignItems: 'flex-start' }}
            onSubmit={(e) => {
              e.preventDefault();
              setStep({ ...step, checking: true });
              void attempt(() => preview(step.fileName, passphrase));
            }}
          >
            <Typography>{t('validation.bundle_passphrase_needed')}</Typography>
            {step.wrong && (
              <Alert severity="error" role="alert">
                {t('validation.bundle_wrong_passphrase')}
              </Alert>
            )}
            <TextField
              type="password"
              autoComplete="off"
              autoFocus
              label={t('bundles.passphrase')}
              value={passphrase}
              onChange={(e) => setPassphrase(e.target.value)}
              sx={{ minWidth: 320 }}
            />
            <Button type="submit" variant="contained" disabled={!passphrase || step.checking}>
              {t('bundles.openEncrypted')}
            </Button>
            {step.checking && <LinearProgress aria-label={t('bundles.checking')} sx={{ alignSelf: 'stretch' }} />}
          </Stack>
        )}
        {step.name === 'uploading' && (
          <Stack spacing={1}>
            <Typography id={`${titleId}-upload`}>{t('bundles.checking')}</Typography>
            <LinearProgress aria-labelledby={`${titleId}-upload`} variant="determinate" value={step.total > 0 ? (100 * step.done) / step.total : 0} />
          </Stack>
        )}
        {(step.name === 'preview' || step.name === 'applying') && (
          <Stack spacing={2}>
            <Typography>
              {t('bundles.from', {
                lab: step.preview.manifest.lab.name || t('bundles.unnamedLab'),
                date: format.dateTime(step.preview.manifest.createdAt),
              })}
            </Typography>
            {step.preview.encrypted && <Typography>{t('bundles.encryptedShown')}</Typography>}
            <Typography>
              {t('bundles.classificationShown', { level: t(`bundles.classificationLevel.${step.preview.manifest.classification}`) })}
              {step.preview.manifest.author && `${format.separator}${t('bundles.author', { author: step.preview.manifest.author })}`}
            </Typography>
            {step.preview.signature.status === 'invalid' ? (
              <Alert severity="error">
                <Typography>{t('bundles.signatureInvalid')}</Typography>
                <FormControlLabel control={<Checkbox checked={acceptInvalid} onChange={(e) => setAcceptInvalid(e.target.checked)} />} label={t('bundles.acceptInvalid')} />
              </Alert>
            ) : step.preview.signature.fingerprint ? (
              <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
                <Typography>
                  {t('bundles.signedBy', {
                    lab: step.preview.manifest.lab.name || t('bundles.unnamedLab'),
                    fingerprint: groupFingerprint(step.preview.signature.fingerprint),
                  })}
                </Typography>
                {step.preview.signature.trusted || trusted ? (
                  <Typography color="success.main">{t('bundles.trusted')}</Typography>
                ) : (
                  <Button
                    onClick={() =>
                      trust.mutate(
                        { fingerprint: step.preview.signature.fingerprint!, labName: step.preview.manifest.lab.name },
                        { onSuccess: () => setTrusted(true), onError: (e) => setError(e) },
                      )
                    }
                  >
                    {t('bundles.trustSigner')}
                  </Button>
                )}
              </Stack>
            ) : (
              <Typography color="warning.main">{t('bundles.unsigned')}</Typography>
            )}
            <Table size="small" aria-label={t('bundles.contents')}>
              <TableHead>
                <TableRow>
                  <TableCell>{t('bundles.records')}</TableCell>
                  <TableCell align="right">{t('bundles.countNew')}</TableCell>
                  <TableCell align="right">{t('bundles.countSame')}</TableCell>
                  <TableCell align="right">{t('bundles.countConflicts')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {step.preview.tables
                  .filter((row) => row.incoming > 0)
                  .map((row) => (
                    <TableRow key={row.table}>
                      <TableCell>{tableName(row.table)}</TableCell>
                      <TableCell align="right">{format.number(row.new)}</TableCell>
                      <TableCell align="right">{format.number(row.same)}</TableCell>
                      <TableCell align="right">{format.number(row.conflicts)}</TableCell>
                    </TableRow>
                  ))}
              </TableBody>
            </Table>
            {step.preview.conflicts.length === 0 ? (
              <Typography>{t('bundles.noConflicts')}</Typography>
            ) : (
              <>
                <Typography variant="h6" component="h3">
                  {t('bundles.conflicts')}
                </Typography>
                <Typography color="text.secondary">{t('bundles.conflictsIntro')}</Typography>
                <ChoiceField
                  label={t('bundles.choiceForAll')}
                  value={forAll}
                  choices={(['keep', 'theirs', 'copy'] as const).map((c) => ({ value: c, label: choiceLabel(c) }))}
                  onChange={(c) => {
                    if (!c) return;
                    setForAll(c);
                    setChoices(new Map());
                  }}
                  sx={{ maxWidth: 320 }}
                />
                <List dense>
                  {step.preview.conflicts.map((c) => {
                    const label = c.label || c.key;
                    return (
                      <ListItem key={conflictKey(c)} divider disableGutters sx={{ flexWrap: 'wrap', gap: 2 }}>
                        <Stack sx={{ flexGrow: 1, minWidth: 240 }}>
                          <Typography>
                            {tableName(c.table)}: <span dir="auto">{label}</span>
                          </Typography>
                          {c.mineUpdatedAt && c.theirsUpdatedAt && (
                            <Typography variant="body2" color="text.secondary">
                              {t('bundles.changed', { mine: format.dateTime(c.mineUpdatedAt), theirs: format.dateTime(c.theirsUpdatedAt) })}
                            </Typography>
                          )}
                          {c.copiedBefore && (
                            <Typography variant="body2" color="text.secondary">
                              {t('bundles.copiedBefore')}
                            </Typography>
                          )}
                        </Stack>
                        <ChoiceField
                          label={t('bundles.choiceFor', { record: label })}
                          value={choices.get(conflictKey(c)) ?? (c.choices.includes(forAll) ? forAll : 'keep')}
                          choices={c.choices.map((choice) => ({ value: choice, label: choiceLabel(choice) }))}
                          onChange={(choice) => choice && setChoices(new Map(choices).set(conflictKey(c), choice))}
                          sx={{ minWidth: 220 }}
                        />
                      </ListItem>
                    );
                  })}
                </List>
                {step.preview.conflictsTruncated && <Typography>{t('bundles.conflictsTruncated')}</Typography>}
              </>
            )}
            {step.name === 'applying' && <LinearProgress aria-label={t('bundles.applying')} />}
          </Stack>
        )}
        {step.name === 'summary' && (
          <Stack spacing={1} role="status">
            <Typography variant="h6" component="h3">
              {t('bundles.imported')}
            </Typography>
            <Typography>
              {t('bundles.summary', {
                inserted: format.number(step.summary.inserted),
                replaced: format.number(step.summary.replaced),
                copied: format.number(step.summary.copied),
                kept: format.number(step.summary.kept),
                unchanged: format.number(step.summary.unchanged),
              })}
            </Typography>
            {step.summary.unverifiedAccepted && <Typography color="warning.main">{t('bundles.unverifiedImported')}</Typography>}
            <Typography color="text.secondary">{t('bundles.backupTaken', { fileName: step.summary.backup })}</Typography>
          </Stack>
        )}
      </DialogContent>
      <DialogActions>
        {step.name === 'summary' ? (
          <Button variant="contained" onClick={onClose}>
            {t('bundles.close')}
          </Button>
        ) : (
          <>
            <Button onClick={close} disabled={step.name === 'uploading' || step.name === 'applying'}>
              {t('common.cancel')}
            </Button>
            {(step.name === 'preview' || step.name === 'applying') && (
              <Button
                variant="contained"
                onClick={() => void apply(step.preview)}
                disabled={step.name === 'applying' || (step.preview.signature.status === 'invalid' && !acceptInvalid)}
              >
                {t('bundles.importNow')}
              </Button>
            )}
          </>
        )}
      </DialogActions>
    </Dialog>
  );
}
