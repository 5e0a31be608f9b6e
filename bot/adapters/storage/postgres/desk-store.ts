import type { Pool } from 'pg';
import type { CaseClosing, EscalationDeskStore, EscalationFilter, EscalationForStats, EscalationRecord, Note } from '../../../core/coordination';
import type { EscalationId, ReplyKind } from '../../../core/types';
import { toEscalation, type EscalationRow } from '../rows';
import { insertCase, insertDraftOfCase } from './casebook-store';
import { changes, inTransaction, row, rows, type Queryable } from './pg-db';
import { pgUrgencySql } from './urgency-sql';

type DeskRow = EscalationRow & { claimed_by: string | null; claimed_at: string | null; resolved_at: string | null };
type NoteRow = { id: number; escalation_id: string; author: string; text: string; at: string };

const toRecord = (r: DeskRow): EscalationRecord => ({
  ...toEscalation(r),
  ...(r.claimed_by ? { claimedBy: r.claimed_by } : {}),
  ...(r.claimed_at ? { claimedAt: r.claimed_at } : {}),
  ...(r.resolved_at ? { resolvedAt: r.resolved_at } : {}),
});

/** Most urgent first, then the longest waiting: the order of SqliteEscalationDeskStore. */
const BY_URGENCY = `${pgUrgencySql('reasons_json')}, created_at, id`;

const WHERE: Record<EscalationFilter, string> = {
  open: `status = 'open' ORDER BY ${BY_URGENCY}`,
  claimed: `status = 'claimed' ORDER BY ${BY_URGENCY}`,
  active: `status IN ('open','claimed') ORDER BY status = 'claimed', ${BY_URGENCY}`,
  resolved: "status = 'resolved' ORDER BY resolved_at DESC, id",
};

/** The single conditional UPDATE of a resolve: only the holder of a claim wins, once. */
const resolveNow = async (db: Queryable, id: EscalationId, coordinator: string, at: string) =>
  (await changes(db, "UPDATE escalations SET status = 'resolved', resolved_at = $1 WHERE id = $2 AND status = 'claimed' AND claimed_by = $3", [at, id, coordinator])) === 1;

/** The coordinators' view of escalations, and internal notes, in PostgreSQL. */
export class PostgresEscalationDeskStore implements EscalationDeskStore {
  constructor(private readonly pool: Pool) {}

  async listEscalations(filter: EscalationFilter, limit: number): Promise<EscalationRecord[]> {
    return (await rows<DeskRow>(this.pool, `SELECT * FROM escalations WHERE ${WHERE[filter]} LIMIT $1`, [limit])).map(toRecord);
  }

  async getEscalation(id: EscalationId): Promise<EscalationRecord | undefined> {
    const r = await row<DeskRow>(this.pool, 'SELECT * FROM escalations WHERE id = $1', [id]);
    return r ? toRecord(r) : undefined;
  }

  /** One conditional UPDATE: across replicas, exactly one claim of an open case wins. */
  async claim(id: EscalationId, coordinator: string, at: string): Promise<boolean> {
    return (await changes(this.pool, "UPDATE escalations SET status = 'claimed', claimed_by = $1, claimed_at = $2 WHERE id = $3 AND status = 'open'", [coordinator, at, id])) === 1;
  }

  async takeOver(id: EscalationId, coordinator: string): Promise<boolean> {
    return (await changes(this.pool, "UPDATE escalations SET claimed_by = $1 WHERE id = $2 AND status = 'claimed'", [coordinator, id])) === 1;
  }

  resolve(id: EscalationId, coordinator: string, at: string): Promise<boolean> {
    return resolveNow(this.pool, id, coordinator, at);
  }

  closeCase(c: CaseClosing): Promise<boolean> {
    return inTransaction(this.pool, async (tx) => {
      if (!(await resolveNow(tx, c.id, c.coordinator, c.at))) return false;
      await insertCase(tx, c.entry);
      if (c.state) await tx.query('UPDATE conversations SET state_json = $1, lang = $2 WHERE id = $3', [JSON.stringify(c.state.state), c.state.lang, c.state.conversationId]);
      if (c.draft) await insertDraftOfCase(tx, c.draft);
      return true;
    });
  }

  async addNote(note: Omit<Note, 'id'>): Promise<Note> {
    const r = await row<{ id: number }>(this.pool, 'INSERT INTO escalation_notes (escalation_id, author, text, at) VALUES ($1, $2, $3, $4) RETURNING id', [note.escalationId, note.author, note.text, note.at]);
    if (!r) throw new Error('bot: INSERT … RETURNING gave no row');
    return { ...note, id: r.id };
  }

  async listNotes(id: EscalationId): Promise<Note[]> {
    const r = await rows<NoteRow>(this.pool, 'SELECT * FROM escalation_notes WHERE escalation_id = $1 ORDER BY id', [id]);
    return r.map((n) => ({ id: n.id, escalationId: n.escalation_id as EscalationId, author: n.author, text: n.text, at: n.at }));
  }

  async escalationsSince(since: string): Promise<EscalationForStats[]> {
    // the kind of the last bot message before the traveller message that escalated
    const r = await rows<DeskRow & { followed_kind: string | null }>(
      this.pool,
      `SELECT e.*, (SELECT b.kind FROM messages b WHERE b.conversation_id = e.conversation_id AND b.author = 'bot' AND b.id <
          (SELECT MAX(t.id) FROM messages t WHERE t.conversation_id = e.conversation_id AND t.author = 'traveller' AND t.at <= e.created_at)
        ORDER BY b.id DESC LIMIT 1) AS followed_kind
      FROM escalations e WHERE e.created_at >= $1 ORDER BY e.created_at`,
      [since],
    );
    return r.map((e) => ({ ...toRecord(e), ...(e.followed_kind ? { followedBotKind: e.followed_kind as ReplyKind } : {}) }));
  }

  async conversationCountsSince(since: string): Promise<{ total: number; escalated: number }> {
    const r = await row<{ total: number; escalated: number }>(
      this.pool,
      'SELECT COUNT(*)::int AS total, COUNT(*) FILTER (WHERE EXISTS (SELECT 1 FROM escalations e WHERE e.conversation_id = c.id))::int AS escalated FROM conversations c WHERE c.created_at >= $1',
      [since],
    );
    return { total: r?.total ?? 0, escalated: r?.escalated ?? 0 };
  }
}
