import type Database from 'better-sqlite3';
import type { Express } from 'express';
import { createHttpApp } from './adapters/http/app';
import { openDatabase, SqliteConversationStore } from './adapters/storage/sqlite';
import { createLogger, randomIds, systemClock } from './adapters/system/system';
import type { Config } from './config';
import { buildEngine, createAssistant, type Assistant, type DecideContext, type EngineStats } from './core/conversation';
import { loadKnowledgeOrThrow, type KnowledgeBundle } from './core/knowledge/load';
import type { Clock, IdGenerator, Logger } from './core/ports';

/** Everything the running assistant is made of; built the same way by main.ts, tests and scripts. */
export type Services = {
  config: Config;
  knowledge: KnowledgeBundle;
  engine: DecideContext & { stats: EngineStats };
  db: Database.Database;
  store: SqliteConversationStore;
  assistant: Assistant;
  app: Express;
  logger: Logger;
  clock: Clock;
  close(): void;
};

export type ServiceOverrides = { clock?: Clock; ids?: IdGenerator; logger?: Logger; databaseFile?: string };

/** Composition root: config -> knowledge -> engine -> storage -> core -> adapters. */
export function createServices(config: Config, overrides: ServiceOverrides = {}): Services {
  const logger = overrides.logger ?? createLogger(config.LOG_LEVEL);
  const clock = overrides.clock ?? systemClock;
  const knowledge = loadKnowledgeOrThrow(config.KNOWLEDGE_DIR);
  const engine = buildEngine(knowledge);
  logger.log('info', 'knowledge_indexed', { ...engine.stats });
  const db = openDatabase(overrides.databaseFile ?? config.databaseFile);
  const store = new SqliteConversationStore(db);
  const assistant = createAssistant({ knowledge, engine, store, clock, ids: overrides.ids ?? randomIds, logger });
  const app = createHttpApp({ assistant, store, logger, clock, rateLimitPerMinute: config.RATE_LIMIT_PER_MINUTE, trustProxy: config.TRUST_PROXY, isReady: () => true });
  return { config, knowledge, engine, db, store, assistant, app, logger, clock, close: () => db.close() };
}
