export { openDatabase, StorageError } from './open-database';
export { migrate, MIGRATIONS, type Migration } from './migrations';
export { SqliteConversationStore, toEscalation, type EscalationRow } from './conversation-store';
export { COORDINATOR_MIGRATIONS } from './coordinator-migrations';
export { SqliteCoordinatorStore, type Coordinator, type CoordinatorCredentials, type CoordinatorSession } from './coordinator-store';
export { SqliteEscalationDeskStore } from './coordinator-desk-store';
export { SqliteCasebookStore } from './casebook-store';
export { SqliteLoginAttemptStore, type LoginAttempt, type LoginPressure } from './login-attempt-store';
export { sqliteWritableCheck } from './writable-check';
