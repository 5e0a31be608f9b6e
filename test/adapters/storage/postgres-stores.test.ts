import { Pool } from 'pg';
import { migratePostgres, POSTGRES_MIGRATIONS } from '../../../bot/adapters/storage/postgres';
import { describePostgres } from '../../fixtures/postgres';
import { runStoreContracts } from './contract';

describePostgres('PostgreSQL stores', (db) => {
  runStoreContracts(() => db.stores());

  describe('when two replicas migrate a fresh database at once', () => {
    it('applies each migration exactly once, under the advisory lock', async () => {
      const pools = [0, 1].map(() => new Pool({ connectionString: db.url, max: 1, options: '-c search_path=race' }));
      try {
        await pools[0]?.query('CREATE SCHEMA race');
        const applied = await Promise.all(pools.map((p) => migratePostgres(p)));
        expect(applied.sort()).toEqual([0, POSTGRES_MIGRATIONS.length]);
        const names = await pools[0]?.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name');
        expect(names?.rows.map((r) => r.name)).toEqual(POSTGRES_MIGRATIONS.map((m) => m.name).sort());
        expect(await migratePostgres(pools[1] as Pool)).toBe(0);
      } finally {
        await Promise.all(pools.map((p) => p.end()));
      }
    });
  });
});
