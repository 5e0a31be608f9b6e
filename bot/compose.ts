import { randomInt } from 'node:crypto';
import type { Express } from 'express';
import { agencyRoutes } from './adapters/http/agency-routes';
import { batchRoutes } from './adapters/http/batch-routes';
import { createHttpApp } from './adapters/http/app';
import { agencyPages } from './adapters/web/agency-pages';
import { createCoordination, type Coordination } from './adapters/http/coordinator-setup';
import { declarationRoutes } from './adapters/http/declaration-routes';
import { rateLimit } from './adapters/http/rate-limit';
import { createStores } from './adapters/storage/create-stores';
import type { Stores } from './adapters/storage/ports';
import { createEventBus } from './adapters/system/event-bus';
import { createTelegramChannel, loadTelegramTextsOrThrow, type TelegramChannel, type TelegramChannelOptions } from './adapters/telegram';
import { createLogger, randomIds, systemClock } from './adapters/system/system';
import { createWechatChannel, loadWechatTextsOrThrow, type WechatChannel, type WechatChannelOptions } from './adapters/wechat';
import type { Config } from './config';
import { followApprovedEntries, loadApprovedEntries } from './compose-knowledge';
import { createOperations, observeTimeToClaim, withReplyMetrics, type Operations } from './compose-operations';
import { withLogMetrics } from './adapters/system/metrics';
import { loadAgencyKnowledgeOrThrow, makeQuiz, type AgencyKnowledge } from './core/agency';
import { createAssistant, KnowledgeRuntime, type Assistant } from './core/conversation';
import { createDeclarationService, loadDeclarationKnowledgeOrThrow, type DeclarationService } from './core/declaration';
import { loadKnowledgeOrThrow } from './core/knowledge/load';
import type { Clock, ConversationStore, EventBus, IdGenerator, Logger } from './core/ports';

/** Everything the running assistant is made of; built the same way by main.ts, tests and scripts. */
export type Services = {
  config: Config;
  /** The knowledge base and its index; `runtime.replace(bundle)` re-indexes without a restart. */
  runtime: KnowledgeRuntime;
  /** Every store, from `createStores` (or the `stores` override). */
  stores: Stores;
  events: EventBus;
  store: ConversationStore;
  assistant: Assistant;
  app: Express;
  logger: Logger;
  clock: Clock;
  /** The Telegram bot, when TELEGRAM_BOT_TOKEN is set; main.ts starts it after the server listens. */
  telegram?: TelegramChannel;
  /** Passenger coordinators: accounts, escalation desk, casebook, drafts, console (issue 4). */
  coordination: Coordination;
  /** Declaration check (issue 5): chat step and POST /api/v1/declaration-check. */
  declaration: DeclarationService;
  /** Travel agencies (issue 11): briefings, quiz, bulk questions. */
  agency: AgencyKnowledge;
  /** The WeChat Official Account channel (issue 15), when WECHAT_APP_ID, WECHAT_APP_SECRET and WECHAT_TOKEN are set. */
  wechat?: WechatChannel;
  /** Metrics and open event streams (issue 13); main.ts serves METRICS_PORT and ends streams on SIGTERM. */
  operations: Operations;
  /** Throws when storage cannot take a write (what /readyz checks). */
  checkStorage: () => void | Promise<void>;
  /** Ends live streams, stops the channels without waiting and closes the stores. */
  close(): Promise<void>;
};

/** Reconnect delay suggested to live pages when the server stops: soon, to another replica or the restarted one. */
export const SHUTDOWN_RETRY_MS = 1000;

/** `stores` replaces createStores (tests: memory or a shared database); `databaseFile` replaces the SQLite file (`':memory:'`, or `'memory'` for the memory stores). */
export type ServiceOverrides = { clock?: Clock; ids?: IdGenerator; logger?: Logger; databaseFile?: string; stores?: Stores; telegram?: TelegramChannelOptions; wechat?: WechatChannelOptions };

/** Composition root: config -> knowledge -> engine -> storage -> core -> adapters. */
export async function createServices(config: Config, overrides: ServiceOverrides = {}): Promise<Services> {
  const clock = overrides.clock ?? systemClock;
  // `coordination` is read at scrape time only, after it exists
  const operations = createOperations({ now: () => clock.now(), escalations: () => coordination.deskStore });
  const logger = withLogMetrics(overrides.logger ?? createLogger(config.LOG_LEVEL), operations.metrics);
  const runtime = new KnowledgeRuntime(loadKnowledgeOrThrow(config.KNOWLEDGE_DIR));
  logger.log('info', 'knowledge_indexed', { ...runtime.current().engine.stats });
  // an explicit databaseFile (tests, `npm run ask` without --persist) wins over DATABASE_URL
  const stores = overrides.stores ?? (await createStores(overrides.databaseFile ? { databaseFile: overrides.databaseFile } : config, clock));
  const store = stores.conversations;
  // several replicas on PostgreSQL share live events; one process keeps the in-process bus
  const shared = stores.shareEvents ? await stores.shareEvents(logger) : undefined;
  // time to claim is counted where a claim is published, so a shared bus does not count it on every replica
  const events = observeTimeToClaim(shared ?? createEventBus(logger), () => coordination.deskStore, operations.metrics, logger);
  // approved drafts live in the database as an overlay on knowledge/ (issue 13)
  await loadApprovedEntries(runtime, stores.approvedEntries, logger);
  followApprovedEntries(events, runtime, stores.approvedEntries, logger);
  const ids = overrides.ids ?? randomIds;
  const declaration = createDeclarationService(loadDeclarationKnowledgeOrThrow(config.KNOWLEDGE_DIR));
  const agency = loadAgencyKnowledgeOrThrow(config.KNOWLEDGE_DIR);
  const agencyForChat = { knowledge: agency, linkBase: config.PUBLIC_URL?.replace(/\/+$/, '') ?? '' };
  const assistant = withReplyMetrics(createAssistant({ runtime, store, events, clock, ids, logger, declaration, agency: agencyForChat }), operations.metrics);
  const telegram = config.TELEGRAM_BOT_TOKEN
    ? createTelegramChannel(
        { token: config.TELEGRAM_BOT_TOKEN, apiRoot: config.TELEGRAM_API_ROOT, webhookUrl: config.TELEGRAM_WEBHOOK_URL, webhookSecret: config.TELEGRAM_WEBHOOK_SECRET, rateLimitPerMinute: config.RATE_LIMIT_PER_MINUTE },
        { assistant, store, events, chats: stores.telegramChats, rateWindows: stores.rateWindows, texts: loadTelegramTextsOrThrow(config.KNOWLEDGE_DIR), logger, clock, quiz: { texts: agency.texts.texts, make: (lang, seed, count) => makeQuiz(runtime.current().knowledge, agency, { lang, seed, count }) } },
        overrides.telegram,
      )
    : undefined;
  const coordination = await createCoordination({ stores, store, events, clock, runtime, logger, knowledgeDir: config.KNOWLEDGE_DIR, loginRateLimitPerMinute: config.RATE_LIMIT_PER_MINUTE, stream: { heartbeatMs: config.SSE_HEARTBEAT_SECONDS * 1000, registry: operations.streams } });
  // a real write on either engine: a full or read-only disk turns /readyz red
  const checkStorage = () => stores.ping();
  const wechat = createWechat(config, { assistant, runtime, store, events, users: stores.wechatUsers, pushes: stores.wechatPushes, tokens: stores.wechatTokens, rateWindows: stores.rateWindows, notes: coordination.deskStore, clock, logger }, overrides.wechat);
  const app = createHttpApp({
    assistant,
    store,
    logger,
    clock,
    rateLimitPerMinute: config.RATE_LIMIT_PER_MINUTE,
    rateWindows: stores.rateWindows,
    trustProxy: config.TRUST_PROXY,
    isReady: () => true,
    checkStorage,
    metrics: operations.metrics,
    metricsToken: config.METRICS_TOKEN,
    apiRouters: [...coordination.apiRouters, declarationRoutes({ service: declaration, runtime, limiter: rateLimit(config.RATE_LIMIT_PER_MINUTE, clock, { windows: stores.rateWindows, scope: 'declaration' }) }), agencyRoutes({ agency, runtime, limiter: rateLimit(config.RATE_LIMIT_PER_MINUTE, clock, { windows: stores.rateWindows, scope: 'agency' }), randomSeed: () => randomInt(2 ** 32) }), batchRoutes({ runtime, declaration, agency: agencyForChat, clock, ids, logger, limiter: rateLimit(config.RATE_LIMIT_PER_MINUTE, clock, { windows: stores.rateWindows, scope: 'batch' }) })],
    pageRouters: [...(telegram?.router ? [telegram.router] : []), ...(wechat ? [wechat.router] : []), ...coordination.pageRouters, agencyPages()],
  });
  const close = async () => {
    operations.streams.closeAll(SHUTDOWN_RETRY_MS); // an open stream would keep the server from closing
    void telegram?.stop(); // for a graceful stop, `await services.telegram?.stop()` first (main.ts does)
    void wechat?.stop(); // likewise `await services.wechat?.stop()` to let queued WeChat sends finish
    await shared?.close();
    await stores.close();
  };
  return { config, runtime, stores, events, store, assistant, app, logger, clock, telegram, coordination, declaration, agency, wechat, operations, checkStorage, close };
}

/** The WeChat channel when its three required variables are set (config.ts checks they come together). */
function createWechat(config: Config, deps: Omit<Parameters<typeof createWechatChannel>[1], 'texts'>, options?: WechatChannelOptions): WechatChannel | undefined {
  if (!config.WECHAT_APP_ID || !config.WECHAT_APP_SECRET || !config.WECHAT_TOKEN) return undefined;
  const settings = {
    appId: config.WECHAT_APP_ID,
    appSecret: config.WECHAT_APP_SECRET,
    token: config.WECHAT_TOKEN,
    encodingAesKey: config.WECHAT_ENCODING_AES_KEY,
    path: config.WECHAT_PATH,
    apiRoot: config.WECHAT_API_ROOT,
    rateLimitPerMinute: config.RATE_LIMIT_PER_MINUTE,
  };
  return createWechatChannel(settings, { ...deps, texts: loadWechatTextsOrThrow(config.KNOWLEDGE_DIR) }, options);
}
