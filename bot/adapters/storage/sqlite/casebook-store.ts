import type Database from 'better-sqlite3';
import { REDACTION_RULES_VERSION } from '../../../core/redact';
import { z } from 'zod';
import type { CasebookEntry, Draft, DraftStatus } from '../../../core/casebook';
import type { CasebookStore, CaseFilter, DraftStore } from '../../../core/coordination';
import type { Channel, ConversationId, Department, EscalationId, EscalationReason, LanguageCode } from '../../../core/types';

type CaseRow = {
  id: string;
  conversation_id: string;
  lang: string;
  channel: string;
  reasons_json: string;
  category: string;
  department: string | null;
  question: string;
  summary: string;
  transcript_json: string;
  coordinator: string;
  created_at: string;
  claimed_at: string;
  resolved_at: string;
  waiting_ms: number;
  handling_ms: number;
  draft_id: string | null;
};
type DraftRow = { id: string; case_id: string; status: string; entry_json: string; created_by: string; created_at: string; updated_at: string; decided_by: string | null; decided_at: string | null; entry_id: string | null };

const TranscriptSchema = z.array(z.object({ from: z.enum(['traveller', 'bot', 'coordinator']), text: z.string(), at: z.string() }));

function toCase(r: CaseRow): CasebookEntry {
  return {
    id: r.id as EscalationId,
    conversationId: r.conversation_id as ConversationId,
    lang: r.lang as LanguageCode,
    channel: r.channel as Channel,
    reasons: JSON.parse(r.reasons_json) as EscalationReason[],
    category: r.category as CasebookEntry['category'],
    ...(r.department ? { department: r.department as Department } : {}),
    question: r.question,
    summary: r.summary,
    transcript: TranscriptSchema.parse(JSON.parse(r.transcript_json)),
    coordinator: r.coordinator,
    createdAt: r.created_at,
    claimedAt: r.claimed_at,
    resolvedAt: r.resolved_at,
    waitingMs: r.waiting_ms,
    handlingMs: r.handling_ms,
    ...(r.draft_id ? { draftId: r.draft_id } : {}),
  };
}

function toDraft(r: DraftRow): Draft {
  return {
    id: r.id,
    caseId: r.case_id as EscalationId,
    status: r.status as DraftStatus,
    entry: JSON.parse(r.entry_json) as unknown,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    ...(r.decided_by ? { decidedBy: r.decided_by } : {}),
    ...(r.decided_at ? { decidedAt: r.decided_at } : {}),
    ...(r.entry_id ? { entryId: r.entry_id } : {}),
  };
}

/** The casebook (协调台账) and knowledge-base drafts in SQLite. */
export class SqliteCasebookStore implements CasebookStore, DraftStore {
  constructor(private readonly db: Database.Database) {}

  addCase(c: CasebookEntry): void {
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
  redactAgain(redact: (text: string) => string, version = REDACTION_RULES_VERSION): number {
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

  getCase(id: EscalationId): CasebookEntry | undefined {
    const row = this.db.prepare('SELECT * FROM casebook WHERE id = ?').get(id) as CaseRow | undefined;
    return row ? toCase(row) : undefined;
  }

  listCases(filter: CaseFilter = {}): CasebookEntry[] {
    const rows = filter.category
      ? this.db.prepare('SELECT * FROM casebook WHERE category = ? ORDER BY resolved_at DESC, id LIMIT ?').all(filter.category, filter.limit ?? -1)
      : this.db.prepare('SELECT * FROM casebook ORDER BY resolved_at DESC, id LIMIT ?').all(filter.limit ?? -1);
    return (rows as CaseRow[]).map(toCase);
  }

  version(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM casebook').get() as { n: number }).n;
  }

  setDraft(caseId: EscalationId, draftId: string): void {
    this.db.prepare('UPDATE casebook SET draft_id = ? WHERE id = ?').run(draftId, caseId);
  }

  createDraft(d: Draft): void {
    this.db
      .prepare('INSERT INTO kb_drafts (id, case_id, status, entry_json, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(d.id, d.caseId, d.status, JSON.stringify(d.entry), d.createdBy, d.createdAt, d.updatedAt);
  }

  getDraft(id: string): Draft | undefined {
    const row = this.db.prepare('SELECT * FROM kb_drafts WHERE id = ?').get(id) as DraftRow | undefined;
    return row ? toDraft(row) : undefined;
  }

  listDrafts(status?: DraftStatus): Draft[] {
    const rows = status ? this.db.prepare('SELECT * FROM kb_drafts WHERE status = ? ORDER BY created_at DESC, id').all(status) : this.db.prepare('SELECT * FROM kb_drafts ORDER BY created_at DESC, id').all();
    return (rows as DraftRow[]).map(toDraft);
  }

  updateDraft(id: string, entry: unknown, at: string): boolean {
    return this.db.prepare("UPDATE kb_drafts SET entry_json = ?, updated_at = ? WHERE id = ? AND status = 'open'").run(JSON.stringify(entry), at, id).changes === 1;
  }

  decideDraft(id: string, d: { status: Exclude<DraftStatus, 'open'>; by: string; at: string; entryId?: string }): boolean {
    return this.db.prepare("UPDATE kb_drafts SET status = ?, decided_by = ?, decided_at = ?, entry_id = ? WHERE id = ? AND status = 'open'").run(d.status, d.by, d.at, d.entryId ?? null, id).changes === 1;
  }
}
