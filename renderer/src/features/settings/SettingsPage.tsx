import FolderOpenIcon from '@mui/icons-material/FolderOpen';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { CALENDARS, LANGUAGES, NUMERALS, THEMES, type SettingsPatch } from '../../../../electron/shared/domain/settings';
import { useApiMutation, useApiQuery, useHasMethod } from '../../api/hooks';
import { useSettings } from '../../app/settings-context';
import { ChoiceField } from '../../components/ChoiceField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { BackupsSettings } from '../backups/BackupsSettings';
import { GateCriteriaSettings } from '../gates/GateCriteriaSettings';
import { ScoreCriteriaSettings } from '../ideas/ScoreCriteriaSettings';
import { calendarKey, languageKey, numeralsKey, themeKey } from '../../i18n/labels';

export function SettingsPage() {
  const { t } = useTranslation();
  const { settings, format } = useSettings();
  const update = useApiMutation('settings.update');
  const info = useApiQuery('app.info', {});
  const openFolder = useApiMutation('desktop.openDataFolder');
  const canOpenFolder = useHasMethod('desktop.openDataFolder');
  const change = (patch: SettingsPatch) => update.mutate(patch);

  return (
    <Box>
      <Typography variant="h4" component="h1" sx={{ mb: 3 }}>
        {t('settings.heading')}
      </Typography>
      <ErrorAlert error={update.error ?? info.error ?? openFolder.error} />
      <Paper variant="outlined" sx={{ p: 3, mb: 3 }}>
        <Typography variant="h6" component="h2" sx={{ mb: 2 }}>
          {t('settings.display')}
        </Typography>
        <Stack spacing={2} sx={{ maxWidth: 420 }}>
          <ChoiceField
            label={t('language.label')}
            value={settings.language}
            choices={LANGUAGES.map((v) => ({ value: v, label: t(languageKey(v)), lang: v }))}
            onChange={(language) => language && change({ language })}
          />
          <ChoiceField
            label={t('theme.label')}
            value={settings.theme}
            choices={THEMES.map((v) => ({ value: v, label: t(themeKey(v)) }))}
            onChange={(theme) => theme && change({ theme })}
          />
          <ChoiceField
            label={t('calendar.label')}
            value={settings.calendar}
            choices={CALENDARS.map((v) => ({ value: v, label: t(calendarKey(v)) }))}
            onChange={(calendar) => calendar && change({ calendar })}
          />
          <ChoiceField
            label={t('numerals.label')}
            value={settings.numerals}
            choices={NUMERALS.map((v) => ({ value: v, label: t(numeralsKey(v)) }))}
            onChange={(numerals) => numerals && change({ numerals })}
          />
          <FormControlLabel
            control={<Switch checked={settings.canvasShortcuts} onChange={(e) => change({ canvasShortcuts: e.target.checked })} />}
            label={t('settings.canvasShortcuts')}
          />
          <Typography color="text.secondary">{t('settings.example', { date: format.dateTime(new Date().toISOString()), number: format.number(1234567.5) })}</Typography>
        </Stack>
      </Paper>
      {info.data && (
        <Paper variant="outlined" sx={{ p: 3 }}>
          <Typography variant="h6" component="h2" sx={{ mb: 2 }}>
            {t('settings.data')}
          </Typography>
          <Typography>{t('settings.dataFolder')}</Typography>
          <Typography component="code" dir="ltr" sx={{ display: 'block', fontFamily: 'monospace', my: 1, overflowWrap: 'anywhere' }}>
            {info.data.dataDir}
          </Typography>
          {canOpenFolder && (
            <Button startIcon={<FolderOpenIcon />} onClick={() => openFolder.mutate({})}>
              {t('settings.openDataFolder')}
            </Button>
          )}
          <Typography color="text.secondary" sx={{ mt: 2 }}>
            {t('settings.version', { version: info.data.version, schema: format.number(info.data.schemaVersion) })}
          </Typography>
        </Paper>
      )}
      <BackupsSettings />
      <GateCriteriaSettings />
      <ScoreCriteriaSettings />
    </Box>
  );
}
