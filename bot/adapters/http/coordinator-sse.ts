import type { Request, Response } from 'express';
import type { StreamRegistry } from './stream-registry';

/** An open Server-Sent Events response. */
export type EventStream = {
  /** Sends one event; `data` is JSON-encoded on one line; `id` lets the client resume (Last-Event-ID). */
  send(event: string, data: unknown, id?: number): void;
  /** Runs `cleanup` once when the client goes away (or the stream is closed). */
  onClose(cleanup: () => void): void;
  close(): void;
};

export type EventStreamOptions = {
  /** Interval of the `: ping` comment that keeps proxies from closing an idle stream; default 15 000 ms. */
  heartbeatMs?: number;
  /** Reconnect delay suggested to EventSource; default 2 000 ms. */
  retryMs?: number;
  /** Called after each heartbeat (e.g. to end a stream whose credentials no longer hold). */
  onHeartbeat?: () => void;
  /** Where the stream is counted, and ended from on shutdown; default: nowhere. */
  registry?: StreamRegistry;
};

/**
 * Starts an SSE response: `text/event-stream`, no caching or proxy buffering, a `retry:` hint,
 * then a heartbeat comment every `heartbeatMs`. JSON never contains a raw newline, so each
 * event's data fits on one `data:` line.
 */
export function openEventStream(req: Request, res: Response, options: EventStreamOptions = {}): EventStream {
  res.status(200);
  res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
  res.setHeader('Cache-Control', 'no-cache, no-store, no-transform');
  res.setHeader('Connection', 'keep-alive');
  res.setHeader('X-Accel-Buffering', 'no');
  res.flushHeaders();
  res.write(`retry: ${options.retryMs ?? 2000}\n: connected\n\n`);
  const cleanups: (() => void)[] = [];
  let closed = false;
  const heartbeat = setInterval(() => {
    res.write(': ping\n\n');
    options.onHeartbeat?.();
  }, options.heartbeatMs ?? 15_000);
  heartbeat.unref();
  const finish = () => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    for (const c of cleanups.splice(0)) c();
  };
  req.on('close', finish);
  res.on('close', finish);
  const unregister = options.registry?.add((retryMs) => {
    // the hint replaces the usual one: reconnect (to another replica, via the load balancer) soon
    if (!closed) res.write(`retry: ${retryMs}\n: server stopping\n\n`);
    finish();
    res.end();
  });
  if (unregister) cleanups.push(unregister);
  return {
    send(event, data, id) {
      if (closed) return;
      res.write(`${id !== undefined ? `id: ${id}\n` : ''}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    onClose(cleanup) {
      if (closed) cleanup();
      else cleanups.push(cleanup);
    },
    close() {
      finish();
      res.end();
    },
  };
}

/** Open event streams allowed per key (a traveller's conversation, a coordinator): a few tabs; more get 429. */
export const MAX_STREAMS_PER_KEY = 5;

/**
 * Counts open streams per key. `tryOpen` reserves one (false when `max` are open already) and
 * the returned `release` gives it back once. Issue 14 item 8: 500 console streams on one token
 * doubled memory; pinned by test/adapters/http/coordinator-hardening.test.ts.
 */
export function createStreamCounter(max = MAX_STREAMS_PER_KEY) {
  const open = new Map<string, number>();
  return {
    tryOpen(key: string): (() => void) | undefined {
      const n = open.get(key) ?? 0;
      if (n >= max) return undefined;
      open.set(key, n + 1);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        const left = (open.get(key) ?? 1) - 1;
        if (left <= 0) open.delete(key);
        else open.set(key, left);
      };
    },
  };
}
