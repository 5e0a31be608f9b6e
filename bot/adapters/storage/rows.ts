import { z } from 'zod';
import type { CasebookEntry, Draft, DraftStatus } from '../../core/casebook';
import type { Conversation, ConversationState, Escalation, StoredMessage } from '../../core/ports';
import type { Channel, ConversationId, Department, EscalationId, EscalationReason, LanguageCode, MessageAuthor, ReplyKind } from '../../core/types';

/**
 * Rows as both SQL engines return them (the same column names in SQLite and PostgreSQL) and
 * their conversion to core types, in one place so the engines cannot drift apart.
 */

export type ConversationRow = { id: string; channel: string; lang: string; created_at: string; state_json: string };
export type MessageRow = { id: number; conversation_id: string; author: string; text: string; at: string; kind: string | null; meta_json: string | null };
export type EscalationRow = { id: string; conversation_id: string; status: string; reasons_json: string; lang: string; channel: string; created_at: string; trigger_text: string };

export const StateSchema = z.object({ misses: z.number() }).passthrough();
export const MetaSchema = z.object({
  citations: z.array(z.object({ id: z.string(), title: z.string(), source: z.string(), url: z.string() })).optional(),
  more: z.string().optional(),
});

/** The stored meta of a message; a row this version cannot read shows as plain text. */
export function readMeta(json: string | null): Pick<StoredMessage, 'citations' | 'more'> {
  if (!json) return {};
  const parsed = MetaSchema.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : {};
}

/** A conversation row as a Conversation (state parsed, unknown fields kept). */
export function toConversation(row: ConversationRow): Conversation {
  return { id: row.id as ConversationId, channel: row.channel as Channel, lang: row.lang as LanguageCode, createdAt: row.created_at, state: StateSchema.parse(JSON.parse(row.state_json)) as ConversationState };
}

/** The meta_json of a message: citations and details, only when there are any. */
export function metaJsonOf(m: Pick<StoredMessage, 'citations' | 'more'>): string | null {
  return m.citations?.length || m.more ? JSON.stringify({ ...(m.citations?.length ? { citations: m.citations } : {}), ...(m.more ? { more: m.more } : {}) }) : null;
}

export function toMessage(r: MessageRow): StoredMessage {
  return { id: r.id, conversationId: r.conversation_id as ConversationId, from: r.author as MessageAuthor, text: r.text, at: r.at, ...(r.kind ? { kind: r.kind as ReplyKind } : {}), ...readMeta(r.meta_json) };
}

export function toEscalation(row: EscalationRow): Escalation {
  return {
    id: row.id as EscalationId,
    conversationId: row.conversation_id as ConversationId,
    status: row.status as Escalation['status'],
    reasons: JSON.parse(row.reasons_json) as EscalationReason[],
    lang: row.lang as LanguageCode,
    channel: row.channel as Channel,
    createdAt: row.created_at,
    trigger: row.trigger_text,
  };
}

export type CaseRow = {
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
export type DraftRow = { id: string; case_id: string; status: string; entry_json: string; created_by: string; created_at: string; updated_at: string; decided_by: string | null; decided_at: string | null; entry_id: string | null };

export const TranscriptSchema = z.array(z.object({ from: z.enum(['traveller', 'bot', 'coordinator']), text: z.string(), at: z.string() }));

export function toCase(r: CaseRow): CasebookEntry {
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

export function toDraft(r: DraftRow): Draft {
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

