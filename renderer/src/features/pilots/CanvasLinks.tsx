import LinkOffIcon from '@mui/icons-material/LinkOff';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PilotDetail } from '../../../../electron/shared/domain/pilots';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { hrefFor } from '../../app/router';
import { ChoiceField } from '../../components/ChoiceField';
import { ErrorAlert } from '../../components/ErrorAlert';

/**
 * The charter's linked canvases (its theory of change, an experiment card …): each opens the canvas.
 * Canvases of the pilot's project and stand-alone ones can be linked.
 */
export function CanvasLinks({ detail }: { detail: PilotDetail }) {
  const { t } = useTranslation();
  const { pilot, canvases: linked } = detail;
  const all = useApiQuery('canvases.list', {});
  const link = useApiMutation('pilots.linkCanvas');
  const unlink = useApiMutation('pilots.unlinkCanvas');
  const [choice, setChoice] = useState('');
  const linkable = (all.data ?? [])
    .filter((c) => (c.projectId === null || c.projectId === pilot.projectId) && !linked.some((l) => l.canvasId === c.id))
    .sort((a, b) => a.title.localeCompare(b.title));
  return (
    <section aria-labelledby="pilot-canvases">
      <Typography id="pilot-canvases" variant="h6" component="h3" sx={{ mt: 3 }}>
        {t('pilot.canvases.heading')}
      </Typography>
      <ErrorAlert error={all.error ?? link.error ?? unlink.error} />
      {linked.length === 0 ? (
        <Typography color="text.secondary">{t('pilot.canvases.none')}</Typography>
      ) : (
        <List dense aria-labelledby="pilot-canvases">
          {linked.map((c) => (
            <ListItem
              key={c.canvasId}
              disableGutters
              secondaryAction={
                <IconButton aria-label={t('pilot.canvases.unlink', { title: c.title })} onClick={() => unlink.mutate({ pilotId: pilot.id, canvasId: c.canvasId })}>
                  <LinkOffIcon />
                </IconButton>
              }
            >
              <Link href={hrefFor({ name: 'canvas', id: c.canvasId })} dir="auto">
                {c.title}
              </Link>
              {c.projectId === null && (
                <Typography variant="body2" color="text.secondary" component="span" sx={{ mx: 1 }}>
                  ({t('pilot.canvases.standalone')})
                </Typography>
              )}
            </ListItem>
          ))}
        </List>
      )}
      {all.data && linkable.length === 0 && <Typography color="text.secondary">{t('pilot.canvases.noneToLink')}</Typography>}
      {linkable.length > 0 && (
        <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', mt: 1 }}>
          <ChoiceField<string>
            label={t('pilot.canvases.choose')}
            value={choice}
            choices={linkable.map((c) => ({ value: c.id, label: c.title, userText: true }))}
            onChange={setChoice}
            emptyLabel={t('pilot.canvases.pick')}
            sx={{ minWidth: 280 }}
          />
          <Button
            variant="outlined"
            disabled={!choice || link.isPending}
            onClick={() => link.mutate({ pilotId: pilot.id, canvasId: choice }, { onSuccess: () => setChoice('') })}
          >
            {t('pilot.canvases.link')}
          </Button>
        </Stack>
      )}
    </section>
  );
}
