import type { Pool } from 'pg';
import type { Conversation, ConversationState, ConversationStore, Escalation, StoredMessage, Turn } from '../../../core/ports';
import type { ConversationId, EscalationId, LanguageCode, MessageAuthor } from '../../../core/types';
import { metaJsonOf, toConversation, toEscalation, toMessage, type ConversationRow, type EscalationRow, type MessageRow } from '../rows';
import { inTransaction, row, rows, type Queryable } from './pg-db';
import { pgUrgencySql } from './urgency-sql';

const insertConversation = (db: Queryable, c: Conversation) =>
  db.query('INSERT INTO conversations (id, channel, lang, created_at, state_json) VALUES ($1, $2, $3, $4, $5)', [c.id, c.channel, c.lang, c.createdAt, JSON.stringify(c.state)]);

const updateState = (db: Queryable, id: ConversationId, lang: LanguageCode, state: ConversationState) => db.query('UPDATE conversations SET state_json = $1, lang = $2 WHERE id = $3', [JSON.stringify(state), lang, id]);

async function insertMessage(db: Queryable, m: Omit<StoredMessage, 'id'>): Promise<StoredMessage> {
  const r = await row<{ id: number }>(db, 'INSERT INTO messages (conversation_id, author, text, at, kind, meta_json) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id', [m.conversationId, m.from, m.text, m.at, m.kind ?? null, metaJsonOf(m)]);
  if (!r) throw new Error('bot: INSERT … RETURNING gave no row');
  return { ...m, id: r.id };
}

const insertEscalation = (db: Queryable, e: Escalation) =>
  db.query('INSERT INTO escalations (id, conversation_id, status, reasons_json, lang, channel, created_at, trigger_text, client) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)', [
    e.id,
    e.conversationId,
    e.status,
    JSON.stringify(e.reasons),
    e.lang,
    e.channel,
    e.createdAt,
    e.trigger,
    e.client ?? null,
  ]);

/** Conversations, messages and escalations in PostgreSQL (node-postgres pool). */
export class PostgresConversationStore implements ConversationStore {
  constructor(private readonly pool: Pool) {}

  async createConversation(c: Conversation): Promise<void> {
    await insertConversation(this.pool, c);
  }

  async getConversation(id: ConversationId): Promise<Conversation | undefined> {
    const r = await row<ConversationRow>(this.pool, 'SELECT * FROM conversations WHERE id = $1', [id]);
    return r ? toConversation(r) : undefined;
  }

  async saveState(id: ConversationId, lang: LanguageCode, state: ConversationState): Promise<void> {
    await updateState(this.pool, id, lang, state);
  }

  appendMessage(m: Omit<StoredMessage, 'id'>): Promise<StoredMessage> {
    return insertMessage(this.pool, m);
  }

  async listMessages(id: ConversationId, options: { afterId?: number; limit?: number } = {}): Promise<StoredMessage[]> {
    return (await rows<MessageRow>(this.pool, 'SELECT * FROM messages WHERE conversation_id = $1 AND id > $2 ORDER BY id LIMIT $3', [id, options.afterId ?? 0, options.limit ?? 1000])).map(toMessage);
  }

  async listLatestMessages(id: ConversationId, options: { beforeId?: number; limit: number }): Promise<StoredMessage[]> {
    // ids are INTEGER: "before the newest" is any id below 2^31
    const r = await rows<MessageRow>(this.pool, 'SELECT * FROM messages WHERE conversation_id = $1 AND id < $2 ORDER BY id DESC LIMIT $3', [id, Math.min(options.beforeId ?? 2 ** 31 - 1, 2 ** 31 - 1), options.limit]);
    return r.reverse().map(toMessage);
  }

  async countMessagesSince(id: ConversationId, from: MessageAuthor, since: string): Promise<number> {
    return (await row<{ n: number }>(this.pool, 'SELECT COUNT(*)::int AS n FROM messages WHERE conversation_id = $1 AND author = $2 AND at >= $3', [id, from, since]))?.n ?? 0;
  }

  async countOpenEscalationsOfClient(client: string): Promise<number> {
    return (await row<{ n: number }>(this.pool, "SELECT COUNT(*)::int AS n FROM escalations WHERE client = $1 AND status = 'open'", [client]))?.n ?? 0;
  }

  async createEscalation(e: Escalation): Promise<void> {
    await insertEscalation(this.pool, e);
  }

  async findActiveEscalation(id: ConversationId): Promise<Escalation | undefined> {
    const r = await row<EscalationRow>(this.pool, "SELECT * FROM escalations WHERE conversation_id = $1 AND status IN ('open','claimed') ORDER BY created_at DESC LIMIT 1", [id]);
    return r ? toEscalation(r) : undefined;
  }

  async queuePosition(id: EscalationId): Promise<number> {
    const me = await row<{ status: string }>(this.pool, 'SELECT status FROM escalations WHERE id = $1', [id]);
    if (!me || me.status !== 'open') return 0;
    // the same order as the coordinators' queue: more urgent cases first, then the longer waiting
    const u = pgUrgencySql('reasons_json');
    const ahead = await row<{ n: number }>(
      this.pool,
      `SELECT COUNT(*)::int AS n FROM (SELECT ${u} AS u, created_at, id FROM escalations WHERE status = 'open') o,
        (SELECT ${u} AS u, created_at, id FROM escalations WHERE id = $1) me
      WHERE o.u < me.u OR (o.u = me.u AND (o.created_at < me.created_at OR (o.created_at = me.created_at AND o.id < me.id)))`,
      [id],
    );
    return (ahead?.n ?? 0) + 1;
  }

  recordTurn(turn: Turn): Promise<{ traveller: StoredMessage; bot: StoredMessage }> {
    return inTransaction(this.pool, async (tx) => {
      if (turn.newConversation) await insertConversation(tx, turn.newConversation);
      const traveller = await insertMessage(tx, turn.traveller);
      if (turn.state) await updateState(tx, turn.traveller.conversationId, turn.state.lang, turn.state.state);
      if (turn.escalation) await insertEscalation(tx, turn.escalation);
      return { traveller, bot: await insertMessage(tx, turn.bot) };
    });
  }
}
