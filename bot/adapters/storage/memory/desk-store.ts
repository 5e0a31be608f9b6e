import type { CaseClosing, EscalationDeskStore, EscalationFilter, EscalationForStats, EscalationRecord, Note } from '../../../core/coordination';
import type { EscalationId } from '../../../core/types';
import { MemoryCasebookStore } from './casebook-store';
import { queueOrder } from './conversation-store';
import { byText, copy, MemoryTables, type EscalationRow } from './memory-tables';

const toRecord = ({ client: _client, ...e }: EscalationRow): EscalationRecord => copy(e);

/** The orders of `SqliteEscalationDeskStore`'s WHERE table: queue order, claimed after open for `active`. */
const ORDER: Record<EscalationFilter, { keep: (e: EscalationRow) => boolean; order: (a: EscalationRow, b: EscalationRow) => number }> = {
  open: { keep: (e) => e.status === 'open', order: queueOrder },
  claimed: { keep: (e) => e.status === 'claimed', order: queueOrder },
  active: { keep: (e) => e.status !== 'resolved', order: (a, b) => Number(a.status === 'claimed') - Number(b.status === 'claimed') || queueOrder(a, b) },
  resolved: { keep: (e) => e.status === 'resolved', order: (a, b) => byText(b.resolvedAt ?? '', a.resolvedAt ?? '') || byText(a.id, b.id) },
};

/** The coordinators' view of escalations, and internal notes, in memory. */
export class MemoryEscalationDeskStore implements EscalationDeskStore {
  constructor(private readonly t: MemoryTables) {}

  async listEscalations(filter: EscalationFilter, limit: number): Promise<EscalationRecord[]> {
    const { keep, order } = ORDER[filter];
    return [...this.t.escalations.values()].filter(keep).sort(order).slice(0, limit).map(toRecord);
  }

  async getEscalation(id: EscalationId): Promise<EscalationRecord | undefined> {
    const e = this.t.escalations.get(id);
    return e ? toRecord(e) : undefined;
  }

  async claim(id: EscalationId, coordinator: string, at: string): Promise<boolean> {
    const e = this.t.escalations.get(id);
    if (e?.status !== 'open') return false;
    Object.assign(e, { status: 'claimed', claimedBy: coordinator, claimedAt: at });
    return true;
  }

  async takeOver(id: EscalationId, coordinator: string): Promise<boolean> {
    const e = this.t.escalations.get(id);
    if (e?.status !== 'claimed') return false;
    e.claimedBy = coordinator;
    return true;
  }

  async resolve(id: EscalationId, coordinator: string, at: string): Promise<boolean> {
    return this.resolveNow(id, coordinator, at);
  }

  async closeCase(c: CaseClosing): Promise<boolean> {
    const cases = new MemoryCasebookStore(this.t);
    cases.checkNewCase(c.entry, c.draft);
    if (!this.resolveNow(c.id, c.coordinator, c.at)) return false;
    cases.insertCase(c.entry);
    const conversation = c.state && this.t.conversations.get(c.state.conversationId);
    if (c.state && conversation) this.t.conversations.set(conversation.id, { ...conversation, lang: c.state.lang, state: JSON.parse(JSON.stringify(c.state.state)) as typeof conversation.state });
    if (c.draft) cases.insertDraftOfCase(c.draft);
    return true;
  }

  async addNote(note: Omit<Note, 'id'>): Promise<Note> {
    if (!this.t.escalations.has(note.escalationId)) throw new Error(`bot: no escalation ${note.escalationId}`);
    const stored = { ...note, id: this.t.nextId('note') };
    this.t.notes.push(copy(stored));
    return stored;
  }

  async listNotes(id: EscalationId): Promise<Note[]> {
    return copy(this.t.notes.filter((n) => n.escalationId === id));
  }

  async escalationsSince(since: string): Promise<EscalationForStats[]> {
    const rows = [...this.t.escalations.values()].filter((e) => e.createdAt >= since).sort((a, b) => byText(a.createdAt, b.createdAt));
    return rows.map((e) => {
      const kind = this.followedKind(e);
      return { ...toRecord(e), ...(kind ? { followedBotKind: kind } : {}) };
    });
  }

  async conversationCountsSince(since: string): Promise<{ total: number; escalated: number }> {
    const started = [...this.t.conversations.values()].filter((c) => c.createdAt >= since);
    const escalated = new Set([...this.t.escalations.values()].map((e) => e.conversationId));
    return { total: started.length, escalated: started.filter((c) => escalated.has(c.id)).length };
  }

  /** The kind of the last bot message before the traveller message that escalated. */
  private followedKind(e: EscalationRow) {
    const mine = this.t.messages.filter((m) => m.conversationId === e.conversationId);
    const trigger = mine.filter((m) => m.from === 'traveller' && m.at <= e.createdAt).at(-1);
    if (!trigger) return undefined;
    return mine.filter((m) => m.from === 'bot' && m.id < trigger.id).at(-1)?.kind;
  }

  private resolveNow(id: EscalationId, coordinator: string, at: string): boolean {
    const e = this.t.escalations.get(id);
    if (e?.status !== 'claimed' || e.claimedBy !== coordinator) return false;
    Object.assign(e, { status: 'resolved', resolvedAt: at });
    return true;
  }
}
