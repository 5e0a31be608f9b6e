import type { Pool } from 'pg';
import { z } from 'zod';
import { LanguageCodeSchema, type LanguageCode } from '../../../core/knowledge/schema';
import type { ConversationId } from '../../../core/types';
import type { AccessTokenStore, SeenPush, StoredAccessToken, TelegramChat, TelegramChatStore, WechatPushLog, WechatUser, WechatUserStore } from '../ports';
import { changes, inTransaction, row } from './pg-db';

const ChatRow = z.object({ chat_id: z.coerce.number().int(), chat_type: z.string(), conversation_id: z.string().nullable(), lang: LanguageCodeSchema.nullable(), dialogue_json: z.string().nullable() });

function toChat(r: unknown): TelegramChat | undefined {
  if (r === undefined) return undefined;
  const c = ChatRow.parse(r);
  return {
    chatId: c.chat_id,
    chatType: c.chat_type,
    ...(c.conversation_id ? { conversationId: c.conversation_id as ConversationId } : {}),
    ...(c.lang ? { lang: c.lang } : {}),
    ...(c.dialogue_json ? { dialogue: JSON.parse(c.dialogue_json) as unknown } : {}),
  };
}

/** Telegram chat id ↔ conversation ↔ language, in PostgreSQL. */
export class PostgresTelegramChatStore implements TelegramChatStore {
  constructor(
    private readonly pool: Pool,
    private readonly now: () => Date,
  ) {}

  async get(chatId: number): Promise<TelegramChat | undefined> {
    return toChat(await row(this.pool, 'SELECT * FROM telegram_chats WHERE chat_id = $1', [chatId]));
  }

  async findByConversation(conversationId: ConversationId): Promise<TelegramChat | undefined> {
    return toChat(await row(this.pool, 'SELECT * FROM telegram_chats WHERE conversation_id = $1', [conversationId]));
  }

  update(chatId: number, chatType: string, changes: { conversationId?: ConversationId | null; lang?: LanguageCode; dialogue?: unknown }): Promise<TelegramChat> {
    const at = this.now().toISOString();
    const dialogue = changes.dialogue === undefined ? undefined : changes.dialogue === null ? null : JSON.stringify(changes.dialogue);
    return inTransaction(this.pool, async (tx) => {
      await tx.query('INSERT INTO telegram_chats (chat_id, chat_type, updated_at) VALUES ($1, $2, $3) ON CONFLICT (chat_id) DO NOTHING', [chatId, chatType, at]);
      // one UPDATE: a field given as undefined keeps its value ($n IS NULL marks "not given")
      const r = await row(
        tx,
        `UPDATE telegram_chats SET chat_type = $2, updated_at = $3,
           conversation_id = CASE WHEN $4::boolean THEN $5 ELSE conversation_id END,
           lang = CASE WHEN $6::boolean THEN $7 ELSE lang END,
           dialogue_json = CASE WHEN $8::boolean THEN $9 ELSE dialogue_json END
         WHERE chat_id = $1 RETURNING *`,
        [chatId, chatType, at, changes.conversationId !== undefined, changes.conversationId ?? null, changes.lang !== undefined, changes.lang ?? null, dialogue !== undefined, dialogue ?? null],
      );
      const chat = toChat(r);
      if (!chat) throw new Error(`bot: telegram chat ${chatId} missing right after it was written`);
      return chat;
    });
  }
}

const UserRow = z.object({ open_id: z.string(), conversation_id: z.string().nullable(), lang: LanguageCodeSchema.nullable(), last_inbound_at: z.string(), subscribed: z.boolean() });

function toUser(r: unknown): WechatUser | undefined {
  if (r === undefined) return undefined;
  const u = UserRow.parse(r);
  return {
    openId: u.open_id,
    ...(u.conversation_id ? { conversationId: u.conversation_id as ConversationId } : {}),
    ...(u.lang ? { lang: u.lang } : {}),
    lastInboundAt: new Date(u.last_inbound_at),
    subscribed: u.subscribed,
  };
}

/** WeChat followers in PostgreSQL. */
export class PostgresWechatUserStore implements WechatUserStore {
  constructor(private readonly pool: Pool) {}

  async get(openId: string): Promise<WechatUser | undefined> {
    return toUser(await row(this.pool, 'SELECT * FROM wechat_users WHERE open_id = $1', [openId]));
  }

  async findByConversation(conversationId: ConversationId): Promise<WechatUser | undefined> {
    return toUser(await row(this.pool, 'SELECT * FROM wechat_users WHERE conversation_id = $1', [conversationId]));
  }

  async touch(openId: string, at: Date, subscribed = true): Promise<void> {
    await this.pool.query(
      'INSERT INTO wechat_users (open_id, last_inbound_at, subscribed) VALUES ($1, $2, $3) ON CONFLICT (open_id) DO UPDATE SET last_inbound_at = excluded.last_inbound_at, subscribed = excluded.subscribed',
      [openId, at.toISOString(), subscribed],
    );
  }

  async link(openId: string, conversationId: ConversationId | null, lang?: LanguageCode): Promise<void> {
    await this.pool.query('UPDATE wechat_users SET conversation_id = $1, lang = COALESCE($2, lang) WHERE open_id = $3', [conversationId, lang ?? null, openId]);
  }
}

/** WeChat pushes already seen, in PostgreSQL: a retry reaching another replica is caught too. */
export class PostgresWechatPushLog implements WechatPushLog {
  constructor(private readonly pool: Pool) {}

  async claim(key: string, at: Date): Promise<SeenPush | undefined> {
    if ((await changes(this.pool, 'INSERT INTO wechat_pushes (push_key, received_at) VALUES ($1, $2) ON CONFLICT (push_key) DO NOTHING', [key, at.toISOString()])) === 1) return undefined;
    const r = await row<{ reply_text: string | null }>(this.pool, 'SELECT reply_text FROM wechat_pushes WHERE push_key = $1', [key]);
    return r?.reply_text == null ? {} : { replyText: r.reply_text };
  }

  async saveReply(key: string, text: string): Promise<void> {
    await this.pool.query('UPDATE wechat_pushes SET reply_text = $1 WHERE push_key = $2', [text, key]);
  }

  prune(before: Date): Promise<number> {
    return changes(this.pool, 'DELETE FROM wechat_pushes WHERE received_at < $1', [before.toISOString()]);
  }
}

const TokenRow = z.object({ access_token: z.string(), expires_at: z.string() });

/** The WeChat access_token shared by every replica, in PostgreSQL. */
export class PostgresAccessTokenStore implements AccessTokenStore {
  constructor(private readonly pool: Pool) {}

  async get(appId: string): Promise<StoredAccessToken | undefined> {
    const r = await row(this.pool, 'SELECT access_token, expires_at FROM wechat_access_tokens WHERE app_id = $1', [appId]);
    if (r === undefined) return undefined;
    const t = TokenRow.parse(r);
    return { token: t.access_token, expiresAt: new Date(t.expires_at) };
  }

  async put(appId: string, token: StoredAccessToken): Promise<void> {
    await this.pool.query(
      'INSERT INTO wechat_access_tokens (app_id, access_token, expires_at) VALUES ($1, $2, $3) ON CONFLICT (app_id) DO UPDATE SET access_token = excluded.access_token, expires_at = excluded.expires_at',
      [appId, token.token, token.expiresAt.toISOString()],
    );
  }
}
