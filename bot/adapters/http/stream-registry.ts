/**
 * The open Server-Sent Event streams of this process, so that they can be counted (metrics) and
 * ended at once on shutdown. Without it, `server.close()` waits for every stream to end by
 * itself and a SIGTERM took ~6.6 s, until the fallback timer killed the process (issue 13).
 */
export type StreamRegistry = {
  /** Registers a stream's `end(retryMs)`; returns the function that unregisters it. */
  add(end: (retryMs: number) => void): () => void;
  size(): number;
  /** Ends every stream with a `retry:` hint, and every stream opened after this at once. */
  closeAll(retryMs: number): void;
};

export function createStreamRegistry(): StreamRegistry {
  const open = new Set<(retryMs: number) => void>();
  let closingRetryMs: number | undefined;
  return {
    add(end) {
      if (closingRetryMs !== undefined) {
        end(closingRetryMs);
        return () => undefined;
      }
      open.add(end);
      return () => void open.delete(end);
    },
    size: () => open.size,
    closeAll(retryMs) {
      closingRetryMs = retryMs;
      for (const end of [...open]) end(retryMs);
      open.clear();
    },
  };
}
