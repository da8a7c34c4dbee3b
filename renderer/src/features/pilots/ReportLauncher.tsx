import DescriptionIcon from '@mui/icons-material/DescriptionOutlined';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../../../../electron/shared/domain/settings';
import { hrefFor } from '../../app/router';
import { useSettings } from '../../app/settings-context';
import { ChoiceField } from '../../components/ChoiceField';
import { languageKey } from '../../i18n/labels';

/** The evaluation report in one language, or Arabic and English side by side. */
export function ReportLauncher({ pilotId }: { pilotId: string }) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const [languages, setLanguages] = useState<string>(settings.language);
  const choices = [
    ...LANGUAGES.map((l) => ({ value: l as string, label: t(languageKey(l)) })),
    { value: 'ar+en', label: t('pilot.report.bilingual') },
  ];
  return (
    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mb: 3, alignItems: { sm: 'center' } }}>
      <ChoiceField label={t('pilot.report.language')} value={languages} choices={choices} onChange={(v) => v && setLanguages(v)} sx={{ minWidth: 260 }} />
      <Button variant="contained" startIcon={<DescriptionIcon />} href={hrefFor({ name: 'pilotReport', id: pilotId, languages })}>
        {t('pilot.report.open')}
      </Button>
    </Stack>
  );
}
