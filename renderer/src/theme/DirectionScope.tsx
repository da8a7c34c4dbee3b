import { CacheProvider } from '@emotion/react';
import { createTheme, ThemeProvider, type Theme } from '@mui/material/styles';
import type { ReactNode } from 'react';
import { cacheFor } from './direction-cache';

const inDirection = {
  ltr: (outer: Theme) => createTheme(outer, { direction: 'ltr' }),
  rtl: (outer: Theme) => createTheme(outer, { direction: 'rtl' }),
};

/**
 * A part of the page laid out in another direction than the page (a chart's axes, the English column
 * of a bilingual report in the Arabic UI): MUI's styles — alignments, margins, paddings — follow
 * this part's direction, which `dir` alone does not change.
 */
export function DirectionScope({ direction, children }: { direction: 'ltr' | 'rtl'; children: ReactNode }) {
  return (
    <CacheProvider value={cacheFor(direction)}>
      <ThemeProvider theme={inDirection[direction]}>{children}</ThemeProvider>
    </CacheProvider>
  );
}
