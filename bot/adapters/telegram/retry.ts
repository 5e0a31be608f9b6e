import { TelegramError } from 'telegraf';
import type { Logger } from '../../core/ports';

/** A Telegram API call failed for good (after retries, or with an error retrying cannot fix). */
export class TelegramDeliveryError extends Error {
  override readonly name = 'TelegramDeliveryError';
  constructor(
    readonly method: string,
    /** Telegram's error code (HTTP-like), or undefined when the network failed. */
    readonly code: number | undefined,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export type RetryOptions = {
  /** Attempts in all, the first included. Default 3. */
  tries?: number;
  /** Wait before the second attempt, doubled for each further one, in ms. Default 500. */
  baseDelayMs?: number;
  /** Longest wait between attempts (also caps a 429's retry_after), in ms. Default 60,000. */
  maxDelayMs?: number;
  /** Waits `ms`; injectable so tests can watch the waits. Default setTimeout. */
  wait?: (ms: number) => Promise<void>;
  /** Once aborted, no further attempt is made (the channel is stopping). Default: never aborted. */
  signal?: AbortSignal;
};

export const defaultRetryOptions: Required<RetryOptions> = {
  tries: 3,
  baseDelayMs: 500,
  maxDelayMs: 60_000,
  wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  signal: new AbortController().signal,
};

/** The bot token in any text, and telegraf's `/bot<token>/` URL form, replaced by [REDACTED]. */
export function redactToken(text: string, token: string): string {
  const literal = token ? text.split(token).join('[REDACTED]') : text;
  return literal.replace(/\/(bot|user)\d+:[^/\s]+/g, '/$1[REDACTED]');
}

/** Telegram's error code of a failed call (HTTP-like), or undefined for a network failure. */
export function telegramErrorCode(error: unknown): number | undefined {
  if (error instanceof TelegramError || error instanceof TelegramDeliveryError) return error.code;
  return undefined;
}

/** Telegram says the token is wrong (401) or unknown (404): asking again will not help. */
export function isTokenRejected(error: unknown): boolean {
  const code = telegramErrorCode(error);
  return code === 401 || code === 404;
}

/** How an error should be handled: wait and retry, or give up now. */
export function retryDelayMs(error: unknown, attempt: number, options: Required<RetryOptions>): number | undefined {
  const backoff = Math.min(options.baseDelayMs * 2 ** (attempt - 1), options.maxDelayMs);
  if (error instanceof TelegramError) {
    if (error.code === 429) return Math.min((error.parameters?.retry_after ?? 1) * 1000, options.maxDelayMs);
    return error.code >= 500 ? backoff : undefined; // 400 (bad request), 403 (blocked by the user)… will not improve
  }
  return backoff; // network failure (refused, reset, timeout)
}

/**
 * Calls the Telegram API with retries: a 429 waits Telegram's `retry_after`, a 5xx or network
 * failure waits with exponential backoff, anything else fails at once. Every failed attempt is
 * logged with the token redacted; the last one is thrown as a TelegramDeliveryError.
 */
export async function callWithRetry<T>(method: string, call: () => Promise<T>, deps: { logger: Logger; token: string; retry?: RetryOptions }): Promise<T> {
  const options = { ...defaultRetryOptions, ...deps.retry };
  for (let attempt = 1; ; attempt++) {
    if (options.signal.aborted) throw new TelegramDeliveryError(method, undefined, `telegram: ${method} abandoned: the channel is stopping`);
    try {
      return await call();
    } catch (error) {
      const code = error instanceof TelegramError ? error.code : undefined;
      const message = redactToken(error instanceof Error ? error.message : String(error), deps.token);
      const delayMs = attempt < options.tries ? retryDelayMs(error, attempt, options) : undefined;
      deps.logger.log(delayMs === undefined ? 'error' : 'warn', 'telegram_api_failed', { method, attempt, code, error: message, ...(delayMs !== undefined ? { retryInMs: delayMs } : {}) });
      if (delayMs === undefined) throw new TelegramDeliveryError(method, code, `telegram: ${method} failed after ${attempt} attempt(s): ${message}`, { cause: error });
      await options.wait(delayMs);
    }
  }
}
