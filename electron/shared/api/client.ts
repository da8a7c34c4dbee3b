/**
 * The typed client. Every UI call goes through `call(method, input)`, typed from the contract; the
 * transport (IPC, HTTP or in-process) only moves envelopes.
 */
import type { AppEvent } from './events';
import type { MethodInput, MethodName, MethodOutput } from './contract';
import type { Result } from './envelope';

export interface Transport {
  call(method: string, input: unknown): Promise<Result<unknown>>;
  onEvent(listener: (event: AppEvent) => void): () => void;
  /** Methods this door offers; desktop-only ones are missing over HTTP. */
  methods(): Promise<ReadonlySet<string>>;
}

export interface ApiClient {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>>;
  onEvent(listener: (event: AppEvent) => void): () => void;
  has(method: MethodName): Promise<boolean>;
}

export function createApiClient(transport: Transport): ApiClient {
  let available: Promise<ReadonlySet<string>> | undefined;
  return {
    call: (method, input) => transport.call(method, input) as Promise<Result<MethodOutput<typeof method>>>,
    onEvent: (listener) => transport.onEvent(listener),
    has: async (method) => (await (available ??= transport.methods())).has(method),
  };
}
