import type { AppEvent } from '../shared/api/events';

export interface EventHub {
  emit(event: AppEvent): void;
  subscribe(listener: (event: AppEvent) => void): () => void;
}

export function createEventHub(): EventHub {
  const listeners = new Set<(event: AppEvent) => void>();
  return {
    emit: (event) => {
      for (const listener of listeners) listener(event);
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
