import type { Clock } from '../../core/ports';
import { createMemoryStores } from './memory';
import type { Stores } from './ports';
import { createPostgresStores } from './postgres';
import { createSqliteStores } from './sqlite';

/** What storage needs from Config: the SQLite file under DATA_DIR, or DATABASE_URL for PostgreSQL. */
export type StorageSettings = { databaseFile: string; DATABASE_URL?: string };

/**
 * The one place stores are built (issue 13): the server, the CLIs and the tests all call it.
 * `DATABASE_URL` selects PostgreSQL; otherwise SQLite in `databaseFile` (`':memory:'` for a
 * private in-memory SQLite, `'memory'` for the plain in-memory stores). Migrations run here,
 * on PostgreSQL under an advisory lock.
 */
export async function createStores(settings: StorageSettings, clock: Clock): Promise<Stores> {
  if (settings.DATABASE_URL) return createPostgresStores(settings.DATABASE_URL, clock);
  if (settings.databaseFile === 'memory') return createMemoryStores();
  return createSqliteStores(settings.databaseFile, clock);
}
