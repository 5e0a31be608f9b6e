import type Database from 'better-sqlite3';
import { z } from 'zod';
import { LanguageCodeSchema, type LanguageCode } from '../../../core/knowledge/schema';
import type { ConversationId } from '../../../core/types';
import type { AccessTokenStore, SeenPush, StoredAccessToken, WechatPushLog, WechatUser, WechatUserStore } from '../ports';
import type { Migration } from './migrations';

/**
 * The WeChat channel's tables, in SQLITE_MIGRATIONS after the core ones. Never edit one
 * that has shipped: add a new one.
 */
export const WECHAT_MIGRATIONS: readonly Migration[] = [
  {
    name: 'wechat-001-users-tokens-pushes',
    sql: `CREATE TABLE wechat_users (
     open_id TEXT PRIMARY KEY,
     conversation_id TEXT UNIQUE REFERENCES conversations(id),
     lang TEXT CHECK (lang IN ('zh','en','ru')),
     last_inbound_at TEXT NOT NULL,
     subscribed INTEGER NOT NULL DEFAULT 1
   );
   CREATE TABLE wechat_access_tokens (
     app_id TEXT PRIMARY KEY,
     access_token TEXT NOT NULL,
     expires_at TEXT NOT NULL
   );
   CREATE TABLE wechat_pushes (
     push_key TEXT PRIMARY KEY,
     received_at TEXT NOT NULL,
     reply_text TEXT
   );
   CREATE INDEX wechat_pushes_received ON wechat_pushes(received_at);`,
  },
];

const TokenRow = z.object({ access_token: z.string(), expires_at: z.string() });

/** The access_token in the SQLite database every replica on this host opens. */
export class SqliteAccessTokenStore implements AccessTokenStore {
  constructor(private readonly db: Database.Database) {}

  async get(appId: string): Promise<StoredAccessToken | undefined> {
    const row = this.db.prepare('SELECT access_token, expires_at FROM wechat_access_tokens WHERE app_id = ?').get(appId);
    if (row === undefined) return undefined;
    const r = TokenRow.parse(row);
    return { token: r.access_token, expiresAt: new Date(r.expires_at) };
  }

  async put(appId: string, token: StoredAccessToken): Promise<void> {
    this.db
      .prepare('INSERT INTO wechat_access_tokens (app_id, access_token, expires_at) VALUES (?, ?, ?) ON CONFLICT(app_id) DO UPDATE SET access_token = excluded.access_token, expires_at = excluded.expires_at')
      .run(appId, token.token, token.expiresAt.toISOString());
  }
}

const UserRow = z.object({ open_id: z.string(), conversation_id: z.string().nullable(), lang: LanguageCodeSchema.nullable(), last_inbound_at: z.string(), subscribed: z.number().int() });

/** OpenID ↔ conversation, language, and the time of the user's last message (the 48-hour window). */
export class SqliteWechatUserStore implements WechatUserStore {
  constructor(private readonly db: Database.Database) {}

  async get(openId: string): Promise<WechatUser | undefined> {
    return this.toUser(this.db.prepare('SELECT * FROM wechat_users WHERE open_id = ?').get(openId));
  }

  async findByConversation(conversationId: ConversationId): Promise<WechatUser | undefined> {
    return this.toUser(this.db.prepare('SELECT * FROM wechat_users WHERE conversation_id = ?').get(conversationId));
  }

  /** Records that the user wrote (or tapped the menu, or subscribed) at `at`: the 48-hour window restarts. */
  async touch(openId: string, at: Date, subscribed = true): Promise<void> {
    this.db
      .prepare('INSERT INTO wechat_users (open_id, last_inbound_at, subscribed) VALUES (?, ?, ?) ON CONFLICT(open_id) DO UPDATE SET last_inbound_at = excluded.last_inbound_at, subscribed = excluded.subscribed')
      .run(openId, at.toISOString(), subscribed ? 1 : 0);
  }

  async link(openId: string, conversationId: ConversationId | null, lang?: LanguageCode): Promise<void> {
    this.db.prepare('UPDATE wechat_users SET conversation_id = ?, lang = COALESCE(?, lang) WHERE open_id = ?').run(conversationId, lang ?? null, openId);
  }

  private toUser(row: unknown): WechatUser | undefined {
    if (row === undefined) return undefined;
    const r = UserRow.parse(row);
    return {
      openId: r.open_id,
      ...(r.conversation_id ? { conversationId: r.conversation_id as ConversationId } : {}),
      ...(r.lang ? { lang: r.lang } : {}),
      lastInboundAt: new Date(r.last_inbound_at),
      subscribed: r.subscribed === 1,
    };
  }
}

/**
 * Pushes already received, by MsgId (messages) or FromUserName+CreateTime+Event (events), so a
 * retry is answered once. In the database, so a retry that reaches another replica is caught too.
 */
export class SqliteWechatPushLog implements WechatPushLog {
  constructor(private readonly db: Database.Database) {}

  /** Claims a push: undefined when it is new (the caller handles it), else what was recorded. */
  async claim(key: string, at: Date): Promise<SeenPush | undefined> {
    const inserted = this.db.prepare('INSERT INTO wechat_pushes (push_key, received_at) VALUES (?, ?) ON CONFLICT(push_key) DO NOTHING').run(key, at.toISOString());
    if (inserted.changes === 1) return undefined;
    const row = z.object({ reply_text: z.string().nullable() }).parse(this.db.prepare('SELECT reply_text FROM wechat_pushes WHERE push_key = ?').get(key));
    return row.reply_text === null ? {} : { replyText: row.reply_text };
  }

  /** Keeps the passive reply, so a retry of the same push gets the same reply. */
  async saveReply(key: string, text: string): Promise<void> {
    this.db.prepare('UPDATE wechat_pushes SET reply_text = ? WHERE push_key = ?').run(text, key);
  }

  /** Forgets pushes received before `before` (WeChat retries within 15 seconds). */
  async prune(before: Date): Promise<number> {
    return this.db.prepare('DELETE FROM wechat_pushes WHERE received_at < ?').run(before.toISOString()).changes;
  }
}
