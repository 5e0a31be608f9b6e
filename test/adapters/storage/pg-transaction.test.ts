import { Client, Pool } from 'pg';
import { inTransaction } from '../../../bot/adapters/storage/postgres/pg-db';
import { describePostgres } from '../../fixtures/postgres';

/**
 * A connection ended while its client is checked out for a transaction (a database restart,
 * pg_terminate_backend) fails that transaction only: no 'error' event goes unheard (it would
 * end the process), and the pool hands out a working connection afterwards. CI once saw the
 * unheard error in the two-replica kill test.
 */
describePostgres('a transaction whose connection is ended under it', (db) => {
  it('rejects the transaction, raises nothing uncaught, and the pool goes on with a new connection', async () => {
    const pool = new Pool({ connectionString: `${db.url}${db.url.includes('?') ? '&' : '?'}application_name=tx_victim`, max: 1 });
    pool.on('error', () => undefined);
    const uncaught: unknown[] = [];
    const keep = (e: unknown): void => void uncaught.push(e);
    process.on('uncaughtException', keep);
    try {
      const killer = new Client({ connectionString: db.url });
      await killer.connect();
      try {
        const doomed = inTransaction(pool, async (client) => {
          const pid = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]?.pid;
          await killer.query('SELECT pg_terminate_backend($1)', [pid]);
          await client.query('SELECT pg_sleep(1)');
          return 'committed';
        });
        await expect(doomed).rejects.toThrow();
      } finally {
        await killer.end();
      }
      await new Promise((r) => setTimeout(r, 50)); // an unheard 'error' would surface by now
      expect(uncaught).toEqual([]);
      expect(await inTransaction(pool, async (client) => (await client.query<{ n: number }>('SELECT 1 AS n')).rows[0]?.n)).toBe(1);
    } finally {
      process.removeListener('uncaughtException', keep);
      await pool.end();
    }
  });
});
