import type { Pool } from 'pg';
import type { CasebookEntry, Draft, DraftStatus } from '../../../core/casebook';
import type { CasebookStore, CaseFilter, DraftStore } from '../../../core/coordination';
import { REDACTION_RULES_VERSION } from '../../../core/redact';
import type { EscalationId } from '../../../core/types';
import { toCase, toDraft, TranscriptSchema, type CaseRow, type DraftRow } from '../rows';
import { changes, inTransaction, row, rows, type Queryable } from './pg-db';

/** Inserts a case, stamped with the redaction rules it was redacted with. */
export async function insertCase(db: Queryable, c: CasebookEntry): Promise<void> {
  await db.query(
    `INSERT INTO casebook (id, conversation_id, lang, channel, reasons_json, category, department, question, summary, transcript_json, coordinator, created_at, claimed_at, resolved_at, waiting_ms, handling_ms, draft_id, redacted_with)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)`,
    [c.id, c.conversationId, c.lang, c.channel, JSON.stringify(c.reasons), c.category, c.department ?? null, c.question, c.summary, JSON.stringify(c.transcript), c.coordinator, c.createdAt, c.claimedAt, c.resolvedAt, c.waitingMs, c.handlingMs, c.draftId ?? null, REDACTION_RULES_VERSION],
  );
}

const insertDraft = (db: Queryable, d: Draft) =>
  db.query('INSERT INTO kb_drafts (id, case_id, status, entry_json, created_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7)', [d.id, d.caseId, d.status, JSON.stringify(d.entry), d.createdBy, d.createdAt, d.updatedAt]);

/** A draft and its id on the case; the caller provides the transaction. */
export async function insertDraftOfCase(db: Queryable, d: Draft): Promise<void> {
  await insertDraft(db, d);
  await db.query('UPDATE casebook SET draft_id = $1 WHERE id = $2', [d.id, d.caseId]);
}

/** The casebook (协调台账) and knowledge-base drafts in PostgreSQL. */
export class PostgresCasebookStore implements CasebookStore, DraftStore {
  constructor(private readonly pool: Pool) {}

  addCase(c: CasebookEntry): Promise<void> {
    return insertCase(this.pool, c);
  }

  /** Redacts again every case stored under an older rules version, in one transaction; returns how many. */
  redactAgain(redact: (text: string) => string, version = REDACTION_RULES_VERSION): Promise<number> {
    return inTransaction(this.pool, async (tx) => {
      const old = await rows<CaseRow>(tx, 'SELECT * FROM casebook WHERE redacted_with < $1 FOR UPDATE', [version]);
      for (const r of old) {
        const transcript = TranscriptSchema.parse(JSON.parse(r.transcript_json)).map((m) => ({ ...m, text: redact(m.text) }));
        await tx.query('UPDATE casebook SET question = $1, summary = $2, transcript_json = $3, redacted_with = $4 WHERE id = $5', [redact(r.question), redact(r.summary), JSON.stringify(transcript), version, r.id]);
      }
      return old.length;
    });
  }

  async getCase(id: EscalationId): Promise<CasebookEntry | undefined> {
    const r = await row<CaseRow>(this.pool, 'SELECT * FROM casebook WHERE id = $1', [id]);
    return r ? toCase(r) : undefined;
  }

  async listCases(filter: CaseFilter = {}): Promise<CasebookEntry[]> {
    const limit = filter.limit === undefined || filter.limit < 0 ? null : filter.limit; // LIMIT NULL: all
    const r = filter.category
      ? await rows<CaseRow>(this.pool, 'SELECT * FROM casebook WHERE category = $1 ORDER BY resolved_at DESC, id LIMIT $2', [filter.category, limit])
      : await rows<CaseRow>(this.pool, 'SELECT * FROM casebook ORDER BY resolved_at DESC, id LIMIT $1', [limit]);
    return r.map(toCase);
  }

  async version(): Promise<number> {
    return (await row<{ n: number }>(this.pool, 'SELECT COUNT(*)::int AS n FROM casebook'))?.n ?? 0;
  }

  async setDraft(caseId: EscalationId, draftId: string): Promise<void> {
    await this.pool.query('UPDATE casebook SET draft_id = $1 WHERE id = $2', [draftId, caseId]);
  }

  async createDraft(d: Draft): Promise<void> {
    await insertDraft(this.pool, d);
  }

  createDraftOfCase(d: Draft): Promise<void> {
    return inTransaction(this.pool, (tx) => insertDraftOfCase(tx, d));
  }

  async getDraft(id: string): Promise<Draft | undefined> {
    const r = await row<DraftRow>(this.pool, 'SELECT * FROM kb_drafts WHERE id = $1', [id]);
    return r ? toDraft(r) : undefined;
  }

  async listDrafts(status?: DraftStatus): Promise<Draft[]> {
    const r = status ? await rows<DraftRow>(this.pool, 'SELECT * FROM kb_drafts WHERE status = $1 ORDER BY created_at DESC, id', [status]) : await rows<DraftRow>(this.pool, 'SELECT * FROM kb_drafts ORDER BY created_at DESC, id');
    return r.map(toDraft);
  }

  async updateDraft(id: string, entry: unknown, at: string): Promise<boolean> {
    return (await changes(this.pool, "UPDATE kb_drafts SET entry_json = $1, updated_at = $2 WHERE id = $3 AND status = 'open'", [JSON.stringify(entry), at, id])) === 1;
  }

  async decideDraft(id: string, d: { status: Exclude<DraftStatus, 'open'>; by: string; at: string; entryId?: string }): Promise<boolean> {
    return (await changes(this.pool, "UPDATE kb_drafts SET status = $1, decided_by = $2, decided_at = $3, entry_id = $4 WHERE id = $5 AND status = 'open'", [d.status, d.by, d.at, d.entryId ?? null, id])) === 1;
  }
}
