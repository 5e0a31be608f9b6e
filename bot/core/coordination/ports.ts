import type { CasebookEntry, CaseCategory, Draft, DraftStatus } from '../casebook/types';
import type { Escalation, EscalationStatus } from '../ports';
import type { EscalationId, ReplyKind } from '../types';

/** A coordinator's role: a lead also sees statistics, completes and approves drafts, takes cases over. */
export const COORDINATOR_ROLES = ['coordinator', 'lead'] as const;
export type CoordinatorRole = (typeof COORDINATOR_ROLES)[number];

/** An escalation with its hand-over state. */
export type EscalationRecord = Escalation & {
  /** Name of the coordinator holding the case. */
  claimedBy?: string;
  /** First claim (a takeover keeps it, so "time to claim" stays the traveller's wait). */
  claimedAt?: string;
  resolvedAt?: string;
};

/**
 * An escalation as statistics read it: with the kind of the bot message the triggering traveller
 * message followed (`clarify` when it answered the bot's own question, e.g. "是" or "我常住北京").
 */
export type EscalationForStats = EscalationRecord & { followedBotKind?: ReplyKind };

/** `active` is open and claimed together. */
export type EscalationFilter = EscalationStatus | 'active';

/** An internal note on a case; never shown to the traveller. */
export type Note = { id: number; escalationId: EscalationId; author: string; text: string; at: string };

/**
 * The coordinators' side of escalations. State changes are single conditional UPDATEs, so two
 * coordinators acting at once cannot both win: each returns false when the row was not in the
 * expected state.
 */
export interface EscalationDeskStore {
  listEscalations(filter: EscalationFilter, limit: number): EscalationRecord[];
  getEscalation(id: EscalationId): EscalationRecord | undefined;
  /** open → claimed by `coordinator`. */
  claim(id: EscalationId, coordinator: string, at: string): boolean;
  /** claimed (by anyone) → claimed by `coordinator`; keeps the first claim time. */
  takeOver(id: EscalationId, coordinator: string): boolean;
  /** claimed by `coordinator` → resolved. */
  resolve(id: EscalationId, coordinator: string, at: string): boolean;
  addNote(note: Omit<Note, 'id'>): Note;
  listNotes(id: EscalationId): Note[];
  /** Escalations created at or after `since` (ISO), oldest first, with what the trigger followed (statistics). */
  escalationsSince(since: string): EscalationForStats[];
  /** Conversations started at or after `since`, and how many of them were escalated. */
  conversationCountsSince(since: string): { total: number; escalated: number };
}

/** Filter for listing the casebook. */
export type CaseFilter = { category?: CaseCategory; limit?: number };

/** The casebook (协调台账): every resolved case. */
export interface CasebookStore {
  addCase(entry: CasebookEntry): void;
  getCase(id: EscalationId): CasebookEntry | undefined;
  /** Newest first. */
  listCases(filter?: CaseFilter): CasebookEntry[];
  /** Changes whenever a case is added or changed (to know when a search index is stale). */
  version(): number;
  setDraft(caseId: EscalationId, draftId: string): void;
}

/** Knowledge-base drafts promoted from cases. */
export interface DraftStore {
  createDraft(draft: Draft): void;
  getDraft(id: string): Draft | undefined;
  /** Newest first. */
  listDrafts(status?: DraftStatus): Draft[];
  /** Replaces the entry of an open draft; false when it is no longer open. */
  updateDraft(id: string, entry: unknown, at: string): boolean;
  /** open → approved/rejected; false when it is no longer open. */
  decideDraft(id: string, decision: { status: Exclude<DraftStatus, 'open'>; by: string; at: string; entryId?: string }): boolean;
}
