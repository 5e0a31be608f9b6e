import { createHash, randomBytes } from 'node:crypto';
import pino from 'pino';
import type { Clock, IdGenerator, Logger, LogLevel } from '../../core/ports';
import { redactText } from '../../core/redact';
import type { ConversationId, EscalationId } from '../../core/types';

export const systemClock: Clock = { now: () => new Date() };

/** 128 random bits, URL-safe: conversation ids are bearer secrets for the traveller. */
export const randomIds: IdGenerator = {
  conversationId: () => `c_${randomBytes(16).toString('base64url')}` as ConversationId,
  escalationId: () => `e_${randomBytes(12).toString('base64url')}` as EscalationId,
};

/** A short, stable, non-reversible tag of a conversation id, to follow one conversation through the log. */
export function conversationTag(id: string): string {
  return createHash('sha256').update(id).digest('base64url').slice(0, 10);
}

/** Fields that hold a conversation id: the traveller's only credential (issue 13), logged as a tag. */
const CONVERSATION_ID_FIELDS = new Set(['conversationId', 'conversation']);

/** Makes one log field safe to write: conversation ids tagged, other strings redacted. */
function safeField(key: string, value: unknown): [string, unknown] {
  if (CONVERSATION_ID_FIELDS.has(key) && typeof value === 'string') return ['conversationTag', conversationTag(value)];
  if (key === 'code') return ['errorCode', value]; // `code` is the event's own name (a Telegram error code would hide it)
  // Ids (requestId, draftId…) are random strings the redaction could mistake for a number.
  return [key, typeof value === 'string' && !/id$/i.test(key) ? redactText(value) : value];
}

/**
 * pino JSON lines on stderr (or `write`) at or above `level`: `{"level":"info","t":"…","code":"…",…}`.
 * Never pass traveller text or secrets in fields; as a second line of defence, string fields are
 * redacted (phone, passport, e-mail, ID numbers), so an error message that quotes a traveller
 * does not put their numbers in the log (issue 14 item 9), and a `conversationId` field is
 * written as `conversationTag`, a hash (issue 13). Pinned by test/adapters/system/system.test.ts.
 */
export function createLogger(level: LogLevel | 'silent', write: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): Logger {
  // A synchronous destination: lines written just before process.exit are not lost.
  const destination = { write: (chunk: string) => write(chunk.endsWith('\n') ? chunk.slice(0, -1) : chunk) };
  const out = pino(
    {
      level,
      base: undefined,
      messageKey: 'code',
      timestamp: () => `,"t":"${new Date().toISOString()}"`,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
  return {
    log(at, code, fields = {}) {
      if (!out.isLevelEnabled(at)) return;
      out[at](Object.fromEntries(Object.entries(fields).map(([k, v]) => safeField(k, v))), code);
    },
  };
}
