import { ConfigError, loadConfig } from '../../../bot/config';

const TOKEN = '123456789:AAH-real-looking_token-0123456789';

describe('loadConfig (Telegram variables)', () => {
  describe('when nothing Telegram is set', () => {
    it('has no token and the public Bot API as root', () => {
      const c = loadConfig({});
      expect(c.TELEGRAM_BOT_TOKEN).toBeUndefined();
      expect(c.TELEGRAM_API_ROOT).toBe('https://api.telegram.org');
    });
  });
  describe('when the webhook URL is set without a secret', () => {
    it('throws a ConfigError saying the secret is required', () => {
      expect(() => loadConfig({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_WEBHOOK_URL: 'https://bot.example.com/telegram/webhook' })).toThrow(/TELEGRAM_WEBHOOK_SECRET="" is invalid: is required when TELEGRAM_WEBHOOK_URL is set/);
    });
  });
  describe('when a value is wrong', () => {
    it.each([
      [{ TELEGRAM_WEBHOOK_URL: 'http://bot.example.com/hook', TELEGRAM_WEBHOOK_SECRET: 's'.repeat(20) }, /TELEGRAM_WEBHOOK_URL="http:\/\/bot.example.com\/hook" is invalid: must be a full https:\/\/ URL/],
      [{ TELEGRAM_API_ROOT: 'ftp://example.com' }, /TELEGRAM_API_ROOT="ftp:\/\/example.com" is invalid/],
      [{ TELEGRAM_WEBHOOK_SECRET: 'short' }, /TELEGRAM_WEBHOOK_SECRET=\[redacted\] is invalid: must be 16-256 characters/],
    ])('throws a ConfigError naming it (%o)', (env, message) => {
      expect(() => loadConfig(env)).toThrow(ConfigError);
      expect(() => loadConfig(env)).toThrow(message);
    });
    it('never prints the token it refuses', () => {
      const bad = 'not-a-token-SECRET123';
      let message = '';
      try {
        loadConfig({ TELEGRAM_BOT_TOKEN: bad });
      } catch (e) {
        message = (e as Error).message;
      }
      expect(message).toMatch(/TELEGRAM_BOT_TOKEN=\[redacted\] is invalid/);
      expect(message).not.toContain('SECRET123');
    });
  });
  describe('when webhook mode is configured completely', () => {
    it('returns the settings', () => {
      const c = loadConfig({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_WEBHOOK_URL: 'https://bot.example.com/tg', TELEGRAM_WEBHOOK_SECRET: 'abcdefghijklmnop_-123', TELEGRAM_API_ROOT: 'http://127.0.0.1:8081' });
      expect(c).toMatchObject({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_WEBHOOK_URL: 'https://bot.example.com/tg', TELEGRAM_API_ROOT: 'http://127.0.0.1:8081' });
    });
  });
});
