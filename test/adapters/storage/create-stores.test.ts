import { createStores } from '../../../bot/adapters/storage/create-stores';
import { describePostgresUrl } from '../../../bot/adapters/storage/postgres';
import { StorageError } from '../../../bot/adapters/storage/sqlite';
import { systemClock } from '../../../bot/adapters/system/system';
import { loadConfig } from '../../../bot/config';
import { describePostgres } from '../../fixtures/postgres';
import { KNOWLEDGE_DIR, postJson, startServer } from '../../fixtures/services';

describe('createStores', () => {
  describe('without DATABASE_URL', () => {
    it('opens SQLite in the configured file', async () => {
      const stores = await createStores({ databaseFile: ':memory:' }, systemClock);
      expect([stores.engine, stores.location]).toEqual(['sqlite', ':memory:']);
      await stores.close();
    });
  });

  describe('when PostgreSQL cannot be reached', () => {
    it('fails with a StorageError naming the host, never the password', async () => {
      const url = 'postgres://bot:pa55word-never-shown@127.0.0.1:9/customs';
      const error = await createStores(loadConfig({ KNOWLEDGE_DIR, DATABASE_URL: url }), systemClock).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StorageError);
      expect(String(error)).toContain('postgres://127.0.0.1:9/customs');
      expect(String(error)).not.toContain('pa55word');
      expect(describePostgresUrl(url)).toBe('postgres://127.0.0.1:9/customs');
    });
  });
});

describePostgres('the server on PostgreSQL (DATABASE_URL)', (db) => {
  it('stores a conversation there and reads it back after a restart', async () => {
    const first = await startServer({ DATABASE_URL: db.url });
    let conversationId: string;
    try {
      expect(first.services.stores.engine).toBe('postgres');
      const res = await postJson(`${first.url}/api/v1/chat`, { text: 'how much cash can I bring?' });
      expect(res.status).toBe(200);
      conversationId = res.body.conversationId;
    } finally {
      await first.stop();
    }
    const second = await startServer({ DATABASE_URL: db.url });
    try {
      const res = await fetch(`${second.url}/api/v1/conversations/${conversationId}/messages`);
      const body = (await res.json()) as { items: { from: string }[] };
      expect(body.items.map((m) => m.from)).toEqual(['traveller', 'bot']);
    } finally {
      await second.stop();
    }
  });
});
