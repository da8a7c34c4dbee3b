import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import Typography from '@mui/material/Typography';
import { useApiQuery } from '../../api/hooks';
import { SettingsSection } from '../../components/SettingsSection';
import { groupFingerprint } from './fingerprint';
import { ExportBundleDialog } from './ExportBundleDialog';
import { ImportBundleDialog } from './ImportBundleDialog';
import { LabNameField, TrustedLabs } from './TrustSettings';

/** Sharing with other labs: export a bundle, import one (also by dropping a file onto the window). */
export function BundlesSettings() {
  const { t } = useTranslation();
  const [open, setOpen] = useState<'export' | 'import' | null>(null);
  const identity = useApiQuery('bundles.identity', {});
  return (
    <SettingsSection title={t('bundles.heading')} intro={t('bundles.intro')}>
      <LabNameField />
      {identity.data && (
        <Typography sx={{ mb: 2 }}>
          {identity.data.fingerprint ? t('bundles.fingerprint', { fingerprint: groupFingerprint(identity.data.fingerprint) }) : t('bundles.noFingerprint')}
        </Typography>
      )}
      <Stack direction="row" spacing={2}>
        <Button variant="outlined" onClick={() => setOpen('export')}>
          {t('bundles.export')}
        </Button>
        <Button variant="outlined" onClick={() => setOpen('import')}>
          {t('bundles.import')}
        </Button>
      </Stack>
      <TrustedLabs />
      {open === 'export' && <ExportBundleDialog onClose={() => setOpen(null)} />}
      {open === 'import' && <ImportBundleDialog onClose={() => setOpen(null)} />}
    </SettingsSection>
  );
}
