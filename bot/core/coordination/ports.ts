import type { CasebookEntry, CaseCategory, Draft, DraftStatus } from '../casebook/types';
import type { ConversationState, Escalation, EscalationStatus } from '../ports';
import type { ConversationId, EscalationId, LanguageCode, ReplyKind } from '../types';

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
  listEscalations(filter: EscalationFilter, limit: number): Promise<EscalationRecord[]>;
  getEscalation(id: EscalationId): Promise<EscalationRecord | undefined>;
  /** open → claimed by `coordinator`. */
  claim(id: EscalationId, coordinator: string, at: string): Promise<boolean>;
  /** claimed (by anyone) → claimed by `coordinator`; keeps the first claim time. */
  takeOver(id: EscalationId, coordinator: string): Promise<boolean>;
  /** claimed by `coordinator` → resolved. */
  resolve(id: EscalationId, coordinator: string, at: string): Promise<boolean>;
  /**
   * claimed by `coordinator` → resolved, and in the same transaction: the case into the
   * casebook, the conversation's state, and the case's draft when it is promoted. False, with
   * nothing written, when `coordinator` no longer held the claim.
   */
  closeCase(closing: CaseClosing): Promise<boolean>;
  addNote(note: Omit<Note, 'id'>): Promise<Note>;
  listNotes(id: EscalationId): Promise<Note[]>;
  /** Escalations created at or after `since` (ISO), oldest first, with what the trigger followed (statistics). */
  escalationsSince(since: string): Promise<EscalationForStats[]>;
  /** Conversations started at or after `since`, and how many of them were escalated. */
  conversationCountsSince(since: string): Promise<{ total: number; escalated: number }>;
}

/** Everything one resolve writes (see `EscalationDeskStore.closeCase`). */
export type CaseClosing = {
  id: EscalationId;
  coordinator: string;
  at: string;
  entry: CasebookEntry;
  state?: { conversationId: ConversationId; lang: LanguageCode; state: ConversationState };
  /** A draft made from the case; the case is marked with its id. */
  draft?: Draft;
};

/** Filter for listing the casebook. */
export type CaseFilter = { category?: CaseCategory; limit?: number };

/** The casebook (协调台账): every resolved case. */
export interface CasebookStore {
  addCase(entry: CasebookEntry): Promise<void>;
  getCase(id: EscalationId): Promise<CasebookEntry | undefined>;
  /** Newest first. */
  listCases(filter?: CaseFilter): Promise<CasebookEntry[]>;
  /** Changes whenever a case is added or changed (to know when a search index is stale). */
  version(): Promise<number>;
  setDraft(caseId: EscalationId, draftId: string): Promise<void>;
}

/** Knowledge-base drafts promoted from cases. */
export interface DraftStore {
  createDraft(draft: Draft): Promise<void>;
  /** Creates a draft and marks its case with it, in one transaction. */
  createDraftOfCase(draft: Draft): Promise<void>;
  getDraft(id: string): Promise<Draft | undefined>;
  /** Newest first. */
  listDrafts(status?: DraftStatus): Promise<Draft[]>;
  /** Replaces the entry of an open draft; false when it is no longer open. */
  updateDraft(id: string, entry: unknown, at: string): Promise<boolean>;
  /** open → approved/rejected; false when it is no longer open. */
  decideDraft(id: string, decision: { status: Exclude<DraftStatus, 'open'>; by: string; at: string; entryId?: string }): Promise<boolean>;
}
