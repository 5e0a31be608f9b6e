import type Database from 'better-sqlite3';

/**
 * A readiness check that commits one tiny write, so it fails exactly when a chat's write would:
 * read-only database or file system (SQLITE_READONLY), full disk (SQLITE_FULL), I/O errors.
 * `BEGIN IMMEDIATE; ROLLBACK` alone is not enough: it only takes the write lock and succeeds on
 * a full disk (measured on a 2 MB tmpfs). The one-row table is created here rather than by a
 * migration, so the check works on a database of any schema version. Pinned by
 * test/adapters/http/health-routes.test.ts.
 */
export function sqliteWritableCheck(db: Database.Database, now: () => Date = () => new Date()): () => void {
  return () => {
    db.exec('CREATE TABLE IF NOT EXISTS readiness_probe (id INTEGER PRIMARY KEY CHECK (id = 1), at TEXT NOT NULL)');
    db.prepare('INSERT INTO readiness_probe (id, at) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET at = excluded.at').run(now().toISOString());
  };
}
