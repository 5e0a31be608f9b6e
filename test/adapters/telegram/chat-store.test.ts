import { TELEGRAM_MIGRATIONS, TelegramChatStore } from '../../../bot/adapters/telegram';
import { MIGRATIONS, openDatabase } from '../../../bot/adapters/storage/sqlite';
import type { ConversationId } from '../../../bot/core/types';

function setup() {
  const db = openDatabase(':memory:', [...MIGRATIONS, ...TELEGRAM_MIGRATIONS]);
  db.prepare("INSERT INTO conversations (id, channel, lang, created_at, state_json) VALUES ('c_1', 'telegram', 'ru', '2026-11-26', '{\"misses\":0}')").run();
  return { db, chats: new TelegramChatStore(db, () => new Date('2026-11-26T10:00:00Z')) };
}

describe('TelegramChatStore', () => {
  describe('when a chat is unknown', () => {
    it('returns undefined', () => {
      expect(setup().chats.get(42)).toBeUndefined();
    });
  });
  describe('when a chat is updated', () => {
    it('remembers language and conversation, each change leaving the other fields', () => {
      const { chats } = setup();
      chats.update(-100, 'supergroup', { lang: 'ru' });
      chats.update(-100, 'supergroup', { conversationId: 'c_1' as ConversationId });
      expect(chats.get(-100)).toEqual({ chatId: -100, chatType: 'supergroup', lang: 'ru', conversationId: 'c_1' });
      expect(chats.findByConversation('c_1' as ConversationId)?.chatId).toBe(-100);
    });
    it('stores and clears a dialogue state', () => {
      const { chats } = setup();
      chats.update(7, 'private', { dialogue: { step: 'items', direction: 'inbound' } });
      expect(chats.get(7)?.dialogue).toEqual({ step: 'items', direction: 'inbound' });
      chats.update(7, 'private', { dialogue: null });
      expect(chats.get(7)?.dialogue).toBeUndefined();
    });
    it('refuses a conversation id that does not exist (foreign key)', () => {
      const { chats } = setup();
      expect(() => chats.update(7, 'private', { conversationId: 'c_missing' as ConversationId })).toThrow(/FOREIGN KEY/);
    });
  });
  describe('migrations', () => {
    it('are applied once, by name', () => {
      const { db } = setup();
      const names = (db.prepare('SELECT name FROM schema_migrations').all() as { name: string }[]).map((r) => r.name);
      expect(names).toContain('telegram-001-chats');
    });
  });
});
