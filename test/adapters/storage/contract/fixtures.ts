import type { Stores } from '../../../../bot/adapters/storage/ports';
import type { CasebookEntry } from '../../../../bot/core/casebook';
import type { Conversation, Escalation, StoredMessage } from '../../../../bot/core/ports';
import type { ConversationId, EscalationId, EscalationReason } from '../../../../bot/core/types';

/** Builds a fresh, empty set of stores (its own database or schema) for one test. */
export type MakeStores = () => Promise<Stores>;

export const AT = '2026-11-26T10:00:00.000Z';
/** `AT` plus `minutes`, as an ISO string. */
export const after = (minutes: number): string => new Date(Date.parse(AT) + minutes * 60_000).toISOString();

export const conversation = (n: number, overrides: Partial<Conversation> = {}): Conversation => ({ id: `c_${n}` as ConversationId, channel: 'web', lang: 'en', createdAt: AT, state: { misses: 0 }, ...overrides });

export const escalation = (n: number, overrides: Partial<Escalation> = {}): Escalation => ({
  id: `e_${n}` as EscalationId,
  conversationId: `c_${n}` as ConversationId,
  status: 'open',
  reasons: ['asked_for_human'] as EscalationReason[],
  lang: 'en',
  channel: 'web',
  createdAt: AT,
  trigger: 'a person please',
  ...overrides,
});

export const message = (n: number, from: StoredMessage['from'], text: string, at = AT): Omit<StoredMessage, 'id'> => ({ conversationId: `c_${n}` as ConversationId, from, text, at });

/** Conversation `c_n` with an open escalation `e_n`. */
export async function seedEscalation(stores: Stores, n: number, overrides: Partial<Escalation> = {}): Promise<EscalationId> {
  await stores.conversations.createConversation(conversation(n));
  const e = escalation(n, overrides);
  await stores.conversations.createEscalation(e);
  return e.id;
}

export const caseOf = (n: number, overrides: Partial<CasebookEntry> = {}): CasebookEntry => ({
  id: `e_${n}` as EscalationId,
  conversationId: `c_${n}` as ConversationId,
  lang: 'en',
  channel: 'web',
  reasons: ['asked_for_human'],
  category: 'transfer',
  department: 'police',
  question: 'q',
  summary: 's',
  transcript: [{ from: 'traveller', text: 'q', at: AT }],
  coordinator: 'alice',
  createdAt: AT,
  claimedAt: AT,
  resolvedAt: AT,
  waitingMs: 0,
  handlingMs: 0,
  ...overrides,
});

/** Runs `body` with fresh stores, closing them afterwards. */
export async function withStores(make: MakeStores, body: (stores: Stores) => Promise<void>): Promise<void> {
  const stores = await make();
  try {
    await body(stores);
  } finally {
    await stores.close();
  }
}

/**
 * What a promise failed with, as text ('resolved' when it did not fail). Not `rejects.toThrow`:
 * a native driver's error class comes from the first test file's realm, and jest's
 * instanceof Error check fails for it in later files of the same worker.
 */
export const failureOf = (p: Promise<unknown>): Promise<string> => p.then(
  () => 'resolved',
  (e: unknown) => String(e),
);
