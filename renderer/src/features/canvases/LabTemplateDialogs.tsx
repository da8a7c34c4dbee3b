import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputIssue } from '../../../../electron/shared/api/envelope';
import type { CanvasTemplate } from '../../../../electron/shared/canvas/template';
import { LANGUAGES, type Language } from '../../../../electron/shared/domain/settings';
import { ApiCallError, useApiMutation } from '../../api/hooks';
import { useSettings } from '../../app/settings-context';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormDialog } from '../../components/FormDialog';
import { validationKey } from '../../i18n/labels';

/**
 * Saves one language's texts of a lab template; a refusal keeps the dialog open with each reason
 * under its field (core changed nothing).
 */
function useTextsUpdate() {
  const update = useApiMutation('labTemplates.update');
  const { t } = useTranslation();
  const [issues, setIssues] = useState<InputIssue[]>([]);
  const [failure, setFailure] = useState<ApiCallError | null>(null);
  const save = async (input: Parameters<typeof update.mutateAsync>[0]) => {
    setIssues([]);
    setFailure(null);
    try {
      await update.mutateAsync(input);
      return true;
    } catch (e) {
      if (!(e instanceof ApiCallError)) throw e;
      setIssues(e.error.issues ?? []);
      setFailure(e.error.code === 'invalid_input' && e.error.issues?.length ? null : e);
      return false;
    }
  };
  /** TextField props for the field at `path` (e.g. ['title'] or ['zones', 2, 'hint']). */
  const fieldProps = (...path: (string | number)[]) => {
    const issue = issues.find((i) => path.every((p, n) => i.path[n] === p));
    return { error: issue !== undefined, helperText: issue && t(validationKey(issue.code), issue.params) };
  };
  // A reason shown under a field stays only until the text changes.
  const clear = () => issues.length > 0 && setIssues([]);
  return { save, busy: update.isPending, failure, fieldProps, clear };
}

/** Renames a lab template in the UI language; the other languages keep their names. */
export function RenameLabTemplateDialog({ template, onClose }: { template: CanvasTemplate; onClose(): void }) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const [name, setName] = useState(template.title[settings.language]);
  const { save, busy, failure, fieldProps, clear } = useTextsUpdate();
  return (
    <FormDialog
      title={t('canvas.labTemplate.renameTitle')}
      submitLabel={t('common.save')}
      busy={busy}
      maxWidth="sm"
      onClose={onClose}
      onSubmit={() => void save({ id: template.id, language: settings.language, title: name, zones: [] }).then((ok) => ok && onClose())}
    >
      <ErrorAlert error={failure} />
      <TextField
        label={t('canvas.labTemplate.name')}
        value={name}
        onChange={(e) => {
          clear();
          setName(e.target.value);
        }}
        autoFocus
        required
        fullWidth
        sx={{ mt: 1 }}
        slotProps={{ htmlInput: { dir: 'auto', maxLength: 500 } }}
        {...fieldProps('title')}
        helperText={fieldProps('title').helperText ?? t('canvas.labTemplate.renameHint', { language: t(`language.${settings.language}`) })}
      />
    </FormDialog>
  );
}

interface Texts {
  title: string;
  zones: { key: string; title: string; hint: string }[];
}
const textsIn = (template: CanvasTemplate, language: Language): Texts => ({
  title: template.title[language],
  zones: template.zones.map((z) => ({ key: z.key, title: z.title[language], hint: z.hint[language] })),
});

/**
 * Edits a lab template's name and its zones' titles and hints, one language at a time (templates
 * speak all four languages). Another language can be chosen once the changes are saved or undone.
 */
export function EditLabTemplateDialog({ template, onClose }: { template: CanvasTemplate; onClose(): void }) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const [language, setLanguage] = useState<Language>(settings.language);
  const [texts, setTextsNow] = useState(() => textsIn(template, settings.language));
  const { save, busy, failure, fieldProps, clear } = useTextsUpdate();
  const setTexts = (next: Texts) => {
    clear();
    setTextsNow(next);
  };
  const dirty = JSON.stringify(texts) !== JSON.stringify(textsIn(template, language));
  const setZone = (i: number, field: 'title' | 'hint', value: string) => setTexts({ ...texts, zones: texts.zones.map((z, n) => (n === i ? { ...z, [field]: value } : z)) });
  return (
    <FormDialog
      title={t('canvas.labTemplate.editTitle', { title: template.title[settings.language] })}
      submitLabel={t('common.save')}
      busy={busy || !dirty}
      onClose={onClose}
      onSubmit={() => void save({ id: template.id, language, title: texts.title, zones: texts.zones }).then((ok) => ok && onClose())}
    >
      <Stack spacing={2} sx={{ mt: 1 }}>
        <TextField
          select
          label={t('canvas.labTemplate.textsLanguage')}
          value={language}
          disabled={dirty}
          helperText={dirty ? t('canvas.labTemplate.saveFirst') : undefined}
          onChange={(e) => {
            const l = e.target.value as Language;
            setLanguage(l);
            setTexts(textsIn(template, l));
          }}
          sx={{ maxWidth: 320 }}
        >
          {LANGUAGES.map((l) => (
            <MenuItem key={l} value={l} lang={l}>
              {t(`language.${l}`)}
            </MenuItem>
          ))}
        </TextField>
        <ErrorAlert error={failure} />
        <TextField
          label={t('canvas.labTemplate.name')}
          value={texts.title}
          onChange={(e) => setTexts({ ...texts, title: e.target.value })}
          required
          fullWidth
          slotProps={{ htmlInput: { dir: 'auto', lang: language, maxLength: 500 } }}
          {...fieldProps('title')}
        />
        {texts.zones.map((zone, i) => (
          <Stack key={zone.key} component="fieldset" spacing={1.5} sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 1.5, m: 0 }}>
            <Typography component="legend" variant="subtitle2" dir="auto" sx={{ px: 0.5 }}>
              {template.zones[i].title[settings.language]}
            </Typography>
            <TextField
              label={t('canvas.labTemplate.zoneTitle')}
              value={zone.title}
              onChange={(e) => setZone(i, 'title', e.target.value)}
              required
              fullWidth
              size="small"
              slotProps={{ htmlInput: { dir: 'auto', lang: language, maxLength: 500 } }}
              {...fieldProps('zones', i, 'title')}
            />
            <TextField
              label={t('canvas.labTemplate.zoneHint')}
              value={zone.hint}
              onChange={(e) => setZone(i, 'hint', e.target.value)}
              required
              fullWidth
              multiline
              size="small"
              slotProps={{ htmlInput: { dir: 'auto', lang: language, maxLength: 500 } }}
              {...fieldProps('zones', i, 'hint')}
            />
          </Stack>
        ))}
      </Stack>
    </FormDialog>
  );
}

/**
 * Asks before deleting, saying what becomes of the canvases made from the template: core keeps a
 * template that canvases use (retired: out of the gallery), so they keep their zones and notes.
 */
export function DeleteLabTemplateDialog({ template, usedBy, onDeleted, onClose }: { template: CanvasTemplate; usedBy: number; onDeleted(): void; onClose(): void }) {
  const { t } = useTranslation();
  const { settings, format } = useSettings();
  const remove = useApiMutation('labTemplates.delete');
  const title = template.title[settings.language];
  return (
    <ConfirmDialog
      open
      title={t('canvas.labTemplate.deleteTitle')}
      message={
        <>
          <Typography component="span" dir="auto" sx={{ display: 'block', fontWeight: 600, mb: 1 }}>
            {title}
          </Typography>
          {usedBy > 0 ? t('canvas.labTemplate.deleteUsed', { count: usedBy, formatted: format.number(usedBy) }) : t('canvas.labTemplate.deleteUnused')}
        </>
      }
      confirmLabel={t('common.delete')}
      busy={remove.isPending}
      error={<ErrorAlert error={remove.error} />}
      onConfirm={() => remove.mutate({ id: template.id }, { onSuccess: onDeleted })}
      onClose={onClose}
    />
  );
}
