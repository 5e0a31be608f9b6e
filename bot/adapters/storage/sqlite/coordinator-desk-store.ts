import type Database from 'better-sqlite3';
import { urgencySql, type CaseClosing, type EscalationDeskStore, type EscalationFilter, type EscalationForStats, type EscalationRecord, type Note } from '../../../core/coordination';
import type { EscalationId, ReplyKind } from '../../../core/types';
import { SqliteCasebookStore } from './casebook-store';
import { toEscalation, type EscalationRow } from './conversation-store';

type DeskRow = EscalationRow & { claimed_by: string | null; claimed_at: string | null; resolved_at: string | null };
type NoteRow = { id: number; escalation_id: string; author: string; text: string; at: string };

const toRecord = (row: DeskRow): EscalationRecord => ({
  ...toEscalation(row),
  ...(row.claimed_by ? { claimedBy: row.claimed_by } : {}),
  ...(row.claimed_at ? { claimedAt: row.claimed_at } : {}),
  ...(row.resolved_at ? { resolvedAt: row.resolved_at } : {}),
});

/** Most urgent first, then the longest waiting (issue 14; test: "lists the most urgent first"). */
const BY_URGENCY = `${urgencySql('reasons_json')}, created_at, id`;

const WHERE: Record<EscalationFilter, string> = {
  open: `status = 'open' ORDER BY ${BY_URGENCY}`,
  claimed: `status = 'claimed' ORDER BY ${BY_URGENCY}`,
  active: `status IN ('open','claimed') ORDER BY status = 'claimed', ${BY_URGENCY}`,
  resolved: "status = 'resolved' ORDER BY resolved_at DESC, id",
};

/** The coordinators' view of the `escalations` table, and internal notes. */
export class SqliteEscalationDeskStore implements EscalationDeskStore {
  constructor(private readonly db: Database.Database) {}

  async listEscalations(filter: EscalationFilter, limit: number): Promise<EscalationRecord[]> {
    return (this.db.prepare(`SELECT * FROM escalations WHERE ${WHERE[filter]} LIMIT ?`).all(limit) as DeskRow[]).map(toRecord);
  }

  async getEscalation(id: EscalationId): Promise<EscalationRecord | undefined> {
    const row = this.db.prepare('SELECT * FROM escalations WHERE id = ?').get(id) as DeskRow | undefined;
    return row ? toRecord(row) : undefined;
  }

  async claim(id: EscalationId, coordinator: string, at: string): Promise<boolean> {
    return this.db.prepare("UPDATE escalations SET status = 'claimed', claimed_by = ?, claimed_at = ? WHERE id = ? AND status = 'open'").run(coordinator, at, id).changes === 1;
  }

  async takeOver(id: EscalationId, coordinator: string): Promise<boolean> {
    return this.db.prepare("UPDATE escalations SET claimed_by = ? WHERE id = ? AND status = 'claimed'").run(coordinator, id).changes === 1;
  }

  async resolve(id: EscalationId, coordinator: string, at: string): Promise<boolean> {
    return this.resolveNow(id, coordinator, at);
  }

  private resolveNow(id: EscalationId, coordinator: string, at: string): boolean {
    return this.db.prepare("UPDATE escalations SET status = 'resolved', resolved_at = ? WHERE id = ? AND status = 'claimed' AND claimed_by = ?").run(at, id, coordinator).changes === 1;
  }

  async closeCase(c: CaseClosing): Promise<boolean> {
    return this.db.transaction(() => {
      if (!this.resolveNow(c.id, c.coordinator, c.at)) return false;
      const cases = new SqliteCasebookStore(this.db);
      cases.insertCase(c.entry);
      if (c.state) this.db.prepare('UPDATE conversations SET state_json = ?, lang = ? WHERE id = ?').run(JSON.stringify(c.state.state), c.state.lang, c.state.conversationId);
      if (c.draft) cases.insertDraftOfCase(c.draft);
      return true;
    })();
  }

  async addNote(note: Omit<Note, 'id'>): Promise<Note> {
    const info = this.db.prepare('INSERT INTO escalation_notes (escalation_id, author, text, at) VALUES (?, ?, ?, ?)').run(note.escalationId, note.author, note.text, note.at);
    return { ...note, id: Number(info.lastInsertRowid) };
  }

  async listNotes(id: EscalationId): Promise<Note[]> {
    const rows = this.db.prepare('SELECT * FROM escalation_notes WHERE escalation_id = ? ORDER BY id').all(id) as NoteRow[];
    return rows.map((r) => ({ id: r.id, escalationId: r.escalation_id as EscalationId, author: r.author, text: r.text, at: r.at }));
  }

  async escalationsSince(since: string): Promise<EscalationForStats[]> {
    // the kind of the last bot message before the traveller message that escalated (the stored
    // reply kind, not a word list: a reply to a clarifying question is not a question of its own)
    const rows = this.db
      .prepare(
        `SELECT e.*, (SELECT b.kind FROM messages b WHERE b.conversation_id = e.conversation_id AND b.author = 'bot' AND b.id <
            (SELECT MAX(t.id) FROM messages t WHERE t.conversation_id = e.conversation_id AND t.author = 'traveller' AND t.at <= e.created_at)
          ORDER BY b.id DESC LIMIT 1) AS followed_kind
        FROM escalations e WHERE e.created_at >= ? ORDER BY e.created_at`,
      )
      .all(since) as (DeskRow & { followed_kind: string | null })[];
    return rows.map((row) => ({ ...toRecord(row), ...(row.followed_kind ? { followedBotKind: row.followed_kind as ReplyKind } : {}) }));
  }

  async conversationCountsSince(since: string): Promise<{ total: number; escalated: number }> {
    const row = this.db
      .prepare('SELECT COUNT(*) AS total, SUM(EXISTS (SELECT 1 FROM escalations e WHERE e.conversation_id = c.id)) AS escalated FROM conversations c WHERE c.created_at >= ?')
      .get(since) as { total: number; escalated: number | null };
    return { total: row.total, escalated: row.escalated ?? 0 };
  }
}
