import { useEffect, useState } from 'react';
import type { Job } from '../../../../electron/shared/domain/lab';
import { useApiClient } from '../../api/api-context';

/** The latest progress of the running job of this kind, from `job.progress` events. */
export function useJobProgress(kind: string, active: boolean): Job | null {
  const client = useApiClient();
  const [job, setJob] = useState<Job | null>(null);
  useEffect(() => {
    if (!active) return setJob(null);
    return client.onEvent((event) => {
      if (event.type === 'job.progress' && event.payload.kind === kind) setJob(event.payload);
    });
  }, [client, kind, active]);
  return job;
}
