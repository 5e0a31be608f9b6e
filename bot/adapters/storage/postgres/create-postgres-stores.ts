import { Pool, types } from 'pg';
import type { Clock } from '../../../core/ports';
import type { Stores } from '../ports';
import { StorageError } from '../storage-error';
import { PostgresCoordinatorStore, PostgresLoginAttemptStore } from './account-stores';
import { PostgresApprovedEntryStore } from './approved-entry-store';
import { PostgresCasebookStore } from './casebook-store';
import { PostgresAccessTokenStore, PostgresTelegramChatStore, PostgresWechatPushLog, PostgresWechatUserStore } from './channel-stores';
import { PostgresConversationStore } from './conversation-store';
import { PostgresEscalationDeskStore } from './desk-store';
import { migratePostgres } from './migrations';
import { PostgresRateWindows } from './rate-windows';
import { createPostgresEventBus, type PostgresEventBusOptions } from './pg-event-bus';

export type PostgresOptions = {
  /** Schema to work in (created if missing); default the connection's search_path (public). Tests give each test its own. */
  schema?: string;
  /** Connections in the pool. Default 10. */
  maxConnections?: number;
  /** The shared event bus's reconnects. */
  events?: PostgresEventBusOptions;
};

/** BIGINT (OID 20) as a number: our bigints are durations in ms and chat ids, far below 2^53. */
const INT8_OID = 20;
const parseTypes = { getTypeParser: (oid: number, format?: string) => (oid === INT8_OID ? (v: string) => Number(v) : types.getTypeParser(oid, format as 'text')) };

/** Where the database is, for logs and CLIs: host, port and database name, never the user or password. */
export function describePostgresUrl(url: string): string {
  try {
    const u = new URL(url);
    return `postgres://${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}`;
  } catch {
    return 'postgres (unparseable DATABASE_URL)';
  }
}

/**
 * Connects to PostgreSQL (`DATABASE_URL`), applies the migrations under an advisory lock, and
 * builds every store on one pool. Errors name the host, never the password.
 */
export async function createPostgresStores(url: string, clock: Clock, options: PostgresOptions = {}): Promise<Stores> {
  const where = describePostgresUrl(url);
  const schema = options.schema;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`bot: schema name ${JSON.stringify(schema)} must be lower-case letters, digits and _`);
  const pool = new Pool({ connectionString: url, max: options.maxConnections ?? 10, types: parseTypes, ...(schema ? { options: `-c search_path=${schema}` } : {}) });
  // an idle client losing its connection must not crash the process; the next query reconnects
  pool.on('error', () => undefined);
  try {
    if (schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await migratePostgres(pool);
  } catch (e) {
    await pool.end();
    throw new StorageError(`cannot open database ${where}: ${(e as Error).message}`, { cause: e });
  }
  return {
    engine: 'postgres',
    location: where,
    conversations: new PostgresConversationStore(pool),
    desk: new PostgresEscalationDeskStore(pool),
    casebook: new PostgresCasebookStore(pool),
    coordinators: new PostgresCoordinatorStore(pool),
    loginAttempts: new PostgresLoginAttemptStore(pool),
    telegramChats: new PostgresTelegramChatStore(pool, () => clock.now()),
    wechatUsers: new PostgresWechatUserStore(pool),
    wechatPushes: new PostgresWechatPushLog(pool),
    wechatTokens: new PostgresAccessTokenStore(pool),
    rateWindows: new PostgresRateWindows(pool),
    approvedEntries: new PostgresApprovedEntryStore(pool),
    shareEvents: (logger) => createPostgresEventBus(url, pool, { logger, schema }, options.events),
    async ping() {
      try {
        await pool.query('INSERT INTO storage_ping (id, at) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET at = excluded.at', [new Date().toISOString()]);
      } catch (e) {
        throw new StorageError(`database ${where} is not writable: ${(e as Error).message}`, { cause: e });
      }
    },
    async close() {
      if (!pool.ended) await pool.end();
    },
  };
}
