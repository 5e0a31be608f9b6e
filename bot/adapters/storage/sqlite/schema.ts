import { COORDINATOR_MIGRATIONS } from './coordinator-migrations';
import { MIGRATIONS, type Migration } from './migrations';
import { TELEGRAM_MIGRATIONS } from './telegram-chat-store';
import { WECHAT_MIGRATIONS } from './wechat-stores';

/**
 * Every SQLite migration, in the order they are applied: the one list the server, the scripts
 * and the tests use (before issue 13 the scripts kept their own list without Telegram's).
 */
export const SQLITE_MIGRATIONS: readonly Migration[] = [...MIGRATIONS, ...TELEGRAM_MIGRATIONS, ...COORDINATOR_MIGRATIONS, ...WECHAT_MIGRATIONS];
