import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IDEA_STATUSES, type Idea } from '../../../../electron/shared/domain/ideas';
import { useApiQuery } from '../../api/hooks';
import { ChoiceField } from '../../components/ChoiceField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ideaStatusKey } from '../../i18n/labels';
import { AddIdeaForm } from './AddIdeaForm';
import { IdeaList } from './IdeaList';

/** Every idea in the lab, best scored first; ideas without a challenge are added here. */
export function IdeasPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<Idea['status'] | ''>('');
  const ideas = useApiQuery('ideas.list', { sort: 'score', limit: 200, ...(status ? { status } : {}) });
  return (
    <Box>
      <Typography variant="h4" component="h1" sx={{ mb: 1 }}>
        {t('ideas.heading')}
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        {t('ideas.intro')}
      </Typography>
      <ChoiceField<Idea['status']>
        label={t('ideas.field.status')}
        value={status}
        choices={IDEA_STATUSES.map((s) => ({ value: s, label: t(ideaStatusKey(s)) }))}
        onChange={setStatus}
        emptyLabel={t('ideas.allStatuses')}
        sx={{ minWidth: 240, mb: 1 }}
      />
      <ErrorAlert error={ideas.error} />
      <IdeaList ideas={ideas.data?.items} emptyText={t('ideas.empty')} />
      <Typography variant="h5" component="h2" sx={{ mt: 4 }}>
        {t('ideas.add')}
      </Typography>
      <AddIdeaForm />
    </Box>
  );
}
