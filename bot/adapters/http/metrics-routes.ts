import { Router, type RequestHandler } from 'express';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Metrics } from '../system/metrics';
import { sendError } from './errors';
import { routeOf } from './request-log';

/** Observes every request's latency under its route pattern (see `routeOf`). */
export function requestMetrics(metrics: Metrics): RequestHandler {
  return (req, res, next) => {
    const stop = metrics.httpDuration.startTimer();
    res.once('close', () => stop({ method: req.method, route: routeOf(req), status: String(res.statusCode) }));
    next();
  };
}

/** Compares digests, so neither the length nor a prefix of the token leaks through timing. */
const sameSecret = (a: string, b: string) => timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());

/**
 * GET /metrics in Prometheus text format. With `token`, a scrape must send
 * `Authorization: Bearer <token>` (401 otherwise); without one the route is open, which only the
 * separate METRICS_PORT listener uses (main.ts: never on the public port without a token).
 */
export function metricsRoutes(metrics: Metrics, token?: string): Router {
  const router = Router();
  router.get('/metrics', async (req, res) => {
    if (token !== undefined) {
      const header = req.headers.authorization ?? '';
      const given = header.startsWith('Bearer ') ? header.slice('Bearer '.length) : '';
      if (!sameSecret(given, token)) {
        res.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
        return sendError(res, 'unauthorized', 'send Authorization: Bearer <METRICS_TOKEN>');
      }
    }
    res.setHeader('Content-Type', metrics.registry.contentType);
    res.setHeader('Cache-Control', 'no-store');
    res.send(await metrics.registry.metrics());
  });
  return router;
}
