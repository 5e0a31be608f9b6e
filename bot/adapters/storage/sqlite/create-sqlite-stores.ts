import type { Clock } from '../../../core/ports';
import { LocalRateWindows } from '../memory/rate-windows';
import type { Stores } from '../ports';
import { SqliteApprovedEntryStore } from './approved-entry-store';
import { SqliteCasebookStore } from './casebook-store';
import { SqliteConversationStore } from './conversation-store';
import { SqliteEscalationDeskStore } from './coordinator-desk-store';
import { SqliteCoordinatorStore } from './coordinator-store';
import { SqliteLoginAttemptStore } from './login-attempt-store';
import { openDatabase, StorageError } from './open-database';
import { SQLITE_MIGRATIONS } from './schema';
import { SqliteTelegramChatStore } from './telegram-chat-store';
import { SqliteAccessTokenStore, SqliteWechatPushLog, SqliteWechatUserStore } from './wechat-stores';

/** Opens (and migrates) the SQLite file, or `':memory:'`, and builds every store on it. */
export function createSqliteStores(file: string, clock: Clock): Stores {
  const db = openDatabase(file, SQLITE_MIGRATIONS);
  const casebook = new SqliteCasebookStore(db);
  return {
    engine: 'sqlite',
    location: file,
    conversations: new SqliteConversationStore(db),
    desk: new SqliteEscalationDeskStore(db),
    casebook,
    coordinators: new SqliteCoordinatorStore(db),
    loginAttempts: new SqliteLoginAttemptStore(db),
    telegramChats: new SqliteTelegramChatStore(db, () => clock.now()),
    wechatUsers: new SqliteWechatUserStore(db),
    wechatPushes: new SqliteWechatPushLog(db),
    wechatTokens: new SqliteAccessTokenStore(db),
    // one process: the windows stay in memory, as before issue 13
    rateWindows: new LocalRateWindows(),
    approvedEntries: new SqliteApprovedEntryStore(db),
    async ping() {
      // a write that changes nothing, so a read-only or full disk shows here, not in a chat
      try {
        db.prepare('CREATE TABLE IF NOT EXISTS storage_ping (id INTEGER PRIMARY KEY, at TEXT NOT NULL)').run();
        db.prepare("INSERT INTO storage_ping (id, at) VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET at = excluded.at").run(new Date().toISOString());
      } catch (e) {
        throw new StorageError(`database ${file} is not writable: ${(e as Error).message}`, { cause: e });
      }
    },
    async close() {
      if (db.open) db.close();
    },
  };
}
