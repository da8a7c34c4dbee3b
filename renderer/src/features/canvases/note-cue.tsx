import ChangeHistoryIcon from '@mui/icons-material/ChangeHistory';
import CircleIcon from '@mui/icons-material/Circle';
import DiamondIcon from '@mui/icons-material/Diamond';
import FavoriteIcon from '@mui/icons-material/Favorite';
import SquareIcon from '@mui/icons-material/Square';
import StarIcon from '@mui/icons-material/Star';
import type { SvgIconProps } from '@mui/material/SvgIcon';
import { NOTE_COLORS, type NoteColor, type NoteCue } from '../../../../electron/shared/canvas/model';

const ICONS: Record<NoteCue, (props: SvgIconProps) => React.ReactElement> = {
  circle: (p) => <CircleIcon {...p} />,
  heart: (p) => <FavoriteIcon {...p} />,
  square: (p) => <SquareIcon {...p} />,
  triangle: (p) => <ChangeHistoryIcon {...p} />,
  diamond: (p) => <DiamondIcon {...p} />,
  star: (p) => <StarIcon {...p} />,
};

/** The shape that goes with a note colour, so colour is never the only cue. */
export function NoteCueIcon({ noteColor, ...props }: { noteColor: NoteColor } & Omit<SvgIconProps, 'color'>) {
  return ICONS[NOTE_COLORS[noteColor].cue]({ fontSize: 'inherit', ...props });
}
