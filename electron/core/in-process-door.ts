/**
 * The in-process door: the typed client straight onto the dispatcher, for tests and tools that run
 * beside core. Inputs and answers are cloned, as they would be crossing IPC or HTTP, so no caller
 * can hold a reference into core's objects.
 */
import type { Access } from '../shared/api/contract';
import type { Transport } from '../shared/api/client';
import type { Dispatcher } from './dispatch';
import type { EventHub } from './event-hub';

export function inProcessTransport(dispatcher: Dispatcher, events: EventHub, role: Access = 'host'): Transport {
  return {
    call: async (method, input) => structuredClone(await dispatcher.dispatch(method, structuredClone(input), { role, door: 'inprocess' })),
    onEvent: (listener) => events.subscribe((event) => listener(structuredClone(event))),
    methods: async () => new Set(dispatcher.methods),
  };
}
