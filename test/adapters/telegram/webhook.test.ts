import { escapeHtml, loadTelegramTextsOrThrow, SECRET_HEADER } from '../../../bot/adapters/telegram';
import { KNOWLEDGE_DIR, postJson } from '../../fixtures/services';
import { startTelegramHarness, TEST_TOKEN, type TelegramHarness } from './harness';
import { privateChat, textUpdate, user } from './updates';

const texts = loadTelegramTextsOrThrow(KNOWLEDGE_DIR);
const SECRET = 'webhook-secret_0123456789abcdef';
const PUBLIC_URL = 'https://bot.example.com/telegram/webhook';

describe('Telegram webhook mode', () => {
  let h: TelegramHarness;
  let url: string;
  beforeAll(async () => {
    h = await startTelegramHarness({ TELEGRAM_WEBHOOK_URL: PUBLIC_URL, TELEGRAM_WEBHOOK_SECRET: SECRET });
    url = `${h.server.url}/telegram/webhook`;
  });
  afterAll(() => h.stop());

  describe('when it starts', () => {
    it('registers the public URL with the secret token and does not poll', () => {
      const [call] = h.fake.callsOf('setWebhook');
      expect(call?.payload).toEqual({ url: PUBLIC_URL, secret_token: SECRET, allowed_updates: ['message', 'edited_message', 'callback_query'] });
      expect(h.fake.callsOf('getUpdates')).toHaveLength(0);
      expect(h.telegram.mode).toBe('webhook');
    });
  });

  describe('when an update arrives', () => {
    it.each([
      ['a wrong secret', { [SECRET_HEADER]: 'webhook-secret_0123456789abcdeX' }],
      ['a secret of another length', { [SECRET_HEADER]: 'short' }],
      ['no secret', {}],
    ])('answers 403 for %s and handles nothing', async (_what, headers) => {
      const mark = h.mark();
      const res = await postJson(url, { update_id: 900, ...textUpdate('/start', { chat: privateChat(701), from: user('en', 701) }) }, headers);
      expect(res.status).toBe(403);
      expect(res.body).toEqual({ error: { code: 'forbidden', message: 'wrong or missing X-Telegram-Bot-Api-Secret-Token' } });
      expect(h.sentSince(mark)).toHaveLength(0);
    });

    it('handles it with the right secret: 200, and the reply is sent through the Bot API', async () => {
      const mark = h.mark();
      const res = await postJson(url, { update_id: 901, ...textUpdate('/start', { chat: privateChat(702), from: user('en', 702) }) }, { [SECRET_HEADER]: SECRET });
      expect(res.status).toBe(200);
      const sent = await h.waitForSend(mark, (p) => p.chat_id === 702);
      expect(sent.payload.text).toBe(escapeHtml(texts.start_greeting.en));
    });

    it('answers a question in Russian through the core', async () => {
      const mark = h.mark();
      await postJson(url, { update_id: 902, ...textUpdate('можно ли ввезти колбасу?', { chat: privateChat(703), from: user('ru', 703) }) }, { [SECRET_HEADER]: SECRET });
      const sent = await h.waitForSend(mark, (p) => p.chat_id === 703);
      expect(sent.payload.text).toMatch(/запрещ|нельзя/i);
    });

    it.each([
      ['malformed JSON', '{"update_id": 1,', 'invalid_json'],
      ['a body that is not an update', { update_id: 'one' }, 'invalid_request'],
      ['a message without a chat', { update_id: 903, message: { message_id: 1, date: 1, text: 'hi' } }, 'invalid_request'],
    ])('answers 400 for %s and keeps running', async (_what, body, code) => {
      const res = await postJson(url, body, { [SECRET_HEADER]: SECRET });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe(code);
      const health = await fetch(`${h.server.url}/healthz`);
      expect(health.status).toBe(200);
    });
  });
});

describe('Telegram webhook mode when the Bot API is unreachable (issue 14 item 11)', () => {
  let h: TelegramHarness;
  afterEach(() => h.stop());

  it('answers 200 at once and handles the update once Telegram answers again', async () => {
    h = await startTelegramHarness({ TELEGRAM_WEBHOOK_URL: PUBLIC_URL, TELEGRAM_WEBHOOK_SECRET: SECRET }, { start: false });
    h.fake.failNext('getMe', { status: 500 }, 2);
    const mark = h.mark();
    const res = await postJson(`${h.server.url}/telegram/webhook`, { update_id: 950, ...textUpdate('/start', { chat: privateChat(751), from: user('en', 751) }) }, { [SECRET_HEADER]: SECRET });
    expect(res.status).toBe(200);
    const sent = await h.waitForSend(mark, (p) => p.chat_id === 751);
    expect(sent.payload.text).toBe(escapeHtml(texts.start_greeting.en));
    expect(h.sentSince(mark, 751)).toHaveLength(1);
    expect(h.logs.filter((l) => l.code === 'telegram_update_deferred')).toHaveLength(2);
  });

  it('answers 200 when nothing answers at all, and gives the update up after the last try', async () => {
    h = await startTelegramHarness({ TELEGRAM_WEBHOOK_URL: PUBLIC_URL, TELEGRAM_WEBHOOK_SECRET: SECRET, TELEGRAM_API_ROOT: 'http://127.0.0.1:9' }, { start: false });
    const res = await postJson(`${h.server.url}/telegram/webhook`, { update_id: 951, ...textUpdate('hello', { chat: privateChat(752), from: user('en', 752) }) }, { [SECRET_HEADER]: SECRET });
    expect(res.status).toBe(200);
    const dropped = await h.waitForLog('telegram_update_dropped');
    expect(dropped.fields).toMatchObject({ updateId: 951, attempts: 4 });
    expect(JSON.stringify(h.logs)).not.toContain(TEST_TOKEN.split(':')[1]);
  });
});
