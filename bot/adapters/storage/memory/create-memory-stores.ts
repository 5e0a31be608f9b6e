import type { Stores } from '../ports';
import { MemoryCoordinatorStore, MemoryLoginAttemptStore } from './account-stores';
import { MemoryApprovedEntryStore } from './approved-entry-store';
import { MemoryCasebookStore } from './casebook-store';
import { MemoryAccessTokenStore, MemoryTelegramChatStore, MemoryWechatPushLog, MemoryWechatUserStore } from './channel-stores';
import { MemoryConversationStore } from './conversation-store';
import { MemoryEscalationDeskStore } from './desk-store';
import { MemoryTables } from './memory-tables';
import { LocalRateWindows } from './rate-windows';

/** Every store in memory, sharing one set of tables: for fast tests and throwaway runs. Nothing survives `close`. */
export function createMemoryStores(): Stores {
  const t = new MemoryTables();
  return {
    engine: 'memory',
    location: 'memory',
    conversations: new MemoryConversationStore(t),
    desk: new MemoryEscalationDeskStore(t),
    casebook: new MemoryCasebookStore(t),
    coordinators: new MemoryCoordinatorStore(t),
    loginAttempts: new MemoryLoginAttemptStore(t),
    telegramChats: new MemoryTelegramChatStore(t),
    wechatUsers: new MemoryWechatUserStore(t),
    wechatPushes: new MemoryWechatPushLog(t),
    wechatTokens: new MemoryAccessTokenStore(t),
    rateWindows: new LocalRateWindows(),
    approvedEntries: new MemoryApprovedEntryStore(t),
    ping: async () => undefined,
    close: async () => undefined,
  };
}
