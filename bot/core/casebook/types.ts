import type { LanguageCode } from '../knowledge/schema';
import type { Channel, ConversationId, Department, EscalationId, EscalationReason, MessageAuthor } from '../types';

/**
 * How a coordinator closed a case. `transfer` is set only by handing the case to another
 * airport party (the transfer action), never chosen when resolving.
 */
export const CASE_CATEGORIES = ['rule_explained', 'declaration_help', 'held_or_fined', 'complaint', 'not_customs', 'no_response', 'other', 'transfer'] as const;
export type CaseCategory = (typeof CASE_CATEGORIES)[number];
/** Categories a coordinator picks when resolving (all but `transfer`). */
export const RESOLVE_CATEGORIES = CASE_CATEGORIES.filter((c): c is Exclude<CaseCategory, 'transfer'> => c !== 'transfer');
export type ResolveCategory = Exclude<CaseCategory, 'transfer'>;

/** One line of a case's transcript, as kept in the casebook (numbers redacted). */
export type CaseLine = { from: MessageAuthor; text: string; at: string };

/**
 * A handled case in the casebook (协调台账): what the traveller asked, what was done, by whom
 * and how long it took. Traveller text is stored redacted (passport and phone numbers).
 * The id is the escalation's id: one case per escalation.
 */
export type CasebookEntry = {
  id: EscalationId;
  conversationId: ConversationId;
  lang: LanguageCode;
  channel: Channel;
  reasons: EscalationReason[];
  category: CaseCategory;
  /** The party the case was handed to, for `transfer`. */
  department?: Department;
  /** The traveller's question (the message that escalated), redacted. */
  question: string;
  /** What the coordinator did, redacted. */
  summary: string;
  transcript: CaseLine[];
  coordinator: string;
  createdAt: string;
  claimedAt: string;
  resolvedAt: string;
  /** claim − created, in milliseconds. */
  waitingMs: number;
  /** resolve − claim, in milliseconds. */
  handlingMs: number;
  /** The knowledge-base draft made from this case, if promoted. */
  draftId?: string;
};

/** A draft is open until a lead approves it (written to the knowledge base) or rejects it. */
export type DraftStatus = 'open' | 'approved' | 'rejected';

/**
 * A knowledge-base entry in the making, promoted from a case. `entry` is whatever the lead
 * saved last (JSON in the KnowledgeEntry shape, possibly incomplete); it is validated on approval.
 */
export type Draft = {
  id: string;
  caseId: EscalationId;
  status: DraftStatus;
  entry: unknown;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  decidedBy?: string;
  decidedAt?: string;
  /** Id of the knowledge entry written on approval. */
  entryId?: string;
};
