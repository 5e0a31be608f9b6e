import type { Server } from 'node:http';
import type { StreamRegistry } from './stream-registry';

export type GracefulStopOptions = {
  /** Reconnect delay sent to open event streams as their last `retry:` line. */
  retryMs: number;
  /** How long in-flight requests may still run before their connections are cut; default 8 000 ms (Docker waits 10 s before SIGKILL). */
  graceMs?: number;
  /** How often idle keep-alive connections are closed while waiting; default 50 ms. */
  sweepMs?: number;
};

/**
 * Stops an HTTP server gracefully: no new connections, every event stream ended at once with a
 * retry hint, idle keep-alive connections closed, in-flight requests allowed to finish (their
 * connections are closed as soon as they go idle), and after `graceMs` whatever is left is cut.
 * Resolves when the server has closed. Pinned by test/main.test.ts.
 */
export function stopGracefully(server: Server, streams: StreamRegistry, options: GracefulStopOptions): Promise<void> {
  return new Promise((resolve) => {
    let sweep: NodeJS.Timeout | undefined;
    const cut = setTimeout(() => server.closeAllConnections(), options.graceMs ?? 8000);
    server.close(() => {
      clearTimeout(cut);
      clearInterval(sweep);
      resolve();
    });
    streams.closeAll(options.retryMs);
    // A keep-alive connection whose request finishes after close() would otherwise stay open
    // until its keep-alive timeout; closing idle ones repeatedly lets close() complete at once.
    server.closeIdleConnections();
    sweep = setInterval(() => server.closeIdleConnections(), options.sweepMs ?? 50);
  });
}
