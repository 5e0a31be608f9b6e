import Database from 'better-sqlite3';
import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { StorageError } from '../storage-error';
import { migrate, MIGRATIONS, type Migration } from './migrations';

export { StorageError };

/**
 * Opens (creating if needed) the SQLite file, in WAL mode with foreign keys on, and migrates
 * it. `':memory:'` gives a private in-memory database (tests). The file holds travellers'
 * messages and coordinators' hashes, so it is readable by its owner only (0600, folder 0700 when
 * created here); SQLite gives its -wal and -shm files the same mode (issue 14 item 11).
 */
export function openDatabase(file: string, migrations: readonly Migration[] = MIGRATIONS): Database.Database {
  try {
    if (file !== ':memory:') {
      mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
      closeSync(openSync(file, 'a', 0o600));
      chmodSync(file, 0o600);
    }
    const db = new Database(file);
    if (file !== ':memory:') db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, migrations);
    return db;
  } catch (e) {
    throw new StorageError(`cannot open database ${file}: ${(e as Error).message}`, { cause: e });
  }
}
