import type { Pool, PoolClient, QueryResultRow } from 'pg';

/** A pool or one of its clients inside a transaction: what every PostgreSQL store queries through. */
export type Queryable = Pool | PoolClient;

/** The rows of one query. */
export async function rows<T extends QueryResultRow>(db: Queryable, sql: string, params: unknown[] = []): Promise<T[]> {
  return (await db.query<T>(sql, params)).rows;
}

/** The first row of one query, if any. */
export async function row<T extends QueryResultRow>(db: Queryable, sql: string, params: unknown[] = []): Promise<T | undefined> {
  return (await db.query<T>(sql, params)).rows[0];
}

/** How many rows a statement changed. */
export async function changes(db: Queryable, sql: string, params: unknown[] = []): Promise<number> {
  return (await db.query(sql, params)).rowCount ?? 0;
}

/**
 * Runs `work` in one transaction on one client of the pool: COMMIT when it resolves, ROLLBACK
 * when it throws. Statements inside go through `client`, never the pool.
 */
export async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined); // the original error is the one to report
    throw e;
  } finally {
    client.release();
  }
}
