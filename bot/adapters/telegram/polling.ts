import type { Telegraf } from 'telegraf';
import type { Update } from 'telegraf/types';
import type { Logger } from '../../core/ports';
import { defaultRetryOptions, isTokenRejected, redactToken, retryDelayMs, type RetryOptions } from './retry';

/** Update types the bot handles; Telegram sends nothing else. */
export const ALLOWED_UPDATES = ['message', 'edited_message', 'callback_query'] as const;

export type PollingOptions = {
  /** Long-poll wait Telegram holds a getUpdates call open, in seconds. Default 30. */
  timeoutSeconds?: number;
  retry?: RetryOptions;
};

/**
 * Long polling: getUpdates in a loop, each batch handled before the next (one chat's updates
 * in order, different chats concurrently), until `signal` aborts.
 *
 * Why not `bot.launch()`: telegraf 4.16 cannot stop a launch that is still starting
 * (`bot.stop()` throws "Bot is not running!" before getMe/deleteWebhook return, and polling then
 * starts anyway), and it waits a fixed 5 s after a 5xx. Here a 429 waits Telegram's retry_after,
 * a 5xx or network failure backs off, and stop is immediate. Telegraf still does the rest:
 * its API client (apiRoot, token redaction), `handleUpdate`, contexts and routing.
 * On stop, confirms the last batch. Throws only when the token is rejected.
 */
export async function pollUpdates(bot: Telegraf, deps: { logger: Logger; token: string; signal: AbortSignal; wait: (ms: number) => Promise<void> }, options: PollingOptions = {}): Promise<void> {
  const retry = { ...defaultRetryOptions, ...options.retry };
  let offset = 0;
  let sentOffset = 0;
  let failures = 0;
  while (!deps.signal.aborted) {
    let updates: Update[];
    try {
      // telegraf types its signal with the abort-controller polyfill; node-fetch accepts Node's own.
      const signal = deps.signal as unknown as NonNullable<Parameters<typeof bot.telegram.callApi>[2]>['signal'];
      sentOffset = offset;
      updates = await bot.telegram.callApi('getUpdates', { offset, timeout: options.timeoutSeconds ?? 30, allowed_updates: ALLOWED_UPDATES }, { signal });
      failures = 0;
    } catch (error) {
      if (deps.signal.aborted) break;
      if (isTokenRejected(error)) throw error;
      failures++;
      const delayMs = retryDelayMs(error, failures, retry) ?? retry.maxDelayMs;
      deps.logger.log('warn', 'telegram_poll_failed', { error: redactToken(String(error), deps.token), retryInMs: delayMs });
      await deps.wait(delayMs);
      continue;
    }
    const last = updates[updates.length - 1];
    if (last) offset = last.update_id + 1;
    await handleBatch(bot, updates);
  }
  // Confirm the last batch, or Telegram sends it again after a restart (telegraf does the same).
  if (offset !== sentOffset) await bot.telegram.callApi('getUpdates', { offset, limit: 1, timeout: 0 }).catch((e: unknown) => deps.logger.log('warn', 'telegram_offset_sync_failed', { error: redactToken(String(e), deps.token) }));
}

/** Handles a batch: one chat's updates in order, chats in parallel. Errors go to `bot.catch`. */
async function handleBatch(bot: Telegraf, updates: readonly Update[]): Promise<void> {
  const byChat = new Map<number | string, Update[]>();
  for (const update of updates) {
    const key = chatIdOf(update) ?? `update:${update.update_id}`;
    byChat.set(key, [...(byChat.get(key) ?? []), update]);
  }
  await Promise.all(
    [...byChat.values()].map(async (list) => {
      for (const update of list) await bot.handleUpdate(update);
    }),
  );
}

function chatIdOf(update: Update): number | undefined {
  if ('message' in update) return update.message.chat.id;
  if ('edited_message' in update) return update.edited_message.chat.id;
  if ('callback_query' in update) return update.callback_query.message?.chat.id;
  return undefined;
}
