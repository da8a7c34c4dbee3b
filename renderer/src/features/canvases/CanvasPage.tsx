import AddIcon from '@mui/icons-material/Add';
import FitScreenIcon from '@mui/icons-material/FitScreen';
import RedoIcon from '@mui/icons-material/Redo';
import UndoIcon from '@mui/icons-material/Undo';
import ZoomInIcon from '@mui/icons-material/ZoomIn';
import ZoomOutIcon from '@mui/icons-material/ZoomOut';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import IconButton from '@mui/material/IconButton';
import Link from '@mui/material/Link';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { keyframes } from '@mui/material/styles';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { freeSpots, type BoardLayout } from '../../../../electron/shared/canvas/layout';
import type { Cluster, Note } from '../../../../electron/shared/canvas/model';
import { keysAfter, sortByOrder } from '../../../../electron/shared/canvas/order';
import { useApiClient } from '../../api/api-context';
import { ApiCallError, useApiQuery } from '../../api/hooks';
import { hrefFor } from '../../app/router';
import { useSettings } from '../../app/settings-context';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFocusReturn } from './use-focus-return';
import { FormDialog } from '../../components/FormDialog';
import { validationKey } from '../../i18n/labels';
import { createBoardOps, type UndoStep } from './board-ops';
import { CanvasBoard } from './CanvasBoard';
import { FREE_TARGET } from './free-target';
import type { NoteDraft } from './NoteEditor';
import { useNoteVotes } from './use-note-votes';
import { FacilitatorBar } from '../workshops/FacilitatorBar';
import { ExportMenu } from './ExportMenu';
import { NoteAttachmentsDialog } from './NoteAttachmentsDialog';
import { SaveAsTemplate } from './SaveAsTemplate';
import { useHistory } from './use-history';
import { useAnnouncer } from './use-announcer';
import { useDragPan } from './use-drag-pan';
import { useTemplates } from './use-templates';

const appear = keyframes({ to: { opacity: 1 } });

const ZOOMS = [0.25, 0.33, 0.5, 0.67, 0.8, 1, 1.25, 1.5, 2];

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/** Asks for one line of text (a cluster's label). */
function LabelDialog({ title, initial, onSave, onClose }: { title: string; initial: string; onSave(label: string): void; onClose(): void }) {
  const { t } = useTranslation();
  const [label, setLabel] = useState(initial);
  return (
    <FormDialog title={title} submitLabel={t('common.save')} busy={false} maxWidth="sm" onClose={onClose} onSubmit={() => label.trim() && onSave(label.trim())}>
      <TextField label={t('canvas.cluster.label')} value={label} onChange={(e) => setLabel(e.target.value)} autoFocus fullWidth sx={{ mt: 1 }} slotProps={{ htmlInput: { dir: 'auto', maxLength: 200 } }} />
    </FormDialog>
  );
}

export function CanvasPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const { settings, format } = useSettings();
  const client = useApiClient();
  const queryClient = useQueryClient();
  const board = useApiQuery('canvases.get', { id });
  const templates = useTemplates();
  const project = useApiQuery('projects.get', { id: board.data?.canvas.projectId ?? '' }, { enabled: Boolean(board.data?.canvas.projectId) });
  const ops = useMemo(() => createBoardOps(client, queryClient, id), [client, queryClient, id]);
  const template = templates.find(board.data?.canvas.templateId ?? null);

  const [error, setError] = useState<ApiCallError | null>(null);
  const [exportError, setExportError] = useState<Error | null>(null);
  const [editorError, setEditorError] = useState<string | undefined>();
  const { announce: setMessage, region: announcer } = useAnnouncer();
  const [zoom, setZoom] = useState(1);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [attachmentsOf, setAttachmentsOf] = useState<Note | null>(null);
  const [adding, setAdding] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  useFocusReturn(editing, adding);
  const [clusterMenu, setClusterMenu] = useState<{ cluster: Cluster; anchor: HTMLElement } | null>(null);
  const [labelDialog, setLabelDialog] = useState<{ kind: 'group' } | { kind: 'rename'; cluster: Cluster } | null>(null);
  const [moveSelected, setMoveSelected] = useState<HTMLElement | null>(null);
  const viewport = useRef<HTMLDivElement>(null);
  const pan = useDragPan(viewport);
  const layout = useRef<BoardLayout | null>(null);
  const onLayout = useCallback((l: BoardLayout) => {
    layout.current = l;
  }, []);
  // Presenting a zone in a live workshop zooms the facilitator's board to it, as the projector shows it.
  const presenting = useApiQuery('workshops.list', { canvasId: id }).data?.find((w) => w.endedAt === null)?.facilitation.presenting ?? null;
  useEffect(() => {
    const box = viewport.current;
    const zone = layout.current?.zones.find((z) => z.key === presenting);
    if (!box || !zone) return;
    setZoom(Math.max(0.1, Math.min(2, box.clientWidth / zone.rect.width, box.clientHeight / zone.rect.height)));
    // Once the new zoom is drawn, bring the zone into the board's view (the browser knows right to left).
    requestAnimationFrame(() => box.querySelector(`[data-zone="${CSS.escape(zone.key)}"]`)?.scrollIntoView({ block: 'nearest', inline: 'nearest' }));
  }, [presenting]);

  const onError = useCallback(
    (e: ApiCallError) => {
      const issue = e.error.issues?.[0];
      if ((adding || editing) && e.error.code === 'invalid_input' && issue) setEditorError(t(validationKey(issue.code), issue.params));
      else setError(e);
    },
    [adding, editing, t],
  );
  const announce = useCallback((key: string, step: UndoStep) => setMessage(t(key, { change: t(step.label) })), [t, setMessage]);
  const history = useHistory(onError, announce);
  const { record } = history;

  const votes = useNoteVotes(id);
  const zoneTitle = useCallback(
    (key: string) => (key === FREE_TARGET ? t('canvas.free.title') : (template?.zones.find((z) => z.key === key)?.title[settings.language] ?? key)),
    [template, settings.language, t],
  );
  const notes = board.data?.notes;
  const run = useCallback(
    async (change: () => Promise<UndoStep>, done?: string) => {
      setError(null);
      setEditorError(undefined);
      const ok = await record(change);
      if (ok && done) setMessage(done);
      return ok;
    },
    [record, setMessage],
  );

  /** Free notes in the layout's sense: no zone, or a zone the template does not have. */
  const isFree = useCallback((n: Note) => n.zoneKey === null || !template?.zones.some((z) => z.key === n.zoneKey), [template]);

  /**
   * Moves notes into a zone (last in it, out of any cluster) or to the free area: to `at` when a
   * drag put them there (a free note dragged within the area moves too), else to empty spots.
   */
  const moveNotes = useCallback(
    (group: Note[], target: string, at?: { x: number; y: number }) => {
      const toFree = target === FREE_TARGET;
      const moving = sortByOrder(group.filter((n) => (toFree ? at !== undefined || !isFree(n) : n.zoneKey !== target)));
      if (moving.length === 0) return;
      const ids = new Set(moving.map((n) => n.id));
      const rest = (notes ?? []).filter((n) => !ids.has(n.id));
      let patches;
      if (toFree) {
        const taken = rest.filter(isFree);
        const spots = at ? [at, ...freeSpots([...taken, at], moving.length - 1)] : freeSpots(taken, moving.length);
        patches = moving.map((note, i) => ({ note, patch: { zoneKey: null, clusterId: null, ...spots[i] } }));
      } else {
        const keys = keysAfter(sortByOrder(rest.filter((n) => n.zoneKey === target)).at(-1)?.orderIndex ?? null, moving.length);
        patches = moving.map((note, i) => ({ note, patch: { zoneKey: target, clusterId: null, x: null, y: null, orderIndex: keys[i] } }));
      }
      void run(() => ops.editNotes(patches, 'canvas.undo.move'), t('canvas.moved', { count: moving.length, zone: zoneTitle(target) }));
    },
    [notes, ops, run, t, zoneTitle, isFree],
  );

  const addNote = useCallback(
    async (target: string, draft: NoteDraft, at?: { x: number; y: number }) => {
      const place = target === FREE_TARGET ? { zoneKey: null, ...(at ?? freeSpots((notes ?? []).filter(isFree), 1)[0]) } : { zoneKey: target };
      if (await run(() => ops.addNotes([{ ...draft, ...place }]), t('canvas.added', { zone: zoneTitle(target) }))) setAdding(null);
    },
    [notes, isFree, run, ops, t, zoneTitle],
  );
  const editNote = useCallback(
    async (note: Note, draft: NoteDraft) => {
      if (await run(() => ops.editNotes([{ note, patch: draft }], 'canvas.undo.edit'), t('canvas.saved'))) setEditing(null);
    },
    [run, ops, t],
  );
  const deleteNotes = useCallback((gone: Note[]) => void run(() => ops.deleteNotes(gone), t('canvas.deleted', { count: gone.length })), [run, ops, t]);
  const toggleSelected = useCallback(
    (noteId: string) =>
      setSelected((s) => {
        const next = new Set(s);
        if (next.has(noteId)) next.delete(noteId);
        else next.add(noteId);
        return next;
      }),
    [],
  );
  const startAdding = useCallback((target: string | null) => {
    setEditorError(undefined);
    setAdding(target);
  }, []);
  const startEditing = useCallback((noteId: string | null) => {
    setEditorError(undefined);
    setEditing(noteId);
  }, []);
  const openClusterMenu = useCallback((cluster: Cluster, anchor: HTMLElement) => setClusterMenu({ cluster, anchor }), []);

  // Undo, redo and the N shortcut (when the user has not turned single-key shortcuts off). N is the
  // physical key, so it works the same with an Arabic or Russian keyboard layout active.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target)) return;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      if (mod && key === 'z' && !e.shiftKey) {
        e.preventDefault();
        void history.undo();
      } else if ((mod && key === 'y') || (mod && e.shiftKey && key === 'z')) {
        e.preventDefault();
        void history.redo();
      } else if (settings.canvasShortcuts && e.code === 'KeyN' && !mod && !e.altKey) {
        e.preventDefault();
        const place = document.activeElement?.closest<HTMLElement>('[data-zone], [data-free-area]');
        setAdding(place?.dataset.zone ?? (place || !template ? FREE_TARGET : template.zones[0].key));
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [history, settings.canvasShortcuts, template]);

  if (board.error) return <ErrorAlert error={board.error} />;
  if (!board.data || templates.loading) return <CircularProgress aria-label={t('common.loading')} />;
  const { canvas } = board.data;
  const selectedNotes = board.data.notes.filter((n) => selected.has(n.id));
  const selectedZone = selectedNotes.length > 0 && selectedNotes.every((n) => n.zoneKey === selectedNotes[0].zoneKey) ? selectedNotes[0].zoneKey : null;
  const fit = () => {
    const box = viewport.current;
    if (!box || !layout.current) return;
    // An empty free area is room to work in, not content: fitting leaves it out.
    const { width, height, free, zones } = layout.current;
    const zoned = new Set(zones.map((z) => z.key));
    const hasFree = board.data!.notes.some((n) => n.zoneKey === null || !zoned.has(n.zoneKey));
    const contentWidth = free && !hasFree && zones.length > 0 ? width - free.width : width;
    setZoom(Math.max(0.1, Math.min(2, Math.min(box.clientWidth / contentWidth, box.clientHeight / height))));
  };
  const zoomBy = (dir: 1 | -1) => setZoom((z) => (dir > 0 ? (ZOOMS.find((s) => s > z + 0.001) ?? z) : ([...ZOOMS].reverse().find((s) => s < z - 0.001) ?? z)));

  return (
    <Box>
      <Typography variant="body2" sx={{ mb: 1 }}>
        <Link href={hrefFor({ name: 'canvases' })}>{t('canvas.all')}</Link>
        {project.data && (
          <>
            {format.separator}
            <Link href={hrefFor({ name: 'project', id: project.data.id })} dir="auto">
              {project.data.title}
            </Link>
          </>
        )}
      </Typography>
      <Typography variant="h4" component="h1" dir="auto" sx={{ mb: 0.5 }}>
        {canvas.title}
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        {template ? template.title[settings.language] : t('canvas.freeForm')}
        {canvas.archived && `${format.separator}${t('canvas.archived')}`}
      </Typography>

      <FacilitatorBar canvasId={id} />
      <Paper variant="outlined" component="div" role="toolbar" aria-label={t('canvas.toolbar')} sx={{ p: 0.5, mb: 1, display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 0.5 }}>
        <Tooltip title={t('canvas.undo.button')}>
          <span>
            <IconButton aria-label={t('canvas.undo.button')} aria-keyshortcuts="Control+Z Meta+Z" disabled={!history.canUndo} onClick={() => void history.undo()}>
              <UndoIcon className="flip-rtl" />
            </IconButton>
          </span>
        </Tooltip>
        <Tooltip title={t('canvas.redo')}>
          <span>
            <IconButton aria-label={t('canvas.redo')} aria-keyshortcuts="Control+Y Control+Shift+Z Meta+Shift+Z" disabled={!history.canRedo} onClick={() => void history.redo()}>
              <RedoIcon className="flip-rtl" />
            </IconButton>
          </span>
        </Tooltip>
        {history.saving && (
          // Seen only when a save takes a moment (after 0.4 s): the board shows a change before core
          // answers, and this says it is not stored yet. Screen readers hear the change once stored.
          <Typography variant="body2" color="text.secondary" data-saving="" sx={{ mx: 0.5, opacity: 0, animation: `${appear} 0s 0.4s forwards` }}>
            {t('canvas.saving')}
          </Typography>
        )}
        <Box sx={{ borderInlineStart: 1, borderColor: 'divider', height: 28, mx: 0.5 }} />
        <IconButton aria-label={t('canvas.zoomOut')} onClick={() => zoomBy(-1)}>
          <ZoomOutIcon />
        </IconButton>
        <Typography component="output" aria-live="polite" aria-label={t('canvas.zoom')} sx={{ minWidth: 48, textAlign: 'center' }}>
          {format.percent(zoom)}
        </Typography>
        <IconButton aria-label={t('canvas.zoomIn')} onClick={() => zoomBy(1)}>
          <ZoomInIcon />
        </IconButton>
        <IconButton aria-label={t('canvas.fit')} onClick={fit}>
          <FitScreenIcon />
        </IconButton>
        <Box sx={{ borderInlineStart: 1, borderColor: 'divider', height: 28, mx: 0.5 }} />
        <Button startIcon={<AddIcon />} onClick={() => startAdding(FREE_TARGET)}>
          {t('canvas.free.add')}
        </Button>
        <ExportMenu board={board.data} template={template} onError={setExportError} />
        <SaveAsTemplate canvas={canvas} template={template} />
        {selectedNotes.length > 0 && (
          <>
            <Box sx={{ borderInlineStart: 1, borderColor: 'divider', height: 28, mx: 0.5 }} />
            <Typography sx={{ mx: 1 }}>{t('canvas.selected', { count: selectedNotes.length })}</Typography>
            <Button aria-haspopup="menu" onClick={(e) => setMoveSelected(e.currentTarget)}>
              {t('canvas.note.moveTo')}
            </Button>
            {selectedNotes.length === 1 && <Button onClick={() => setAttachmentsOf(selectedNotes[0])}>{t('attachments.noteButton')}</Button>}
            <Button disabled={selectedZone === null} onClick={() => setLabelDialog({ kind: 'group' })}>
              {t('canvas.cluster.group')}
            </Button>
            <Button
              onClick={() => {
                const gone = selectedNotes;
                setSelected(new Set());
                void run(() => ops.deleteNotes(gone), t('canvas.deleted', { count: gone.length }));
              }}
            >
              {t('common.delete')}
            </Button>
            <Button onClick={() => setSelected(new Set())}>{t('canvas.clearSelection')}</Button>
          </>
        )}
      </Paper>
      <Menu anchorEl={moveSelected} open={moveSelected !== null} onClose={() => setMoveSelected(null)}>
        {[...(template?.zones.map((z) => z.key) ?? []), FREE_TARGET].map((key) => (
          <MenuItem
            key={key}
            onClick={() => {
              setMoveSelected(null);
              moveNotes(selectedNotes, key);
            }}
          >
            {zoneTitle(key)}
          </MenuItem>
        ))}
      </Menu>

      {attachmentsOf && <NoteAttachmentsDialog note={attachmentsOf} onClose={() => setAttachmentsOf(null)} />}
      <ErrorAlert error={error} withReason />
      {exportError && (
        <Alert severity="error" role="alert" onClose={() => setExportError(null)}>
          {t('canvas.export.failed')}
        </Alert>
      )}
      {announcer}
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {t('canvas.help')}
        {votes && (
          <>
            {' '}
            <span data-votes-shown="">
              {t('canvas.votesShown')} <bdi>{votes.title}</bdi>
            </span>
          </>
        )}
      </Typography>

      <Box ref={viewport} data-canvas-viewport="" onPointerDown={pan} sx={{ height: 'calc(100vh - 260px)', minHeight: 420, overflow: 'auto', border: 1, borderColor: 'divider', bgcolor: 'action.hover' }}>
        <CanvasBoard
          board={board.data}
          template={template}
          language={settings.language}
          zoom={zoom}
          selected={selected}
          onSelect={toggleSelected}
          adding={adding}
          setAdding={startAdding}
          editing={editing}
          setEditing={startEditing}
          editorError={editorError}
          viewport={viewport}
          onLayout={onLayout}
          onAnnounce={setMessage}
          onMove={moveNotes}
          onAdd={addNote}
          onEdit={editNote}
          onDelete={deleteNotes}
          onClusterMenu={openClusterMenu}
          votes={votes?.counts}
        />
      </Box>
      {template?.attribution && (
        <Typography variant="caption" component="p" color="text.secondary" sx={{ mt: 1 }} data-attribution="">
          {template.attribution[settings.language]}
        </Typography>
      )}

      <Menu anchorEl={clusterMenu?.anchor} open={clusterMenu !== null} onClose={() => setClusterMenu(null)}>
        <MenuItem
          onClick={() => {
            setLabelDialog({ kind: 'rename', cluster: clusterMenu!.cluster });
            setClusterMenu(null);
          }}
        >
          {t('canvas.cluster.rename')}
        </MenuItem>
        <MenuItem
          onClick={() => {
            const cluster = clusterMenu!.cluster;
            setClusterMenu(null);
            void run(() => ops.ungroup(cluster), t('canvas.cluster.ungrouped'));
          }}
        >
          {t('canvas.cluster.ungroup')}
        </MenuItem>
      </Menu>
      {labelDialog && (
        <LabelDialog
          title={labelDialog.kind === 'group' ? t('canvas.cluster.group') : t('canvas.cluster.rename')}
          initial={labelDialog.kind === 'rename' ? labelDialog.cluster.label : ''}
          onClose={() => setLabelDialog(null)}
          onSave={(label) => {
            const dialog = labelDialog;
            setLabelDialog(null);
            if (dialog.kind === 'rename') void run(() => ops.renameCluster(dialog.cluster, label));
            else if (selectedZone) {
              const members = selectedNotes;
              setSelected(new Set());
              void run(() => ops.group(selectedZone, label, members), t('canvas.cluster.grouped'));
            }
          }}
        />
      )}
    </Box>
  );
}
