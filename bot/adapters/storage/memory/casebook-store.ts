import type { CasebookEntry, Draft, DraftStatus } from '../../../core/casebook';
import type { CasebookStore, CaseFilter, DraftStore } from '../../../core/coordination';
import { REDACTION_RULES_VERSION } from '../../../core/redact';
import type { EscalationId } from '../../../core/types';
import { byText, copy, MemoryTables } from './memory-tables';

const toCase = ({ redactedWith: _v, ...c }: CasebookEntry & { redactedWith: number }): CasebookEntry => copy(c);

/** The casebook (协调台账) and knowledge-base drafts in memory. */
export class MemoryCasebookStore implements CasebookStore, DraftStore {
  constructor(private readonly t: MemoryTables) {}

  async addCase(c: CasebookEntry): Promise<void> {
    this.checkNewCase(c);
    this.insertCase(c);
  }

  /** Redacts again every case stored under an older rules version; returns how many. */
  async redactAgain(redact: (text: string) => string, version = REDACTION_RULES_VERSION): Promise<number> {
    const old = [...this.t.cases.values()].filter((c) => c.redactedWith < version);
    for (const c of old) Object.assign(c, { question: redact(c.question), summary: redact(c.summary), transcript: c.transcript.map((l) => ({ ...l, text: redact(l.text) })), redactedWith: version });
    return old.length;
  }

  async getCase(id: EscalationId): Promise<CasebookEntry | undefined> {
    const c = this.t.cases.get(id);
    return c ? toCase(c) : undefined;
  }

  async listCases(filter: CaseFilter = {}): Promise<CasebookEntry[]> {
    const all = [...this.t.cases.values()].filter((c) => !filter.category || c.category === filter.category);
    const sorted = all.sort((a, b) => byText(b.resolvedAt, a.resolvedAt) || byText(a.id, b.id));
    return sorted.slice(0, filter.limit === undefined || filter.limit < 0 ? undefined : filter.limit).map(toCase);
  }

  async version(): Promise<number> {
    return this.t.cases.size;
  }

  async setDraft(caseId: EscalationId, draftId: string): Promise<void> {
    const c = this.t.cases.get(caseId);
    if (c) c.draftId = draftId;
  }

  async createDraft(d: Draft): Promise<void> {
    this.checkNewDraft(d);
    this.t.drafts.set(d.id, copy(d));
  }

  async createDraftOfCase(d: Draft): Promise<void> {
    this.checkNewDraft(d);
    this.insertDraftOfCase(d);
  }

  async getDraft(id: string): Promise<Draft | undefined> {
    const d = this.t.drafts.get(id);
    return d ? copy(d) : undefined;
  }

  async listDrafts(status?: DraftStatus): Promise<Draft[]> {
    const all = [...this.t.drafts.values()].filter((d) => !status || d.status === status);
    return copy(all.sort((a, b) => byText(b.createdAt, a.createdAt) || byText(a.id, b.id)));
  }

  async updateDraft(id: string, entry: unknown, at: string): Promise<boolean> {
    const d = this.t.drafts.get(id);
    if (d?.status !== 'open') return false;
    Object.assign(d, { entry: copy(entry), updatedAt: at });
    return true;
  }

  async decideDraft(id: string, decision: { status: Exclude<DraftStatus, 'open'>; by: string; at: string; entryId?: string }): Promise<boolean> {
    const d = this.t.drafts.get(id);
    if (d?.status !== 'open') return false;
    const { entryId: _old, ...rest } = d;
    this.t.drafts.set(id, { ...rest, status: decision.status, decidedBy: decision.by, decidedAt: decision.at, ...(decision.entryId ? { entryId: decision.entryId } : {}) });
    return true;
  }

  /** Throws as a primary or foreign key would, before anything is written. */
  checkNewCase(c: CasebookEntry, draft?: Draft): void {
    if (this.t.cases.has(c.id)) throw new Error(`bot: case ${c.id} exists already`);
    if (draft) this.checkNewDraft(draft, c.id);
  }

  insertCase(c: CasebookEntry): void {
    this.t.cases.set(c.id, { ...copy(c), redactedWith: REDACTION_RULES_VERSION });
  }

  insertDraftOfCase(d: Draft): void {
    this.t.drafts.set(d.id, copy(d));
    const c = this.t.cases.get(d.caseId);
    if (c) c.draftId = d.id;
  }

  private checkNewDraft(d: Draft, newCaseId?: string): void {
    if (this.t.drafts.has(d.id)) throw new Error(`bot: draft ${d.id} exists already`);
    if (d.caseId !== newCaseId && !this.t.cases.has(d.caseId)) throw new Error(`bot: no case ${d.caseId}`);
  }
}
