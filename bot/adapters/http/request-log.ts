import type { Request, RequestHandler, Response } from 'express';
import { randomUUID } from 'node:crypto';
import type { Logger } from '../../core/ports';

/** An id the client or a proxy sent us that is safe to echo and log; anything else is replaced. */
const INCOMING_ID = /^[\w.:-]{1,64}$/;

/** Paths polled by probes and scrapers: logged at debug so they do not drown the request log. */
const QUIET_ROUTES = new Set(['/healthz', '/readyz', '/metrics']);

/**
 * The express route pattern that answered (`/api/v1/conversations/:id/messages`), never the raw
 * URL: a conversation id in a path is the traveller's only credential, and ids would make
 * one metric series per conversation. Requests no route answered (static files, 404s) share one
 * label. Call it once the response is finished or closed.
 */
export function routeOf(req: Request): string {
  const route: unknown = req.route;
  if (route && typeof route === 'object' && 'path' in route && typeof route.path === 'string') return `${req.baseUrl}${route.path}`;
  return '(unmatched)';
}

/** The request id `requestLog` gave this request (also sent back as X-Request-Id). */
export function requestIdOf(res: Response): string | undefined {
  const id: unknown = res.locals.requestId;
  return typeof id === 'string' ? id : undefined;
}

/**
 * One JSON log line per request, when its response is finished or the client went away (an event stream ends that way): request id, method, route
 * pattern, status and duration. Never the URL, query, body or headers, which may carry traveller
 * text, conversation ids or tokens (issue 13). Pinned by test/adapters/http/request-log.test.ts.
 */
export function requestLog(logger: Logger, newId: () => string = randomUUID): RequestHandler {
  return (req, res, next) => {
    const incoming = req.headers['x-request-id'];
    const requestId = typeof incoming === 'string' && INCOMING_ID.test(incoming) ? incoming : newId();
    res.locals.requestId = requestId;
    res.setHeader('X-Request-Id', requestId);
    const started = process.hrtime.bigint();
    res.once('close', () => {
      const route = routeOf(req);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      logger.log(QUIET_ROUTES.has(route) ? 'debug' : 'info', 'http_request', { requestId, method: req.method, route, status: res.statusCode, ms: Math.round(ms * 10) / 10 });
    });
    next();
  };
}
