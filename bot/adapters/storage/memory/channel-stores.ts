import type { LanguageCode } from '../../../core/knowledge/schema';
import type { ConversationId } from '../../../core/types';
import type { AccessTokenStore, SeenPush, StoredAccessToken, TelegramChat, TelegramChatStore, WechatPushLog, WechatUser, WechatUserStore } from '../ports';
import { copy, MemoryTables } from './memory-tables';

/** Telegram chats in memory. */
export class MemoryTelegramChatStore implements TelegramChatStore {
  constructor(private readonly t: MemoryTables) {}

  async get(chatId: number): Promise<TelegramChat | undefined> {
    const c = this.t.telegramChats.get(chatId);
    return c ? copy(c) : undefined;
  }

  async findByConversation(conversationId: ConversationId): Promise<TelegramChat | undefined> {
    const c = [...this.t.telegramChats.values()].find((chat) => chat.conversationId === conversationId);
    return c ? copy(c) : undefined;
  }

  async update(chatId: number, chatType: string, changes: { conversationId?: ConversationId | null; lang?: LanguageCode; dialogue?: unknown }): Promise<TelegramChat> {
    const { conversationId, lang, dialogue } = changes;
    if (conversationId && !this.t.conversations.has(conversationId)) throw new Error(`bot: foreign key: no conversation ${conversationId}`);
    if (conversationId && [...this.t.telegramChats.values()].some((c) => c.conversationId === conversationId && c.chatId !== chatId)) throw new Error(`bot: conversation ${conversationId} belongs to another chat`);
    const chat: TelegramChat = { ...(this.t.telegramChats.get(chatId) ?? { chatId }), chatType };
    if (conversationId === null) delete chat.conversationId;
    else if (conversationId !== undefined) chat.conversationId = conversationId;
    if (lang !== undefined) chat.lang = lang;
    if (dialogue === null) delete chat.dialogue;
    else if (dialogue !== undefined) chat.dialogue = JSON.parse(JSON.stringify(dialogue)) as unknown;
    this.t.telegramChats.set(chatId, chat);
    return copy(chat);
  }
}

/** WeChat followers in memory. */
export class MemoryWechatUserStore implements WechatUserStore {
  constructor(private readonly t: MemoryTables) {}

  async get(openId: string): Promise<WechatUser | undefined> {
    const u = this.t.wechatUsers.get(openId);
    return u ? copy(u) : undefined;
  }

  async findByConversation(conversationId: ConversationId): Promise<WechatUser | undefined> {
    const u = [...this.t.wechatUsers.values()].find((user) => user.conversationId === conversationId);
    return u ? copy(u) : undefined;
  }

  async touch(openId: string, at: Date, subscribed = true): Promise<void> {
    const u = this.t.wechatUsers.get(openId);
    this.t.wechatUsers.set(openId, { ...(u ?? { openId }), lastInboundAt: new Date(at.getTime()), subscribed });
  }

  async link(openId: string, conversationId: ConversationId | null, lang?: LanguageCode): Promise<void> {
    const u = this.t.wechatUsers.get(openId);
    if (!u) return;
    if (conversationId && !this.t.conversations.has(conversationId)) throw new Error(`bot: foreign key: no conversation ${conversationId}`);
    if (conversationId && [...this.t.wechatUsers.values()].some((o) => o.conversationId === conversationId && o.openId !== openId)) throw new Error(`bot: conversation ${conversationId} belongs to another follower`);
    const { conversationId: _old, ...rest } = u;
    this.t.wechatUsers.set(openId, { ...rest, ...(conversationId ? { conversationId } : {}), ...(lang ?? u.lang ? { lang: lang ?? u.lang } : {}) });
  }
}

/** WeChat pushes already seen, in memory. */
export class MemoryWechatPushLog implements WechatPushLog {
  constructor(private readonly t: MemoryTables) {}

  async claim(key: string, at: Date): Promise<SeenPush | undefined> {
    const seen = this.t.wechatPushes.get(key);
    if (!seen) {
      this.t.wechatPushes.set(key, { receivedAt: at.toISOString() });
      return undefined;
    }
    return seen.replyText === undefined ? {} : { replyText: seen.replyText };
  }

  async saveReply(key: string, text: string): Promise<void> {
    const seen = this.t.wechatPushes.get(key);
    if (seen) seen.replyText = text;
  }

  async prune(before: Date): Promise<number> {
    let n = 0;
    for (const [key, p] of this.t.wechatPushes) if (p.receivedAt < before.toISOString() && this.t.wechatPushes.delete(key)) n++;
    return n;
  }
}

/** WeChat access tokens in memory. */
export class MemoryAccessTokenStore implements AccessTokenStore {
  constructor(private readonly t: MemoryTables) {}

  async get(appId: string): Promise<StoredAccessToken | undefined> {
    const token = this.t.wechatTokens.get(appId);
    return token ? { token: token.token, expiresAt: new Date(token.expiresAt.getTime()) } : undefined;
  }

  async put(appId: string, token: StoredAccessToken): Promise<void> {
    this.t.wechatTokens.set(appId, { token: token.token, expiresAt: new Date(token.expiresAt.getTime()) });
  }
}
