import { copyFileSync, existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../scripts/backup';
import { addCoordinator, call, escalate } from '../fixtures/coordinators';
import { KNOWLEDGE_DIR, postJson, startServer, tempDataDir } from '../fixtures/services';

describe('npm run backup', () => {
  let dirs: { dir: string; cleanup(): void }[] = [];
  const dir = () => {
    const d = tempDataDir();
    dirs.push(d);
    return d.dir;
  };
  let errors: string[];
  beforeEach(() => {
    errors = [];
    jest.spyOn(console, 'error').mockImplementation((line: string) => void errors.push(line));
  });
  afterEach(() => {
    jest.restoreAllMocks();
    dirs.forEach((d) => d.cleanup());
    dirs = [];
  });

  describe('when the server is running with data', () => {
    it('copies the live database, and a server started on the restored copy has the data', async () => {
      const live = dir();
      const server = await startServer({ DATA_DIR: live });
      const out = join(dir(), 'backup.sqlite');
      let conversationId: string;
      let escalationId: string;
      try {
        const chat = await postJson(`${server.url}/api/v1/chat`, { text: 'can I bring cheese?' });
        conversationId = chat.body.conversationId;
        ({ escalationId } = await escalate(server));
        await addCoordinator(server, 'backup-ann', 'lead');
        // the backup runs while the server is up and holding its connection (WAL not checkpointed)
        expect(existsSync(join(live, 'assistant.sqlite-wal'))).toBe(true);
        expect(await main(['--out', out], { DATA_DIR: live, KNOWLEDGE_DIR }, live)).toBe(0);
      } finally {
        await server.stop();
      }
      expect(errors).toContain(`backup: database: ${join(live, 'assistant.sqlite')} (DATA_DIR from the environment)`);
      expect(statSync(out).mode & 0o777).toBe(0o600);

      // restore: copy the file in as assistant.sqlite of a new DATA_DIR, then start
      const restored = dir();
      copyFileSync(out, join(restored, 'assistant.sqlite'));
      const again = await startServer({ DATA_DIR: restored });
      try {
        const messages = await fetch(`${again.url}/api/v1/conversations/${conversationId}/messages`);
        expect(messages.status).toBe(200);
        const body = await messages.json();
        expect(JSON.stringify(body)).toContain('can I bring cheese?');
        expect((await again.services.coordination.coordinators.list()).map((c) => c.name)).toEqual(['backup-ann']);
        const lead = await again.services.coordination.accounts.add('backup-bob', 'lead');
        const open = await call(again, 'GET', '/escalations?status=open', { headers: { authorization: `Bearer ${lead?.token}` } });
        expect(JSON.stringify(open.body)).toContain(escalationId);
      } finally {
        await again.stop();
      }
    }, 60_000);
  });

  describe('when the command is wrong or unsafe', () => {
    it('requires --out', async () => {
      expect(await main([], { DATA_DIR: dir() })).toBe(2);
      expect(errors.join('\n')).toMatch(/--out FILE is required/);
    });
    it('never overwrites a file', async () => {
      const data = dir();
      const server = await startServer({ DATA_DIR: data });
      await server.stop();
      const out = join(dir(), 'taken.sqlite');
      writeFileSync(out, 'keep me');
      expect(await main(['--out', out], { DATA_DIR: data, KNOWLEDGE_DIR }, data)).toBe(1);
      expect(errors.join('\n')).toMatch(/exists already/);
    });
    it('says to use pg_dump for PostgreSQL, without printing the password', async () => {
      expect(await main(['--out', join(dir(), 'x.sqlite')], { DATABASE_URL: 'postgres://u:s3cret@db/customs' })).toBe(2);
      expect(errors.join('\n')).toMatch(/pg_dump/);
      expect(errors.join('\n')).not.toContain('s3cret');
    });
    it('fails, naming DATA_DIR, when there is no database', async () => {
      expect(await main(['--out', join(dir(), 'x.sqlite')], { DATA_DIR: dir() })).toBe(1);
      expect(errors.join('\n')).toMatch(/no database at .*check DATA_DIR/);
    });
  });
});
