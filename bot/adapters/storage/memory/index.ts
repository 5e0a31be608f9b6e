export { createMemoryStores } from './create-memory-stores';
export { MemoryConversationStore } from './conversation-store';
export { MemoryTables } from './memory-tables';
export { LocalRateWindows } from './rate-windows';
