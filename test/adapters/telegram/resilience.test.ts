import { escapeHtml, loadTelegramTextsOrThrow } from '../../../bot/adapters/telegram';
import { KNOWLEDGE_DIR } from '../../fixtures/services';
import { startTelegramHarness, TEST_TOKEN, type TelegramHarness } from './harness';
import { privateChat, textUpdate, user } from './updates';

const texts = loadTelegramTextsOrThrow(KNOWLEDGE_DIR);
const SECRET_PART = TEST_TOKEN.split(':')[1]!;

describe('Telegram channel resilience', () => {
  describe('when the Bot API fails while the bot starts', () => {
    let h: TelegramHarness;
    afterEach(() => h.stop());

    it('keeps the server up, honours 429 retry_after, and starts once Telegram answers', async () => {
      h = await startTelegramHarness({}, { start: false });
      h.fake.failNext('getMe', { status: 500 });
      h.fake.failNext('getMe', { status: 429, retryAfterSeconds: 1 });
      h.telegram.start();
      expect((await fetch(`${h.server.url}/healthz`)).status).toBe(200);
      await h.fake.waitForCall('getUpdates');
      const [, second, third] = h.fake.callsOf('getMe');
      expect(third!.at - second!.at).toBeGreaterThanOrEqual(1000);
      const sent = await h.say(textUpdate('/start', { chat: privateChat(801), from: user('en', 801) }), 801);
      expect(sent.payload.text).toBe(escapeHtml(texts.start_greeting.en));
    });

    it('stops at once while waiting out a long retry_after, and never starts polling afterwards', async () => {
      h = await startTelegramHarness({}, { start: false });
      h.fake.failNext('getMe', { status: 429, retryAfterSeconds: 30 });
      h.telegram.start();
      await h.fake.waitForCall('getMe');
      await h.waitForLog('telegram_api_failed');
      const started = Date.now();
      await h.telegram.stop();
      expect(Date.now() - started).toBeLessThan(1000);
      expect(h.fake.callsOf('getUpdates')).toHaveLength(0);
      expect(h.fake.callsOf('deleteWebhook')).toHaveLength(0);
    });

    it('keeps the server up when the Bot API cannot be reached at all, and logs it', async () => {
      h = await startTelegramHarness({ TELEGRAM_API_ROOT: 'http://127.0.0.1:9' }, { start: false });
      h.telegram.start();
      const line = await h.waitForLog('telegram_start_failed');
      expect(line.level).toBe('warn');
      expect(JSON.stringify(h.logs)).not.toContain(SECRET_PART);
      expect((await fetch(`${h.server.url}/healthz`)).status).toBe(200);
    });

    it('stops trying, and says why, when Telegram rejects the token', async () => {
      h = await startTelegramHarness({ TELEGRAM_BOT_TOKEN: '999:WRONG-token_but-well-formed-xyz' }, { start: false });
      h.telegram.start();
      const line = await h.waitForLog('telegram_token_rejected');
      expect(line.level).toBe('error');
      expect(JSON.stringify(h.logs)).not.toContain('WRONG-token');
      expect(h.fake.calls.map((c) => c.method)).toEqual([]); // the fake refused it before recording
      expect((await fetch(`${h.server.url}/healthz`)).status).toBe(200);
    });
  });

  describe('when the Bot API fails while running', () => {
    let h: TelegramHarness;
    beforeAll(async () => {
      h = await startTelegramHarness();
    });
    afterAll(() => h.stop());

    it('retries a sendMessage that failed with 500 and delivers it', async () => {
      h.fake.failNext('sendMessage', { status: 500 });
      const mark = h.mark();
      h.fake.pushUpdate(textUpdate('/help', { chat: privateChat(811), from: user('en', 811) }));
      await h.fake.waitForCall('sendMessage', () => h.sentSince(mark, 811).length === 2, { since: mark });
      const [failed, delivered] = h.sentSince(mark, 811);
      expect(delivered!.payload).toEqual(failed!.payload);
      expect(delivered!.payload.text).toBe(escapeHtml(texts.help.en));
      await h.waitForLog('telegram_api_failed');
      expect(h.logs.filter((l) => l.code === 'telegram_update_failed')).toHaveLength(0);
    });

    it('waits the retry_after Telegram asks for on 429, then delivers', async () => {
      h.fake.failNext('sendMessage', { status: 429, retryAfterSeconds: 1 });
      const mark = h.mark();
      h.fake.pushUpdate(textUpdate('/help', { chat: privateChat(812), from: user('ru', 812) }));
      await h.fake.waitForCall('sendMessage', (p) => p.chat_id === 812, { since: mark });
      await h.fake.waitForCall('sendMessage', () => h.sentSince(mark, 812).length === 2, { since: mark });
      const [first, second] = h.sentSince(mark, 812);
      expect(second!.at - first!.at).toBeGreaterThanOrEqual(1000);
    });

    it('gives up after 3 failed tries, logs without the token, and answers the next message', async () => {
      h.fake.failNext('sendMessage', { status: 500 }, 3);
      const mark = h.mark();
      h.fake.pushUpdate(textUpdate('/help', { chat: privateChat(813), from: user('en', 813) }));
      const failed = await h.waitForLog('telegram_update_failed');
      expect(failed.fields.error).toMatch(/TelegramDeliveryError: telegram: sendMessage failed after 3 attempt/);
      expect(h.sentSince(mark, 813)).toHaveLength(3);
      expect(JSON.stringify(h.logs)).not.toContain(SECRET_PART);
      const next = await h.say(textUpdate('/help', { chat: privateChat(813), from: user('en', 813) }), 813);
      expect(next.payload.text).toBe(escapeHtml(texts.help.en));
    });

    it('keeps polling after getUpdates fails', async () => {
      h.fake.failNext('getUpdates', { status: 500 });
      h.fake.pushUpdate(textUpdate('/help', { chat: privateChat(814) })); // answers the pending poll; the next one fails
      await h.fake.waitForCall('sendMessage', (p) => p.chat_id === 814);
      await h.waitForLog('telegram_poll_failed');
      const sent = await h.say(textUpdate('/help', { chat: privateChat(815) }), 815);
      expect(sent.payload.chat_id).toBe(815);
    });
  });

  describe('when a chat sends too many messages', () => {
    let h: TelegramHarness;
    beforeAll(async () => {
      h = await startTelegramHarness({ RATE_LIMIT_PER_MINUTE: '2' });
    });
    afterAll(() => h.stop());

    it('answers politely once, then stays quiet for that chat only', async () => {
      const chat = privateChat(821);
      const from = user('en', 821);
      const mark = h.mark();
      for (let i = 0; i < 4; i++) h.fake.pushUpdate(textUpdate('/help', { chat, from }));
      const limited = await h.waitForSend(mark, (p) => p.chat_id === 821 && p.text !== escapeHtml(texts.help.en));
      expect(limited.payload.text).toMatch(/^You're sending messages faster than I can answer\. Please wait \d+ seconds and try again\.$/);
      const other = await h.say(textUpdate('/help', { chat: privateChat(822) }), 822);
      expect(other.payload.text).toBe(escapeHtml(texts.help.en));
      expect(h.sentSince(mark, 821)).toHaveLength(3);
      expect(h.logs.filter((l) => l.code === 'telegram_rate_limited')).toHaveLength(2);
    });
  });
});
