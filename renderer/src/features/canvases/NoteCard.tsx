/**
 * One sticky note on the board, as plain DOM styled by the board's one stylesheet (board-styles):
 * hundreds are mounted at once, so a card holds no MUI components, no menus and no per-card
 * styles. Its props are cheap values and its actions come from a stable context, so a card renders
 * again only when its own note, place, selection, lift or votes change.
 *
 * Only cards in view are mounted (see CanvasBoard). Just before and after them, a placeholder
 * stands for the next note out of view: an empty list item reachable by Tab, so that keyboard
 * users walk on through every note; focusing it scrolls it into view, where it fills in (the item
 * stays the same element, so focus stays too). Every item carries its place in the zone's list
 * (aria-posinset/aria-setsize), so screen readers count all notes, mounted or not.
 */
import { createContext, memo, useContext } from 'react';
import type { TFunction } from 'i18next';
import { NOTE_COLORS, type Note } from '../../../../electron/shared/canvas/model';
import { noteStatusKey } from '../../i18n/labels';
import { BoardIcon } from './board-icons';
import { textDigits } from '../../i18n/i18n';

/** What a card can ask of the board; one object for the board's lifetime. */
export interface NoteActions {
  handleKey(note: Note, event: React.KeyboardEvent): void;
  handleBlur(note: Note): void;
  pointerDown(note: Note, event: React.PointerEvent<HTMLElement>): void;
  toggleSelect(noteId: string): void;
  edit(noteId: string): void;
  openMenu(noteId: string, anchor: HTMLElement): void;
  /** The id of the element holding the keyboard-move instructions. */
  instructionsId: string;
  /** The board's translator (a hook per card would cost more than the card; a new language renders every card). */
  t: TFunction;
}

export const NoteActionsContext = createContext<NoteActions | null>(null);

/** A note's text cut for labels and announcements. */
export const shortText = (text: string) => (text.length > 60 ? `${text.slice(0, 60)}…` : text);

export const NoteCard = memo(function NoteCard({
  note,
  left,
  top,
  full,
  position,
  setSize,
  selected,
  lifted,
  votes,
}: {
  note: Note;
  left: number;
  top: number;
  /** False for a placeholder out of view. */
  full: boolean;
  /** The note's place (from 1) in its zone's list, and the list's length. */
  position: number;
  setSize: number;
  selected: boolean;
  lifted: boolean;
  /** Votes from the latest revealed dot vote, if any. */
  votes: number | undefined;
}) {
  const actions = useContext(NoteActionsContext)!;
  const { t } = actions;
  const label = shortText(note.text);
  const style = { left, top, background: NOTE_COLORS[note.color].fill };
  if (!full) return <li className="note note-placeholder" data-note={note.id} style={style} tabIndex={0} aria-label={label} aria-posinset={position} aria-setsize={setSize} />;
  return (
    <li
      className="note"
      data-note={note.id}
      aria-posinset={position}
      aria-setsize={setSize}
      data-selected={selected || undefined}
      data-lifted={lifted || undefined}
      style={style}
      onClick={(e) => (e.ctrlKey || e.metaKey) && actions.toggleSelect(note.id)}
      onDoubleClick={(e) => {
        e.stopPropagation();
        actions.edit(note.id);
      }}
    >
      <div className="note-bar">
        <button
          type="button"
          className="note-button note-handle"
          data-drag-handle=""
          aria-label={t('canvas.note.drag', { text: label })}
          aria-describedby={actions.instructionsId}
          aria-pressed={lifted}
          onKeyDown={(e) => actions.handleKey(note, e)}
          onBlur={() => actions.handleBlur(note)}
          onPointerDown={(e) => actions.pointerDown(note, e)}
        >
          <BoardIcon name="drag" />
        </button>
        <span className="note-cue">
          <BoardIcon name={NOTE_COLORS[note.color].cue} small />
        </span>
        <span className="note-status">{note.status && t(noteStatusKey(note.status))}</span>
        {votes !== undefined && (
          <span className="note-votes" data-votes={votes}>
            <BoardIcon name="vote" small />
            <span aria-hidden="true">{textDigits(votes)}</span>
            <span className="visually-hidden">{t('workshop.vote.count', { count: votes })}</span>
          </span>
        )}
        <button type="button" className="note-button" aria-label={t('canvas.note.actions', { text: label })} aria-haspopup="menu" onClick={(e) => actions.openMenu(note.id, e.currentTarget)}>
          <BoardIcon name="more" />
        </button>
      </div>
      <p dir="auto" className="note-text">
        {note.text}
      </p>
      {/* The checkbox sits apart from the bar's buttons, so each keeps its own touch target when zoomed out. */}
      <div className="note-foot">
        {note.author && (
          <p dir="auto" className="note-author">
            {note.author}
          </p>
        )}
        <input type="checkbox" className="note-check" checked={selected} onChange={() => actions.toggleSelect(note.id)} aria-label={t('canvas.note.select', { text: label })} />
      </div>
    </li>
  );
});
