import { approvedEntryStoreContract } from './approved-entry-store.contract';
import { accountStoresContract } from './account-stores.contract';
import { channelStoresContract } from './channel-stores.contract';
import { conversationStoreContract } from './conversation-store.contract';
import { deskStoreContract } from './desk-store.contract';
import type { MakeStores } from './fixtures';

export type { MakeStores } from './fixtures';

/**
 * The one contract suite every storage adapter runs (Hono's `common.case.test.ts`): memory,
 * SQLite and PostgreSQL must pass the same cases.
 */
export function runStoreContracts(make: MakeStores): void {
  conversationStoreContract(make);
  deskStoreContract(make);
  accountStoresContract(make);
  channelStoresContract(make);
  approvedEntryStoreContract(make);
}
