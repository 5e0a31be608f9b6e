import { postJson, startServer, tempDataDir, type RunningServer } from '../../fixtures/services';

describe('HTTP API', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.stop());

  describe('GET /healthz', () => {
    it('answers ok once the knowledge base is indexed', async () => {
      const res = await fetch(`${server.url}/healthz`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ status: 'ok' });
    });
  });

  describe('POST /api/v1/chat', () => {
    describe('when asked real questions', () => {
      it.each([
        ['香肠可以带入境吗？', 'zh', 'meat-products', /禁止|不能|不得/],
        ['can I bring sausages from my mum?', 'en', 'meat-products', /prohibit|not allowed|banned|cannot/i],
        ['можно ли ввезти колбасу в Китай?', 'ru', 'meat-products', /запрещ|нельзя/i],
        ['入境带多少人民币现金需要申报？', 'zh', 'cash-rmb', /20,?000/],
        ['how much cash can I carry into China without declaring?', 'en', 'cash', /5,000|20,000/],
        ['сколько наличных долларов можно ввезти без декларации?', 'ru', 'foreign-currency-inbound', /5 000/],
      ])('answers %s in %s from the right entry', async (text, lang, entryPrefix, fact) => {
        const { status, body } = await postJson(`${server.url}/api/v1/chat`, { text });
        expect(status).toBe(200);
        expect(body.conversationId).toMatch(/^c_[A-Za-z0-9_-]{20,}$/);
        expect(body.reply.lang).toBe(lang);
        expect(['answer', 'clarify']).toContain(body.reply.kind);
        expect(body.reply.citations[0].id.startsWith(entryPrefix)).toBe(true);
        expect(body.reply.citations[0].source.length).toBeGreaterThan(5);
        expect(body.reply.text).toMatch(fact);
      });

      it('asks one question when the allowance depends on the traveller, then answers', async () => {
        const first = await postJson(`${server.url}/api/v1/chat`, { text: 'how many cigarettes can I bring into China?' });
        expect(first.body.reply.kind).toBe('clarify');
        expect(first.body.reply.text).toMatch(/400/);
        const second = await postJson(`${server.url}/api/v1/chat`, { text: 'I am flying in from Hong Kong', conversationId: first.body.conversationId });
        expect(second.body.reply.kind).toBe('answer');
        expect(second.body.reply.text).toMatch(/200/);
      });

      it('answers in the language asked for when lang is given', async () => {
        const { body } = await postJson(`${server.url}/api/v1/chat`, { text: 'can I bring cheese?', lang: 'ru' });
        expect(body.reply.lang).toBe('ru');
      });

      it('routes a visa question to border inspection with its contact', async () => {
        const { body } = await postJson(`${server.url}/api/v1/chat`, { text: 'do I need a visa for China if I am Russian?' });
        expect(body.reply).toMatchObject({ kind: 'routed', department: 'border' });
        expect(body.reply.text).toMatch(/12367/);
      });

      it('escalates when nothing matches, and records the escalation', async () => {
        const { body } = await postJson(`${server.url}/api/v1/chat`, { text: 'who will win the hockey world championship this year?' });
        expect(body.reply.kind).toBe('escalated');
        expect(body.reply.escalationId).toMatch(/^e_/);
        const stored = (await server.services.store.findActiveEscalation(body.conversationId));
        expect(stored?.reasons).toEqual(expect.arrayContaining([expect.stringMatching(/low_confidence|out_of_scope/)]));
      });
    });

    describe('when the input is bad', () => {
      const url = () => `${server.url}/api/v1/chat`;
      it.each([
        ['malformed JSON', '{"text": "hi"', 400, 'invalid_json'],
        ['a number as text', { text: 42 }, 400, 'invalid_request'],
        ['missing text', {}, 400, 'invalid_request'],
        ['empty text', { text: '   ' }, 400, 'invalid_request'],
        ['an unknown language', { text: 'hi', lang: 'de' }, 400, 'invalid_request'],
        ['an unknown field', { text: 'hi', admin: true }, 400, 'invalid_request'],
        ['a JSON array', [1, 2], 400, 'invalid_request'],
        ['text over 4,000 characters', { text: 'a'.repeat(4001) }, 413, 'payload_too_large'],
        ['a body over 64 kB', { text: 'a'.repeat(70_000) }, 413, 'payload_too_large'],
      ])('answers %s with %i and a clear error', async (_name, body, status, code) => {
        const res = await postJson(url(), body);
        expect(res.status).toBe(status);
        expect(res.body.error).toEqual({ code, message: expect.any(String) });
      });
      it('answers an unknown conversation id with 404', async () => {
        const res = await postJson(url(), { text: 'hi', conversationId: 'c_doesnotexist' });
        expect(res.status).toBe(404);
        expect(res.body.error.code).toBe('conversation_not_found');
      });
      it('answers a non-JSON content type with 415', async () => {
        const res = await fetch(url(), { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hello' });
        expect(res.status).toBe(415);
      });
      it('keeps serving after bad input', async () => {
        const res = await postJson(url(), { text: 'hello' });
        expect(res.status).toBe(200);
      });
    });
  });

  describe('GET /api/v1/conversations/:id/messages', () => {
    it('lists both sides of the conversation in order', async () => {
      const { body } = await postJson(`${server.url}/api/v1/chat`, { text: 'можно ли провезти сало?' });
      const res = await fetch(`${server.url}/api/v1/conversations/${body.conversationId}/messages`);
      const list = await res.json();
      expect(list.items.map((m: { from: string }) => m.from)).toEqual(['traveller', 'bot']);
      expect(list.items[0]).toMatchObject({ text: 'можно ли провезти сало?', at: expect.any(String) });
    });
    it('answers an unknown id with 404', async () => {
      const res = await fetch(`${server.url}/api/v1/conversations/c_nope/messages`);
      expect(res.status).toBe(404);
      expect((await res.json()).error.code).toBe('conversation_not_found');
    });
    it('answers a bad "after" with 400', async () => {
      const { body } = await postJson(`${server.url}/api/v1/chat`, { text: 'hi' });
      const res = await fetch(`${server.url}/api/v1/conversations/${body.conversationId}/messages?after=-3`);
      expect(res.status).toBe(400);
    });
  });

  describe('unknown API routes', () => {
    it('answer 404 in JSON', async () => {
      const res = await fetch(`${server.url}/api/v1/nothing`);
      expect(res.status).toBe(404);
      expect((await res.json()).error.code).toBe('not_found');
    });
  });
});

describe('rate limit', () => {
  it('answers 429 with Retry-After past RATE_LIMIT_PER_MINUTE, per client', async () => {
    const server = await startServer({ RATE_LIMIT_PER_MINUTE: '3' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await postJson(`${server.url}/api/v1/chat`, { text: 'hi' })).status);
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      const res = await postJson(`${server.url}/api/v1/chat`, { text: 'hi' });
      expect(res.body.error.code).toBe('rate_limited');
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    } finally {
      await server.stop();
    }
  });
});

describe('restart', () => {
  it('keeps conversations in the SQLite file under DATA_DIR', async () => {
    const data = tempDataDir();
    try {
      const first = await startServer({ DATA_DIR: data.dir });
      const { body } = await postJson(`${first.url}/api/v1/chat`, { text: 'how much cash can I bring?' });
      await first.stop();
      const second = await startServer({ DATA_DIR: data.dir });
      const res = await fetch(`${second.url}/api/v1/conversations/${body.conversationId}/messages`);
      expect(res.status).toBe(200);
      const list = await res.json();
      expect(list.items).toHaveLength(2);
      expect(list.items[0].text).toBe('how much cash can I bring?');
      const next = await postJson(`${second.url}/api/v1/chat`, { text: 'thanks!', conversationId: body.conversationId });
      expect(next.status).toBe(200);
      await second.stop();
    } finally {
      data.cleanup();
    }
  });
});
