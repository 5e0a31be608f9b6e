import type Database from 'better-sqlite3';

/** One schema change; `name` is unique and recorded once applied. */
export type Migration = { name: string; sql: string };

/**
 * Core schema migrations. Each adapter that needs tables (coordinators, Telegram…) ships its
 * own list and compose.ts passes them all to `openDatabase`; migrations are applied in the
 * order given, each once, recorded by name in `schema_migrations`. Never edit one that has
 * shipped: add a new one.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    name: 'core-001-conversations',
    sql: `CREATE TABLE conversations (
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
  },
  {
    // a bot reply's citations and "more" details (JSON), so a reloaded chat shows them as live (issue 10)
    name: 'core-002-message-meta',
    sql: `ALTER TABLE messages ADD COLUMN meta_json TEXT;`,
  },
  {
    // Issue 14 item 7: who asked, to cap open cases per client.
    name: 'core-003-escalation-client',
    sql: `ALTER TABLE escalations ADD COLUMN client TEXT;
   CREATE INDEX escalations_by_client ON escalations(client, status);`,
  },
];

/** Applies the migrations not yet recorded, in one transaction; returns how many ran. */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
  const done = new Set((db.prepare('SELECT name FROM schema_migrations').all() as { name: string }[]).map((r) => r.name));
  const pending = migrations.filter((m) => !done.has(m.name));
  const apply = db.transaction(() => {
    for (const m of pending) {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)').run(m.name, new Date().toISOString());
    }
  });
  apply();
  return pending.length;
}
