import { useCallback, useRef, useState } from 'react';
import { ApiCallError } from '../../api/hooks';
import type { UndoStep } from './board-ops';

const LIMIT = 200;

/**
 * Undo and redo over board steps. A step whose inverse is refused (someone changed the notes since)
 * stays where it was and the refusal is reported; the stacks never run ahead of the data. A change
 * shows on the board before core answers (board-ops), so an undo pressed meanwhile first waits for
 * the changes still being saved: it undoes the last change seen, not the one before it.
 */
export function useHistory(onError: (error: ApiCallError) => void, announce: (key: string, step: UndoStep) => void) {
  const past = useRef<UndoStep[]>([]);
  const future = useRef<UndoStep[]>([]);
  const saving = useRef(new Set<Promise<UndoStep>>());
  /** Changes, undos and redos core has not answered yet (the board already shows them). */
  const [unsaved, setUnsaved] = useState(0);
  const [, setVersion] = useState(0);
  const changed = () => setVersion((v) => v + 1);

  /** Runs a change and records it; a refused change is reported and recorded nowhere. */
  const record = useCallback(
    async (run: () => Promise<UndoStep>) => {
      const saved = run();
      saving.current.add(saved);
      setUnsaved((n) => n + 1);
      try {
        const step = await saved;
        past.current = [...past.current.slice(-(LIMIT - 1)), step];
        future.current = [];
        changed();
        return true;
      } catch (e) {
        if (e instanceof ApiCallError) onError(e);
        else throw e;
        return false;
      } finally {
        saving.current.delete(saved);
        setUnsaved((n) => n - 1);
      }
    },
    [onError],
  );

  /**
   * Undos and redos run one after another in the order pressed (Ctrl+Z twice undoes two steps, even
   * while the first is being saved). Once one is refused, those already pressed after it are dropped:
   * they were meant to follow it.
   */
  const queue = useRef<Promise<void>>(Promise.resolve());
  const pressed = useRef(0);
  const droppedThrough = useRef(0);
  const move = useCallback(
    (from: typeof past, to: typeof past, direction: 'undo' | 'redo') => {
      const ticket = ++pressed.current;
      setUnsaved((n) => n + 1);
      const turn = queue.current.then(async () => {
        try {
          while (saving.current.size > 0) await Promise.allSettled([...saving.current]);
          const step = from.current.at(-1);
          if (!step || ticket <= droppedThrough.current) return;
          await step[direction]();
          from.current = from.current.slice(0, -1);
          to.current = [...to.current, step];
          announce(direction === 'undo' ? 'canvas.undone' : 'canvas.redone', step);
        } catch (e) {
          droppedThrough.current = pressed.current;
          if (e instanceof ApiCallError) onError(e);
          else throw e;
        } finally {
          setUnsaved((n) => n - 1);
          changed();
        }
      });
      queue.current = turn.catch(() => {});
      return turn;
    },
    [announce, onError],
  );

  return {
    record,
    undo: () => move(past, future, 'undo'),
    redo: () => move(future, past, 'redo'),
    saving: unsaved > 0,
    canUndo: past.current.length > 0,
    canRedo: future.current.length > 0,
  };
}
