import { randomBytes } from 'node:crypto';
import type { Clock, IdGenerator, Logger, LogLevel } from '../../core/ports';
import { redactText } from '../../core/redact';
import type { ConversationId, EscalationId } from '../../core/types';

export const systemClock: Clock = { now: () => new Date() };

/** 128 random bits, URL-safe: conversation ids are bearer secrets for the traveller. */
export const randomIds: IdGenerator = {
  conversationId: () => `c_${randomBytes(16).toString('base64url')}` as ConversationId,
  escalationId: () => `e_${randomBytes(12).toString('base64url')}` as EscalationId,
};

const ORDER: Record<LogLevel | 'silent', number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

/**
 * JSON lines on stderr at or above `level`. Never pass traveller text or secrets in fields; as a
 * second line of defence, string fields are redacted (phone, passport, e-mail, ID numbers), so an
 * error message that quotes a traveller does not put their numbers in the log (issue 14 item 9;
 * fields named `…Id` are left as they are). Pinned by test/adapters/system/system.test.ts.
 */
export function createLogger(level: LogLevel | 'silent', write: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): Logger {
  return {
    log(at, code, fields = {}) {
      if (ORDER[at] < ORDER[level]) return;
      // Ids (conversationId, draftId…) are random strings the redaction could mistake for a number.
      const safe = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, typeof v === 'string' && !/id$/i.test(k) ? redactText(v) : v]));
      write(JSON.stringify({ t: new Date().toISOString(), level: at, code, ...safe }));
    },
  };
}
