import { useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, type ReactNode } from 'react';
import type { ApiClient } from '../../../electron/shared/api/client';

const ApiContext = createContext<ApiClient | null>(null);

/** Which methods' answers a change in each area can alter (records link across areas). */
// `lab` (whether the workspace is empty) follows every change to the lab's records.
const AFFECTED: Record<string, string[]> = {
  projects: ['projects', 'activity', 'gates', 'portfolio', 'ideas', 'search', 'lab', 'backups', 'attachments', 'pilots', 'noteLinks'],
  ideas: ['ideas', 'challenges', 'campaigns', 'scoring', 'projects', 'portfolio', 'search', 'lab'],
  people: ['people', 'entities', 'projects', 'portfolio', 'lab'],
  gates: ['gates'],
  cohorts: ['cohorts', 'projects', 'lab'],
  attachments: ['attachments', 'activity'],
  // A workshop's hidden notes are among its canvas's notes: the projector reads both again together.
  canvases: ['canvases', 'notes', 'labTemplates', 'noteLinks', 'lab', 'pilots', 'workshops'],
  // Note links name KPIs and pilots, and vanish with them.
  pilots: ['pilots', 'noteLinks'],
  settings: ['settings'],
};

/**
 * Provides the client and keeps cached queries fresh: a `data.changed` event refetches what it
 * affects, and a stream that reconnects (the server restarted, the laptop slept) refetches everything.
 */
export function ApiProvider({ client, children }: { client: ApiClient; children: ReactNode }) {
  const queryClient = useQueryClient();
  useEffect(() => {
    let connectedBefore = false;
    return client.onEvent((event) => {
      if (event.type === 'connected') {
        if (connectedBefore) void queryClient.invalidateQueries();
        connectedBefore = true;
        return;
      }
      if (event.type !== 'data.changed') return;
      const areas = AFFECTED[event.payload.area] ?? [event.payload.area];
      void queryClient.invalidateQueries({ predicate: (query) => areas.includes(String(query.queryKey[0]).split('.')[0]) });
    });
  }, [client, queryClient]);
  return <ApiContext.Provider value={client}>{children}</ApiContext.Provider>;
}

export function useApiClient(): ApiClient {
  const client = useContext(ApiContext);
  if (!client) throw new Error('useApiClient needs an ApiProvider');
  return client;
}
