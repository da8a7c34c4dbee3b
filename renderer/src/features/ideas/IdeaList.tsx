import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { Idea } from '../../../../electron/shared/domain/ideas';
import { hrefFor } from '../../app/router';
import { useSettings } from '../../app/settings-context';
import { ideaStatusKey } from '../../i18n/labels';

/** Ideas ranked by their aggregated score, with how many reviewers scored them. */
export function IdeaList({ ideas, emptyText }: { ideas: Idea[] | undefined; emptyText: string }) {
  const { t } = useTranslation();
  const { format } = useSettings();
  if (ideas?.length === 0) return <Typography color="text.secondary">{emptyText}</Typography>;
  return (
    <List>
      {ideas?.map((idea) => (
        <ListItem key={idea.id} divider disableGutters>
          <ListItemText
            primary={
              <Link href={hrefFor({ name: 'idea', id: idea.id })} dir="auto">
                {idea.title}
              </Link>
            }
            secondary={[
              t(ideaStatusKey(idea.status)),
              idea.score === null
                ? t('ideas.notScored')
                : t('ideas.score', { score: format.decimal(idea.score), count: idea.reviewerCount, reviewers: format.number(idea.reviewerCount) }),
            ].join(format.separator)}
          />
        </ListItem>
      ))}
    </List>
  );
}
