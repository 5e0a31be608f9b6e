import express, { type Express, type RequestHandler } from 'express';
import type { Assistant } from '../../core/conversation';
import type { Clock, ConversationStore, Logger } from '../../core/ports';
import type { Metrics } from '../system/metrics';
import { webRoutes } from '../web/web-routes';
import { chatRoutes } from './chat-routes';
import { ApiError, errorHandler } from './errors';
import { healthRoutes } from './health-routes';
import { metricsRoutes, requestMetrics } from './metrics-routes';
import type { RateWindowStore } from '../storage/ports';
import { rateLimit } from './rate-limit';
import { requestLog } from './request-log';

export type HttpAppDeps = {
  assistant: Assistant;
  store: ConversationStore;
  logger: Logger;
  clock: Clock;
  rateLimitPerMinute: number;
  /** Where the chat's rate limit counts (Stores.rateWindows, shared by replicas on PostgreSQL); default this process. */
  rateWindows?: RateWindowStore;
  /** express `trust proxy`: false, a hop count or proxy addresses (never `true`: see config.ts). */
  trustProxy: false | number | string[];
  /** True once the knowledge base is indexed (/readyz answers 503 before). */
  isReady: () => boolean;
  /** Throws when storage cannot take a write (/readyz answers 503 then); default: no check. */
  checkStorage?: () => void | Promise<void>;
  /** Request latency is observed here; GET /metrics is served when `metricsToken` is set too. */
  metrics?: Metrics;
  /** Bearer token of GET /metrics on this app; unset: no /metrics here (see METRICS_PORT). */
  metricsToken?: string;
  /** Extra routers mounted under /api/v1 by other adapters (coordinators, declaration check). */
  apiRouters?: express.Router[];
  /** Extra routers mounted at the root (console pages). */
  pageRouters?: express.Router[];
};

/** Security headers for every response; the pages load only their own scripts and styles. */
const securityHeaders: RequestHandler = (_req, res, next) => {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Content-Security-Policy', "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'");
  next();
};

/**
 * API answers hold conversations, cases and casebook entries: no browser or proxy may keep a
 * copy (issue 14 item 11). Event streams set their own `no-cache, no-store, no-transform`.
 */
const noStore: RequestHandler = (_req, res, next) => {
  res.setHeader('Cache-Control', 'no-store');
  next();
};

/** The express app: web chat, JSON API, health check, one error handler. */
export function createHttpApp(deps: HttpAppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', deps.trustProxy);
  app.use(requestLog(deps.logger));
  if (deps.metrics) app.use(requestMetrics(deps.metrics));
  app.use(securityHeaders);
  app.use(healthRoutes({ isIndexed: deps.isReady, checkStorage: deps.checkStorage ?? (() => undefined), logger: deps.logger }));
  if (deps.metrics && deps.metricsToken) app.use(metricsRoutes(deps.metrics, deps.metricsToken));
  const limiter = rateLimit(deps.rateLimitPerMinute, deps.clock, { windows: deps.rateWindows, scope: 'chat' });
  app.use('/api', noStore);
  app.use('/api/v1', express.json({ limit: '64kb', strict: true }));
  app.use('/api/v1', chatRoutes({ assistant: deps.assistant, store: deps.store, limiter, capCasesPerClient: deps.rateLimitPerMinute > 0 }));
  for (const r of deps.apiRouters ?? []) app.use('/api/v1', r);
  app.use('/api', (req) => {
    throw new ApiError('not_found', `no route ${req.method} ${req.originalUrl}`);
  });
  for (const r of deps.pageRouters ?? []) app.use(r);
  app.use(webRoutes());
  app.use(errorHandler(deps.logger));
  return app;
}
