/**
 * The board: the template's zones laid out by shared/canvas/layout (mirrored in Arabic, not in
 * English), notes positioned inside them, clusters under their labels. Only the notes in view are
 * rendered (a 2,000-note canvas stays quick), zones always are. Notes move by pointer drag
 * (dnd-kit), by keyboard (Space lifts, arrows choose a zone, Space drops, Escape cancels; announced
 * in the UI language) or by their "Move to…" menu. The keyboard move picks zones from the layout
 * itself rather than from measured screen rectangles, so scrolling a large board mid-move cannot
 * send the note somewhere else.
 */
import {
  DndContext,
  DragOverlay,
  PointerSensor,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
} from '@dnd-kit/core';
import AddIcon from '@mui/icons-material/Add';
import DragIndicatorIcon from '@mui/icons-material/DragIndicator';
import MoreVertIcon from '@mui/icons-material/MoreVert';
import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import IconButton from '@mui/material/IconButton';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Typography from '@mui/material/Typography';
import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { layoutBoard, visibleNotes, zoneInDirection, type BoardLayout, type Heading, type Rect } from '../../../../electron/shared/canvas/layout';
import { NOTE_COLORS, type Board, type Cluster, type Note } from '../../../../electron/shared/canvas/model';
import type { CanvasTemplate } from '../../../../electron/shared/canvas/template';
import { directionOf, type Language } from '../../../../electron/shared/domain/settings';
import { noteStatusKey } from '../../i18n/labels';
import { NoteCueIcon } from './note-cue';
import { NoteEditor, type NoteDraft } from './NoteEditor';

/** Culling keeps a margin around the view so a scroll does not show empty space for a frame. */
const CULL_MARGIN = 400;

export interface BoardHandlers {
  onMove(notes: Note[], zoneKey: string): void;
  onAdd(zoneKey: string, draft: NoteDraft): void;
  onEdit(note: Note, draft: NoteDraft): void;
  onDelete(notes: Note[]): void;
  onClusterMenu(cluster: Cluster, anchor: HTMLElement): void;
}

interface Props extends BoardHandlers {
  board: Board;
  template: CanvasTemplate | undefined;
  language: Language;
  zoom: number;
  selected: ReadonlySet<string>;
  onSelect(id: string, additive: boolean): void;
  /** Which zone is adding a note (by click, Enter on its button, or the N shortcut). */
  adding: string | null;
  setAdding(zoneKey: string | null): void;
  editing: string | null;
  setEditing(noteId: string | null): void;
  editorError?: string;
  viewport: React.RefObject<HTMLDivElement | null>;
  onLayout(layout: BoardLayout): void;
  onAnnounce(text: string): void;
}

const HEADINGS: Record<string, Heading> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' };

const NoteCard = memo(function NoteCard(props: {
  note: Note;
  rect: Rect;
  origin: { x: number; y: number };
  selected: boolean;
  lifted: boolean;
  zones: { key: string; title: string }[];
  onHandleKey(note: Note, event: React.KeyboardEvent): void;
  onHandleBlur(note: Note): void;
  onSelect(id: string, additive: boolean): void;
  onMove(note: Note, zoneKey: string): void;
  onEdit(note: Note): void;
  onDelete(note: Note): void;
}) {
  const { note, rect, origin, selected, lifted } = props;
  const { t } = useTranslation();
  const [menu, setMenu] = useState<HTMLElement | null>(null);
  const [moveMenu, setMoveMenu] = useState<HTMLElement | null>(null);
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id: note.id, data: { note } });
  const label = note.text.length > 60 ? `${note.text.slice(0, 60)}…` : note.text;
  return (
    <Box
      component="li"
      ref={setNodeRef}
      data-note={note.id}
      onClick={(e) => (e.ctrlKey || e.metaKey) && props.onSelect(note.id, true)}
      onDoubleClick={() => props.onEdit(note)}
      style={{ left: rect.x - origin.x, top: rect.y - origin.y, width: rect.width, height: rect.height }}
      sx={{
        position: 'absolute',
        listStyle: 'none',
        bgcolor: NOTE_COLORS[note.color].fill,
        color: '#1a1a1a',
        borderRadius: 1,
        boxShadow: 1,
        outline: selected || lifted ? '3px solid' : 'none',
        transform: lifted ? 'rotate(-2deg)' : undefined,
        outlineColor: 'primary.main',
        opacity: isDragging ? 0.4 : 1,
        display: 'flex',
        flexDirection: 'column',
        overflow: 'hidden',
        fontSize: 13,
      }}
    >
      <Box sx={{ display: 'flex', alignItems: 'center', minHeight: 28 }}>
        <IconButton
          size="small"
          {...attributes}
          {...listeners}
          aria-pressed={lifted}
          onKeyDown={(e) => props.onHandleKey(note, e)}
          onBlur={() => props.onHandleBlur(note)}
          aria-label={t('canvas.note.drag', { text: label })}
          sx={{ cursor: 'grab', color: 'inherit', p: 0.25 }}
        >
          <DragIndicatorIcon fontSize="small" />
        </IconButton>
        <NoteCueIcon noteColor={note.color} aria-hidden sx={{ fontSize: 14, mx: 0.25 }} />
        <Typography component="span" sx={{ fontSize: 11, flex: 1, fontWeight: 600, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
          {note.status && t(noteStatusKey(note.status))}
        </Typography>
        <Checkbox
          size="small"
          checked={selected}
          onChange={() => props.onSelect(note.id, true)}
          slotProps={{ input: { 'aria-label': t('canvas.note.select', { text: label }) } }}
          sx={{ p: 0.25, color: 'inherit', '&.Mui-checked': { color: 'inherit' } }}
        />
        <IconButton size="small" aria-label={t('canvas.note.actions', { text: label })} aria-haspopup="menu" onClick={(e) => setMenu(e.currentTarget)} sx={{ color: 'inherit', p: 0.25 }}>
          <MoreVertIcon fontSize="small" />
        </IconButton>
      </Box>
      <Typography dir="auto" sx={{ fontSize: 13, lineHeight: 1.35, px: 1, overflow: 'hidden', display: '-webkit-box', WebkitLineClamp: 3, WebkitBoxOrient: 'vertical', overflowWrap: 'anywhere' }}>
        {note.text}
      </Typography>
      {note.author && (
        <Typography dir="auto" sx={{ fontSize: 11, px: 1, mt: 'auto', mb: 0.5, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
          {note.author}
        </Typography>
      )}
      <Menu anchorEl={menu} open={menu !== null} onClose={() => setMenu(null)}>
        <MenuItem
          onClick={() => {
            setMenu(null);
            props.onEdit(note);
          }}
        >
          {t('canvas.note.edit')}
        </MenuItem>
        <MenuItem
          aria-haspopup="menu"
          onClick={() => {
            setMoveMenu(menu);
            setMenu(null);
          }}
        >
          {t('canvas.note.moveTo')}
        </MenuItem>
        <MenuItem
          onClick={() => {
            setMenu(null);
            props.onDelete(note);
          }}
        >
          {t('common.delete')}
        </MenuItem>
      </Menu>
      <Menu anchorEl={moveMenu} open={moveMenu !== null} onClose={() => setMoveMenu(null)}>
        {props.zones
          .filter((z) => z.key !== note.zoneKey)
          .map((z) => (
            <MenuItem
              key={z.key}
              onClick={() => {
                setMoveMenu(null);
                props.onMove(note, z.key);
              }}
            >
              {z.title}
            </MenuItem>
          ))}
      </Menu>
    </Box>
  );
});

function Zone({ zoneKey, rect, title, hint, raised, target, onAdd, children }: { zoneKey: string; rect: Rect; title: string; hint: string; raised: boolean; target: boolean; onAdd(): void; children: ReactNode }) {
  const { t } = useTranslation();
  const { setNodeRef, isOver } = useDroppable({ id: `zone:${zoneKey}`, data: { zoneKey, title } });
  const headingId = `zone-${zoneKey}-heading`;
  return (
    <Box
      component="section"
      ref={setNodeRef}
      aria-labelledby={headingId}
      data-zone={zoneKey}
      style={{ left: rect.x, top: rect.y, width: rect.width, height: rect.height }}
      sx={{ position: 'absolute', border: 1, borderColor: 'divider', bgcolor: isOver || target ? 'action.selected' : 'background.paper', outline: target ? '3px dashed' : 'none', outlineColor: 'primary.main', outlineOffset: -3, zIndex: raised ? 2 : undefined }}
    >
      <Box sx={{ display: 'flex', alignItems: 'flex-start', px: 1.5, pt: 1, height: 64, overflow: 'hidden' }}>
        <Box sx={{ flex: 1, minWidth: 0 }}>
          <Typography variant="subtitle2" component="h2" id={headingId} sx={{ fontWeight: 700, lineHeight: 1.3 }}>
            {title}
          </Typography>
          <Typography variant="caption" color="text.secondary" sx={{ display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical', overflow: 'hidden', lineHeight: 1.25 }}>
            {hint}
          </Typography>
        </Box>
        <IconButton size="small" aria-label={t('canvas.note.add', { zone: title })} onClick={onAdd}>
          <AddIcon fontSize="small" />
        </IconButton>
      </Box>
      {children}
    </Box>
  );
}

export function CanvasBoard(props: Props) {
  const { board, template, language, zoom, selected, adding, editing } = props;
  const { t } = useTranslation();
  const direction = directionOf(language);
  const layout = useMemo(() => layoutBoard(template ?? null, board.notes, board.clusters, direction), [template, board.notes, board.clusters, direction]);
  const { onLayout } = props;
  useEffect(() => {
    onLayout(layout);
  }, [layout, onLayout]);
  const notesById = useMemo(() => new Map(board.notes.map((n) => [n.id, n])), [board.notes]);
  const zones = useMemo(() => (template?.zones ?? []).map((z) => ({ key: z.key, title: z.title[language], hint: z.hint[language] })), [template, language]);
  const zoneRects = useMemo(() => new Map(layout.zones.map((z) => [z.key, z.rect])), [layout]);

  // What is in view, in board pixels; recomputed on scroll, resize and zoom.
  const inner = useRef<HTMLDivElement>(null);
  const [view, setView] = useState<Rect | null>(null);
  useLayoutEffect(() => {
    const container = props.viewport.current;
    if (!container) return;
    const measure = () => {
      const outer = container.getBoundingClientRect();
      const box = inner.current!.getBoundingClientRect();
      setView({
        x: (outer.left - box.left) / zoom - CULL_MARGIN,
        y: (outer.top - box.top) / zoom - CULL_MARGIN,
        width: outer.width / zoom + 2 * CULL_MARGIN,
        height: outer.height / zoom + 2 * CULL_MARGIN,
      });
    };
    measure();
    container.addEventListener('scroll', measure, { passive: true });
    window.addEventListener('resize', measure);
    return () => {
      container.removeEventListener('scroll', measure);
      window.removeEventListener('resize', measure);
    };
  }, [props.viewport, zoom, layout.width, layout.height]);

  const shown = useMemo(() => {
    const visible = view ? visibleNotes(layout, view) : layout.notes;
    // A note being edited stays rendered even when scrolled away, so its editor keeps focus.
    const ids = new Set(visible.map((n) => n.id));
    if (editing) ids.add(editing);
    return layout.notes.filter((n) => ids.has(n.id));
  }, [layout, view, editing]);
  const shownByZone = useMemo(() => {
    const map = new Map<string | null, { note: Note; rect: Rect }[]>();
    for (const { id, rect } of shown) {
      const note = notesById.get(id);
      if (!note) continue;
      const zone = note.zoneKey !== null && zoneRects.has(note.zoneKey) ? note.zoneKey : null;
      map.set(zone, [...(map.get(zone) ?? []), { note, rect }]);
    }
    return map;
  }, [shown, notesById, zoneRects]);

  const [dragged, setDragged] = useState<Note | null>(null);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }));
  const [lifted, setLifted] = useState<{ note: Note; target: string | null } | null>(null);
  const short = (text: string) => (text.length > 60 ? `${text.slice(0, 60)}…` : text);
  const titleOf = (key: string | null) => zones.find((z) => z.key === key)?.title ?? '';
  const onHandleKey = (note: Note, e: React.KeyboardEvent) => {
    const text = short(note.text);
    if (!lifted || lifted.note.id !== note.id) {
      if (e.key !== ' ') return;
      e.preventDefault();
      setLifted({ note, target: note.zoneKey });
      props.onAnnounce(t('canvas.dnd.lifted', { text }));
      return;
    }
    if (e.key in HEADINGS) {
      e.preventDefault();
      const from = (lifted.target !== note.zoneKey && zoneRects.get(lifted.target ?? '')) || layout.notes.find((n) => n.id === note.id)?.rect;
      const next = from ? zoneInDirection(layout, from, HEADINGS[e.key]) : null;
      if (next) setLifted({ note, target: next });
      props.onAnnounce(next ? t('canvas.dnd.over', { text, zone: titleOf(next) }) : t('canvas.dnd.outside'));
    } else if (e.key === ' ' || e.key === 'Enter') {
      e.preventDefault();
      setLifted(null);
      // The move itself is announced once it is saved ("moved to …").
      if (lifted.target && lifted.target !== note.zoneKey) props.onMove([note], lifted.target);
      else props.onAnnounce(t('canvas.dnd.cancelled'));
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      setLifted(null);
      props.onAnnounce(t('canvas.dnd.cancelled'));
    }
  };
  const onHandleBlur = (note: Note) => {
    if (lifted?.note.id !== note.id) return;
    setLifted(null);
    props.onAnnounce(t('canvas.dnd.cancelled'));
  };
  const noteOf = (data: unknown) => (data as { note?: Note } | undefined)?.note;
  const textOf = (data: unknown) => {
    const text = noteOf(data)?.text ?? '';
    return text.length > 60 ? `${text.slice(0, 60)}…` : text;
  };
  const zoneOf = (data: unknown) => (data as { title?: string } | undefined)?.title ?? '';
  const announcements: Announcements = {
    onDragStart: ({ active }) => t('canvas.dnd.lifted', { text: textOf(active.data.current) }),
    onDragOver: ({ active, over }) => (over ? t('canvas.dnd.over', { text: textOf(active.data.current), zone: zoneOf(over.data.current) }) : t('canvas.dnd.outside')),
    onDragEnd: ({ active, over }) => (over ? t('canvas.dnd.dropped', { text: textOf(active.data.current), zone: zoneOf(over.data.current) }) : t('canvas.dnd.cancelled')),
    onDragCancel: () => t('canvas.dnd.cancelled'),
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setDragged(null);
    const note = noteOf(active.data.current);
    const zoneKey = (over?.data.current as { zoneKey?: string } | undefined)?.zoneKey;
    if (!note || !zoneKey || zoneKey === note.zoneKey) return;
    // Dragging one of several selected notes moves them all.
    const group = selected.has(note.id) ? board.notes.filter((n) => selected.has(n.id)) : [note];
    props.onMove(group, zoneKey);
  };

  const renderNotes = (items: { note: Note; rect: Rect }[] | undefined, origin: { x: number; y: number }) =>
    items?.map(({ note, rect }) =>
      editing === note.id ? (
        <Box component="li" key={note.id} style={{ left: rect.x - origin.x, top: rect.y - origin.y }} sx={{ position: 'absolute', listStyle: 'none', zIndex: 3 }}>
          <NoteEditor initial={note} error={props.editorError} onSave={(draft) => props.onEdit(note, draft)} onCancel={() => props.setEditing(null)} />
        </Box>
      ) : (
        <NoteCard
          key={note.id}
          note={note}
          rect={rect}
          origin={origin}
          selected={selected.has(note.id)}
          lifted={lifted?.note.id === note.id}
          onHandleKey={onHandleKey}
          onHandleBlur={onHandleBlur}
          zones={zones}
          onSelect={props.onSelect}
          onMove={(n, zoneKey) => props.onMove([n], zoneKey)}
          onEdit={(n) => props.setEditing(n.id)}
          onDelete={(n) => props.onDelete([n])}
        />
      ),
    );

  return (
    <DndContext
      sensors={sensors}
      accessibility={{ announcements, screenReaderInstructions: { draggable: t('canvas.dnd.instructions') } }}
      onDragStart={({ active }) => setDragged(noteOf(active.data.current) ?? null)}
      onDragCancel={() => setDragged(null)}
      onDragEnd={onDragEnd}
    >
      <div style={{ width: layout.width * zoom, height: layout.height * zoom, position: 'relative' }} ref={inner}>
        <div style={{ position: 'absolute', left: 0, top: 0, width: layout.width, height: layout.height, transform: `scale(${zoom})`, transformOrigin: '0 0' }} data-board-ready="">
          {layout.zones.map(({ key, rect }) => {
            const zone = zones.find((z) => z.key === key)!;
            return (
              <Zone key={key} zoneKey={key} rect={rect} title={zone.title} hint={zone.hint} raised={adding === key || (editing !== null && notesById.get(editing)?.zoneKey === key)} target={lifted !== null && lifted.target === key && lifted.target !== lifted.note.zoneKey} onAdd={() => props.setAdding(key)}>
                {layout.clusters
                  .filter((c) => c.zoneKey === key)
                  .map((c) => {
                    const cluster = board.clusters.find((x) => x.id === c.id)!;
                    return (
                      <Box
                        key={c.id}
                        style={{ left: c.rect.x - rect.x, top: c.rect.y - rect.y, width: c.rect.width, height: c.rect.height }}
                        sx={{ position: 'absolute', border: 1, borderStyle: 'dashed', borderColor: 'text.secondary', borderRadius: 1 }}
                      >
                        <Box sx={{ display: 'flex', alignItems: 'center', height: 32, px: 1 }}>
                          <Typography component="h3" dir="auto" sx={{ fontSize: 13, fontWeight: 700, flex: 1, overflow: 'hidden', whiteSpace: 'nowrap', textOverflow: 'ellipsis' }}>
                            {cluster.label}
                          </Typography>
                          <IconButton size="small" aria-label={t('canvas.cluster.actions', { label: cluster.label })} aria-haspopup="menu" onClick={(e) => props.onClusterMenu(cluster, e.currentTarget)} sx={{ p: 0.25 }}>
                            <MoreVertIcon fontSize="small" />
                          </IconButton>
                        </Box>
                      </Box>
                    );
                  })}
                <Box component="ul" aria-label={t('canvas.zoneNotes', { zone: zone.title })} sx={{ m: 0, p: 0 }}>
                  {renderNotes(shownByZone.get(key), rect)}
                </Box>
                {adding === key && (
                  <Box sx={{ position: 'absolute', insetInlineStart: 8, top: 40, zIndex: 3 }}>
                    <NoteEditor
                      initial={{ text: '', color: 'yellow', status: null, author: null }}
                      error={props.editorError}
                      onSave={(draft) => props.onAdd(key, draft)}
                      onCancel={() => props.setAdding(null)}
                    />
                  </Box>
                )}
              </Zone>
            );
          })}
          {shownByZone.get(null) && (
            <Box component="ul" aria-label={t('canvas.freeNotes')} sx={{ m: 0, p: 0 }}>
              {renderNotes(shownByZone.get(null), { x: 0, y: 0 })}
            </Box>
          )}
        </div>
      </div>
      <DragOverlay>
        {dragged && (
          <Box dir="auto" sx={{ width: 176, height: 104, p: 1, bgcolor: NOTE_COLORS[dragged.color].fill, color: '#1a1a1a', borderRadius: 1, boxShadow: 6, overflow: 'hidden', fontSize: 13 }}>
            {dragged.text}
          </Box>
        )}
      </DragOverlay>
    </DndContext>
  );
}
