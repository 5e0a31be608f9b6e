import { TelegramError } from 'telegraf';
import { callWithRetry, redactToken, TelegramDeliveryError } from '../../../bot/adapters/telegram/retry';
import type { LogLevel } from '../../../bot/core/ports';

const TOKEN = '123456789:SECRET-token_value-abcdefghij';

function setup(failures: unknown[]) {
  const waits: number[] = [];
  const logs: { level: LogLevel; code: string; fields: Record<string, unknown> }[] = [];
  let calls = 0;
  const call = async () => {
    const failure = failures[calls++];
    if (failure) throw failure;
    return 'sent';
  };
  const deps = { token: TOKEN, logger: { log: (level: LogLevel, code: string, fields = {}) => void logs.push({ level, code, fields }) }, retry: { wait: async (ms: number) => void waits.push(ms) } };
  return { run: () => callWithRetry('sendMessage', call, deps), waits, logs, calls: () => calls };
}

const tooMany = (retryAfter: number) => new TelegramError({ error_code: 429, description: 'Too Many Requests', parameters: { retry_after: retryAfter } });
const serverError = () => new TelegramError({ error_code: 502, description: 'Bad Gateway' });

describe('callWithRetry', () => {
  describe('when Telegram answers 429', () => {
    it('waits retry_after seconds, then succeeds', async () => {
      const s = setup([tooMany(7)]);
      await expect(s.run()).resolves.toBe('sent');
      expect(s.waits).toEqual([7000]);
    });
  });
  describe('when Telegram fails with 5xx', () => {
    it('backs off exponentially and gives up after 3 tries with a TelegramDeliveryError', async () => {
      const s = setup([serverError(), serverError(), serverError()]);
      const error = await s.run().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TelegramDeliveryError);
      expect(error).toMatchObject({ name: 'TelegramDeliveryError', method: 'sendMessage', code: 502 });
      expect(s.waits).toEqual([500, 1000]);
      expect(s.logs.map((l) => l.level)).toEqual(['warn', 'warn', 'error']);
    });
  });
  describe('when the request is wrong (400) or the user blocked the bot (403)', () => {
    it.each([400, 403])('fails at once on %i', async (code) => {
      const s = setup([new TelegramError({ error_code: code, description: 'no' })]);
      await expect(s.run()).rejects.toBeInstanceOf(TelegramDeliveryError);
      expect(s.calls()).toBe(1);
      expect(s.waits).toEqual([]);
    });
  });
  describe('when the channel stops while waiting to retry', () => {
    it('makes no further attempt', async () => {
      const stop = new AbortController();
      let calls = 0;
      const call = async () => {
        calls++;
        throw tooMany(30);
      };
      const run = callWithRetry('getMe', call, { token: TOKEN, logger: { log: () => undefined }, retry: { signal: stop.signal, wait: async () => stop.abort() } });
      await expect(run).rejects.toThrow(/getMe abandoned: the channel is stopping/);
      expect(calls).toBe(1);
    });
  });

  describe('when the network fails', () => {
    it('logs the error with the token redacted and retries', async () => {
      const s = setup([new Error(`request to https://api.telegram.org/bot${TOKEN}/sendMessage failed, reason: ECONNREFUSED`)]);
      await expect(s.run()).resolves.toBe('sent');
      const logged = JSON.stringify(s.logs);
      expect(logged).not.toContain('SECRET');
      expect(logged).toContain('/bot[REDACTED]/sendMessage');
    });
  });
});

describe('redactToken', () => {
  it('removes the literal token and telegraf’s URL form', () => {
    expect(redactToken(`token ${TOKEN} and /bot987:abc-DEF/getMe`, TOKEN)).toBe('token [REDACTED] and /bot[REDACTED]/getMe');
  });
});
