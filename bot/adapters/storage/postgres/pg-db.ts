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
 *
 * While the client is checked out the pool does not listen to it, so a connection ended under
 * it (a restart, pg_terminate_backend) would emit an 'error' no one hears and end the process.
 * The listener keeps that error to the failing query, and a broken client is released as
 * broken so the pool drops it instead of handing it out again.
 */
export async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  const onError = (e: Error): void => {
    broken = e;
  };
  client.on('error', onError);
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (e) {
    if (!broken) await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError)); // the original error is the one to report
    throw e;
  } finally {
    client.removeListener('error', onError);
    client.release(broken);
  }
}
