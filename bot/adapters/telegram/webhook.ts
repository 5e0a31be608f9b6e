import { timingSafeEqual } from 'node:crypto';
import express, { Router } from 'express';
import type { Telegraf } from 'telegraf';
import type { Update } from 'telegraf/types';
import { z } from 'zod';
import type { Logger } from '../../core/ports';
import { ApiError, describeZodError } from '../http/errors';
import { redactToken } from './retry';

/** Header Telegram sends with every webhook call when setWebhook was given a secret_token. */
export const SECRET_HEADER = 'x-telegram-bot-api-secret-token';

/** The default path when TELEGRAM_WEBHOOK_URL has none. */
export const DEFAULT_WEBHOOK_PATH = '/telegram/webhook';

/** The path our server serves for a webhook URL (its own path, or the default one). */
export function webhookPathOf(webhookUrl: string): string {
  const path = new URL(webhookUrl).pathname;
  return path === '/' ? DEFAULT_WEBHOOK_PATH : path;
}

const ChatSchema = z.looseObject({ id: z.number().int(), type: z.string() });
const UserSchema = z.looseObject({ id: z.number().int(), is_bot: z.boolean(), first_name: z.string() });
const MessageSchema = z.looseObject({ message_id: z.number().int(), date: z.number().int(), chat: ChatSchema, from: UserSchema.optional(), text: z.string().optional() });

/**
 * An update, checked as far as our handlers rely on it: the three update types we handle have
 * the shape we read. Other update types pass and are ignored by telegraf's routing.
 */
const UpdateSchema = z.looseObject({
  update_id: z.number().int().nonnegative(),
  message: MessageSchema.optional(),
  edited_message: MessageSchema.optional(),
  callback_query: z.looseObject({ id: z.string(), from: UserSchema, data: z.string().optional(), message: MessageSchema.optional() }).optional(),
});

function sameSecret(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Waits before handling an update again when it could not be handled at all (Telegram unreachable): 5 s, 30 s, 2 min, 5 min. */
export const DEFAULT_WEBHOOK_RETRY_DELAYS_MS: readonly number[] = [5_000, 30_000, 120_000, 300_000];

export type WebhookOptions = {
  path: string;
  secret: string;
  logger: Logger;
  /** Only to redact it from logged errors. */
  token: string;
  /** Waits before each further try of an update that failed outside the handlers; default DEFAULT_WEBHOOK_RETRY_DELAYS_MS. */
  retryDelaysMs?: readonly number[];
};

/**
 * Handles an update, and tries again later when it could not be handled at all. The handlers'
 * own failures (a reply Telegram did not take after its retries) end in `bot.catch`, so
 * `handleUpdate` rejects only before any handler ran — typically telegraf's `getMe` while the
 * Bot API is unreachable — and running the update again cannot answer twice.
 */
function handleInBackground(bot: Telegraf, update: Update, options: WebhookOptions, attempt = 0): void {
  const delays = options.retryDelaysMs ?? DEFAULT_WEBHOOK_RETRY_DELAYS_MS;
  // telegraf's handleUpdate would fetch botInfo itself, but keeps a failed getMe promise for
  // good: every later update would fail with it. Fetch it here, uncached, until it is known.
  const ready = bot.botInfo ? Promise.resolve() : bot.telegram.getMe().then((info) => void (bot.botInfo ??= info));
  ready.then(() => bot.handleUpdate(update)).catch((error: unknown) => {
    const message = redactToken(String(error), options.token);
    const delayMs = delays[attempt];
    if (delayMs === undefined) return options.logger.log('error', 'telegram_update_dropped', { updateId: update.update_id, attempts: attempt + 1, error: message });
    options.logger.log('warn', 'telegram_update_deferred', { updateId: update.update_id, retryInMs: delayMs, error: message });
    setTimeout(() => handleInBackground(bot, update, options, attempt + 1), delayMs).unref();
  });
}

/**
 * POST <path>: Telegram's webhook. A wrong or missing secret-token header is a 403 before the
 * body is read; a malformed body a 400; otherwise Telegram gets 200 at once and the update is
 * handled in the background (errors go to `bot.catch`; an update that could not be handled at
 * all, e.g. while the Bot API is unreachable, is tried again later). Answering 500 instead would
 * make Telegram redeliver it, and stall the chat's later updates behind it (issue 14 item 11;
 * pinned by test/adapters/telegram/webhook.test.ts "when the Bot API is unreachable").
 */
export function webhookRouter(bot: Telegraf, options: WebhookOptions): Router {
  const router = Router();
  router.post(
    options.path,
    (req, _res, next) => {
      if (!sameSecret(req.get(SECRET_HEADER), options.secret)) throw new ApiError('forbidden', 'wrong or missing X-Telegram-Bot-Api-Secret-Token');
      next();
    },
    express.json({ limit: '1mb', strict: true }),
    (req, res) => {
      const parsed = UpdateSchema.safeParse(req.body);
      if (!parsed.success) throw new ApiError('invalid_request', describeZodError(parsed.error));
      res.json({ ok: true });
      // UpdateSchema checked every field the handlers read; the type is telegraf's.
      handleInBackground(bot, parsed.data as unknown as Update, options);
    },
  );
  return router;
}
