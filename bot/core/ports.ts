import type { LastDeclaration, PendingDeclaration } from './declaration/chat-step';
import type { TourDirection } from './text';
import type { Channel, Citation, ConversationId, EscalationId, EscalationReason, LanguageCode, MessageAuthor, ReplyKind, TravellerCategory } from './types';

/** What the conversation remembers between messages (context for follow-ups and clarifications). */
export type ConversationState = {
  /** Entry last answered or asked about. */
  lastEntryId?: string;
  /** Topic of that entry, for follow-ups ("and alcohol?"). */
  lastTopic?: string;
  /** Entry waiting for the traveller's category after a clarifying question. */
  pendingClarifyEntryId?: string;
  /** Traveller categories learned so far. */
  route?: TravellerCategory;
  residency?: TravellerCategory;
  /** A declaration-check list waiting for the answer to its question (issue 5). */
  pendingDeclaration?: PendingDeclaration;
  /** The list last checked, so that things added to it next ("再加上一瓶香水呢？") are checked with it. */
  lastDeclaration?: LastDeclaration;
  /** One thing named without a price in the message before ("bought a Rolex in Geneva"), so that a sum said next is its price. */
  lastThing?: { label: string; kind?: string };
  /** The bot asked what a vague message meant (asked once per conversation). */
  askedTopic?: boolean;
  /** A tour leader was asked which country the group travels from or to (issue 11; once per conversation). */
  askedTourRoute?: boolean;
  /** The direction that tour leader's message implied, while the country is awaited (next message only). */
  pendingTourRoute?: TourDirection;
  /** Consecutive replies that found no answer. */
  misses: number;
};

export type Conversation = {
  id: ConversationId;
  channel: Channel;
  lang: LanguageCode;
  createdAt: string;
  state: ConversationState;
};

export type StoredMessage = {
  id: number;
  conversationId: ConversationId;
  from: MessageAuthor;
  text: string;
  at: string;
  kind?: ReplyKind;
  /** A bot reply's sources and its "more" details, so a reloaded conversation shows them as live. */
  citations?: Citation[];
  more?: string;
};

export type EscalationStatus = 'open' | 'claimed' | 'resolved';

export type Escalation = {
  id: EscalationId;
  conversationId: ConversationId;
  status: EscalationStatus;
  reasons: EscalationReason[];
  lang: LanguageCode;
  channel: Channel;
  createdAt: string;
  /** The traveller message that triggered it. */
  trigger: string;
  /** Who asked (web: the client's address), to cap open cases per client; stored, never shown. */
  client?: string;
};

/**
 * The writes of one traveller turn, stored as one unit (all or nothing): the conversation when
 * it is new, the traveller's message, the state after the reply, an escalation the reply opened,
 * and the bot's reply. Messages get their ids in that order.
 */
export type Turn = {
  newConversation?: Conversation;
  traveller: Omit<StoredMessage, 'id'>;
  state?: { lang: LanguageCode; state: ConversationState };
  escalation?: Escalation;
  bot: Omit<StoredMessage, 'id'>;
};

/**
 * Conversations, their messages and their escalations. Implemented by storage adapters (memory,
 * SQLite, PostgreSQL). Asynchronous so that a networked database can implement it; writes that
 * must land together are one method each (`recordTurn`), because a better-sqlite3 transaction
 * cannot span an await.
 */
export interface ConversationStore {
  createConversation(conversation: Conversation): Promise<void>;
  getConversation(id: ConversationId): Promise<Conversation | undefined>;
  saveState(id: ConversationId, lang: LanguageCode, state: ConversationState): Promise<void>;
  appendMessage(message: Omit<StoredMessage, 'id'>): Promise<StoredMessage>;
  listMessages(id: ConversationId, options?: { afterId?: number; limit?: number }): Promise<StoredMessage[]>;
  /** One page of a long transcript: the last `limit` messages before `beforeId` (or the newest), oldest first. */
  listLatestMessages(id: ConversationId, options: { beforeId?: number; limit: number }): Promise<StoredMessage[]>;
  /** How many messages `from` wrote at or after `since` (ISO). */
  countMessagesSince(id: ConversationId, from: MessageAuthor, since: string): Promise<number>;
  /** Escalations of `client` still waiting for a coordinator (open, not claimed). */
  countOpenEscalationsOfClient(client: string): Promise<number>;
  createEscalation(escalation: Escalation): Promise<void>;
  /** The open or claimed escalation of a conversation, if any. */
  findActiveEscalation(id: ConversationId): Promise<Escalation | undefined>;
  /** 1-based place of an open escalation in the queue (most urgent first, then oldest; see coordination/urgency.ts); 0 once claimed. */
  queuePosition(id: EscalationId): Promise<number>;
  /** Stores one turn's writes in one transaction; returns the traveller's and the bot's message as stored. */
  recordTurn(turn: Turn): Promise<{ traveller: StoredMessage; bot: StoredMessage }>;
}

export interface Clock {
  now(): Date;
}

/** Unguessable ids. */
export interface IdGenerator {
  conversationId(): ConversationId;
  escalationId(): EscalationId;
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export interface Logger {
  log(level: LogLevel, code: string, fields?: Record<string, unknown>): void;
}

/** Something that happened in a conversation, for live views (SSE, Telegram relay). */
export type ConversationEvent =
  | { type: 'message'; conversationId: ConversationId; channel: Channel; message: StoredMessage }
  | { type: 'escalation_created'; escalation: Escalation }
  | { type: 'escalation_changed'; escalationId: EscalationId; conversationId: ConversationId; status: EscalationStatus }
  /** A lead approved a knowledge draft: replicas re-read the approved entries and re-index (issue 13). */
  | { type: 'knowledge_changed'; entryId: string };

/** In-process publish/subscribe of conversation events. */
export interface EventBus {
  publish(event: ConversationEvent): void;
  /** Returns the function that unsubscribes. */
  subscribe(listener: (event: ConversationEvent) => void): () => void;
}
