import type Database from 'better-sqlite3';
import { z } from 'zod';
import { urgencySql } from '../../../core/coordination';
import type { Conversation, ConversationState, ConversationStore, Escalation, StoredMessage } from '../../../core/ports';
import type { Channel, ConversationId, EscalationId, EscalationReason, LanguageCode, MessageAuthor, ReplyKind } from '../../../core/types';

type ConversationRow = { id: string; channel: string; lang: string; created_at: string; state_json: string };
type MessageRow = { id: number; conversation_id: string; author: string; text: string; at: string; kind: string | null; meta_json: string | null };
type EscalationRow = { id: string; conversation_id: string; status: string; reasons_json: string; lang: string; channel: string; created_at: string; trigger_text: string };

const StateSchema = z.object({ misses: z.number() }).passthrough();
const MetaSchema = z.object({
  citations: z.array(z.object({ id: z.string(), title: z.string(), source: z.string(), url: z.string() })).optional(),
  more: z.string().optional(),
});

/** The stored meta of a message; a row this version cannot read shows as plain text. */
function readMeta(json: string | null): Pick<StoredMessage, 'citations' | 'more'> {
  if (!json) return {};
  const parsed = MetaSchema.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : {};
}

/** Conversations, messages and escalations in SQLite (better-sqlite3, synchronous). */
export class SqliteConversationStore implements ConversationStore {
  constructor(private readonly db: Database.Database) {}

  createConversation(c: Conversation): void {
    this.db.prepare('INSERT INTO conversations (id, channel, lang, created_at, state_json) VALUES (?, ?, ?, ?, ?)').run(c.id, c.channel, c.lang, c.createdAt, JSON.stringify(c.state));
  }

  getConversation(id: ConversationId): Conversation | undefined {
    const row = this.db.prepare('SELECT * FROM conversations WHERE id = ?').get(id) as ConversationRow | undefined;
    if (!row) return undefined;
    return { id: row.id as ConversationId, channel: row.channel as Channel, lang: row.lang as LanguageCode, createdAt: row.created_at, state: StateSchema.parse(JSON.parse(row.state_json)) as ConversationState };
  }

  saveState(id: ConversationId, lang: LanguageCode, state: ConversationState): void {
    this.db.prepare('UPDATE conversations SET state_json = ?, lang = ? WHERE id = ?').run(JSON.stringify(state), lang, id);
  }

  appendMessage(m: Omit<StoredMessage, 'id'>): StoredMessage {
    const meta = m.citations?.length || m.more ? JSON.stringify({ ...(m.citations?.length ? { citations: m.citations } : {}), ...(m.more ? { more: m.more } : {}) }) : null;
    const info = this.db.prepare('INSERT INTO messages (conversation_id, author, text, at, kind, meta_json) VALUES (?, ?, ?, ?, ?, ?)').run(m.conversationId, m.from, m.text, m.at, m.kind ?? null, meta);
    return { ...m, id: Number(info.lastInsertRowid) };
  }

  listMessages(id: ConversationId, options: { afterId?: number; limit?: number } = {}): StoredMessage[] {
    const rows = this.db.prepare('SELECT * FROM messages WHERE conversation_id = ? AND id > ? ORDER BY id LIMIT ?').all(id, options.afterId ?? 0, options.limit ?? 1000) as MessageRow[];
    return rows.map(toMessage);
  }

  listLatestMessages(id: ConversationId, options: { beforeId?: number; limit: number }): StoredMessage[] {
    const rows = this.db.prepare('SELECT * FROM messages WHERE conversation_id = ? AND id < ? ORDER BY id DESC LIMIT ?').all(id, options.beforeId ?? Number.MAX_SAFE_INTEGER, options.limit) as MessageRow[];
    return rows.reverse().map(toMessage);
  }

  countMessagesSince(id: ConversationId, from: MessageAuthor, since: string): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM messages WHERE conversation_id = ? AND author = ? AND at >= ?').get(id, from, since) as { n: number }).n;
  }

  countOpenEscalationsOfClient(client: string): number {
    return (this.db.prepare("SELECT COUNT(*) AS n FROM escalations WHERE client = ? AND status = 'open'").get(client) as { n: number }).n;
  }

  createEscalation(e: Escalation): void {
    this.db
      .prepare('INSERT INTO escalations (id, conversation_id, status, reasons_json, lang, channel, created_at, trigger_text, client) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(e.id, e.conversationId, e.status, JSON.stringify(e.reasons), e.lang, e.channel, e.createdAt, e.trigger, e.client ?? null);
  }

  findActiveEscalation(id: ConversationId): Escalation | undefined {
    const row = this.db.prepare("SELECT * FROM escalations WHERE conversation_id = ? AND status IN ('open','claimed') ORDER BY created_at DESC LIMIT 1").get(id) as EscalationRow | undefined;
    return row ? toEscalation(row) : undefined;
  }

  queuePosition(id: EscalationId): number {
    const row = this.db.prepare("SELECT status FROM escalations WHERE id = ?").get(id) as { status: string } | undefined;
    if (!row || row.status !== 'open') return 0;
    // the same order as the coordinators' queue: more urgent cases first, then the longer waiting
    const ahead = this.db
      .prepare(
        `SELECT COUNT(*) AS n FROM (SELECT ${urgencySql('reasons_json')} AS u, created_at, id FROM escalations WHERE status = 'open') o,
          (SELECT ${urgencySql('reasons_json')} AS u, created_at, id FROM escalations WHERE id = ?) me
        WHERE o.u < me.u OR (o.u = me.u AND (o.created_at < me.created_at OR (o.created_at = me.created_at AND o.id < me.id)))`,
      )
      .get(id) as { n: number };
    return ahead.n + 1;
  }

  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }
}

function toMessage(r: MessageRow): StoredMessage {
  return { id: r.id, conversationId: r.conversation_id as ConversationId, from: r.author as MessageAuthor, text: r.text, at: r.at, ...(r.kind ? { kind: r.kind as ReplyKind } : {}), ...readMeta(r.meta_json) };
}

export function toEscalation(row: EscalationRow): Escalation {
  return {
    id: row.id as EscalationId,
    conversationId: row.conversation_id as ConversationId,
    status: row.status as Escalation['status'],
    reasons: JSON.parse(row.reasons_json) as EscalationReason[],
    lang: row.lang as LanguageCode,
    channel: row.channel as Channel,
    createdAt: row.created_at,
    trigger: row.trigger_text,
  };
}
export type { EscalationRow };
