import type { CasebookEntry, Draft } from '../../../core/casebook';
import type { EscalationRecord, Note } from '../../../core/coordination';
import type { Conversation, StoredMessage } from '../../../core/ports';
import type { ApprovedEntry, NewCoordinator, SeenPush, StoredAccessToken, TelegramChat, WechatUser } from '../ports';

/** An escalation as kept in memory: the record plus the client, which reads never return. */
export type EscalationRow = EscalationRecord & { client?: string };
export type CoordinatorRow = NewCoordinator & { id: number; disabled: boolean };
export type SessionRow = { idHash: string; coordinatorId: number; csrf: string; createdAt: string; expiresAt: string };
export type AttemptRow = { name: string; client: string; failures: number; lockedUntil?: string; failuresTotal: number; lastFailureAt?: string };

/**
 * The in-memory "database" every memory store shares, so that a unit of work spanning stores
 * (`closeCase`) sees one state. Single-threaded JavaScript makes each method atomic: no
 * method awaits between its reads and its writes.
 */
export class MemoryTables {
  readonly conversations = new Map<string, Conversation>();
  readonly messages: StoredMessage[] = [];
  readonly escalations = new Map<string, EscalationRow>();
  readonly notes: Note[] = [];
  readonly cases = new Map<string, CasebookEntry & { redactedWith: number }>();
  readonly drafts = new Map<string, Draft>();
  readonly coordinators: CoordinatorRow[] = [];
  readonly sessions = new Map<string, SessionRow>();
  readonly attempts = new Map<string, AttemptRow>();
  readonly telegramChats = new Map<number, TelegramChat>();
  readonly wechatUsers = new Map<string, WechatUser>();
  readonly wechatPushes = new Map<string, SeenPush & { receivedAt: string }>();
  readonly wechatTokens = new Map<string, StoredAccessToken>();
  readonly approvedEntries = new Map<string, ApprovedEntry>();
  private lastId = { message: 0, note: 0, coordinator: 0 };

  nextId(kind: keyof MemoryTables['lastId']): number {
    return ++this.lastId[kind];
  }
}

/** A deep copy, so callers never hold the stored object (as a database hands out fresh rows). */
export const copy = <T>(value: T): T => structuredClone(value);

/** Text order as SQLite's BINARY collation and PostgreSQL's "C" collation sort it. */
export const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** SQLite's NOCASE: folds ASCII letters only (coordinator names). */
export const foldAscii = (name: string): string => name.replace(/[A-Z]/g, (c) => c.toLowerCase());
