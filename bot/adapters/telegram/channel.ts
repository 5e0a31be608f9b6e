import type { Router } from 'express';
import { Telegraf } from 'telegraf';
import type { BotCommand } from 'telegraf/types';
import type { Assistant } from '../../core/conversation';
import { LANGUAGES, type LanguageCode } from '../../core/knowledge/schema';
import type { Clock, ConversationStore, EventBus, Logger } from '../../core/ports';
import { registerHandlers } from './bot';
import type { TelegramQuizDeps } from './quiz';
import type { RateWindowStore, TelegramChatStore } from '../storage/ports';
import { ALLOWED_UPDATES, pollUpdates } from './polling';
import { relayCoordinatorMessages } from './relay';
import { callWithRetry, isTokenRejected, redactToken, type RetryOptions } from './retry';
import { createSender } from './sender';
import type { TelegramTexts } from './texts';
import { webhookPathOf, webhookRouter } from './webhook';

/** The channel's slice of Config. */
export type TelegramSettings = {
  token: string;
  /** Bot API server, e.g. https://api.telegram.org or a self-hosted telegram-bot-api. */
  apiRoot: string;
  /** Public HTTPS URL of our webhook; unset means long polling. */
  webhookUrl?: string;
  /** Secret Telegram sends in X-Telegram-Bot-Api-Secret-Token; required with webhookUrl. */
  webhookSecret?: string;
  rateLimitPerMinute: number;
};

export type TelegramChannelDeps = {
  assistant: Assistant;
  store: ConversationStore;
  events: EventBus;
  /** Chat id ↔ conversation (from createStores). */
  chats: TelegramChatStore;
  /** Where the per-chat rate limit counts (Stores.rateWindows); default this process. */
  rateWindows?: RateWindowStore;
  texts: TelegramTexts;
  logger: Logger;
  clock: Clock;
  /** The training quiz (/quiz, issue 11). */
  quiz?: TelegramQuizDeps;
};

export type TelegramChannelOptions = {
  /** Retries of each API call (see callWithRetry). */
  retry?: RetryOptions;
  /** Long-poll wait, in seconds. Default 30. */
  pollTimeoutSeconds?: number;
  /** First wait before reconnecting after the bot could not start, doubled each time up to 5 minutes, in ms. Default 5,000. */
  restartDelayMs?: number;
  /** Webhook mode: waits before trying again an update that could not be handled at all (see webhook.ts). */
  webhookRetryDelaysMs?: readonly number[];
};

export type TelegramChannel = {
  readonly mode: 'polling' | 'webhook';
  readonly bot: Telegraf;
  /** The webhook route for the express app (webhook mode only). */
  readonly router?: Router;
  /** Connects in the background and keeps trying while Telegram is unreachable; never throws. */
  start(): void;
  /** Stops polling and the coordinator relay; resolves when the last update is handled. */
  stop(): Promise<void>;
};

const MAX_RESTART_DELAY_MS = 5 * 60_000;

/**
 * The Telegram channel: a telegraf bot wired to the assistant, a chat store, the coordinator
 * relay, and either long polling (default) or a webhook route for our express app.
 */
export function createTelegramChannel(settings: TelegramSettings, deps: TelegramChannelDeps, options: TelegramChannelOptions = {}): TelegramChannel {
  const { token, webhookUrl, webhookSecret } = settings;
  if (webhookUrl && !webhookSecret) throw new Error('bot: a Telegram webhook needs a secret (TELEGRAM_WEBHOOK_SECRET)');
  const { logger } = deps;
  const bot = new Telegraf(token, { telegram: { apiRoot: settings.apiRoot, webhookReply: false } });
  const sender = createSender({ telegram: bot.telegram, logger, token, retry: options.retry });
  const { chats } = deps;
  registerHandlers(bot, { ...deps, chats, sender, token, rateLimitPerMinute: settings.rateLimitPerMinute });

  let controller: AbortController | undefined;
  let running: Promise<void> | undefined;
  let unsubscribe: (() => void) | undefined;

  const sleep = (ms: number, signal: AbortSignal) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal.addEventListener('abort', done, { once: true });
    });

  const connect = async (signal: AbortSignal) => {
    // Waits between retries end when the channel stops, so stop() never waits out a retry_after.
    const call = <T>(method: string, fn: () => Promise<T>) => callWithRetry(method, fn, { logger, token, retry: { ...options.retry, wait: (ms) => sleep(ms, signal), signal } });
    bot.botInfo = await call('getMe', () => bot.telegram.getMe());
    await setCommands(bot, deps.texts, call).catch((e: unknown) => logger.log('warn', 'telegram_commands_not_set', { error: redactToken(String(e), token) }));
    if (webhookUrl && webhookSecret) {
      await call('setWebhook', () => bot.telegram.setWebhook(webhookUrl, { secret_token: webhookSecret, allowed_updates: [...ALLOWED_UPDATES] }));
    } else {
      await call('deleteWebhook', () => bot.telegram.deleteWebhook());
    }
  };

  const supervise = async (signal: AbortSignal) => {
    for (let attempt = 1; !signal.aborted; attempt++) {
      try {
        await connect(signal);
        logger.log('info', 'telegram_started', { mode: webhookUrl ? 'webhook' : 'polling', username: bot.botInfo?.username });
        if (webhookUrl) return;
        await pollUpdates(bot, { logger, token, signal, wait: (ms) => sleep(ms, signal) }, { timeoutSeconds: options.pollTimeoutSeconds, retry: options.retry });
        return;
      } catch (error) {
        if (signal.aborted) return;
        const message = redactToken(String(error), token);
        if (isTokenRejected(error)) return logger.log('error', 'telegram_token_rejected', { error: message });
        const retryInMs = Math.min((options.restartDelayMs ?? 5000) * 2 ** (attempt - 1), MAX_RESTART_DELAY_MS);
        logger.log('warn', 'telegram_start_failed', { error: message, retryInMs });
        await sleep(retryInMs, signal);
      }
    }
  };

  return {
    mode: webhookUrl ? 'webhook' : 'polling',
    bot,
    ...(webhookUrl && webhookSecret ? { router: webhookRouter(bot, { path: webhookPathOf(webhookUrl), secret: webhookSecret, logger, token, retryDelaysMs: options.webhookRetryDelaysMs }) } : {}),
    start() {
      if (running) return;
      controller = new AbortController();
      unsubscribe = relayCoordinatorMessages({ ...deps, chats, sender, token });
      running = supervise(controller.signal).catch((e: unknown) => logger.log('error', 'telegram_stopped_on_error', { error: redactToken(String(e), token) }));
    },
    async stop() {
      controller?.abort();
      unsubscribe?.();
      await running;
      running = undefined;
      unsubscribe = undefined;
    },
  };
}

/** The command menu in each language (Telegram shows the one matching the user's app language). */
async function setCommands(bot: Telegraf, texts: TelegramTexts, call: <T>(method: string, fn: () => Promise<T>) => Promise<T>): Promise<void> {
  const commandsIn = (lang: LanguageCode): BotCommand[] => [
    { command: 'start', description: texts.command_start[lang] },
    { command: 'help', description: texts.command_help[lang] },
    { command: 'lang', description: texts.command_lang[lang] },
    { command: 'human', description: texts.command_human[lang] },
    { command: 'declare', description: texts.command_declare[lang] },
    { command: 'quiz', description: texts.command_quiz[lang] },
  ];
  await call('setMyCommands', () => bot.telegram.setMyCommands(commandsIn('en')));
  for (const lang of LANGUAGES) await call('setMyCommands', () => bot.telegram.setMyCommands(commandsIn(lang), { language_code: lang }));
}
