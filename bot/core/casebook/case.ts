import type { EscalationRecord } from '../coordination/ports';
import type { StoredMessage } from '../ports';
import { redactText, REDACTION_RULES, type RedactionRule } from '../redact';
import type { Department } from '../types';
import type { CasebookEntry, CaseCategory } from './types';

/** What `buildCase` needs: the claimed escalation, how it was closed, and the conversation. */
export type CaseInput = {
  /** The escalation as it was claimed (claimedBy and claimedAt set). */
  escalation: EscalationRecord;
  category: CaseCategory;
  department?: Department;
  summary: string;
  /** The conversation's messages, oldest first. */
  messages: readonly StoredMessage[];
  resolvedAt: string;
  /** Most recent messages kept in the transcript (limits.yaml `coordination.caseTranscriptMessages`). */
  maxTranscriptMessages: number;
  rules?: readonly RedactionRule[];
};

/**
 * Turns a resolved escalation into a casebook entry: the question, what was done, the
 * transcript, times (waiting = claim − created, handling = resolve − claim) and the coordinator.
 * Every traveller and coordinator text is redacted (passport and phone numbers).
 */
export function buildCase(input: CaseInput): CasebookEntry {
  const { escalation: e } = input;
  if (!e.claimedAt || !e.claimedBy) throw new Error(`bot: case ${e.id} built from an escalation that was never claimed`);
  const redact = (text: string) => redactText(text, input.rules ?? REDACTION_RULES);
  const ms = (from: string, to: string) => Math.max(0, Date.parse(to) - Date.parse(from));
  const kept = input.messages.slice(-Math.max(1, input.maxTranscriptMessages));
  return {
    id: e.id,
    conversationId: e.conversationId,
    lang: e.lang,
    channel: e.channel,
    reasons: [...e.reasons],
    category: input.category,
    ...(input.department ? { department: input.department } : {}),
    question: redact(e.trigger),
    summary: redact(input.summary.trim()),
    transcript: kept.map((m) => ({ from: m.from, text: redact(m.text), at: m.at })),
    coordinator: e.claimedBy,
    createdAt: e.createdAt,
    claimedAt: e.claimedAt,
    resolvedAt: input.resolvedAt,
    waitingMs: ms(e.createdAt, e.claimedAt),
    handlingMs: ms(e.claimedAt, input.resolvedAt),
  };
}
