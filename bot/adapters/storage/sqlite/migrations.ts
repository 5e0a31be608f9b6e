import type Database from 'better-sqlite3';

/**
 * Schema migrations, applied in order; `PRAGMA user_version` records how many ran.
 * Append new migrations at the end; never edit one that has shipped.
 */
export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE conversations (
     id TEXT PRIMARY KEY,
     channel TEXT NOT NULL,
     lang TEXT NOT NULL,
     created_at TEXT NOT NULL,
     state_json TEXT NOT NULL
   );
   CREATE TABLE messages (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     conversation_id TEXT NOT NULL REFERENCES conversations(id),
     author TEXT NOT NULL CHECK (author IN ('traveller','bot','coordinator')),
     text TEXT NOT NULL,
     at TEXT NOT NULL,
     kind TEXT
   );
   CREATE INDEX messages_by_conversation ON messages(conversation_id, id);
   CREATE TABLE escalations (
     id TEXT PRIMARY KEY,
     conversation_id TEXT NOT NULL REFERENCES conversations(id),
     status TEXT NOT NULL CHECK (status IN ('open','claimed','resolved')),
     reasons_json TEXT NOT NULL,
     lang TEXT NOT NULL,
     channel TEXT NOT NULL,
     created_at TEXT NOT NULL,
     trigger_text TEXT NOT NULL,
     claimed_by TEXT,
     claimed_at TEXT,
     resolved_at TEXT
   );
   CREATE INDEX escalations_by_status ON escalations(status, created_at);
   CREATE INDEX escalations_by_conversation ON escalations(conversation_id, status);`,
];

/** Brings a database up to the latest schema inside one transaction. */
export function migrate(db: Database.Database, migrations: readonly string[] = MIGRATIONS): number {
  const current = Number(db.pragma('user_version', { simple: true }));
  if (current > migrations.length) throw new Error(`bot: database schema version ${current} is newer than this build (${migrations.length})`);
  const apply = db.transaction(() => {
    for (let v = current; v < migrations.length; v++) {
      db.exec(migrations[v] ?? '');
      db.pragma(`user_version = ${v + 1}`);
    }
  });
  apply();
  return migrations.length - current;
}
