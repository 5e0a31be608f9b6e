import type { Pool } from 'pg';
import type { Coordinator, CoordinatorCredentials, CoordinatorSession, CoordinatorStore, LoginAttempt, LoginAttemptStore, LoginPressure, NewCoordinator } from '../ports';
import { changes, inTransaction, row, rows } from './pg-db';

type Row = { id: number; name: string; role: string; password_hash: string; token_id: string; token_hash: string; disabled: boolean; created_at: string };

const toCoordinator = (r: Row): Coordinator => ({ id: r.id, name: r.name, role: r.role === 'lead' ? 'lead' : 'coordinator', disabled: r.disabled, createdAt: r.created_at });
const toCredentials = (r: Row): CoordinatorCredentials => ({ ...toCoordinator(r), passwordHash: r.password_hash, tokenId: r.token_id, tokenHash: r.token_hash });

/** The name as SQLite's NOCASE compares it: ASCII letters folded, everything else as is. */
export const nameKey = (name: string): string => name.replace(/[A-Z]/g, (c) => c.toLowerCase());

/** Coordinator accounts and console sessions in PostgreSQL: shared by every replica. */
export class PostgresCoordinatorStore implements CoordinatorStore {
  constructor(private readonly pool: Pool) {}

  async add(a: NewCoordinator): Promise<boolean> {
    const sql = 'INSERT INTO coordinators (name, name_key, role, password_hash, token_id, token_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (name_key) DO NOTHING';
    return (await changes(this.pool, sql, [a.name, nameKey(a.name), a.role, a.passwordHash, a.tokenId, a.tokenHash, a.createdAt])) === 1;
  }

  async list(): Promise<Coordinator[]> {
    return (await rows<Row>(this.pool, 'SELECT * FROM coordinators ORDER BY name_key')).map(toCoordinator);
  }

  async byName(name: string): Promise<CoordinatorCredentials | undefined> {
    const r = await row<Row>(this.pool, 'SELECT * FROM coordinators WHERE name_key = $1', [nameKey(name)]);
    return r ? toCredentials(r) : undefined;
  }

  async byTokenId(tokenId: string): Promise<CoordinatorCredentials | undefined> {
    const r = await row<Row>(this.pool, 'SELECT * FROM coordinators WHERE token_id = $1', [tokenId]);
    return r ? toCredentials(r) : undefined;
  }

  async byId(id: number): Promise<Coordinator | undefined> {
    const r = await row<Row>(this.pool, 'SELECT * FROM coordinators WHERE id = $1', [id]);
    return r ? toCoordinator(r) : undefined;
  }

  disable(name: string): Promise<boolean> {
    return inTransaction(this.pool, async (tx) => {
      const r = await row<{ id: number }>(tx, 'UPDATE coordinators SET disabled = true WHERE name_key = $1 RETURNING id', [nameKey(name)]);
      if (!r) return false;
      await tx.query('DELETE FROM coordinator_sessions WHERE coordinator_id = $1', [r.id]);
      return true;
    });
  }

  async createSession(s: { idHash: string; coordinatorId: number; csrf: string; createdAt: string; expiresAt: string }): Promise<void> {
    await this.pool.query('DELETE FROM coordinator_sessions WHERE expires_at <= $1', [s.createdAt]);
    await this.pool.query('INSERT INTO coordinator_sessions (id_hash, coordinator_id, csrf, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)', [s.idHash, s.coordinatorId, s.csrf, s.createdAt, s.expiresAt]);
  }

  async session(idHash: string, now: string): Promise<CoordinatorSession | undefined> {
    const r = await row<Row & { csrf: string; expires_at: string }>(
      this.pool,
      'SELECT s.csrf, s.expires_at, c.* FROM coordinator_sessions s JOIN coordinators c ON c.id = s.coordinator_id WHERE s.id_hash = $1 AND s.expires_at > $2 AND NOT c.disabled',
      [idHash, now],
    );
    return r ? { coordinator: toCoordinator(r), csrf: r.csrf, expiresAt: r.expires_at } : undefined;
  }

  async deleteSession(idHash: string): Promise<void> {
    await this.pool.query('DELETE FROM coordinator_sessions WHERE id_hash = $1', [idHash]);
  }
}

/**
 * Failed console logins per name and client in PostgreSQL, so a lockout holds on every
 * replica. Each step is one INSERT … ON CONFLICT DO UPDATE … RETURNING, atomic under
 * concurrency (the same statements as SqliteLoginAttemptStore).
 */
export class PostgresLoginAttemptStore implements LoginAttemptStore {
  constructor(private readonly pool: Pool) {}

  async begin(name: string, client: string, now: string): Promise<LoginAttempt> {
    const r = await row<{ failures: number; locked_until: string | null }>(
      this.pool,
      `INSERT INTO coordinator_login_attempts AS a (name_key, client, failures) VALUES ($1, $2, 1)
       ON CONFLICT (name_key, client) DO UPDATE SET
         failures = CASE WHEN a.locked_until > $3 THEN a.failures WHEN a.locked_until IS NOT NULL THEN 1 ELSE a.failures + 1 END,
         locked_until = CASE WHEN a.locked_until > $3 THEN a.locked_until ELSE NULL END
       RETURNING failures, locked_until`,
      [nameKey(name), client, now],
    );
    if (!r) throw new Error('bot: INSERT … RETURNING gave no row');
    return { failures: r.failures, ...(r.locked_until ? { lockedUntil: r.locked_until } : {}) };
  }

  async fail(name: string, client: string, now: string, maxFailures: number, lockUntil: string): Promise<{ lockedUntil?: string }> {
    const r = await row<{ locked_until: string | null }>(
      this.pool,
      `INSERT INTO coordinator_login_attempts AS a (name_key, client, failures, failures_total, last_failure_at) VALUES ($1, $2, 1, 1, $3)
       ON CONFLICT (name_key, client) DO UPDATE SET
         locked_until = CASE WHEN a.failures >= $4 THEN GREATEST(COALESCE(a.locked_until, ''), $5) ELSE a.locked_until END,
         failures_total = a.failures_total + 1,
         last_failure_at = $3
       RETURNING locked_until`,
      [nameKey(name), client, now, maxFailures, lockUntil],
    );
    return r?.locked_until && r.locked_until > now ? { lockedUntil: r.locked_until } : {};
  }

  async succeed(name: string, client: string, now: string): Promise<void> {
    await this.pool.query('UPDATE coordinator_login_attempts SET failures = 0 WHERE name_key = $1 AND client = $2 AND (locked_until IS NULL OR locked_until <= $3)', [nameKey(name), client, now]);
  }

  pressure(since: string, now: string, limit: number): Promise<LoginPressure[]> {
    return rows<LoginPressure>(
      this.pool,
      `SELECT c.name AS name, SUM(a.failures_total)::int AS "failedLogins", COUNT(*)::int AS clients,
              SUM(CASE WHEN a.locked_until > $2 THEN 1 ELSE 0 END)::int AS "lockedClients", MAX(a.last_failure_at) AS "lastFailureAt"
       FROM coordinator_login_attempts a JOIN coordinators c ON c.name_key = a.name_key
       WHERE a.last_failure_at >= $1
       GROUP BY c.id, c.name ORDER BY 2 DESC, 5 DESC LIMIT $3`,
      [since, now, limit],
    );
  }
}
