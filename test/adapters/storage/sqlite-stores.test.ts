import { join } from 'node:path';
import { createSqliteStores, openDatabase, SQLITE_MIGRATIONS } from '../../../bot/adapters/storage/sqlite';
import { systemClock } from '../../../bot/adapters/system/system';
import type { EscalationId } from '../../../bot/core/types';
import { tempDataDir } from '../../fixtures/services';
import { runStoreContracts } from './contract';
import { AT, seedEscalation } from './contract/fixtures';

describe('SQLite stores', () => {
  runStoreContracts(async () => createSqliteStores(':memory:', systemClock));

  describe('when two processes claim the same escalation', () => {
    it('lets exactly one connection win', async () => {
      const tmp = tempDataDir();
      const file = join(tmp.dir, 'assistant.sqlite');
      const a = createSqliteStores(file, systemClock);
      const b = createSqliteStores(file, systemClock);
      try {
        const id: EscalationId = await seedEscalation(a, 1);
        expect([await a.desk.claim(id, 'alice', AT), await b.desk.claim(id, 'bob', AT)]).toEqual([true, false]);
        expect(await b.desk.getEscalation(id)).toMatchObject({ status: 'claimed', claimedBy: 'alice', claimedAt: AT });
      } finally {
        await a.close();
        await b.close();
        tmp.cleanup();
      }
    });
  });

  describe('migrations', () => {
    it('are one list with every adapter\'s tables, applied once by name', () => {
      const db = openDatabase(':memory:', SQLITE_MIGRATIONS);
      const names = (db.prepare('SELECT name FROM schema_migrations ORDER BY rowid').all() as { name: string }[]).map((r) => r.name);
      expect(names).toEqual(SQLITE_MIGRATIONS.map((m) => m.name));
      expect(names).toEqual(expect.arrayContaining(['core-001-conversations', 'telegram-001-chats', 'coordinator-001-accounts', 'wechat-001-users-tokens-pushes']));
      db.close();
    });
  });

  describe('ping', () => {
    it('rejects once the database cannot be written', async () => {
      const stores = createSqliteStores(':memory:', systemClock);
      await stores.close();
      await expect(stores.ping()).rejects.toThrow(/not writable/);
    });
  });
});
