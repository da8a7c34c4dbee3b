/**
 * React Query over the typed client. A failed envelope becomes an `ApiCallError` carrying the
 * stable code and input issues, which components translate.
 */
import { useMutation, useQuery, useQueryClient, type UseQueryOptions } from '@tanstack/react-query';
import type { MethodInput, MethodName, MethodOutput } from '../../../electron/shared/api/contract';
import type { ApiError } from '../../../electron/shared/api/envelope';
import { useApiClient } from './api-context';
import { saving } from './pending-saves';

export class ApiCallError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
  }
}

export function useApiQuery<M extends MethodName>(
  method: M,
  input: MethodInput<M>,
  options: Omit<UseQueryOptions<MethodOutput<M>, ApiCallError>, 'queryKey' | 'queryFn'> = {},
) {
  const client = useApiClient();
  return useQuery<MethodOutput<M>, ApiCallError>({
    queryKey: [method, input],
    queryFn: async () => {
      const result = await client.call(method, input);
      if (!result.ok) throw new ApiCallError(result.error);
      return result.value;
    },
    ...options,
  });
}

/**
 * A mutation; on success every cached query of the same area (`projects.*`) is refetched at once
 * (the `data.changed` event then refreshes the areas it affects, see api-context).
 */
export function useApiMutation<M extends MethodName>(method: M) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  const area = method.split('.')[0];
  return useMutation<MethodOutput<M>, ApiCallError, MethodInput<M>>({
    mutationFn: (input) =>
      saving(async () => {
        const result = await client.call(method, input);
        if (!result.ok) throw new ApiCallError(result.error);
        return result.value;
      }),
    // The sample lab touches every area; other mutations refresh their own.
    onSuccess: () => queryClient.invalidateQueries(area === 'lab' ? undefined : { predicate: (q) => String(q.queryKey[0]).startsWith(`${area}.`) }),
  });
}

/** Whether this door offers a method (desktop-only methods are missing in the browser). */
export function useHasMethod(method: MethodName): boolean {
  const client = useApiClient();
  const { data } = useQuery({ queryKey: ['capability', method], queryFn: () => client.has(method), staleTime: Infinity });
  return data === true;
}
