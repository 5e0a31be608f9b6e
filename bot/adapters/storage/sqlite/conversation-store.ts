import type Database from 'better-sqlite3';
import { urgencySql } from '../../../core/coordination';
import type { Conversation, ConversationState, ConversationStore, Escalation, StoredMessage, Turn } from '../../../core/ports';
import type { ConversationId, EscalationId, LanguageCode, MessageAuthor } from '../../../core/types';
import { metaJsonOf, toConversation, toEscalation, toMessage, type ConversationRow, type EscalationRow, type MessageRow } from '../rows';

/** Conversations, messages and escalations in SQLite (better-sqlite3, synchronous). */
export class SqliteConversationStore implements ConversationStore {
  constructor(private readonly db: Database.Database) {}

  async createConversation(c: Conversation): Promise<void> {
    this.insertConversation(c);
  }

  private insertConversation(c: Conversation): void {
    this.db.prepare('INSERT INTO conversations (id, channel, lang, created_at, state_json) VALUES (?, ?, ?, ?, ?)').run(c.id, c.channel, c.lang, c.createdAt, JSON.stringify(c.state));
  }

  async getConversation(id: ConversationId): Promise<Conversation | undefined> {
    const row = this.db.prepare('SELECT * FROM conversations WHERE id = ?').get(id) as ConversationRow | undefined;
    return row ? toConversation(row) : undefined;
  }

  async saveState(id: ConversationId, lang: LanguageCode, state: ConversationState): Promise<void> {
    this.updateState(id, lang, state);
  }

  private updateState(id: ConversationId, lang: LanguageCode, state: ConversationState): void {
    this.db.prepare('UPDATE conversations SET state_json = ?, lang = ? WHERE id = ?').run(JSON.stringify(state), lang, id);
  }

  async appendMessage(m: Omit<StoredMessage, 'id'>): Promise<StoredMessage> {
    return this.insertMessage(m);
  }

  private insertMessage(m: Omit<StoredMessage, 'id'>): StoredMessage {
    const meta = metaJsonOf(m);
    const info = this.db.prepare('INSERT INTO messages (conversation_id, author, text, at, kind, meta_json) VALUES (?, ?, ?, ?, ?, ?)').run(m.conversationId, m.from, m.text, m.at, m.kind ?? null, meta);
    return { ...m, id: Number(info.lastInsertRowid) };
  }

  async listMessages(id: ConversationId, options: { afterId?: number; limit?: number } = {}): Promise<StoredMessage[]> {
    const rows = this.db.prepare('SELECT * FROM messages WHERE conversation_id = ? AND id > ? ORDER BY id LIMIT ?').all(id, options.afterId ?? 0, options.limit ?? 1000) as MessageRow[];
    return rows.map(toMessage);
  }

  async listLatestMessages(id: ConversationId, options: { beforeId?: number; limit: number }): Promise<StoredMessage[]> {
    const rows = this.db.prepare('SELECT * FROM messages WHERE conversation_id = ? AND id < ? ORDER BY id DESC LIMIT ?').all(id, options.beforeId ?? Number.MAX_SAFE_INTEGER, options.limit) as MessageRow[];
    return rows.reverse().map(toMessage);
  }

  async countMessagesSince(id: ConversationId, from: MessageAuthor, since: string): Promise<number> {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM messages WHERE conversation_id = ? AND author = ? AND at >= ?').get(id, from, since) as { n: number }).n;
  }

  async countOpenEscalationsOfClient(client: string): Promise<number> {
    return (this.db.prepare("SELECT COUNT(*) AS n FROM escalations WHERE client = ? AND status = 'open'").get(client) as { n: number }).n;
  }

  async createEscalation(e: Escalation): Promise<void> {
    this.insertEscalation(e);
  }

  private insertEscalation(e: Escalation): void {
    this.db
      .prepare('INSERT INTO escalations (id, conversation_id, status, reasons_json, lang, channel, created_at, trigger_text, client) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(e.id, e.conversationId, e.status, JSON.stringify(e.reasons), e.lang, e.channel, e.createdAt, e.trigger, e.client ?? null);
  }

  async findActiveEscalation(id: ConversationId): Promise<Escalation | undefined> {
    const row = this.db.prepare("SELECT * FROM escalations WHERE conversation_id = ? AND status IN ('open','claimed') ORDER BY created_at DESC LIMIT 1").get(id) as EscalationRow | undefined;
    return row ? toEscalation(row) : undefined;
  }

  async queuePosition(id: EscalationId): Promise<number> {
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

  async recordTurn(turn: Turn): Promise<{ traveller: StoredMessage; bot: StoredMessage }> {
    return this.db.transaction(() => {
      if (turn.newConversation) this.insertConversation(turn.newConversation);
      const traveller = this.insertMessage(turn.traveller);
      if (turn.state) this.updateState(turn.traveller.conversationId, turn.state.lang, turn.state.state);
      if (turn.escalation) this.insertEscalation(turn.escalation);
      return { traveller, bot: this.insertMessage(turn.bot) };
    })();
  }
}

export { toEscalation, type EscalationRow };
