import { Router } from 'express';
import type { Logger } from '../../core/ports';

export type HealthDeps = {
  /** True once the knowledge base is indexed. */
  isIndexed: () => boolean;
  /** Throws (or rejects) when storage cannot take a write: read-only file or file system, full disk, lost connection. */
  checkStorage: () => void | Promise<void>;
  logger: Logger;
  /** How long the storage check may take before /readyz gives up; default 2 000 ms. */
  storageTimeoutMs?: number;
};

/** Rejects after `ms`: a hung database must make /readyz fail, not hang the probe. */
const within = <T>(ms: number, work: () => T | Promise<T>): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    Promise.resolve()
      .then(work)
      .then(resolve, reject)
      .finally(() => clearTimeout(timer));
  });

/**
 * GET /healthz: the process is alive and answers (liveness; never touches storage, so a slow
 * disk does not get a healthy process killed). GET /readyz: it can serve chats, meaning the
 * knowledge is indexed and storage takes a write. Before issue 13, /healthz stayed green with a
 * read-only or full disk while every chat failed with 500; the Docker health check uses /readyz.
 */
export function healthRoutes(deps: HealthDeps): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    if (!deps.isIndexed()) return void res.status(503).json({ status: 'starting', knowledge: 'not_indexed', storage: 'unchecked' });
    try {
      await within(deps.storageTimeoutMs ?? 2000, deps.checkStorage);
    } catch (e) {
      deps.logger.log('warn', 'readiness_storage_failed', { error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
      return void res.status(503).json({ status: 'unavailable', knowledge: 'indexed', storage: 'not_writable' });
    }
    res.json({ status: 'ok', knowledge: 'indexed', storage: 'writable' });
  });
  return router;
}
