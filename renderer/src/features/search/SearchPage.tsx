import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchHit } from '../../../../electron/shared/domain/search';
import { useApiQuery } from '../../api/hooks';
import { hrefFor } from '../../app/router';
import { useSettings } from '../../app/settings-context';
import { ErrorAlert } from '../../components/ErrorAlert';
import { searchKindKey } from '../../i18n/labels';

/** The passage with the matched words marked. */
function Snippet({ hit }: { hit: SearchHit }) {
  let at = 0;
  const parts = hit.highlights.map(([start, end], i) => {
    const before = hit.snippet.slice(at, start);
    at = end;
    return (
      <Fragment key={i}>
        {before}
        <mark>{hit.snippet.slice(start, end)}</mark>
      </Fragment>
    );
  });
  return (
    <span dir="auto">
      {parts}
      {hit.snippet.slice(at)}
    </span>
  );
}

export function SearchPage({ text }: { text: string }) {
  const { t } = useTranslation();
  const { format } = useSettings();
  const results = useApiQuery('search.query', { text, limit: 50 }, { enabled: text.trim() !== '' });
  return (
    <Box>
      <Typography variant="h4" component="h1" sx={{ mb: 1 }}>
        {t('search.heading')}
      </Typography>
      {text.trim() === '' ? (
        <Typography color="text.secondary">{t('search.prompt')}</Typography>
      ) : (
        results.data && (
          <div aria-live="polite">
            <Typography color="text.secondary">{t('search.count', { count: results.data.length, formatted: format.number(results.data.length), text })}</Typography>
            {results.data.length === 0 && <Typography color="text.secondary">{t('search.none')}</Typography>}
          </div>
        )
      )}
      <ErrorAlert error={results.error} />
      <List>
        {results.data?.map((hit) => (
          <ListItem key={`${hit.kind}:${hit.id}`} divider disableGutters>
            <ListItemText
              primary={
                <Link href={hrefFor({ name: hit.kind, id: hit.id })} dir="auto">
                  {hit.title}
                </Link>
              }
              secondary={
                <>
                  {t(searchKindKey(hit.kind))}
                  {format.separator}
                  <Snippet hit={hit} />
                </>
              }
            />
          </ListItem>
        ))}
      </List>
    </Box>
  );
}
