import type { CasebookStore, CoordinatorRole, DraftStore, EscalationDeskStore } from '../../core/coordination';
import type { LanguageCode } from '../../core/knowledge/schema';
import type { ConversationStore, EventBus, Logger } from '../../core/ports';
import type { ConversationId } from '../../core/types';

/**
 * The stores the adapters need beyond the core's ports (coordinator accounts, Telegram chats,
 * WeChat followers), each implemented in memory, SQLite and PostgreSQL, and `Stores`: what
 * `createStores(config)` hands to the composition root. All asynchronous, so a networked
 * database can implement them.
 */

/** A coordinator account as the desk sees it (no secrets). */
export type Coordinator = { id: number; name: string; role: CoordinatorRole; disabled: boolean; createdAt: string };
/** An account with its stored hashes (scrypt), for credential checks only. */
export type CoordinatorCredentials = Coordinator & { passwordHash: string; tokenId: string; tokenHash: string };
export type CoordinatorSession = { coordinator: Coordinator; csrf: string; expiresAt: string };
export type NewCoordinator = { name: string; role: CoordinatorRole; passwordHash: string; tokenId: string; tokenHash: string; createdAt: string };

/**
 * Coordinator accounts and console sessions. Passwords and API tokens are stored only as scrypt
 * hashes; sessions by the SHA-256 of their random id. Names are case-insensitive.
 */
export interface CoordinatorStore {
  /** Adds an account; false when the name is taken. */
  add(account: NewCoordinator): Promise<boolean>;
  /** By name. */
  list(): Promise<Coordinator[]>;
  byName(name: string): Promise<CoordinatorCredentials | undefined>;
  byTokenId(tokenId: string): Promise<CoordinatorCredentials | undefined>;
  byId(id: number): Promise<Coordinator | undefined>;
  /** Disables an account and ends its sessions; false when there is no such account. */
  disable(name: string): Promise<boolean>;
  /** Also forgets the sessions expired at `createdAt`. */
  createSession(session: { idHash: string; coordinatorId: number; csrf: string; createdAt: string; expiresAt: string }): Promise<void>;
  /** The live session with this id hash, with its (enabled) coordinator. */
  session(idHash: string, now: string): Promise<CoordinatorSession | undefined>;
  deleteSession(idHash: string): Promise<void>;
}

/** What `begin` found: the attempts counted so far for this name and client (this one included), and any lock. */
export type LoginAttempt = { failures: number; lockedUntil?: string };

/** Failed logins on one account name, over every client (GET /stats `loginFailures`). */
export type LoginPressure = { name: string; failedLogins: number; clients: number; lockedClients: number; lastFailureAt: string };

/**
 * Failed console logins per account name AND client (issue 14 items 1–2). Every step is one
 * atomic statement, so concurrent logins (on any replica) cannot race past the lock:
 * - `begin` reserves the attempt before the (async) password check: failures + 1, unless the
 *   pair is locked; an expired lock starts a fresh count;
 * - `fail` keeps the reservation as a failure and locks once `maxFailures` is reached, never
 *   moving an existing lock earlier (a late failure cannot reset a later lock);
 * - `succeed` clears the count, but leaves a lock other attempts set meanwhile.
 * Times are ISO strings, compared as text (which is time order).
 */
export interface LoginAttemptStore {
  begin(name: string, client: string, now: string): Promise<LoginAttempt>;
  /** Records the failure of an attempt `begin` counted; returns the lock, if the pair is now locked. */
  fail(name: string, client: string, now: string, maxFailures: number, lockUntil: string): Promise<{ lockedUntil?: string }>;
  succeed(name: string, client: string, now: string): Promise<void>;
  /** Account names with failed logins since `since` (existing accounts only), most failures first. */
  pressure(since: string, now: string, limit: number): Promise<LoginPressure[]>;
}

/** What the bot remembers about one Telegram chat (a private chat or a tour group's chat). */
export type TelegramChat = {
  chatId: number;
  chatType: string;
  conversationId?: ConversationId;
  /** Language chosen with /start or /lang, or taken from the user's Telegram settings. */
  lang?: LanguageCode;
  /** State of a guided dialogue (/declare), as the dialogue stored it. */
  dialogue?: unknown;
};

/** Chat id ↔ conversation id ↔ language. */
export interface TelegramChatStore {
  get(chatId: number): Promise<TelegramChat | undefined>;
  findByConversation(conversationId: ConversationId): Promise<TelegramChat | undefined>;
  /** Creates the chat's row if needed and changes the given fields (undefined leaves a field as is; null clears). */
  update(chatId: number, chatType: string, changes: { conversationId?: ConversationId | null; lang?: LanguageCode; dialogue?: unknown }): Promise<TelegramChat>;
}

/** An access_token and when WeChat said it ends. */
export type StoredAccessToken = { token: string; expiresAt: Date };

/**
 * Where the access_token lives, shared by every replica: WeChat keeps one valid token per
 * account (a new one retires the old within minutes), so replicas must not each fetch their own.
 */
export interface AccessTokenStore {
  get(appId: string): Promise<StoredAccessToken | undefined>;
  put(appId: string, token: StoredAccessToken): Promise<void>;
}

/** What the channel remembers about one follower (OpenID). */
export type WechatUser = { openId: string; conversationId?: ConversationId; lang?: LanguageCode; lastInboundAt: Date; subscribed: boolean };

/** OpenID ↔ conversation, language, and the time of the user's last message (the 48-hour window). */
export interface WechatUserStore {
  get(openId: string): Promise<WechatUser | undefined>;
  findByConversation(conversationId: ConversationId): Promise<WechatUser | undefined>;
  /** Records that the user wrote (or tapped the menu, or subscribed) at `at`: the 48-hour window restarts. */
  touch(openId: string, at: Date, subscribed?: boolean): Promise<void>;
  /** Links the user to a conversation (null unlinks); a given `lang` replaces the stored one. */
  link(openId: string, conversationId: ConversationId | null, lang?: LanguageCode): Promise<void>;
}

/** A push seen before: its passive reply, if it was answered passively. */
export type SeenPush = { replyText?: string };

/**
 * Pushes already received, by MsgId (messages) or FromUserName+CreateTime+Event (events), so a
 * retry is answered once, whichever replica it reaches.
 */
export interface WechatPushLog {
  /** Claims a push: undefined when it is new (the caller handles it), else what was recorded. */
  claim(key: string, at: Date): Promise<SeenPush | undefined>;
  /** Keeps the passive reply, so a retry of the same push gets the same reply. */
  saveReply(key: string, text: string): Promise<void>;
  /** Forgets pushes received before `before`; returns how many. */
  prune(before: Date): Promise<number>;
}

/**
 * Hits per key in fixed one-minute windows (rate limits). Kept in the process for one-process
 * engines; in PostgreSQL for replicas, so a limit holds whichever replica a request reaches.
 */
export interface RateWindowStore {
  /** Counts one hit of `key` at `nowMs`; returns the hits of its current window, this one included, and when the window started (ms). */
  hit(key: string, nowMs: number): Promise<{ count: number; startMs: number }>;
}

/** A knowledge entry a lead approved from a draft, as stored: the entry is the parsed JSON object. */
export type ApprovedEntry = { entryId: string; entry: unknown; draftId: string; approvedBy: string; approvedAt: string };

/**
 * Approved knowledge entries kept in the database, as an overlay on `knowledge/` (issue 13):
 * every replica reads them at start-up and again on a `knowledge_changed` event, because the
 * file system is not shared between replicas.
 */
export interface ApprovedEntryStore {
  /** Keeps an approved entry; false when an entry with this id is stored already. */
  add(entry: ApprovedEntry): Promise<boolean>;
  /** Forgets one (an approval undone because its draft was decided meanwhile). */
  remove(entryId: string): Promise<void>;
  /** Every approved entry, oldest approval first. */
  list(): Promise<ApprovedEntry[]>;
}

/** An EventBus whose events also reach every other replica on the database; `close` ends its connection. */
export type SharedEventBus = EventBus & { close(): Promise<void> };

/** Every store, built once by `createStores(config)` and handed down. */
export type Stores = {
  /** Which engine holds them, for logs and CLIs (never the connection string). */
  readonly engine: 'memory' | 'sqlite' | 'postgres';
  /** Where, for people: the SQLite file, or the PostgreSQL host/database without credentials. */
  readonly location: string;
  conversations: ConversationStore;
  desk: EscalationDeskStore;
  /** `redactAgain` rewrites the cases stored under a rules version older than `version` (default REDACTION_RULES_VERSION); returns how many. */
  casebook: CasebookStore & DraftStore & { redactAgain(redact: (text: string) => string, version?: number): Promise<number> };
  coordinators: CoordinatorStore;
  loginAttempts: LoginAttemptStore;
  telegramChats: TelegramChatStore;
  wechatUsers: WechatUserStore;
  wechatPushes: WechatPushLog;
  wechatTokens: AccessTokenStore;
  rateWindows: RateWindowStore;
  approvedEntries: ApprovedEntryStore;
  /**
   * Live events shared by every replica on this database (PostgreSQL LISTEN/NOTIFY); absent
   * for one-process engines, where the in-process bus is enough.
   */
  shareEvents?(logger: Logger): Promise<SharedEventBus>;
  /** Resolves when the database answers and accepts a write; rejects with a StorageError otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
};
