import AddIcon from '@mui/icons-material/Add';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlineOutlined';
import FileDownloadIcon from '@mui/icons-material/FileDownloadOutlined';
import Chip from '@mui/material/Chip';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
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
import { useDeferredValue, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INNOVATION_TYPES, OECD_FACETS, PROJECT_STATUSES, type Project, type ProjectListQuery } from '../../../../electron/shared/domain/project';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { hrefFor } from '../../app/router';
import { useSettings } from '../../app/settings-context';
import { ChoiceField } from '../../components/ChoiceField';
import { useSessionState } from '../../components/use-session-state';
import { downloadFile } from '../../components/download';
import { ErrorAlert } from '../../components/ErrorAlert';
import { facetKey, innovationTypeKey, pillarKey, statusKey } from '../../i18n/labels';
import { CreateProjectDialog } from './CreateProjectDialog';
import { useEvidenceChoices, useStageChoices } from './choices';
import { DeleteProjectDialog } from './DeleteProjectDialog';

const PAGE_SIZE = 50;

/** One filter per portfolio lens; '' means all. */
interface Filters {
  stage: number | '';
  status: Project['status'] | '';
  innovationType: NonNullable<Project['innovationType']> | '';
  oecdFacet: NonNullable<Project['oecdFacet']> | '';
  pillarId: string;
  ownerEntityId: string;
  evidenceLevel: number | '';
}
const NO_FILTERS: Filters = { stage: '', status: '', innovationType: '', oecdFacet: '', pillarId: '', ownerEntityId: '', evidenceLevel: '' };
const chosen = (filters: Filters) =>
  Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== '')) as Partial<{ [K in keyof Filters]: Exclude<Filters[K], ''> }>;
type Sort = NonNullable<ProjectListQuery['sort']>;

/** The portfolio as XLSX (a sheet per record type) or the projects as CSV, in the UI language. */
function ExportMenu() {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const exportFile = useApiMutation('portfolio.export');
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const save = (format: 'xlsx' | 'csv') => {
    setAnchor(null);
    exportFile.mutate({ format, language: settings.language }, { onSuccess: downloadFile });
  };
  return (
    <>
      <Button startIcon={<FileDownloadIcon />} aria-haspopup="menu" onClick={(e) => setAnchor(e.currentTarget)} disabled={exportFile.isPending}>
        {t('export.button')}
      </Button>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        <MenuItem onClick={() => save('xlsx')}>{t('export.xlsx')}</MenuItem>
        <MenuItem onClick={() => save('csv')}>{t('export.csv')}</MenuItem>
      </Menu>
      <ErrorAlert error={exportFile.error} />
    </>
  );
}

/** On an empty workspace, offers the sample lab so a new user sees the app working at once. */
function SampleLabOffer() {
  const { t } = useTranslation();
  const status = useApiQuery('lab.status', {});
  const load = useApiMutation('lab.loadSample');
  if (!status.data?.empty) return null;
  return (
    <Stack spacing={1} sx={{ alignItems: 'center', pb: 3 }}>
      <Button variant="outlined" onClick={() => load.mutate({})} disabled={load.isPending}>
        {t('lab.loadSample')}
      </Button>
      <Typography variant="body2" color="text.secondary">
        {t('lab.sampleHint')}
      </Typography>
      <ErrorAlert error={load.error} />
    </Stack>
  );
}

export function ProjectsPage() {
  const { t } = useTranslation();
  const { format } = useSettings();
  const [search, setSearch] = useSessionState('ibtikar.projects.search', '');
  const [filters, setFilters] = useSessionState<Filters>('ibtikar.projects.filters', NO_FILTERS);
  const [sort, setSort] = useSessionState<{ by: Sort; direction: 'asc' | 'desc' }>('ibtikar.projects.sort', { by: 'updated', direction: 'desc' });
  const [offset, setOffset] = useSessionState('ibtikar.projects.offset', 0);
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<Project | null>(null);
  const stageChoices = useStageChoices();
  // Typing stays responsive: the list follows the search box a moment later.
  const deferredSearch = useDeferredValue(search);

  const list = useApiQuery(
    'projects.list',
    {
      search: deferredSearch,
      ...chosen(filters),
      sort: sort.by,
      direction: sort.direction,
      limit: PAGE_SIZE,
      offset,
    },
    { placeholderData: keepPreviousData },
  );
  const total = list.data?.total ?? 0;
  // A page kept from earlier may be past the end now (projects deleted meanwhile): show the last one.
  const pastEnd = list.data !== undefined && !list.isPlaceholderData && offset > 0 && offset >= total;
  useEffect(() => {
    if (pastEnd) setOffset(Math.max(0, Math.ceil(total / PAGE_SIZE) - 1) * PAGE_SIZE);
  }, [pastEnd, total, setOffset]);
  const filtered = deferredSearch.trim() !== '' || Object.keys(chosen(filters)).length > 0;
  const pillars = useApiQuery('pillars.list', {});
  const entities = useApiQuery('entities.list', {});
  const evidenceChoices = useEvidenceChoices();
  const filter = <K extends keyof Filters>(key: K) => (value: Filters[K]) => {
    setFilters((f) => ({ ...f, [key]: value }));
    setOffset(0);
  };

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
        <Stack direction="row" spacing={1}>
          <ExportMenu />
          <Button variant="contained" startIcon={<AddIcon />} onClick={() => setCreating(true)}>
            {t('projects.new')}
          </Button>
        </Stack>
      </Stack>

      <Box role="search" aria-label={t('projects.filters')} sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr', md: 'repeat(3, 1fr)', lg: 'repeat(4, 1fr)' }, gap: 2, mb: 2 }}>
        <TextField
          label={t('projects.search')}
          type="search"
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            setOffset(0);
          }}
          slotProps={{ htmlInput: { dir: 'auto' } }}
        />
        <ChoiceField label={t('project.field.stage')} value={filters.stage} choices={stageChoices} onChange={(v) => filter('stage')(v === '' ? '' : Number(v))} emptyLabel={t('projects.filter.allStages')} />
        <ChoiceField<Project['status']>
          label={t('project.field.status')}
          value={filters.status}
          choices={PROJECT_STATUSES.map((v) => ({ value: v, label: t(statusKey(v)) }))}
          onChange={filter('status')}
          emptyLabel={t('projects.filter.allStatuses')}
        />
        <ChoiceField<NonNullable<Project['innovationType']>>
          label={t('project.field.innovationType')}
          value={filters.innovationType}
          choices={INNOVATION_TYPES.map((v) => ({ value: v, label: t(innovationTypeKey(v)) }))}
          onChange={filter('innovationType')}
          emptyLabel={t('projects.filter.allTypes')}
        />
        <ChoiceField<NonNullable<Project['oecdFacet']>>
          label={t('project.field.oecdFacet')}
          value={filters.oecdFacet}
          choices={OECD_FACETS.map((v) => ({ value: v, label: t(facetKey(v)) }))}
          onChange={filter('oecdFacet')}
          emptyLabel={t('projects.filter.allFacets')}
        />
        <ChoiceField<string>
          label={t('project.field.pillarIds')}
          value={filters.pillarId}
          choices={(pillars.data ?? []).map((p) => (p.key ? { value: p.id, label: t(pillarKey(p.key)) } : { value: p.id, label: p.label ?? '', userText: true }))}
          onChange={filter('pillarId')}
          emptyLabel={t('projects.filter.allPillars')}
        />
        <ChoiceField<string>
          label={t('project.field.ownerEntityId')}
          value={filters.ownerEntityId}
          choices={(entities.data ?? []).map((e) => ({ value: e.id, label: e.name, userText: true }))}
          onChange={filter('ownerEntityId')}
          emptyLabel={t('projects.filter.allEntities')}
        />
        <ChoiceField
          label={t('project.field.evidenceLevel')}
          value={filters.evidenceLevel}
          choices={evidenceChoices}
          onChange={(v) => filter('evidenceLevel')(v === '' ? '' : Number(v))}
          emptyLabel={t('projects.filter.allEvidence')}
        />
      </Box>

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
                  {/* Beside the lab's own record of the same project, a copy would otherwise look the same. */}
                  {project.origin && <Chip size="small" variant="outlined" label={t('projects.importedCopy')} sx={{ marginInlineStart: 1 }} />}
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
                  {!filtered && <SampleLabOffer />}
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

      {creating && <CreateProjectDialog onClose={() => setCreating(false)} />}
      <DeleteProjectDialog project={deleting} onClose={() => setDeleting(null)} />
    </Box>
  );
}
