/**
 * The few icons a note card draws (Material icons' shapes), as background images from the board's
 * one stylesheet (board-styles) rather than inline SVG. Chromium gives every inline <svg> its own
 * clip and transform, and the page's layers are worked out again from all of them on each frame a
 * dragged note moves: with a few hundred cards mounted, three icons a card made every frame of a
 * pointer drag several times dearer. A background image is one more drawing in the card's own paint.
 */
import type { NoteCue } from '../../../../electron/shared/canvas/model';

const PATHS = {
  drag: 'M11 18c0 1.1-.9 2-2 2s-2-.9-2-2 .9-2 2-2 2 .9 2 2m-2-8c-1.1 0-2 .9-2 2s.9 2 2 2 2-.9 2-2-.9-2-2-2m0-6c-1.1 0-2 .9-2 2s.9 2 2 2 2-.9 2-2-.9-2-2-2m6 4c1.1 0 2-.9 2-2s-.9-2-2-2-2 .9-2 2 .9 2 2 2m0 2c-1.1 0-2 .9-2 2s.9 2 2 2 2-.9 2-2-.9-2-2-2m0 6c-1.1 0-2 .9-2 2s.9 2 2 2 2-.9 2-2-.9-2-2-2',
  more: 'M12 8c1.1 0 2-.9 2-2s-.9-2-2-2-2 .9-2 2 .9 2 2 2m0 2c-1.1 0-2 .9-2 2s.9 2 2 2 2-.9 2-2-.9-2-2-2m0 6c-1.1 0-2 .9-2 2s.9 2 2 2 2-.9 2-2-.9-2-2-2',
  vote: 'M18 13h-.68l-2 2h1.91L19 17H5l1.78-2h2.05l-2-2H6l-3 3v4c0 1.1.89 2 1.99 2H19c1.1 0 2-.89 2-2v-4zm-1-5.05-4.95 4.95-3.54-3.54 4.95-4.95zm-4.24-5.66L6.39 8.66c-.39.39-.39 1.02 0 1.41l4.95 4.95c.39.39 1.02.39 1.41 0l6.36-6.36c.39-.39.39-1.02 0-1.41L14.16 2.3c-.38-.4-1.01-.4-1.4-.01',
  circle: 'M12 2C6.47 2 2 6.47 2 12s4.47 10 10 10 10-4.47 10-10S17.53 2 12 2',
  heart: 'm12 21.35-1.45-1.32C5.4 15.36 2 12.28 2 8.5 2 5.42 4.42 3 7.5 3c1.74 0 3.41.81 4.5 2.09C13.09 3.81 14.76 3 16.5 3 19.58 3 22 5.42 22 8.5c0 3.78-3.4 6.86-8.55 11.54z',
  square: 'M3 3h18v18H3z',
  triangle: 'M12 7.77 18.39 18H5.61zM12 4 2 20h20z',
  diamond: 'M12.16 3h-.32L9.21 8.25h5.58zm4.3 5.25h5.16L19 3h-5.16zm4.92 1.5h-8.63V20.1zM11.25 20.1V9.75H2.62zM7.54 8.25 10.16 3H5L2.38 8.25z',
  star: 'M12 17.27 18.18 21l-1.64-7.03L22 9.24l-7.19-.61L12 2 9.19 8.63 2 9.24l5.46 4.73L5.82 21z',
} satisfies Record<NoteCue | 'drag' | 'more' | 'vote', string>;

export type BoardIconName = keyof typeof PATHS;

/** The icons' colour: a note's ink, which is the same in every theme (notes keep light fills). */
export const NOTE_INK = '#1a1a1a';

const image = (path: string) =>
  `url("data:image/svg+xml,${encodeURIComponent(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="${NOTE_INK}"><path d="${path}"/></svg>`)}")`;

const byShape = (style: (url: string) => object) => Object.fromEntries(Object.entries(PATHS).map(([name, path]) => [`& .note-icon-${name}`, style(image(path))]));

/**
 * The board stylesheet's rules for the icons: one class per shape, two sizes. With the system's
 * forced colours (Windows high contrast) a card takes the system's background and text colours but
 * a background image keeps its own ink, which could be dark on dark: there the shape is a mask over
 * the system's text colour instead. Only there: a mask is one more layer per card in a drag.
 */
export const iconStyles = {
  '& .note-icon': { display: 'inline-block', flexShrink: 0, width: 20, height: 20, backgroundSize: '100% 100%', backgroundRepeat: 'no-repeat' },
  '& .note-icon-small': { width: 14, height: 14 },
  ...byShape((url) => ({ backgroundImage: url })),
  '@media (forced-colors: active)': {
    '& .note-icon': { forcedColorAdjust: 'none', backgroundColor: 'CanvasText', maskSize: '100% 100%', maskRepeat: 'no-repeat' },
    ...byShape((url) => ({ backgroundImage: 'none', maskImage: url })),
  },
};

export function BoardIcon({ name, small = false }: { name: BoardIconName; small?: boolean }) {
  return <span aria-hidden="true" className={`note-icon note-icon-${name}${small ? ' note-icon-small' : ''}`} />;
}
