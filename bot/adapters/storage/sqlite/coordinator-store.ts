import type Database from 'better-sqlite3';
import type { Coordinator, CoordinatorCredentials, CoordinatorSession, CoordinatorStore, NewCoordinator } from '../ports';

type Row = { id: number; name: string; role: string; password_hash: string; token_id: string; token_hash: string; disabled: number; created_at: string };

const toCoordinator = (r: Row): Coordinator => ({ id: r.id, name: r.name, role: r.role === 'lead' ? 'lead' : 'coordinator', disabled: r.disabled !== 0, createdAt: r.created_at });
const toCredentials = (r: Row): CoordinatorCredentials => ({ ...toCoordinator(r), passwordHash: r.password_hash, tokenId: r.token_id, tokenHash: r.token_hash });

/**
 * Coordinator accounts and console sessions in SQLite (failed logins: `SqliteLoginAttemptStore`). Passwords and API
 * tokens are stored only as scrypt hashes; sessions by the SHA-256 of their random id.
 */
export class SqliteCoordinatorStore implements CoordinatorStore {
  constructor(private readonly db: Database.Database) {}

  /** Adds an account; false when the name is taken (names are case-insensitive). */
  async add(account: NewCoordinator): Promise<boolean> {
    const info = this.db
      .prepare('INSERT INTO coordinators (name, role, password_hash, token_id, token_hash, created_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(name) DO NOTHING')
      .run(account.name, account.role, account.passwordHash, account.tokenId, account.tokenHash, account.createdAt);
    return info.changes === 1;
  }

  async list(): Promise<Coordinator[]> {
    return (this.db.prepare('SELECT * FROM coordinators ORDER BY name').all() as Row[]).map(toCoordinator);
  }

  async byName(name: string): Promise<CoordinatorCredentials | undefined> {
    const row = this.db.prepare('SELECT * FROM coordinators WHERE name = ?').get(name) as Row | undefined;
    return row ? toCredentials(row) : undefined;
  }

  async byTokenId(tokenId: string): Promise<CoordinatorCredentials | undefined> {
    const row = this.db.prepare('SELECT * FROM coordinators WHERE token_id = ?').get(tokenId) as Row | undefined;
    return row ? toCredentials(row) : undefined;
  }

  async byId(id: number): Promise<Coordinator | undefined> {
    const row = this.db.prepare('SELECT * FROM coordinators WHERE id = ?').get(id) as Row | undefined;
    return row ? toCoordinator(row) : undefined;
  }

  /** Disables an account and ends its sessions; false when there is no such account. */
  async disable(name: string): Promise<boolean> {
    return this.db.transaction(() => {
      const row = this.db.prepare('SELECT id FROM coordinators WHERE name = ?').get(name) as { id: number } | undefined;
      if (!row) return false;
      this.db.prepare('UPDATE coordinators SET disabled = 1 WHERE id = ?').run(row.id);
      this.db.prepare('DELETE FROM coordinator_sessions WHERE coordinator_id = ?').run(row.id);
      return true;
    })();
  }

  async createSession(session: { idHash: string; coordinatorId: number; csrf: string; createdAt: string; expiresAt: string }): Promise<void> {
    this.db.prepare('DELETE FROM coordinator_sessions WHERE expires_at <= ?').run(session.createdAt);
    this.db.prepare('INSERT INTO coordinator_sessions (id_hash, coordinator_id, csrf, created_at, expires_at) VALUES (?, ?, ?, ?, ?)').run(session.idHash, session.coordinatorId, session.csrf, session.createdAt, session.expiresAt);
  }

  /** The live session with this id hash, with its (enabled) coordinator. */
  async session(idHash: string, now: string): Promise<CoordinatorSession | undefined> {
    const row = this.db
      .prepare('SELECT s.csrf, s.expires_at, c.* FROM coordinator_sessions s JOIN coordinators c ON c.id = s.coordinator_id WHERE s.id_hash = ? AND s.expires_at > ? AND c.disabled = 0')
      .get(idHash, now) as (Row & { csrf: string; expires_at: string }) | undefined;
    return row ? { coordinator: toCoordinator(row), csrf: row.csrf, expiresAt: row.expires_at } : undefined;
  }

  async deleteSession(idHash: string): Promise<void> {
    this.db.prepare('DELETE FROM coordinator_sessions WHERE id_hash = ?').run(idHash);
  }
}
