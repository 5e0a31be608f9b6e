export { openDatabase, StorageError } from './open-database';
export { migrate, MIGRATIONS } from './migrations';
export { SqliteConversationStore, toEscalation, type EscalationRow } from './conversation-store';
