/**
 * The board: the template's zones laid out by shared/canvas/layout (mirrored in Arabic, not in
 * English), notes positioned inside them, clusters under their labels, and beside the grid the free
 * area, where notes sit at their own place outside any zone. Notes move by pointer drag (mouse,
 * pen or touch; see use-pointer-drag), by keyboard (Space lifts, arrows choose a zone or the free
 * area, Space drops, Escape cancels; announced in the UI language) or by their "Move to…" menu. The
 * keyboard move picks targets from the layout itself rather than from measured screen rectangles,
 * so scrolling a large board mid-move cannot send the note somewhere else.
 *
 * Staying quick with thousands of notes: cards are memoised plain DOM with cheap props and one
 * stable actions object (NoteCard); only cards in view are filled in, the rest are empty
 * placeholders that keep list order, counts and Tab order; a pointer drag renders nothing while
 * it moves.
 */
import AddIcon from '@mui/icons-material/Add';
import MoreVertIcon from '@mui/icons-material/MoreVert';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Typography from '@mui/material/Typography';
import { memo, useCallback, useId, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { freePosition, layoutBoard, METRICS, visibleNotes, zoneAt, zoneInDirection, type BoardLayout, type Heading, type Rect } from '../../../../electron/shared/canvas/layout';
import type { Board, Cluster, Note } from '../../../../electron/shared/canvas/model';
import type { CanvasTemplate } from '../../../../electron/shared/canvas/template';
import { directionOf, type Language } from '../../../../electron/shared/domain/settings';
import { BoardSurface } from './board-styles';
import { FREE_TARGET } from './free-target';
import { NoteActionsContext, NoteCard, shortText, type NoteActions } from './NoteCard';
import { NOTE_EDITOR_WIDTH, NoteEditor, type NoteDraft } from './NoteEditor';
import { usePointerDrag } from './use-pointer-drag';
import { useViewRect } from './use-view-rect';

/** Room kept beside the grid for free notes, two notes wide. */
const FREE_ROOM = 2 * METRICS.column;

export interface BoardHandlers {
  /** Moves notes to a zone or to the free area (FREE_TARGET), optionally to a stored free position. */
  onMove(notes: Note[], target: string, at?: { x: number; y: number }): void;
  onAdd(target: string, draft: NoteDraft, at?: { x: number; y: number }): void;
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
  onSelect(id: string): void;
  /** Where a note is being added (a zone key or FREE_TARGET): by click, Enter on a button, the N shortcut or a double-click. */
  adding: string | null;
  setAdding(target: string | null): void;
  editing: string | null;
  setEditing(noteId: string | null): void;
  editorError?: string;
  viewport: React.RefObject<HTMLDivElement | null>;
  onLayout(layout: BoardLayout): void;
  onAnnounce(text: string): void;
  /** Each note's votes in the latest revealed dot vote. */
  votes: ReadonlyMap<string, number> | undefined;
}

const HEADINGS: Record<string, Heading> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' };

const inside = (r: Rect, x: number, y: number) => x >= r.x && x < r.x + r.width && y >= r.y && y < r.y + r.height;

function Zone({ zoneKey, rect, title, hint, raised, target, onAdd, children }: { zoneKey: string; rect: Rect; title: string; hint: string; raised: boolean; target: boolean; onAdd(key: string): void; children: ReactNode }) {
  const { t } = useTranslation();
  const headingId = `zone-${zoneKey}-heading`;
  return (
    <Box
      component="section"
      aria-labelledby={headingId}
      data-zone={zoneKey}
      data-drop-key={zoneKey}
      style={{ left: rect.x, top: rect.y, width: rect.width, height: rect.height }}
      sx={{ position: 'absolute', border: 1, borderColor: 'divider', bgcolor: target ? 'action.selected' : 'background.paper', outline: target ? '3px dashed' : 'none', outlineColor: 'primary.main', outlineOffset: -3, zIndex: raised ? 2 : undefined }}
    >
      {/* The add button leads the heading: a zone wider than the window still shows it (its far edge may not). */}
      <Box sx={{ display: 'flex', alignItems: 'flex-start', gap: 0.5, px: 1, pt: 1, height: 64, overflow: 'hidden' }}>
        <IconButton size="small" aria-label={t('canvas.note.add', { zone: title })} data-zone-add={zoneKey} onClick={() => onAdd(zoneKey)}>
          <AddIcon fontSize="small" />
        </IconButton>
        <Box sx={{ flex: 1, minWidth: 0 }}>
          <Typography variant="subtitle2" component="h2" id={headingId} sx={{ fontWeight: 700, lineHeight: 1.3 }}>
            {title}
          </Typography>
          <Typography variant="caption" color="text.secondary" sx={{ display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical', overflow: 'hidden', lineHeight: 1.25 }}>
            {hint}
          </Typography>
        </Box>
      </Box>
      {children}
    </Box>
  );
}

export const CanvasBoard = memo(function CanvasBoard(props: Props) {
  const { board, template, language, zoom, selected, adding, editing, votes } = props;
  const { t } = useTranslation();
  const direction = directionOf(language);
  const layout = useMemo(() => layoutBoard(template ?? null, board.notes, board.clusters, direction, { freeRoom: FREE_ROOM }), [template, board.notes, board.clusters, direction]);
  const { onLayout } = props;
  useLayoutEffect(() => {
    onLayout(layout);
  }, [layout, onLayout]);
  const notesById = useMemo(() => new Map(board.notes.map((n) => [n.id, n])), [board.notes]);
  const clustersById = useMemo(() => new Map(board.clusters.map((c) => [c.id, c])), [board.clusters]);
  const zones = useMemo(() => (template?.zones ?? []).map((z) => ({ key: z.key, title: z.title[language], hint: z.hint[language] })), [template, language]);
  const zoneRects = useMemo(() => new Map(layout.zones.map((z) => [z.key, z.rect])), [layout]);
  /** Where notes can go by keyboard: the zones and the free area. */
  const targets = useMemo(() => ({ ...layout, zones: layout.free ? [...layout.zones, { key: FREE_TARGET, rect: layout.free }] : layout.zones }), [layout]);
  const titleOf = (key: string | null) => (key === FREE_TARGET ? t('canvas.free.title') : (zones.find((z) => z.key === key)?.title ?? ''));
  const targetOfNote = (note: Note) => (note.zoneKey !== null && zoneRects.has(note.zoneKey) ? note.zoneKey : FREE_TARGET);

  const outer = useRef<HTMLDivElement>(null);
  const surface = useRef<HTMLDivElement>(null);
  const view = useViewRect(props.viewport, outer, zoom, layout);
  const [menu, setMenu] = useState<{ noteId: string; anchor: HTMLElement; moving: boolean } | null>(null);
  const [lifted, setLifted] = useState<{ noteId: string; target: string } | null>(null);
  /** Where a double-click on the free area asked for a new note (board pixels). */
  const [addAt, setAddAt] = useState<{ x: number; y: number } | null>(null);

  const drag = usePointerDrag({
    surface,
    viewport: props.viewport,
    zoom,
    targetAt: (x, y) => zoneAt(layout, x, y) ?? (layout.free && inside(layout.free, x, y) ? FREE_TARGET : null),
    onStart: (note) => props.onAnnounce(t('canvas.dnd.lifted', { text: shortText(note.text) })),
    onOver: (note, target) => props.onAnnounce(target ? t('canvas.dnd.over', { text: shortText(note.text), zone: titleOf(target) }) : t('canvas.dnd.outside')),
    onCancel: () => props.onAnnounce(t('canvas.dnd.cancelled')),
    onDrop: (note, target, at) => {
      if (target === null) return props.onAnnounce(t('canvas.dnd.cancelled'));
      // Dragging one of several selected notes moves them all.
      const group = selected.has(note.id) ? board.notes.filter((n) => selected.has(n.id)) : [note];
      if (target === FREE_TARGET) props.onMove(group, FREE_TARGET, freePosition(layout, template ?? null, direction, at));
      else if (target !== note.zoneKey || group.length > 1) props.onMove(group, target);
      else props.onAnnounce(t('canvas.dnd.cancelled'));
    },
  });

  const inView = useMemo(() => {
    // Before the first measurement, assume a large screen at the board's inline start, so even the
    // first paint of a 2,000-note board mounts only what can be in view.
    const width = 2560 / zoom + 800;
    const assumed = { x: direction === 'rtl' ? layout.width - width : -400, y: -400, width, height: 1600 / zoom + 800 };
    return new Set(visibleNotes(layout, view ?? assumed).map((n) => n.id));
  }, [layout, view, zoom, direction]);
  // The notes a person is working with stay mounted wherever the board scrolls.
  const pinned = [editing, menu?.noteId, lifted?.noteId, drag.dragging.current].filter((id): id is string => Boolean(id)).join(' ');
  /** Each zone's notes (and the free area's) in reading order, with their layout rectangles. */
  const placed = useMemo(() => {
    const map = new Map<string, { note: Note; rect: Rect }[]>();
    for (const { id, rect } of layout.notes) {
      const note = notesById.get(id);
      if (!note) continue;
      const key = note.zoneKey !== null && zoneRects.has(note.zoneKey) ? note.zoneKey : FREE_TARGET;
      let list = map.get(key);
      if (!list) map.set(key, (list = []));
      list.push({ note, rect });
    }
    return map;
  }, [layout, notesById, zoneRects]);
  /**
   * What each list mounts: every note from its first in view to its last (filled in), and one
   * placeholder on either side of that run, so Tab can step out of view and the list fills in.
   */
  const mounted = useMemo(() => {
    type Item = { note: Note; rect: Rect; full: boolean; position: number };
    const map = new Map<string, Item[]>();
    const keep = new Set(pinned.split(' '));
    for (const [key, list] of placed) {
      let first = list.findIndex(({ note }) => inView.has(note.id));
      let last = list.findLastIndex(({ note }) => inView.has(note.id));
      if (first === -1) [first, last] = [0, -1];
      const items: Item[] = [];
      list.forEach((item, i) => {
        const full = (i >= first && i <= last) || keep.has(item.note.id);
        if (full || i === first - 1 || i === last + 1) items.push({ ...item, full, position: i + 1 });
      });
      map.set(key, items);
    }
    return map;
  }, [placed, inView, pinned]);

  const instructionsId = useId();
  // Cards call the board through one object that never changes, which reads the latest render's
  // handlers; so a new handler never renders every card again.
  const impl = useRef<Omit<NoteActions, 'instructionsId' | 't'>>(null);
  useLayoutEffect(() => {
    impl.current = {
      handleKey(note, e) {
        const text = shortText(note.text);
        const current = targetOfNote(note);
        if (!lifted || lifted.noteId !== note.id) {
          if (e.key !== ' ') return;
          e.preventDefault();
          setLifted({ noteId: note.id, target: current });
          props.onAnnounce(t('canvas.dnd.lifted', { text }));
          return;
        }
        if (e.key in HEADINGS) {
          e.preventDefault();
          const from = lifted.target !== current ? targets.zones.find((z) => z.key === lifted.target)?.rect : layout.notes.find((n) => n.id === note.id)?.rect;
          const next = from ? zoneInDirection(targets, from, HEADINGS[e.key]) : null;
          if (next) setLifted({ noteId: note.id, target: next });
          props.onAnnounce(next ? t('canvas.dnd.over', { text, zone: titleOf(next) }) : t('canvas.dnd.outside'));
        } else if (e.key === ' ' || e.key === 'Enter') {
          e.preventDefault();
          setLifted(null);
          // The move itself is announced once it is saved ("moved to …").
          if (lifted.target !== current) props.onMove([note], lifted.target);
          else props.onAnnounce(t('canvas.dnd.cancelled'));
        } else if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          setLifted(null);
          props.onAnnounce(t('canvas.dnd.cancelled'));
        }
      },
      handleBlur(note) {
        if (lifted?.noteId !== note.id) return;
        setLifted(null);
        props.onAnnounce(t('canvas.dnd.cancelled'));
      },
      pointerDown: drag.pointerDown,
      toggleSelect: props.onSelect,
      edit: props.setEditing,
      openMenu: (noteId, anchor) => setMenu({ noteId, anchor, moving: false }),
    };
  });
  const actions = useMemo<NoteActions>(
    () => ({
      handleKey: (note, e) => impl.current!.handleKey(note, e),
      handleBlur: (note) => impl.current!.handleBlur(note),
      pointerDown: (note, e) => impl.current!.pointerDown(note, e),
      toggleSelect: (id) => impl.current!.toggleSelect(id),
      edit: (id) => impl.current!.edit(id),
      openMenu: (id, anchor) => impl.current!.openMenu(id, anchor),
      instructionsId,
      t,
    }),
    [instructionsId, t],
  );

  const { setAdding } = props;
  const onAddZone = useCallback(
    (key: string) => {
      setAddAt(null);
      setAdding(key);
    },
    [setAdding],
  );

  const renderNotes = (key: string, origin: { x: number; y: number }) =>
    mounted.get(key)?.map(({ note, rect, full, position }) =>
      editing === note.id ? (
        <Box component="li" key={note.id} data-note-editor="" style={{ left: editorLeft(rect) - origin.x, top: rect.y - origin.y }} sx={{ position: 'absolute', listStyle: 'none', zIndex: 3 }}>
          <NoteEditor initial={note} error={props.editorError} onSave={(draft) => props.onEdit(note, draft)} onCancel={() => props.setEditing(null)} />
        </Box>
      ) : (
        <NoteCard
          key={note.id}
          note={note}
          left={rect.x - origin.x}
          top={rect.y - origin.y}
          full={full}
          position={position}
          setSize={placed.get(key)!.length}
          selected={selected.has(note.id)}
          lifted={lifted?.noteId === note.id}
          votes={votes?.get(note.id)}
        />
      ),
    );

  /**
   * Where the editor of a note starts on the board: over the note, growing towards the line's end
   * (leftwards in Arabic), and kept on the board so none of it is cut off at the board's edge.
   */
  const editorLeft = (rect: { x: number; width: number }) =>
    Math.max(0, Math.min(layout.width - NOTE_EDITOR_WIDTH, direction === 'rtl' ? rect.x + rect.width - NOTE_EDITOR_WIDTH : rect.x));

  /** The editor of a note added by double-clicking the free area: from the click towards the line's end, within the area. */
  const freeEditorLeft = (clickX: number, areaWidth: number) =>
    Math.max(0, Math.min(areaWidth - NOTE_EDITOR_WIDTH, direction === 'rtl' ? clickX - NOTE_EDITOR_WIDTH : clickX));

  const editorFor = (target: string, style: React.CSSProperties) => (
    <Box style={style} sx={{ position: 'absolute', zIndex: 3 }}>
      <NoteEditor
        initial={{ text: '', color: 'yellow', status: null, author: null }}
        error={props.editorError}
        onSave={(draft) => props.onAdd(target, draft, target === FREE_TARGET && addAt ? freePosition(layout, template ?? null, direction, addAt) : undefined)}
        onCancel={() => props.setAdding(null)}
      />
    </Box>
  );

  const free = layout.free;
  const menuNote = menu ? notesById.get(menu.noteId) : undefined;
  const closeMenu = () => setMenu(null);
  const liftedNote = lifted ? notesById.get(lifted.noteId) : undefined;
  const liftTarget = lifted && liftedNote && lifted.target !== targetOfNote(liftedNote) ? lifted.target : null;

  return (
    <NoteActionsContext.Provider value={actions}>
      <div hidden id={instructionsId}>
        {t('canvas.dnd.instructions')}
      </div>
      <div style={{ width: layout.width * zoom, height: layout.height * zoom, position: 'relative' }} ref={outer}>
        <BoardSurface
          ref={surface}
          style={{ position: 'absolute', left: 0, top: 0, width: layout.width, height: layout.height, transform: `scale(${zoom})`, transformOrigin: '0 0' }}
          data-board-ready=""
        >
          {layout.zones.map(({ key, rect }) => {
            const zone = zones.find((z) => z.key === key)!;
            return (
              <Zone key={key} zoneKey={key} rect={rect} title={zone.title} hint={zone.hint} raised={adding === key || (editing !== null && notesById.get(editing)?.zoneKey === key)} target={liftTarget === key} onAdd={onAddZone}>
                {layout.clusters
                  .filter((c) => c.zoneKey === key)
                  .map((c) => {
                    const cluster = clustersById.get(c.id)!;
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
                <ul className="note-list" aria-label={t('canvas.zoneNotes', { zone: zone.title })}>
                  {renderNotes(key, rect)}
                </ul>
                {adding === key && editorFor(key, { insetInlineStart: 8, top: 40 })}
              </Zone>
            );
          })}
          {free && (
            <Box
              component="section"
              aria-labelledby="free-area-heading"
              data-free-area=""
              data-drop-key={FREE_TARGET}
              style={{ left: free.x, top: free.y, width: free.width, height: free.height }}
              sx={{ position: 'absolute', bgcolor: liftTarget === FREE_TARGET ? 'action.selected' : undefined, outline: liftTarget === FREE_TARGET ? '3px dashed' : 'none', outlineColor: 'primary.main', outlineOffset: -3, zIndex: adding === FREE_TARGET ? 2 : undefined }}
              onDoubleClick={(e) => {
                // Only the empty board: a double-click on a note edits it (NoteCard stops it).
                if (e.target !== e.currentTarget && !(e.target as HTMLElement).matches('ul, [data-free-hint]')) return;
                const box = surface.current!.getBoundingClientRect();
                setAddAt({ x: (e.clientX - box.left) / zoom, y: (e.clientY - box.top) / zoom });
                props.setAdding(FREE_TARGET);
              }}
            >
              <Box data-free-hint="" sx={{ px: 1.5, pt: 1, color: 'text.secondary', pointerEvents: 'none' }}>
                <Typography variant="subtitle2" component="h2" id="free-area-heading" sx={{ fontWeight: 700 }}>
                  {t('canvas.free.title')}
                </Typography>
                <Typography variant="caption">{t('canvas.free.hint')}</Typography>
              </Box>
              <ul className="note-list" aria-label={t('canvas.freeNotes')}>
                {renderNotes(FREE_TARGET, free)}
              </ul>
              {adding === FREE_TARGET && editorFor(FREE_TARGET, addAt ? { left: freeEditorLeft(addAt.x - free.x, free.width), top: addAt.y - free.y } : { insetInlineStart: 8, top: 56 })}
            </Box>
          )}
        </BoardSurface>
      </div>
      <Menu anchorEl={menu?.anchor} open={menu !== null && !menu.moving && menuNote !== undefined} onClose={closeMenu}>
        <MenuItem
          onClick={() => {
            closeMenu();
            props.setEditing(menu!.noteId);
          }}
        >
          {t('canvas.note.edit')}
        </MenuItem>
        <MenuItem aria-haspopup="menu" onClick={() => setMenu({ ...menu!, moving: true })}>
          {t('canvas.note.moveTo')}
        </MenuItem>
        <MenuItem
          onClick={() => {
            closeMenu();
            props.onDelete([menuNote!]);
          }}
        >
          {t('common.delete')}
        </MenuItem>
      </Menu>
      <Menu anchorEl={menu?.anchor} open={menu !== null && menu.moving && menuNote !== undefined} onClose={closeMenu}>
        {menuNote &&
          [...zones.map((z) => ({ key: z.key, title: z.title })), { key: FREE_TARGET, title: t('canvas.free.title') }]
            .filter((z) => z.key !== targetOfNote(menuNote))
            .map((z) => (
              <MenuItem
                key={z.key}
                onClick={() => {
                  closeMenu();
                  props.onMove([menuNote], z.key);
                }}
              >
                {z.title}
              </MenuItem>
            ))}
      </Menu>
    </NoteActionsContext.Provider>
  );
});
