import express, { type Express, type RequestHandler } from 'express';
import type { Assistant } from '../../core/conversation';
import type { Clock, ConversationStore, Logger } from '../../core/ports';
import { webRoutes } from '../web/web-routes';
import { chatRoutes } from './chat-routes';
import { ApiError, errorHandler } from './errors';
import type { RateWindowStore } from '../storage/ports';
import { rateLimit } from './rate-limit';

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
  /** True once the knowledge base is indexed (healthz answers 503 before). */
  isReady: () => boolean;
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
  app.use(securityHeaders);
  app.get('/healthz', (_req, res) => {
    if (deps.isReady()) res.json({ status: 'ok' });
    else res.status(503).json({ status: 'starting' });
  });
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
