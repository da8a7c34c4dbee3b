import AddIcon from '@mui/icons-material/Add';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { campaignPhase, type Campaign } from '../../../../electron/shared/domain/ideas';
import { useApiMutation } from '../../api/hooks';
import { ChoiceField } from '../../components/ChoiceField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSubmit } from '../../components/use-submit';

/** Adds an idea to the bank, to a challenge, or to one of its campaigns taking ideas today. */
export function AddIdeaForm({ challengeId, campaigns = [] }: { challengeId?: string; campaigns?: Campaign[] }) {
  const { t } = useTranslation();
  const create = useApiMutation('ideas.create');
  const { run, failure, fieldProps } = useSubmit();
  const today = new Date().toISOString().slice(0, 10);
  const open = campaigns.filter((c) => campaignPhase(c, today) === 'open');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [authorName, setAuthorName] = useState('');
  const [campaignId, setCampaignId] = useState('');
  return (
    <Stack
      component="form"
      noValidate
      spacing={2}
      aria-label={t('ideas.add')}
      onSubmit={(e) => {
        e.preventDefault();
        void run(() => create.mutateAsync({ title, description, authorName, challengeId: challengeId ?? null, campaignId: campaignId || null })).then((saved) => {
          if (!saved) return;
          setTitle('');
          setDescription('');
        });
      }}
      sx={{ mt: 2 }}
    >
      <ErrorAlert error={failure} />
      <TextField label={t('ideas.field.title')} value={title} onChange={(e) => setTitle(e.target.value)} required {...fieldProps('title')} slotProps={{ htmlInput: { dir: 'auto' } }} />
      <TextField label={t('ideas.field.description')} value={description} onChange={(e) => setDescription(e.target.value)} multiline minRows={2} {...fieldProps('description')} slotProps={{ htmlInput: { dir: 'auto' } }} />
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <TextField label={t('ideas.field.authorName')} value={authorName} onChange={(e) => setAuthorName(e.target.value)} sx={{ flex: 1 }} slotProps={{ htmlInput: { dir: 'auto' } }} />
        {open.length > 0 && (
          <ChoiceField<string>
            label={t('ideas.field.campaign')}
            value={campaignId}
            choices={open.map((c) => ({ value: c.id, label: c.title, userText: true }))}
            onChange={setCampaignId}
            emptyLabel={t('ideas.noCampaign')}
            sx={{ flex: 1 }}
          />
        )}
      </Stack>
      <Button type="submit" variant="outlined" startIcon={<AddIcon />} disabled={create.isPending} sx={{ alignSelf: 'flex-start' }}>
        {t('ideas.add')}
      </Button>
    </Stack>
  );
}
