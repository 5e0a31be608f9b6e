import type { TelegramChannel } from '../../../bot/adapters/telegram';
import type { LogLevel } from '../../../bot/core/ports';
import { FakeTelegram, type RecordedCall } from '../../fixtures/fake-telegram';
import { startServer, type RunningServer } from '../../fixtures/services';

/** A token of the right shape; only the fake knows it. */
export const TEST_TOKEN = '123456789:TEST-token_for-the-fake-bot-api';

export type LogLine = { level: LogLevel; code: string; fields: Record<string, unknown> };

export type TelegramHarness = {
  fake: FakeTelegram;
  server: RunningServer;
  telegram: TelegramChannel;
  logs: LogLine[];
  /** Queues an update and resolves with the first sendMessage to `chatId` recorded after it. */
  say(update: Record<string, any>, chatId: number): Promise<RecordedCall>;
  /** sendMessage calls recorded since `mark`, optionally to one chat. */
  sentSince(mark: number, chatId?: number): RecordedCall[];
  /** A mark for `sentSince` / `waitForSend`: the number of calls so far. */
  mark(): number;
  /** Resolves with the first sendMessage after `mark` that matches. */
  waitForSend(mark: number, where: (payload: Record<string, any>) => boolean): Promise<RecordedCall>;
  /** Resolves with the first log line with `code` (polled, with a deadline). */
  waitForLog(code: string, timeoutMs?: number): Promise<LogLine>;
  stop(): Promise<void>;
};

/**
 * The real server (same composition as main.ts) with TELEGRAM_BOT_TOKEN set and telegraf
 * pointed at a local fake Bot API; the bot is started as main.ts starts it. Retry waits are
 * short (10 ms base) so failure tests run fast; 429 still waits Telegram's retry_after.
 */
export async function startTelegramHarness(env: Record<string, string> = {}, options: { start?: boolean } = {}): Promise<TelegramHarness> {
  const fake = await FakeTelegram.start(TEST_TOKEN);
  const logs: LogLine[] = [];
  const logger = { log: (level: LogLevel, code: string, fields: Record<string, unknown> = {}) => void logs.push({ level, code, fields }) };
  const server = await startServer({ TELEGRAM_BOT_TOKEN: TEST_TOKEN, TELEGRAM_API_ROOT: fake.apiRoot, ...env }, { logger, telegram: { retry: { baseDelayMs: 10 }, restartDelayMs: 10, pollTimeoutSeconds: 5, webhookRetryDelaysMs: [50, 100, 200] } });
  const telegram = server.services.telegram;
  if (!telegram) throw new Error('test: the Telegram channel was not created');
  if (options.start !== false) {
    telegram.start();
    await fake.waitForCall(telegram.mode === 'webhook' ? 'setWebhook' : 'getUpdates');
  }
  const mark = () => fake.calls.length;
  const sentSince = (since: number, chatId?: number) => fake.calls.slice(since).filter((c) => c.method === 'sendMessage' && (chatId === undefined || c.payload.chat_id === chatId));
  const waitForSend = (since: number, where: (payload: Record<string, any>) => boolean) => fake.waitForCall('sendMessage', where, { since });
  return {
    fake,
    server,
    telegram,
    logs,
    mark,
    sentSince,
    waitForSend,
    waitForLog: (code, timeoutMs) => until(() => logs.find((l) => l.code === code), `log ${code}`, timeoutMs),
    say(update, chatId) {
      const since = mark();
      fake.pushUpdate(update);
      return waitForSend(since, (p) => p.chat_id === chatId);
    },
    async stop() {
      await telegram.stop();
      await server.stop();
      await fake.close();
    },
  };
}

/** Tags and entities our Telegram HTML may contain; anything else means text escaped nowhere. */
export function hasOnlyOurMarkup(html: string): boolean {
  const withoutOurs = html
    .replace(/<a href="https?:\/\/[^"<>]*">/g, '')
    .replace(/<\/a>|<\/?b>|<blockquote expandable>|<\/blockquote>/g, '')
    .replace(/&(?:amp|lt|gt|quot);/g, '');
  return !/[<>&]/.test(withoutOurs);
}

/** Polls `probe` until it returns a value, failing after `timeoutMs` (a deadline, not a sleep). */
export async function until<T>(probe: () => T | undefined | Promise<T | undefined>, what: string, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`test: ${what} did not happen within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
