import LockIcon from '@mui/icons-material/Lock';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PROTOCOL_FIELDS, protocolOf, type PilotDetail } from '../../../../electron/shared/domain/pilots';
import { useApiMutation } from '../../api/hooks';
import { useSettings } from '../../app/settings-context';
import { ChangedElsewhere } from '../../components/ChangedElsewhere';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormActions } from '../../components/FormActions';
import { FormDialog } from '../../components/FormDialog';
import { useRecordForm } from '../../components/use-record-form';
import { useSubmit } from '../../components/use-submit';
import { protocolFieldKey } from '../../i18n/labels';
import { Amendments } from './Amendments';
import { PowerHelper } from './PowerHelper';
import { protocolInput, protocolValues, ProtocolFields } from './protocol-form';
import { useProtocolText } from './protocol-text';
import { Section } from './Section';

/**
 * The protocol, pre-registered: edited freely as a draft, then locked (time and SHA-256 stamped).
 * A locked protocol is shown with its amendments, and changes only through an amendment with a reason.
 */
export function ProtocolSection({ detail }: { detail: PilotDetail }) {
  const { t } = useTranslation();
  const { pilot } = detail;
  return (
    <Section title={t('pilot.protocol')}>
      {pilot.lockedAt ? <LockedProtocol detail={detail} /> : <DraftProtocol detail={detail} />}
      <PowerHelper />
    </Section>
  );
}

function DraftProtocol({ detail }: { detail: PilotDetail }) {
  const { t } = useTranslation();
  const { pilot } = detail;
  const update = useApiMutation('pilots.update');
  const lock = useApiMutation('pilots.lockProtocol');
  const { values, setValues, sendChanges, changedElsewhere } = useRecordForm(protocolValues(pilot));
  const [saved, setSaved] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const { run, failure, fieldProps } = useSubmit();
  // What the user changed here, and only that: a field someone else changed meanwhile is locked as they left it.
  const save = () => sendChanges(protocolInput, (patch) => update.mutateAsync({ id: pilot.id, patch }));
  return (
    <form
      noValidate
      aria-label={t('pilot.protocol')}
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(false);
        void run(save).then(setSaved);
      }}
    >
      <Alert severity="info" sx={{ mb: 2 }}>
        {t('pilot.draftNote')}
      </Alert>
      <ErrorAlert error={failure} />
      <ProtocolFields values={values} onChange={setValues} fieldProps={(f) => fieldProps(f)} />
      <ChangedElsewhere show={changedElsewhere} />
      <FormActions busy={update.isPending} saved={saved} />
      <Button variant="outlined" startIcon={<LockIcon />} sx={{ mt: 2 }} onClick={() => setConfirming(true)}>
        {t('pilot.lock')}
      </Button>
      <ConfirmDialog
        open={confirming}
        title={t('pilot.lock')}
        message={t('pilot.lockConfirm')}
        confirmLabel={t('pilot.lock')}
        busy={lock.isPending}
        error={<ErrorAlert error={lock.error} />}
        onClose={() => setConfirming(false)}
        onConfirm={() => void run(() => save().then(() => lock.mutateAsync({ id: pilot.id })))}
      />
    </form>
  );
}

function LockedProtocol({ detail }: { detail: PilotDetail }) {
  const { t } = useTranslation();
  const { format } = useSettings();
  const text = useProtocolText();
  const { pilot, amendments } = detail;
  const [amending, setAmending] = useState(false);
  return (
    <>
      <Alert severity="success" icon={<LockIcon />} sx={{ mb: 2 }}>
        {t('pilot.lockedOn', { date: format.dateTime(pilot.lockedAt!) })}
        <Typography variant="body2" component="span" sx={{ display: 'block', fontFamily: 'monospace', wordBreak: 'break-all' }} dir="ltr">
          SHA-256 {pilot.protocolHash}
        </Typography>
      </Alert>
      <Table size="small" aria-label={t('pilot.protocol')}>
        <TableHead>
          <TableRow>
            <TableCell>{t('pilot.protocolField')}</TableCell>
            <TableCell>{t('pilot.asLocked')}</TableCell>
            <TableCell>{t('pilot.current')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {PROTOCOL_FIELDS.map((f) => (
            <TableRow key={f}>
              <TableCell component="th" scope="row">
                {t(protocolFieldKey(f))}
              </TableCell>
              <TableCell dir="auto">{text(f, pilot.lockedProtocol![f])}</TableCell>
              <TableCell dir="auto">{text(f, pilot[f])}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Typography variant="h6" component="h3" sx={{ mt: 3 }}>
        {t('pilot.amendments')}
      </Typography>
      <Amendments amendments={amendments} t={t} format={format} />
      <Button variant="outlined" sx={{ mt: 2 }} onClick={() => setAmending(true)}>
        {t('pilot.amend')}
      </Button>
      {amending && <AmendDialog detail={detail} onClose={() => setAmending(false)} />}
    </>
  );
}

function AmendDialog({ detail, onClose }: { detail: PilotDetail; onClose(): void }) {
  const { t } = useTranslation();
  const amend = useApiMutation('pilots.amendProtocol');
  // Open while someone else amends: the fields left alone here follow the protocol as it now is.
  const { values, setValues, changesOf, changedElsewhere } = useRecordForm(protocolValues(protocolOf(detail.pilot)));
  const [reason, setReason] = useState('');
  const { run, failure, fieldProps } = useSubmit();
  return (
    <FormDialog
      title={t('pilot.amendTitle')}
      submitLabel={t('pilot.amendSubmit')}
      busy={amend.isPending}
      onClose={onClose}
      onSubmit={() => void run(() => amend.mutateAsync({ id: detail.pilot.id, reason, changes: changesOf(protocolInput) })).then((ok) => ok && onClose())}
    >
      <ErrorAlert error={failure} />
      <Stack spacing={2} sx={{ pt: 1 }}>
        <TextField label={t('pilot.field.reason')} value={reason} onChange={(e) => setReason(e.target.value)} required multiline minRows={2} {...fieldProps('reason')} slotProps={{ htmlInput: { dir: 'auto' } }} />
        <ProtocolFields values={values} onChange={setValues} fieldProps={(f) => fieldProps(f)} />
        <ChangedElsewhere show={changedElsewhere} />
      </Stack>
    </FormDialog>
  );
}
