/**
 * The board's one stylesheet: zones, notes and their parts are plain elements with class names,
 * styled here once per theme instead of per element (see NoteCard for why).
 */
import { styled } from '@mui/material/styles';
import { METRICS } from '../../../../electron/shared/canvas/layout';
import { iconStyles, NOTE_INK } from './board-icons';

// The surface's own position and scale are inline styles (see CanvasBoard): the right-to-left
// style cache would mirror left and transform-origin, while the layout has mirrored the board already.
export const BoardSurface = styled('div')(({ theme }) => {
  const focus = { outline: `3px solid ${theme.palette.primary.main}`, outlineOffset: 1 };
  return {
    '& .note': {
      position: 'absolute',
      listStyle: 'none',
      boxSizing: 'border-box',
      width: METRICS.note.width,
      height: METRICS.note.height,
      color: NOTE_INK,
      borderRadius: 4,
      boxShadow: '0 1px 3px rgba(0,0,0,0.25)',
      display: 'flex',
      flexDirection: 'column',
      // No overflow clip: the parts fit the card (the text shrinks and clamps itself), and a clip
      // round every card's contents made each frame of a pointer drag dearer (see board-icons).
      fontSize: 13,
      '&:focus-visible': focus,
      '&[data-selected], &[data-lifted]': { outline: `3px solid ${theme.palette.primary.main}` },
      '&[data-lifted]': { transform: 'rotate(-2deg)' },
      // Moved by the pointer: its transform is written straight to the element, frame by frame, on
      // a layer of its own, so the board under it is not drawn again.
      '&[data-dragging]': { zIndex: 10, boxShadow: '0 8px 20px rgba(0,0,0,0.35)', opacity: 0.9, willChange: 'transform' },
      // Forced colours (Windows high contrast) drop the shadow and the fill: a border keeps the card's edge.
      '@media (forced-colors: active)': { border: '1px solid CanvasText' },
    },
    ...iconStyles,
    '& .note-placeholder': { boxShadow: 'none', opacity: 0.6 },
    '& .note-bar': { display: 'flex', alignItems: 'center', minHeight: 28, gap: 2, paddingInline: 2 },
    '& .note-button': {
      display: 'inline-flex',
      alignItems: 'center',
      justifyContent: 'center',
      width: 24,
      height: 24,
      padding: 0,
      border: 0,
      borderRadius: '50%',
      background: 'transparent',
      color: 'inherit',
      cursor: 'pointer',
      '&:hover': { background: 'rgba(0,0,0,0.08)' },
      '&:focus-visible': focus,
    },
    // The handle takes pointer and touch drags itself: no browser panning or text selection.
    '& .note-handle': { cursor: 'grab', touchAction: 'none', userSelect: 'none' },
    '& .note-cue': { display: 'inline-flex' },
    '& .note-status': { flex: 1, minWidth: 0, fontSize: 11, fontWeight: 600, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' },
    '& .note-votes': { display: 'inline-flex', alignItems: 'center', gap: 2, fontSize: 12, fontWeight: 700, paddingInline: 4, borderRadius: 8, background: 'rgba(255,255,255,0.7)' },
    '& .note-check': { width: 20, height: 20, margin: 2, accentColor: theme.palette.primary.main, cursor: 'pointer', '&:focus-visible': focus },
    '& .note-text': {
      margin: 0,
      flexShrink: 1,
      minHeight: 0,
      paddingInline: 8,
      fontSize: 13,
      lineHeight: 1.3,
      overflow: 'hidden',
      display: '-webkit-box',
      WebkitLineClamp: 3,
      WebkitBoxOrient: 'vertical',
      overflowWrap: 'anywhere',
    },
    '& .note-foot': { display: 'flex', alignItems: 'center', justifyContent: 'flex-end', marginTop: 'auto', paddingInlineStart: 8, paddingInlineEnd: 2, paddingBottom: 2 },
    '& .note-author': { flex: 1, minWidth: 0, margin: 0, fontSize: 11, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' },
    '& .note-list': { margin: 0, padding: 0 },
    // Where a pointer drag would drop the note.
    '& [data-drop-target]': { background: theme.palette.action.selected, outline: `3px dashed ${theme.palette.primary.main}`, outlineOffset: -3 },
  };
});
