import type { DeclarationResult } from './declaration/types';
import type { LanguageCode, TravellerCategory } from './knowledge/schema';

export type { LanguageCode, TravellerCategory };

/** Airport parties other than customs that a question can be routed to. */
export const DEPARTMENTS = ['border', 'airline', 'airport', 'police'] as const;
export type Department = (typeof DEPARTMENTS)[number];

export type ConversationId = string & { readonly __brand: 'ConversationId' };
export type EscalationId = string & { readonly __brand: 'EscalationId' };

/** Channel a conversation arrived on. */
export type Channel = 'web' | 'api' | 'cli' | 'telegram' | 'wechat';

export type Citation = { id: string; title: string; source: string; url: string };

export type ReplyKind = 'answer' | 'clarify' | 'escalated' | 'routed' | 'smalltalk';

/**
 * What the assistant says back. Discriminated on `kind`. `more`: details the question did not
 * ask about, shown behind a "more" control, never in the first reply's text.
 */
export type Reply =
  | { kind: 'answer'; lang: LanguageCode; text: string; citations: Citation[]; entryId: string; declaration?: DeclarationResult; more?: string }
  | { kind: 'clarify'; lang: LanguageCode; text: string; citations: Citation[]; entryId: string; declaration?: DeclarationResult }
  | { kind: 'routed'; lang: LanguageCode; text: string; citations: Citation[]; department: Department }
  | { kind: 'smalltalk'; lang: LanguageCode; text: string; citations: Citation[] }
  /** `escalationId` is absent when the queue refused the request (too many open cases from one client, issue 14 item 7). */
  | { kind: 'escalated'; lang: LanguageCode; text: string; citations: Citation[]; escalationId?: EscalationId; reasons: EscalationReason[]; more?: string };

/** Why a conversation was handed to a coordinator; stored with the escalation. */
export type EscalationReason =
  | 'medical'
  | 'asked_for_human'
  | 'anger'
  | 'distress'
  | 'urgency'
  | 'seizure'
  | 'dispute'
  | 'fine'
  | 'staff_complaint'
  | 'complaint'
  | 'evasion'
  | 'prompt_injection'
  | 'low_confidence'
  | 'repeated_misses'
  | 'out_of_scope';

export type MessageAuthor = 'traveller' | 'bot' | 'coordinator';
