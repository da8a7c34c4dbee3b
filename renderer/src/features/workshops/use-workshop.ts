/**
 * The facilitator's view of a canvas's workshops: the running one (if any), the ended ones with
 * their summaries, the canvas's zones in the UI language, and one way to run a workshop method that
 * turns a refusal into a translated message.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import type { MethodInput, MethodName, MethodOutput } from '../../../../electron/shared/api/contract';
import { useApiClient } from '../../api/api-context';
import { useApiQuery } from '../../api/hooks';
import { saving } from '../../api/pending-saves';
import { useSettings } from '../../app/settings-context';
import { useTemplates } from '../canvases/use-templates';
import { participantErrorKey } from './error-key';

/** The canvas (once its id is known) and its template's zones titled in the UI language. */
export function useCanvasZones(canvasId: string | undefined) {
  const board = useApiQuery('canvases.get', { id: canvasId ?? '' }, { enabled: canvasId !== undefined });
  const templates = useTemplates();
  const { settings } = useSettings();
  const zones = useMemo(
    () => (templates.find(board.data?.canvas.templateId ?? null)?.zones ?? []).map((z) => ({ key: z.key, title: z.title[settings.language] })),
    [templates, board.data, settings.language],
  );
  return { board, zones };
}

export function useWorkshops(canvasId: string) {
  const list = useApiQuery('workshops.list', { canvasId });
  const { board, zones } = useCanvasZones(canvasId);
  const running = list.data?.find((w) => w.endedAt === null) ?? null;
  const ended = list.data?.filter((w) => w.endedAt !== null) ?? [];
  return { list, board, zones, running, ended };
}

/** Calls a method; a refusal becomes `error` (a catalogue key) rather than an exception. */
export function useWorkshopCall() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async <M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M> | undefined> => {
      setBusy(true);
      setError(null);
      const result = await saving(() => client.call(method, input));
      setBusy(false);
      if (!result.ok) setError(participantErrorKey(result.error));
      // A refusal often means this screen is behind (the workshop ended elsewhere): read it again too.
      await queryClient.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('workshops.') });
      return result.ok ? result.value : undefined;
    },
    [client, queryClient],
  );
  return { run, error, busy };
}

export type WorkshopCall = ReturnType<typeof useWorkshopCall>;
