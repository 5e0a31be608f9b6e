import type Database from 'better-sqlite3';
import type { LoginAttempt, LoginAttemptStore, LoginPressure } from '../ports';

/**
 * Failed console logins per account name AND client (issue 14 items 1–2). Every step is one
 * SQL statement, so concurrent logins cannot race past the lock:
 * - `begin` reserves the attempt before the (async) password check: failures + 1, unless the
 *   pair is locked; an expired lock starts a fresh count;
 * - `fail` keeps the reservation as a failure and locks once `maxFailures` is reached, never
 *   moving an existing lock earlier (a late failure cannot reset a later lock);
 * - `succeed` clears the count, but leaves a lock other attempts set meanwhile.
 * Times are ISO strings, which SQLite compares in time order.
 */
export class SqliteLoginAttemptStore implements LoginAttemptStore {
  constructor(private readonly db: Database.Database) {}

  async begin(name: string, client: string, now: string): Promise<LoginAttempt> {
    const row = this.db
      .prepare(
        `INSERT INTO coordinator_login_attempts (name, client, failures) VALUES (@name, @client, 1)
         ON CONFLICT (name, client) DO UPDATE SET
           failures = CASE WHEN locked_until > @now THEN failures WHEN locked_until IS NOT NULL THEN 1 ELSE failures + 1 END,
           locked_until = CASE WHEN locked_until > @now THEN locked_until ELSE NULL END
         RETURNING failures, locked_until`,
      )
      .get({ name, client, now }) as { failures: number; locked_until: string | null };
    return { failures: row.failures, ...(row.locked_until ? { lockedUntil: row.locked_until } : {}) };
  }

  /** Records the failure of an attempt `begin` counted; returns the lock, if the pair is now locked. */
  async fail(name: string, client: string, now: string, maxFailures: number, lockUntil: string): Promise<{ lockedUntil?: string }> {
    const row = this.db
      .prepare(
        `INSERT INTO coordinator_login_attempts (name, client, failures, failures_total, last_failure_at) VALUES (@name, @client, 1, 1, @now)
         ON CONFLICT (name, client) DO UPDATE SET
           locked_until = CASE WHEN failures >= @max THEN max(coalesce(locked_until, ''), @lockUntil) ELSE locked_until END,
           failures_total = failures_total + 1,
           last_failure_at = @now
         RETURNING locked_until`,
      )
      .get({ name, client, now, max: maxFailures, lockUntil }) as { locked_until: string | null };
    return row.locked_until && row.locked_until > now ? { lockedUntil: row.locked_until } : {};
  }

  async succeed(name: string, client: string, now: string): Promise<void> {
    this.db.prepare('UPDATE coordinator_login_attempts SET failures = 0 WHERE name = ? AND client = ? AND (locked_until IS NULL OR locked_until <= ?)').run(name, client, now);
  }

  /** Account names with failed logins since `since` (existing accounts only), most failures first. */
  async pressure(since: string, now: string, limit: number): Promise<LoginPressure[]> {
    return this.db
      .prepare(
        `SELECT c.name AS name, sum(a.failures_total) AS failedLogins, count(*) AS clients,
                sum(CASE WHEN a.locked_until > @now THEN 1 ELSE 0 END) AS lockedClients, max(a.last_failure_at) AS lastFailureAt
         FROM coordinator_login_attempts a JOIN coordinators c ON c.name = a.name
         WHERE a.last_failure_at >= @since
         GROUP BY c.id ORDER BY failedLogins DESC, lastFailureAt DESC LIMIT @limit`,
      )
      .all({ since, now, limit }) as LoginPressure[];
  }
}
