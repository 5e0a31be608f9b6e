import type Database from 'better-sqlite3';
import { z } from 'zod';
import { LanguageCodeSchema, type LanguageCode } from '../../../core/knowledge/schema';
import type { ConversationId } from '../../../core/types';
import type { TelegramChat, TelegramChatStore } from '../ports';
import type { Migration } from './migrations';

/**
 * Telegram's tables, in SQLITE_MIGRATIONS after the core ones. Never edit one that has
 * shipped: add a new one.
 */
export const TELEGRAM_MIGRATIONS: readonly Migration[] = [
  {
    name: 'telegram-001-chats',
    sql: `CREATE TABLE telegram_chats (
     chat_id INTEGER PRIMARY KEY,
     chat_type TEXT NOT NULL,
     conversation_id TEXT UNIQUE REFERENCES conversations(id),
     lang TEXT CHECK (lang IN ('zh','en','ru')),
     dialogue_json TEXT,
     updated_at TEXT NOT NULL
   );`,
  },
];

const RowSchema = z.object({
  chat_id: z.number().int(),
  chat_type: z.string(),
  conversation_id: z.string().nullable(),
  lang: LanguageCodeSchema.nullable(),
  dialogue_json: z.string().nullable(),
});

/** Chat id ↔ conversation id ↔ language, in SQLite. */
export class SqliteTelegramChatStore implements TelegramChatStore {
  constructor(
    private readonly db: Database.Database,
    private readonly now: () => Date,
  ) {}

  async get(chatId: number): Promise<TelegramChat | undefined> {
    return this.toChat(this.db.prepare('SELECT * FROM telegram_chats WHERE chat_id = ?').get(chatId));
  }

  async findByConversation(conversationId: ConversationId): Promise<TelegramChat | undefined> {
    return this.toChat(this.db.prepare('SELECT * FROM telegram_chats WHERE conversation_id = ?').get(conversationId));
  }

  /** Creates the chat's row if needed and changes the given fields (undefined leaves a field as is). */
  async update(chatId: number, chatType: string, changes: { conversationId?: ConversationId | null; lang?: LanguageCode; dialogue?: unknown }): Promise<TelegramChat> {
    const at = this.now().toISOString();
    this.db.transaction(() => {
      this.db.prepare('INSERT INTO telegram_chats (chat_id, chat_type, updated_at) VALUES (?, ?, ?) ON CONFLICT(chat_id) DO NOTHING').run(chatId, chatType, at);
      if (changes.conversationId !== undefined) this.db.prepare('UPDATE telegram_chats SET conversation_id = ? WHERE chat_id = ?').run(changes.conversationId, chatId);
      if (changes.lang !== undefined) this.db.prepare('UPDATE telegram_chats SET lang = ? WHERE chat_id = ?').run(changes.lang, chatId);
      if (changes.dialogue !== undefined) this.db.prepare('UPDATE telegram_chats SET dialogue_json = ? WHERE chat_id = ?').run(changes.dialogue === null ? null : JSON.stringify(changes.dialogue), chatId);
      this.db.prepare('UPDATE telegram_chats SET updated_at = ?, chat_type = ? WHERE chat_id = ?').run(at, chatType, chatId);
    })();
    const chat = await this.get(chatId);
    if (!chat) throw new Error(`bot: telegram chat ${chatId} missing right after it was written`);
    return chat;
  }

  private toChat(row: unknown): TelegramChat | undefined {
    if (row === undefined) return undefined;
    const r = RowSchema.parse(row);
    return {
      chatId: r.chat_id,
      chatType: r.chat_type,
      ...(r.conversation_id ? { conversationId: r.conversation_id as ConversationId } : {}),
      ...(r.lang ? { lang: r.lang } : {}),
      ...(r.dialogue_json ? { dialogue: JSON.parse(r.dialogue_json) as unknown } : {}),
    };
  }
}
