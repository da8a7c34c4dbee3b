import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
} from '@dnd-kit/core';
import DragIndicatorIcon from '@mui/icons-material/DragIndicator';
import MoreVertIcon from '@mui/icons-material/MoreVert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STAGES, type Project } from '../../../../electron/shared/domain/project';
import { useApiQuery } from '../../api/hooks';
import { hrefFor } from '../../app/router';
import { useSettings } from '../../app/settings-context';
import { ErrorAlert } from '../../components/ErrorAlert';
import { evidenceKey, stageKey, statusKey } from '../../i18n/labels';
import { GateDialog, type GateRequest } from '../gates/GateDialog';
import { useStageChoices } from '../projects/choices';
import { columnKeyboardCoordinates } from './column-keyboard';

/** Cards read at first in a column or on the shelf, and added by each "Show more", up to what one read may ask for. */
const PAGE = 50;
const MOST = 500;
const OPEN_STATUSES: Project['status'][] = ['active', 'scaled'];

/** Moving a card to another stage asks for a gate decision: forward is advance, back is iterate. */
const moveRequest = (project: Project, toStage: number): GateRequest => ({ decision: toStage > project.stage ? 'advance' : 'iterate', toStage });

function ProjectCard({ project, onMove }: { project: Project; onMove(project: Project, toStage: number): void }) {
  const { t } = useTranslation();
  const { format } = useSettings();
  const stageChoices = useStageChoices();
  const [menu, setMenu] = useState<HTMLElement | null>(null);
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id: project.id, data: { project } });
  return (
    <Paper ref={setNodeRef} variant="outlined" sx={{ p: 1, opacity: isDragging ? 0.4 : 1 }} component="li">
      <Stack direction="row" spacing={0.5} sx={{ alignItems: 'flex-start' }}>
        <IconButton size="small" {...attributes} {...listeners} aria-label={t('board.drag', { title: project.title })} sx={{ cursor: 'grab' }}>
          <DragIndicatorIcon fontSize="small" />
        </IconButton>
        <Box sx={{ flex: 1, minWidth: 0, pt: 0.5 }}>
          <Link href={hrefFor({ name: 'project', id: project.id })} dir="auto" underline="hover" sx={{ overflowWrap: 'anywhere' }}>
            {project.title}
          </Link>
          <Typography variant="body2" color="text.secondary">
            {project.status === 'scaled' && `${t(statusKey(project.status))}${format.separator}`}
            {project.evidenceLevel === null ? t('evidence.notAssessed') : t('board.evidence', { level: format.number(project.evidenceLevel), meaning: t(evidenceKey(project.evidenceLevel)) })}
          </Typography>
        </Box>
        <IconButton size="small" aria-label={t('board.moveTo', { title: project.title })} aria-haspopup="menu" onClick={(e) => setMenu(e.currentTarget)}>
          <MoreVertIcon fontSize="small" />
        </IconButton>
      </Stack>
      <Menu anchorEl={menu} open={menu !== null} onClose={() => setMenu(null)}>
        {stageChoices
          .filter((c) => c.value !== project.stage)
          .map((c) => (
            <MenuItem
              key={c.value}
              onClick={() => {
                setMenu(null);
                onMove(project, c.value);
              }}
            >
              {c.label}
            </MenuItem>
          ))}
      </Menu>
    </Paper>
  );
}

/**
 * How many of a column's or the shelf's projects are not shown, and a button that shows more of them
 * (a page at a time, up to MOST; beyond that the project list, with its search and filters, is the way).
 */
function MoreProjects({ total, shown, limit, onMore }: { total: number; shown: number; limit: number; onMore(): void }) {
  const { t } = useTranslation();
  const { format } = useSettings();
  if (total <= shown) return null;
  return (
    <Box sx={{ mt: 1, px: 0.5, display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
      <Typography variant="body2">{t('board.more', { count: total - shown, formatted: format.number(total - shown) })}</Typography>
      {limit < MOST && (
        <Button size="small" onClick={onMore}>
          {t('board.showMore')}
        </Button>
      )}
    </Box>
  );
}

const useGrowingLimit = () => {
  const [limit, setLimit] = useState(PAGE);
  return { limit, more: () => setLimit((l) => Math.min(MOST, l + PAGE)) };
};

function StageColumn({ stage, cohortId, onMove }: { stage: number; cohortId?: string; onMove(project: Project, toStage: number): void }) {
  const { t } = useTranslation();
  const { format } = useSettings();
  const { setNodeRef, isOver } = useDroppable({ id: `stage-${stage}`, data: { stage } });
  const { limit, more } = useGrowingLimit();
  const list = useApiQuery('projects.list', { stage, statuses: OPEN_STATUSES, limit, ...(cohortId ? { cohortId } : {}) }, { placeholderData: keepPreviousData });
  const headingId = `stage-${stage}-heading`;
  return (
    <Paper
      ref={setNodeRef}
      component="section"
      aria-labelledby={headingId}
      variant="outlined"
      sx={{ p: 1, minWidth: 220, flex: '1 0 220px', bgcolor: isOver ? 'action.selected' : 'background.default' }}
    >
      <Typography variant="subtitle1" component="h2" id={headingId} sx={{ fontWeight: 700, px: 0.5 }}>
        {format.parts(format.number(stage), t(stageKey(stage)))}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ px: 0.5, mb: 1 }}>
        {t('projects.count', { count: list.data?.total ?? 0, formatted: format.number(list.data?.total ?? 0) })}
      </Typography>
      <ErrorAlert error={list.error} />
      <Stack component="ul" spacing={1} sx={{ listStyle: 'none', p: 0, m: 0, minHeight: 80 }}>
        {list.data?.items.map((project) => <ProjectCard key={project.id} project={project} onMove={onMove} />)}
      </Stack>
      {list.data && <MoreProjects total={list.data.total} shown={list.data.items.length} limit={limit} onMore={more} />}
    </Paper>
  );
}

/** Shelved projects wait here, out of the stages, until someone revives them at a gate. */
function Shelf({ cohortId, onRevive }: { cohortId?: string; onRevive(project: Project): void }) {
  const { t } = useTranslation();
  const { format } = useSettings();
  const { limit, more } = useGrowingLimit();
  const shelf = useApiQuery('projects.list', { status: 'shelved', limit, ...(cohortId ? { cohortId } : {}) }, { placeholderData: keepPreviousData });
  return (
    <section aria-labelledby="shelf-heading">
      <Typography variant="h5" component="h2" id="shelf-heading" sx={{ mt: 4, mb: 1 }}>
        {t('board.shelf')}
      </Typography>
      <ErrorAlert error={shelf.error} />
      {shelf.data?.items.length === 0 && <Typography color="text.secondary">{t('board.shelfEmpty')}</Typography>}
      <List>
        {shelf.data?.items.map((project) => (
          <ListItem
            key={project.id}
            divider
            disableGutters
            secondaryAction={<Button onClick={() => onRevive(project)}>{t('gate.revive')}</Button>}
          >
            <ListItemText
              primary={
                <Link href={hrefFor({ name: 'project', id: project.id })} dir="auto">
                  {project.title}
                </Link>
              }
              secondary={format.parts(format.number(project.stage), t(stageKey(project.stage)))}
            />
          </ListItem>
        ))}
      </List>
      {shelf.data && <MoreProjects total={shelf.data.total} shown={shelf.data.items.length} limit={limit} onMore={more} />}
    </section>
  );
}

/**
 * Projects by stage (the whole portfolio, or one cohort's), with the shelf beneath. Every move —
 * drag, keyboard or menu — goes through the gate dialog.
 */
export function BoardView({ cohortId }: { cohortId?: string }) {
  const { t } = useTranslation();
  const { format } = useSettings();
  const [gate, setGate] = useState<{ project: Project; request: GateRequest } | null>(null);
  const [dragged, setDragged] = useState<Project | null>(null);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: columnKeyboardCoordinates }),
  );
  const stageName = (id: string | number | undefined) => {
    const stage = Number(String(id).replace('stage-', ''));
    return format.parts(format.number(stage), t(stageKey(stage)));
  };
  const projectOf = (data: unknown) => (data as { project?: Project } | undefined)?.project;
  const titleOf = (data: unknown) => projectOf(data)?.title ?? '';
  // Said in the user's language by dnd-kit's live region while a card is moved by keyboard.
  const announcements: Announcements = {
    onDragStart: ({ active }) => t('board.dnd.lifted', { title: titleOf(active.data.current) }),
    onDragOver: ({ active, over }) => {
      if (!over) return t('board.dnd.outside');
      // Still over its own stage right after lifting: keep saying it was picked up.
      if (over.id === `stage-${projectOf(active.data.current)?.stage}`) return t('board.dnd.lifted', { title: titleOf(active.data.current) });
      return t('board.dnd.over', { title: titleOf(active.data.current), stage: stageName(over.id) });
    },
    onDragEnd: ({ active, over }) => (over ? t('board.dnd.dropped', { title: titleOf(active.data.current), stage: stageName(over.id) }) : t('board.dnd.cancelled')),
    onDragCancel: () => t('board.dnd.cancelled'),
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setDragged(null);
    const project = (active.data.current as { project: Project }).project;
    const toStage = over ? (over.data.current as { stage: number }).stage : project.stage;
    if (toStage !== project.stage) setGate({ project, request: moveRequest(project, toStage) });
  };
  const move = (project: Project, toStage: number) => setGate({ project, request: moveRequest(project, toStage) });

  return (
    <>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        {t('board.intro')}
      </Typography>
      <DndContext
        sensors={sensors}
        accessibility={{ announcements, screenReaderInstructions: { draggable: t('board.dnd.instructions') } }}
        onDragStart={({ active }) => setDragged((active.data.current as { project: Project }).project)}
        onDragCancel={() => setDragged(null)}
        onDragEnd={onDragEnd}
      >
        {/* The columns scroll sideways on a narrow window: focusable, so the keyboard can scroll them too. */}
        <Stack direction="row" spacing={1} role="region" aria-label={t('board.stages')} tabIndex={0} sx={{ overflowX: 'auto', pb: 1, alignItems: 'stretch' }}>
          {STAGES.map((stage) => (
            <StageColumn key={stage} stage={stage} cohortId={cohortId} onMove={move} />
          ))}
        </Stack>
        <DragOverlay>{dragged && <Paper sx={{ p: 1, maxWidth: 240 }} dir="auto">{dragged.title}</Paper>}</DragOverlay>
      </DndContext>
      <Shelf cohortId={cohortId} onRevive={(project) => setGate({ project, request: { decision: 'revive' } })} />
      {gate && <GateDialog project={gate.project} request={gate.request} onClose={() => setGate(null)} />}
    </>
  );
}

export function BoardPage() {
  const { t } = useTranslation();
  return (
    <Box>
      <Typography variant="h4" component="h1" sx={{ mb: 1 }}>
        {t('board.heading')}
      </Typography>
      <BoardView />
    </Box>
  );
}
