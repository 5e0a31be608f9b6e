import Database from 'better-sqlite3';
import { chmodSync, existsSync } from 'node:fs';
import { StorageError } from './open-database';

/**
 * Copies a live SQLite database to `out` with SQLite's online backup API (better-sqlite3
 * `db.backup`): consistent even while the server writes, and it includes what is still in the
 * -wal file, which copying the file would miss. The copy gets mode 0600 like the original (it
 * holds travellers' messages). Returns the pages copied. Never overwrites `out`.
 */
export async function backupSqlite(file: string, out: string): Promise<{ totalPages: number }> {
  if (!existsSync(file)) throw new StorageError(`no database at ${file} (check DATA_DIR)`);
  if (existsSync(out)) throw new StorageError(`${out} exists already: choose a new file name`);
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    const progress = await db.backup(out);
    chmodSync(out, 0o600);
    return { totalPages: progress.totalPages };
  } catch (e) {
    throw new StorageError(`backup of ${file} to ${out} failed: ${(e as Error).message}`, { cause: e });
  } finally {
    db.close();
  }
}
