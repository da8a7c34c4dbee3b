/**
 * The board's polite live region. It keeps its own state, so an announcement (several per drag,
 * one per zone crossed) renders only the region, not the canvas page around the board.
 */
import Box from '@mui/material/Box';
import { useCallback, useLayoutEffect, useRef, useState, type RefObject } from 'react';

function Announcer({ bind }: { bind: RefObject<((text: string) => void) | null> }) {
  const [message, setMessage] = useState('');
  useLayoutEffect(() => {
    bind.current = setMessage;
    return () => {
      bind.current = null;
    };
  }, [bind]);
  return (
    <Box role="status" aria-live="polite" data-canvas-announcer="" className="visually-hidden">
      {message}
    </Box>
  );
}

/** The live region to render, and a stable function that announces through it. */
export function useAnnouncer() {
  const bind = useRef<((text: string) => void) | null>(null);
  const announce = useCallback((text: string) => bind.current?.(text), []);
  return { announce, region: <Announcer bind={bind} /> };
}
