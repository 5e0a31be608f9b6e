import type { Migration } from './migrations';

/**
 * Tables of the coordinators' desk (issue 4): accounts, sessions, login failures, internal
 * notes, the casebook and knowledge-base drafts. Applied after the core MIGRATIONS (they refer
 * to `escalations`); never edit one that has shipped, add a new one.
 */
export const COORDINATOR_MIGRATIONS: readonly Migration[] = [
  {
    name: 'coordinator-001-accounts',
    sql: `CREATE TABLE coordinators (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     name TEXT NOT NULL UNIQUE COLLATE NOCASE,
     role TEXT NOT NULL CHECK (role IN ('coordinator','lead')),
     password_hash TEXT NOT NULL,
     token_id TEXT NOT NULL UNIQUE,
     token_hash TEXT NOT NULL,
     disabled INTEGER NOT NULL DEFAULT 0,
     created_at TEXT NOT NULL
   );
   CREATE TABLE coordinator_sessions (
     id_hash TEXT PRIMARY KEY,
     coordinator_id INTEGER NOT NULL REFERENCES coordinators(id) ON DELETE CASCADE,
     csrf TEXT NOT NULL,
     created_at TEXT NOT NULL,
     expires_at TEXT NOT NULL
   );
   CREATE INDEX coordinator_sessions_by_expiry ON coordinator_sessions(expires_at);
   CREATE TABLE coordinator_login_failures (
     name TEXT PRIMARY KEY COLLATE NOCASE,
     failures INTEGER NOT NULL,
     locked_until TEXT
   );`,
  },
  {
    name: 'coordinator-002-casebook',
    sql: `CREATE TABLE escalation_notes (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     escalation_id TEXT NOT NULL REFERENCES escalations(id),
     author TEXT NOT NULL,
     text TEXT NOT NULL,
     at TEXT NOT NULL
   );
   CREATE INDEX escalation_notes_by_escalation ON escalation_notes(escalation_id, id);
   CREATE INDEX escalations_by_claimer ON escalations(claimed_by, status);
   CREATE TABLE casebook (
     id TEXT PRIMARY KEY REFERENCES escalations(id),
     conversation_id TEXT NOT NULL,
     lang TEXT NOT NULL,
     channel TEXT NOT NULL,
     reasons_json TEXT NOT NULL,
     category TEXT NOT NULL,
     department TEXT,
     question TEXT NOT NULL,
     summary TEXT NOT NULL,
     transcript_json TEXT NOT NULL,
     coordinator TEXT NOT NULL,
     created_at TEXT NOT NULL,
     claimed_at TEXT NOT NULL,
     resolved_at TEXT NOT NULL,
     waiting_ms INTEGER NOT NULL,
     handling_ms INTEGER NOT NULL,
     draft_id TEXT
   );
   CREATE INDEX casebook_by_resolved ON casebook(resolved_at);
   CREATE TABLE kb_drafts (
     id TEXT PRIMARY KEY,
     case_id TEXT NOT NULL REFERENCES casebook(id),
     status TEXT NOT NULL CHECK (status IN ('open','approved','rejected')),
     entry_json TEXT NOT NULL,
     created_by TEXT NOT NULL,
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL,
     decided_by TEXT,
     decided_at TEXT,
     entry_id TEXT
   );`,
  },
  {
    // Issue 14 items 1–2: failed logins per name AND client, so a stranger cannot lock a
    // coordinator out, and the count is reserved before scrypt in one UPSERT … RETURNING.
    name: 'coordinator-003-login-attempts',
    sql: `DROP TABLE coordinator_login_failures;
   CREATE TABLE coordinator_login_attempts (
     name TEXT NOT NULL COLLATE NOCASE,
     client TEXT NOT NULL,
     failures INTEGER NOT NULL,
     locked_until TEXT,
     failures_total INTEGER NOT NULL DEFAULT 0,
     last_failure_at TEXT,
     PRIMARY KEY (name, client)
   );
   CREATE INDEX coordinator_login_attempts_by_failure ON coordinator_login_attempts(last_failure_at);`,
  },
  {
    // Issue 14 item 9: which REDACTION_RULES_VERSION a case was redacted with; older ones are redacted again.
    name: 'coordinator-004-casebook-redaction-version',
    sql: `ALTER TABLE casebook ADD COLUMN redacted_with INTEGER NOT NULL DEFAULT 1;`,
  },
  {
    // Issue 13: approved drafts kept as an overlay on knowledge/ (the same table as PostgreSQL's).
    name: 'coordinator-005-approved-entries',
    sql: `CREATE TABLE approved_entries (
       entry_id TEXT PRIMARY KEY,
       entry_json TEXT NOT NULL,
       draft_id TEXT NOT NULL,
       approved_by TEXT NOT NULL,
       approved_at TEXT NOT NULL
     );`,
  },
];
