import type Database from 'better-sqlite3';
import { REDACTION_RULES_VERSION } from '../../../core/redact';
import type { CasebookEntry, Draft, DraftStatus } from '../../../core/casebook';
import type { CasebookStore, CaseFilter, DraftStore } from '../../../core/coordination';
import type { EscalationId } from '../../../core/types';
import { toCase, toDraft, TranscriptSchema, type CaseRow, type DraftRow } from '../rows';

/** The casebook (协调台账) and knowledge-base drafts in SQLite. */
export class SqliteCasebookStore implements CasebookStore, DraftStore {
  constructor(private readonly db: Database.Database) {}

  async addCase(c: CasebookEntry): Promise<void> {
    this.insertCase(c);
  }

  /** Synchronous, for `SqliteEscalationDeskStore.closeCase`'s transaction. */
  insertCase(c: CasebookEntry): void {
    this.db
      .prepare(
        `INSERT INTO casebook (id, conversation_id, lang, channel, reasons_json, category, department, question, summary, transcript_json, coordinator, created_at, claimed_at, resolved_at, waiting_ms, handling_ms, draft_id, redacted_with)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(c.id, c.conversationId, c.lang, c.channel, JSON.stringify(c.reasons), c.category, c.department ?? null, c.question, c.summary, JSON.stringify(c.transcript), c.coordinator, c.createdAt, c.claimedAt, c.resolvedAt, c.waitingMs, c.handlingMs, c.draftId ?? null, REDACTION_RULES_VERSION);
  }

  /**
   * Redacts again, with `redact`, every case stored under an older `REDACTION_RULES_VERSION`
   * (question, summary, transcript), in one transaction; returns how many were rewritten.
   * Called at start-up, so a better rule also covers the cases already in the casebook.
   */
  async redactAgain(redact: (text: string) => string, version = REDACTION_RULES_VERSION): Promise<number> {
    return this.db.transaction(() => {
      const rows = this.db.prepare('SELECT * FROM casebook WHERE redacted_with < ?').all(version) as CaseRow[];
      const update = this.db.prepare('UPDATE casebook SET question = ?, summary = ?, transcript_json = ?, redacted_with = ? WHERE id = ?');
      for (const r of rows) {
        const transcript = TranscriptSchema.parse(JSON.parse(r.transcript_json)).map((m) => ({ ...m, text: redact(m.text) }));
        update.run(redact(r.question), redact(r.summary), JSON.stringify(transcript), version, r.id);
      }
      return rows.length;
    })();
  }

  async getCase(id: EscalationId): Promise<CasebookEntry | undefined> {
    const row = this.db.prepare('SELECT * FROM casebook WHERE id = ?').get(id) as CaseRow | undefined;
    return row ? toCase(row) : undefined;
  }

  async listCases(filter: CaseFilter = {}): Promise<CasebookEntry[]> {
    const rows = filter.category
      ? this.db.prepare('SELECT * FROM casebook WHERE category = ? ORDER BY resolved_at DESC, id LIMIT ?').all(filter.category, filter.limit ?? -1)
      : this.db.prepare('SELECT * FROM casebook ORDER BY resolved_at DESC, id LIMIT ?').all(filter.limit ?? -1);
    return (rows as CaseRow[]).map(toCase);
  }

  async version(): Promise<number> {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM casebook').get() as { n: number }).n;
  }

  async setDraft(caseId: EscalationId, draftId: string): Promise<void> {
    this.db.prepare('UPDATE casebook SET draft_id = ? WHERE id = ?').run(draftId, caseId);
  }

  async createDraftOfCase(d: Draft): Promise<void> {
    this.insertDraftOfCase(d);
  }

  /** Synchronous, for `closeCase`'s transaction: the draft, and its id on the case. */
  insertDraftOfCase(d: Draft): void {
    this.db.transaction(() => {
      this.insertDraft(d);
      this.db.prepare('UPDATE casebook SET draft_id = ? WHERE id = ?').run(d.id, d.caseId);
    })();
  }

  async createDraft(d: Draft): Promise<void> {
    this.insertDraft(d);
  }

  private insertDraft(d: Draft): void {
    this.db
      .prepare('INSERT INTO kb_drafts (id, case_id, status, entry_json, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(d.id, d.caseId, d.status, JSON.stringify(d.entry), d.createdBy, d.createdAt, d.updatedAt);
  }

  async getDraft(id: string): Promise<Draft | undefined> {
    const row = this.db.prepare('SELECT * FROM kb_drafts WHERE id = ?').get(id) as DraftRow | undefined;
    return row ? toDraft(row) : undefined;
  }

  async listDrafts(status?: DraftStatus): Promise<Draft[]> {
    const rows = status ? this.db.prepare('SELECT * FROM kb_drafts WHERE status = ? ORDER BY created_at DESC, id').all(status) : this.db.prepare('SELECT * FROM kb_drafts ORDER BY created_at DESC, id').all();
    return (rows as DraftRow[]).map(toDraft);
  }

  async updateDraft(id: string, entry: unknown, at: string): Promise<boolean> {
    return this.db.prepare("UPDATE kb_drafts SET entry_json = ?, updated_at = ? WHERE id = ? AND status = 'open'").run(JSON.stringify(entry), at, id).changes === 1;
  }

  async decideDraft(id: string, d: { status: Exclude<DraftStatus, 'open'>; by: string; at: string; entryId?: string }): Promise<boolean> {
    return this.db.prepare("UPDATE kb_drafts SET status = ?, decided_by = ?, decided_at = ?, entry_id = ? WHERE id = ? AND status = 'open'").run(d.status, d.by, d.at, d.entryId ?? null, id).changes === 1;
  }
}
