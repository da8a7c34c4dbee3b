import AddIcon from '@mui/icons-material/Add';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlineOutlined';
import { keepPreviousData } from '@tanstack/react-query';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Link from '@mui/material/Link';
import MenuItem from '@mui/material/MenuItem';
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
import { PROJECT_STATUSES, STAGES, type Project, type ProjectListQuery } from '../../../../electron/shared/domain/project';
import { useApiQuery } from '../../api/hooks';
import { hrefFor } from '../../app/router';
import { useSettings } from '../../app/settings-context';
import { SHOW_EMPTY_CHOICE } from '../../components/select-props';
import { ErrorAlert } from '../../components/ErrorAlert';
import { innovationTypeKey, stageKey, statusKey } from '../../i18n/labels';
import { CreateProjectDialog } from './CreateProjectDialog';
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
        <TextField select label={t('project.field.stage')} value={stage} onChange={(e) => resetPage(setStage)(e.target.value === '' ? '' : Number(e.target.value))} sx={{ flex: 1 }} slotProps={SHOW_EMPTY_CHOICE}>
          <MenuItem value="">{t('projects.filter.allStages')}</MenuItem>
          {STAGES.map((s) => (
            <MenuItem key={s} value={s}>
              {format.number(s)} · {t(stageKey(s))}
            </MenuItem>
          ))}
        </TextField>
        <TextField select label={t('project.field.status')} value={status} onChange={(e) => resetPage(setStatus)(e.target.value as Project['status'] | '')} sx={{ flex: 1 }} slotProps={SHOW_EMPTY_CHOICE}>
          <MenuItem value="">{t('projects.filter.allStatuses')}</MenuItem>
          {PROJECT_STATUSES.map((s) => (
            <MenuItem key={s} value={s}>
              {t(statusKey(s))}
            </MenuItem>
          ))}
        </TextField>
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
                <TableCell>
                  {format.number(project.stage)} · {t(stageKey(project.stage))}
                </TableCell>
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
