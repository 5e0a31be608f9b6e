import { timingSafeEqual } from 'node:crypto';
import express, { Router } from 'express';
import type { Telegraf } from 'telegraf';
import type { Update } from 'telegraf/types';
import { z } from 'zod';
import { ApiError, describeZodError } from '../http/errors';

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

/**
 * POST <path>: Telegram's webhook. A wrong or missing secret-token header is a 403 before the
 * body is read; a malformed body a 400; otherwise the update is handled (errors go to
 * `bot.catch`) and Telegram gets 200.
 */
export function webhookRouter(bot: Telegraf, options: { path: string; secret: string }): Router {
  const router = Router();
  router.post(
    options.path,
    (req, _res, next) => {
      if (!sameSecret(req.get(SECRET_HEADER), options.secret)) throw new ApiError('forbidden', 'wrong or missing X-Telegram-Bot-Api-Secret-Token');
      next();
    },
    express.json({ limit: '1mb', strict: true }),
    async (req, res) => {
      const parsed = UpdateSchema.safeParse(req.body);
      if (!parsed.success) throw new ApiError('invalid_request', describeZodError(parsed.error));
      // UpdateSchema checked every field the handlers read; the type is telegraf's.
      await bot.handleUpdate(parsed.data as unknown as Update);
      res.json({ ok: true });
    },
  );
  return router;
}
