import { useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, type ReactNode } from 'react';
import type { ApiClient } from '../../../electron/shared/api/client';

const ApiContext = createContext<ApiClient | null>(null);

/** Provides the client and keeps cached queries fresh: a `data.changed` event refetches that area. */
export function ApiProvider({ client, children }: { client: ApiClient; children: ReactNode }) {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      client.onEvent((event) => {
        if (event.type !== 'data.changed') return;
        const area = event.payload.area;
        void queryClient.invalidateQueries({
          predicate: (query) => {
            const method = String(query.queryKey[0]);
            return method.startsWith(`${area}.`) || (area === 'projects' && method.startsWith('activity.'));
          },
        });
      }),
    [client, queryClient],
  );
  return <ApiContext.Provider value={client}>{children}</ApiContext.Provider>;
}

export function useApiClient(): ApiClient {
  const client = useContext(ApiContext);
  if (!client) throw new Error('useApiClient needs an ApiProvider');
  return client;
}
