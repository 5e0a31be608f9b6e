import type { ConversationEvent, EventBus, Logger } from '../../core/ports';

/** Synchronous in-process event bus; a failing listener is logged and does not stop the others. */
export function createEventBus(logger: Logger): EventBus {
  const listeners = new Set<(event: ConversationEvent) => void>();
  return {
    publish(event) {
      for (const listener of listeners) {
        try {
          listener(event);
        } catch (e) {
          logger.log('error', 'event_listener_failed', { type: event.type, error: (e as Error).message });
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
