import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MIGRATIONS, openDatabase } from '../../../bot/adapters/storage/sqlite';
import { tempDataDir } from '../../fixtures/services';

const modeOf = (path: string) => statSync(path).mode & 0o777;

describe('openDatabase', () => {
  describe('when the file is new (issue 14 item 11)', () => {
    it('creates it, its WAL and its folder readable by the owner only', () => {
      const tmp = tempDataDir();
      try {
        const file = join(tmp.dir, 'data', 'assistant.sqlite');
        const db = openDatabase(file, MIGRATIONS);
        db.prepare("INSERT INTO conversations (id, channel, lang, created_at, state_json) VALUES ('c1', 'web', 'en', 'x', '{}')").run();
        expect(modeOf(file)).toBe(0o600);
        expect(modeOf(`${file}-wal`)).toBe(0o600);
        expect(modeOf(join(tmp.dir, 'data'))).toBe(0o700);
        db.close();
      } finally {
        tmp.cleanup();
      }
    });
  });
  describe('when the file exists with a looser mode', () => {
    it('narrows it to 0600', () => {
      const tmp = tempDataDir();
      try {
        const file = join(tmp.dir, 'assistant.sqlite');
        writeFileSync(file, '', { mode: 0o644 });
        openDatabase(file, MIGRATIONS).close();
        expect(modeOf(file)).toBe(0o600);
      } finally {
        tmp.cleanup();
      }
    });
  });
});
