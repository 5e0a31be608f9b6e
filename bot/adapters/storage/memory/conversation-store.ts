import { urgencyOf } from '../../../core/coordination';
import type { Conversation, ConversationState, ConversationStore, Escalation, StoredMessage, Turn } from '../../../core/ports';
import type { ConversationId, EscalationId, LanguageCode, MessageAuthor } from '../../../core/types';
import { byText, copy, MemoryTables, type EscalationRow } from './memory-tables';

/** The escalation as reads return it: without the client, which is stored but never shown. */
export const toEscalation = ({ client: _client, claimedBy: _b, claimedAt: _c, resolvedAt: _r, ...e }: EscalationRow): Escalation => copy(e);

/** Queue order: more urgent first, then the longer waiting, then by id (as `urgencySql`). */
export const queueOrder = (a: EscalationRow, b: EscalationRow): number => urgencyOf(a.reasons) - urgencyOf(b.reasons) || byText(a.createdAt, b.createdAt) || byText(a.id, b.id);

/** Conversations, messages and escalations in memory: fast core tests and the batch endpoint. */
export class MemoryConversationStore implements ConversationStore {
  constructor(private readonly t: MemoryTables = new MemoryTables()) {}

  async createConversation(c: Conversation): Promise<void> {
    this.insertConversation(c);
  }

  async getConversation(id: ConversationId): Promise<Conversation | undefined> {
    const c = this.t.conversations.get(id);
    return c ? copy(c) : undefined;
  }

  async saveState(id: ConversationId, lang: LanguageCode, state: ConversationState): Promise<void> {
    this.updateState(id, lang, state);
  }

  async appendMessage(m: Omit<StoredMessage, 'id'>): Promise<StoredMessage> {
    return this.insertMessage(m);
  }

  async listMessages(id: ConversationId, options: { afterId?: number; limit?: number } = {}): Promise<StoredMessage[]> {
    const after = options.afterId ?? 0;
    return copy(this.t.messages.filter((m) => m.conversationId === id && m.id > after).slice(0, options.limit ?? 1000));
  }

  async listLatestMessages(id: ConversationId, options: { beforeId?: number; limit: number }): Promise<StoredMessage[]> {
    const before = options.beforeId ?? Number.MAX_SAFE_INTEGER;
    const older = this.t.messages.filter((m) => m.conversationId === id && m.id < before);
    return copy(older.slice(Math.max(0, older.length - options.limit)));
  }

  async countMessagesSince(id: ConversationId, from: MessageAuthor, since: string): Promise<number> {
    return this.t.messages.filter((m) => m.conversationId === id && m.from === from && m.at >= since).length;
  }

  async countOpenEscalationsOfClient(client: string): Promise<number> {
    return [...this.t.escalations.values()].filter((e) => e.client === client && e.status === 'open').length;
  }

  async createEscalation(e: Escalation): Promise<void> {
    this.insertEscalation(e);
  }

  async findActiveEscalation(id: ConversationId): Promise<Escalation | undefined> {
    const active = [...this.t.escalations.values()].filter((e) => e.conversationId === id && (e.status === 'open' || e.status === 'claimed'));
    const newest = active.sort((a, b) => byText(b.createdAt, a.createdAt))[0];
    return newest ? toEscalation(newest) : undefined;
  }

  async queuePosition(id: EscalationId): Promise<number> {
    const me = this.t.escalations.get(id);
    if (!me || me.status !== 'open') return 0;
    return [...this.t.escalations.values()].filter((o) => o.status === 'open' && queueOrder(o, me) < 0).length + 1;
  }

  async recordTurn(turn: Turn): Promise<{ traveller: StoredMessage; bot: StoredMessage }> {
    // checked first, so a failing turn writes nothing (all or nothing, as in SQL)
    if (turn.newConversation && this.t.conversations.has(turn.newConversation.id)) throw new Error(`bot: conversation ${turn.newConversation.id} exists already`);
    if (!turn.newConversation && !this.t.conversations.has(turn.traveller.conversationId)) throw new Error(`bot: no conversation ${turn.traveller.conversationId}`);
    if (turn.escalation && this.t.escalations.has(turn.escalation.id)) throw new Error(`bot: escalation ${turn.escalation.id} exists already`);
    if (turn.newConversation) this.insertConversation(turn.newConversation);
    const traveller = this.insertMessage(turn.traveller);
    if (turn.state) this.updateState(turn.traveller.conversationId, turn.state.lang, turn.state.state);
    if (turn.escalation) this.insertEscalation(turn.escalation);
    return { traveller, bot: this.insertMessage(turn.bot) };
  }

  private insertConversation(c: Conversation): void {
    if (this.t.conversations.has(c.id)) throw new Error(`bot: conversation ${c.id} exists already`);
    this.t.conversations.set(c.id, copy(c));
  }

  private updateState(id: ConversationId, lang: LanguageCode, state: ConversationState): void {
    const c = this.t.conversations.get(id);
    // JSON round trip: undefined fields vanish, as in the stored JSON
    if (c) this.t.conversations.set(id, { ...c, lang, state: JSON.parse(JSON.stringify(state)) as ConversationState });
  }

  private insertMessage(m: Omit<StoredMessage, 'id'>): StoredMessage {
    if (!this.t.conversations.has(m.conversationId)) throw new Error(`bot: no conversation ${m.conversationId}`);
    const id = this.t.nextId('message');
    const { citations, more, kind, ...rest } = m;
    this.t.messages.push(copy({ ...rest, id, ...(kind ? { kind } : {}), ...(citations?.length ? { citations } : {}), ...(more ? { more } : {}) }));
    return { ...m, id };
  }

  private insertEscalation(e: Escalation): void {
    if (this.t.escalations.has(e.id)) throw new Error(`bot: escalation ${e.id} exists already`);
    if (!this.t.conversations.has(e.conversationId)) throw new Error(`bot: no conversation ${e.conversationId}`);
    this.t.escalations.set(e.id, copy(e));
  }
}
