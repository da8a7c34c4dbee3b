import { createTheme, type Theme } from '@mui/material/styles';
import type { ThemeName } from '../../../electron/shared/domain/settings';

const FONT_FAMILY = '"Noto Sans", "Noto Sans Arabic", system-ui, sans-serif';

/** The words MUI's own components would otherwise say in English, from the catalogue of the app's language. */
export interface BuiltInTexts {
  close: string;
  openList: string;
  closeList: string;
  clear: string;
  noMatches: string;
  loading: string;
}

/**
 * Light, dark and the projector theme (high contrast, large type, for workshops on a wall).
 * Focus is drawn with `outline`, which survives Windows high-contrast mode.
 */
export function createAppTheme(name: ThemeName, direction: 'ltr' | 'rtl', texts: BuiltInTexts): Theme {
  const projector = name === 'projector';
  const focus = projector ? '#ffd400' : name === 'dark' ? '#90caf9' : '#0b57d0';
  return createTheme({
    direction,
    palette:
      name === 'light'
        ? { mode: 'light', primary: { main: '#0b5e55' }, secondary: { main: '#8a4b08' } }
        : name === 'dark'
          ? { mode: 'dark', primary: { main: '#7fd6c9' }, secondary: { main: '#f2b97c' } }
          : {
              mode: 'dark',
              primary: { main: '#ffd400', contrastText: '#000000' },
              secondary: { main: '#7fdbff' },
              background: { default: '#000000', paper: '#000000' },
              text: { primary: '#ffffff', secondary: '#f0f0f0' },
              divider: '#ffffff',
            },
    typography: { fontFamily: FONT_FAMILY, fontSize: projector ? 18 : 14, button: { textTransform: 'none', fontWeight: 600 } },
    components: {
      MuiCssBaseline: {
        styleOverrides: {
          ':focus-visible': { outline: `3px solid ${focus}`, outlineOffset: '2px' },
          // MUI focuses a hidden input inside checkboxes, radios and switches, and removes the outline
          // of a text field's input: the ring goes on the control it belongs to (in high-contrast mode a
          // focused field's border colour alone would not show).
          '.Mui-focusVisible, .MuiInputBase-root.Mui-focused, .MuiPickersInputBase-root.Mui-focused': {
            outline: `3px solid ${focus}`,
            outlineOffset: '2px',
          },
          // What only the app focuses (a page's heading on arrival, the main area from the skip link)
          // is no control: no ring around it.
          '[tabindex="-1"]:focus-visible': { outline: 'none' },
          body: { fontFamily: FONT_FAMILY },
          // Arrows and other directional icons point the other way in Arabic.
          '[dir="rtl"] .flip-rtl': { transform: 'scaleX(-1)' },
          '.visually-hidden': {
            position: 'absolute',
            width: 1,
            height: 1,
            overflow: 'hidden',
            clip: 'rect(0 0 0 0)',
            whiteSpace: 'nowrap',
          },
        },
      },
      MuiButtonBase: { defaultProps: { disableRipple: projector } },
      MuiAlert: { defaultProps: { closeText: texts.close } },
      MuiAutocomplete: {
        defaultProps: { openText: texts.openList, closeText: texts.closeList, clearText: texts.clear, noOptionsText: texts.noMatches, loadingText: texts.loading },
      },
    },
  });
}
