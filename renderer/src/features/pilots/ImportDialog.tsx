import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import LinearProgress from '@mui/material/LinearProgress';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IMPORT_MAX_BYTES, type ImportMapping, type ImportPreview, type Kpi, type Pilot } from '../../../../electron/shared/domain/pilots';
import { useApiClient } from '../../api/api-context';
import { ApiCallError, useApiMutation } from '../../api/hooks';
import { useSettings } from '../../app/settings-context';
import { ChoiceField } from '../../components/ChoiceField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { validationKey } from '../../i18n/labels';
import { guessMapping, MAPPED_FIELDS, type MappingDraft } from './import-mapping';
import { discardImportFile, uploadImportFile } from './import-upload';

interface LoadedFile {
  name: string;
  /** The id core keeps the uploaded file under until it is imported or discarded. */
  fileId: string;
  columns: string[];
  rowCount: number;
}

/**
 * Import in four steps: choose a file (uploaded to core in chunks), map its columns, check every
 * row (errors per row, nothing written), and only then store a clean file in one go. A file that
 * is replaced or left when the dialog closes is discarded in core; an imported one core deletes.
 */
export function ImportDialog({ pilot, kpis, onClose }: { pilot: Pilot; kpis: Kpi[]; onClose(): void }) {
  const { t } = useTranslation();
  const { format } = useSettings();
  const titleId = useId();
  const client = useApiClient();
  const read = useApiMutation('pilots.readImportFile');
  const preview = useApiMutation('pilots.previewImport');
  const store = useApiMutation('pilots.importMeasurements');
  const [file, setFile] = useState<LoadedFile | null>(null);
  const [mapping, setMapping] = useState<MappingDraft | null>(null);
  const [checked, setChecked] = useState<ImportPreview | null>(null);
  const [imported, setImported] = useState<number | null>(null);
  const upload = useMutation<string, Error, File>({
    mutationFn: (chosen) => {
      if (chosen.size > IMPORT_MAX_BYTES) throw new ApiCallError({ code: 'payload_too_large', message: `${chosen.name} is larger than ${IMPORT_MAX_BYTES} bytes.` });
      return uploadImportFile(client, pilot.id, chosen);
    },
  });
  // The file core holds for this dialog, read by the cleanup when the dialog goes.
  const held = useRef<string | null>(null);
  useEffect(
    () => () => {
      if (held.current) void discardImportFile(client, held.current);
    },
    [client],
  );

  async function choose(chosen: File | undefined) {
    if (!chosen) return;
    setChecked(null);
    setImported(null);
    setFile(null);
    if (held.current) await discardImportFile(client, held.current);
    held.current = null;
    const fileId = await upload.mutateAsync(chosen);
    held.current = fileId;
    const table = await read.mutateAsync({ pilotId: pilot.id, fileId });
    setFile({ name: chosen.name, fileId, columns: table.columns, rowCount: table.rowCount });
    setMapping(guessMapping(table.columns));
  }

  const request = (m: MappingDraft) => {
    const mapped: ImportMapping = {
      kpi: m.kpiId ? null : m.kpi || null,
      kpiId: m.kpiId || null,
      group: m.group,
      period: m.period,
      value: m.value || null,
      numerator: m.numerator || null,
      denominator: m.denominator || null,
      unitId: m.unitId || null,
    };
    return { pilotId: pilot.id, fileId: file!.fileId, mapping: mapped };
  };
  const setField = (field: keyof MappingDraft, value: string) => {
    setChecked(null);
    setMapping({ ...mapping!, [field]: value });
  };
  const clean = checked !== null && checked.errors.length === 0 && checked.moreErrors === 0 && checked.validCount > 0;
  const columnChoices = (file?.columns ?? []).map((c) => ({ value: c, label: c, userText: true }));
  /** A count of rows for a message: `count` picks the plural form, `rows` is the number as the reader writes it. */
  const rows = (n: number) => ({ count: n, rows: format.number(n) });

  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} fullWidth maxWidth="md">
      <DialogTitle id={titleId}>{t('pilot.import.title')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <Typography>{t('pilot.import.intro')}</Typography>
          {/* The app's own button, in the UI language (the browser's file input speaks the browser's). */}
          <Button variant="outlined" component="label" sx={{ alignSelf: 'flex-start' }}>
            {t('pilot.import.chooseFile')}
            <input hidden type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(e) => void choose(e.target.files?.[0]).catch(() => undefined)} />
          </Button>
          {upload.isPending && <LinearProgress aria-label={t('pilot.import.uploading')} />}
          <ErrorAlert error={upload.error ?? read.error ?? preview.error ?? store.error} />
          {file && mapping && (
            <>
              <Typography>{t('pilot.import.fileRead', { name: file.name, ...rows(file.rowCount) })}</Typography>
              <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
                <ChoiceField<string> label={t('pilot.import.fixedKpi')} value={mapping.kpiId} choices={kpis.map((k) => ({ value: k.id, label: k.name, userText: true }))} onChange={(v) => setField('kpiId', v)} emptyLabel={t('pilot.import.kpiFromColumn')} sx={{ minWidth: 220 }} />
                {MAPPED_FIELDS.filter((f) => f !== 'kpi' || !mapping.kpiId).map((f) => (
                  <ChoiceField<string> key={f} label={t(`pilot.import.column.${f}`)} value={mapping[f]} choices={columnChoices} onChange={(v) => setField(f, v)} emptyLabel={t('pilot.import.notInFile')} sx={{ minWidth: 180 }} />
                ))}
              </Stack>
              <Typography variant="body2" color="text.secondary">
                {t('pilot.import.groupHint')}
              </Typography>
              <div>
                {/* A file is checked once it says, for each row, which KPI, group and period it is. */}
                <Button variant="outlined" disabled={preview.isPending || !mapping.group || !mapping.period || !(mapping.kpiId || mapping.kpi)} onClick={() => void preview.mutateAsync(request(mapping)).then(setChecked)}>
                  {t('pilot.import.check')}
                </Button>
              </div>
            </>
          )}
          {checked && (
            <>
              <Alert severity={clean ? 'success' : 'error'} role="status">
                {clean
                  ? t('pilot.import.clean', rows(checked.validCount))
                  : checked.errors.length + checked.moreErrors === 0
                    ? t('validation.empty_file')
                    : t('pilot.import.hasErrors', rows(checked.errors.length + checked.moreErrors))}
              </Alert>
              {clean && checked.replacedCount > 0 && (
                <Alert severity="warning" role="status">
                  {t('pilot.import.replaces', { rows: format.number(checked.replacedCount) })}
                </Alert>
              )}
              {checked.errors.length > 0 && (
                <Table size="small" aria-label={t('pilot.import.errors')}>
                  <TableHead>
                    <TableRow>
                      <TableCell>{t('pilot.import.line')}</TableCell>
                      <TableCell>{t('pilot.import.columnName')}</TableCell>
                      <TableCell>{t('pilot.import.problem')}</TableCell>
                      <TableCell>{t('pilot.import.found')}</TableCell>
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {checked.errors.map((e) => (
                      <TableRow key={`${e.line}-${e.column}`}>
                        <TableCell>{format.number(e.line)}</TableCell>
                        <TableCell dir="auto">{e.column}</TableCell>
                        <TableCell>{t(validationKey(e.code))}</TableCell>
                        <TableCell dir="auto">{e.text}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              )}
            </>
          )}
          {imported !== null && (
            <Alert severity="success" role="status">
              {t('pilot.import.done', rows(imported))}
            </Alert>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t(imported === null ? 'common.cancel' : 'pilot.import.close')}</Button>
        <Button
          variant="contained"
          disabled={!clean || store.isPending || imported !== null}
          onClick={() =>
            void store.mutateAsync(request(mapping!)).then((r) => {
              held.current = null; // core deleted the file with the import
              setImported(r.imported);
            })
          }
        >
          {t('pilot.import.confirm', rows(checked?.validCount ?? 0))}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
