import AddIcon from '@mui/icons-material/Add';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlineOutlined';
import { keepPreviousData } from '@tanstack/react-query';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TableSortLabel from '@mui/material/TableSortLabel';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PROJECT_STATUSES, type Project, type ProjectListQuery } from '../../../../electron/shared/domain/project';
import { useApiQuery } from '../../api/hooks';
import { hrefFor } from '../../app/router';
import { useSettings } from '../../app/settings-context';
import { ChoiceField } from '../../components/ChoiceField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { innovationTypeKey, statusKey } from '../../i18n/labels';
import { CreateProjectDialog } from './CreateProjectDialog';
import { useStageChoices } from './stage-choices';
import { DeleteProjectDialog } from './DeleteProjectDialog';

const PAGE_SIZE = 50;
type Sort = NonNullable<ProjectListQuery['sort']>;

export function ProjectsPage() {
  const { t } = useTranslation();
  const { format } = useSettings();
  const [search, setSearch] = useState('');
  const [stage, setStage] = useState<number | ''>('');
  const [status, setStatus] = useState<Project['status'] | ''>('');
  const [sort, setSort] = useState<{ by: Sort; direction: 'asc' | 'desc' }>({ by: 'updated', direction: 'desc' });
  const [offset, setOffset] = useState(0);
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<Project | null>(null);
  const stageChoices = useStageChoices();
  // Typing stays responsive: the list follows the search box a moment later.
  const deferredSearch = useDeferredValue(search);

  const list = useApiQuery(
    'projects.list',
    {
      search: deferredSearch,
      stage: stage === '' ? undefined : stage,
      status: status === '' ? undefined : status,
      sort: sort.by,
      direction: sort.direction,
      limit: PAGE_SIZE,
      offset,
    },
    { placeholderData: keepPreviousData },
  );
  const total = list.data?.total ?? 0;
  const filtered = deferredSearch.trim() !== '' || stage !== '' || status !== '';

  const sortBy = (by: Sort) => {
    // A second click on the same column flips the order; a new column starts in its natural order.
    setSort((s) => (s.by === by ? { by, direction: s.direction === 'asc' ? 'desc' : 'asc' } : { by, direction: by === 'updated' ? 'desc' : 'asc' }));
    setOffset(0);
  };
  const sortHeader = (by: Sort, label: string) => (
    <TableSortLabel active={sort.by === by} direction={sort.by === by ? sort.direction : 'asc'} onClick={() => sortBy(by)}>
      {label}
    </TableSortLabel>
  );
  const resetPage = <T,>(setter: (v: T) => void) => (v: T) => {
    setter(v);
    setOffset(0);
  };

  return (
    <Box>
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 2, flexWrap: 'wrap', gap: 1 }}>
        <Box>
          <Typography variant="h4" component="h1">
            {t('projects.heading')}
          </Typography>
          {list.data && (
            <Typography color="text.secondary" aria-live="polite">
              {t('projects.count', { count: total, formatted: format.number(total) })}
            </Typography>
          )}
        </Box>
        <Button variant="contained" startIcon={<AddIcon />} onClick={() => setCreating(true)}>
          {t('projects.new')}
        </Button>
      </Stack>

      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mb: 2 }} role="search">
        <TextField
          label={t('projects.search')}
          type="search"
          value={search}
          onChange={(e) => resetPage(setSearch)(e.target.value)}
          sx={{ flex: 2 }}
          slotProps={{ htmlInput: { dir: 'auto' } }}
        />
        <ChoiceField
          label={t('project.field.stage')}
          value={stage}
          choices={stageChoices}
          onChange={(v) => resetPage(setStage)(v === '' ? '' : Number(v))}
          emptyLabel={t('projects.filter.allStages')}
          sx={{ flex: 1 }}
        />
        <ChoiceField<Project['status']>
          label={t('project.field.status')}
          value={status}
          choices={PROJECT_STATUSES.map((v) => ({ value: v, label: t(statusKey(v)) }))}
          onChange={resetPage(setStatus)}
          emptyLabel={t('projects.filter.allStatuses')}
          sx={{ flex: 1 }}
        />
      </Stack>

      <ErrorAlert error={list.error} />

      <TableContainer component={Paper} variant="outlined">
        <Table aria-label={t('projects.heading')}>
          <TableHead>
            <TableRow>
              <TableCell sortDirection={sort.by === 'title' ? sort.direction : false}>{sortHeader('title', t('project.field.title'))}</TableCell>
              <TableCell sortDirection={sort.by === 'stage' ? sort.direction : false}>{sortHeader('stage', t('project.field.stage'))}</TableCell>
              <TableCell>{t('project.field.status')}</TableCell>
              <TableCell>{t('project.field.innovationType')}</TableCell>
              <TableCell sortDirection={sort.by === 'updated' ? sort.direction : false}>{sortHeader('updated', t('project.field.updatedAt'))}</TableCell>
              <TableCell>
                <span className="visually-hidden">{t('common.actions')}</span>
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {list.data?.items.map((project) => (
              <TableRow key={project.id} hover>
                <TableCell>
                  <Link href={hrefFor({ name: 'project', id: project.id })} dir="auto" underline="hover">
                    {project.title}
                  </Link>
                </TableCell>
                <TableCell>{stageChoices[project.stage - 1].label}</TableCell>
                <TableCell>{t(statusKey(project.status))}</TableCell>
                <TableCell>{project.innovationType ? t(innovationTypeKey(project.innovationType)) : '—'}</TableCell>
                <TableCell>{format.dateTime(project.updatedAt)}</TableCell>
                <TableCell align="right">
                  <IconButton aria-label={t('projects.delete.action', { title: project.title })} onClick={() => setDeleting(project)}>
                    <DeleteOutlineIcon />
                  </IconButton>
                </TableCell>
              </TableRow>
            ))}
            {list.data && list.data.items.length === 0 && (
              <TableRow>
                <TableCell colSpan={6}>
                  <Typography sx={{ py: 3, textAlign: 'center' }}>{t(filtered ? 'projects.noMatch' : 'projects.empty')}</Typography>
                </TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
      </TableContainer>

      {total > PAGE_SIZE && (
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center', justifyContent: 'flex-end', mt: 2 }}>
          <Typography>
            {t('pagination.range', {
              from: format.number(offset + 1),
              to: format.number(Math.min(offset + PAGE_SIZE, total)),
              total: format.number(total),
            })}
          </Typography>
          <Button onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))} disabled={offset === 0}>
            {t('pagination.previous')}
          </Button>
          <Button onClick={() => setOffset(offset + PAGE_SIZE)} disabled={offset + PAGE_SIZE >= total}>
            {t('pagination.next')}
          </Button>
        </Stack>
      )}

      <CreateProjectDialog open={creating} onClose={() => setCreating(false)} />
      <DeleteProjectDialog project={deleting} onClose={() => setDeleting(null)} />
    </Box>
  );
}
