import { useMemo } from 'react';
import { BUILT_IN_TEMPLATES } from '../../../../electron/shared/canvas/catalogue';
import type { CanvasTemplate } from '../../../../electron/shared/canvas/template';
import { useApiQuery } from '../../api/hooks';

/**
 * The built-in catalogue and the lab's own templates, found by id. `lab` is what the gallery
 * offers; `find` also knows retired lab templates (deleted while canvases use them), so those
 * canvases keep drawing their zones.
 */
export function useTemplates() {
  const lab = useApiQuery('labTemplates.list', {});
  const retired = useApiQuery('labTemplates.list', { retired: true });
  return useMemo(() => {
    const labTemplates = lab.data ?? [];
    const byId = new Map<string, CanvasTemplate>([...BUILT_IN_TEMPLATES, ...labTemplates, ...(retired.data ?? [])].map((t) => [t.id, t]));
    return { builtIn: BUILT_IN_TEMPLATES, lab: labTemplates, find: (id: string | null) => (id === null ? undefined : byId.get(id)), loading: lab.isPending || retired.isPending };
  }, [lab.data, lab.isPending, retired.data, retired.isPending]);
}
