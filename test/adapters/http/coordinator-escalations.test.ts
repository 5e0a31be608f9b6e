import type { ConversationEvent } from '../../../bot/core/ports';
import { addCoordinator, call, escalate, type TestCoordinator } from '../../fixtures/coordinators';
import { fakeClock, postJson, startServer, type RunningServer } from '../../fixtures/services';

describe('escalation desk API', () => {
  const clock = fakeClock();
  let server: RunningServer;
  let alice: TestCoordinator;
  let bob: TestCoordinator;
  let lead: TestCoordinator;
  beforeAll(async () => {
    server = await startServer({}, { clock });
    [alice, bob, lead] = await Promise.all([addCoordinator(server, 'alice'), addCoordinator(server, 'bob'), addCoordinator(server, 'lena', 'lead')]);
  });
  afterAll(() => server.stop());

  const as = (who: TestCoordinator) => ({
    get: (path: string) => call(server, 'GET', path, { headers: who.bearer }),
    post: (path: string, body?: unknown) => call(server, 'POST', path, { headers: who.bearer, ...(body !== undefined ? { body } : {}) }),
  });
  /** An escalation claimed by `who`. */
  async function claimed(who: TestCoordinator, text?: string) {
    const e = await escalate(server, text);
    expect((await as(who).post(`/escalations/${e.escalationId}/claim`)).status).toBe(200);
    return e;
  }

  describe('GET /api/v1/escalations', () => {
    it('lists open escalations oldest first with reason, reasons, language and channel', async () => {
      const first = await escalate(server, 'I want to talk to a human');
      clock.advance(1000);
      const second = await escalate(server, '我要人工客服');
      const res = await as(alice).get('/escalations?status=open');
      expect(res.status).toBe(200);
      const ids = res.body.items.map((i: { id: string }) => i.id);
      expect(ids.indexOf(first.escalationId)).toBeLessThan(ids.indexOf(second.escalationId));
      const item = res.body.items.find((i: { id: string }) => i.id === second.escalationId);
      expect(item).toEqual({
        id: second.escalationId,
        conversationId: second.conversationId,
        status: 'open',
        reason: 'asked_for_human',
        reasons: ['asked_for_human'],
        urgency: 3,
        lang: 'zh',
        channel: 'web',
        createdAt: clock.now().toISOString(),
        question: '我要人工客服',
      });
    });
    it('filters by status and shows who holds a claimed case', async () => {
      const { escalationId } = await claimed(alice);
      const claimedList = (await as(bob).get('/escalations?status=claimed')).body.items;
      expect(claimedList.find((i: { id: string }) => i.id === escalationId)).toMatchObject({ status: 'claimed', claimedBy: 'alice' });
      expect((await as(bob).get('/escalations?status=open')).body.items.some((i: { id: string }) => i.id === escalationId)).toBe(false);
    });
    it.each(['bogus', 'OPEN'])('answers status=%s with 400', async (status) => {
      const res = await as(alice).get(`/escalations?status=${status}`);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/^status: /);
    });
    it('answers a bad limit with 400', async () => {
      expect((await as(alice).get('/escalations?limit=0')).status).toBe(400);
    });
  });

  describe('GET /api/v1/escalations/:id', () => {
    it('gives the full transcript and the bot\'s candidate entries in the escalation\'s language', async () => {
      const { escalationId, conversationId } = await escalate(server, '我要人工！我带了香烟');
      const res = await as(alice).get(`/escalations/${escalationId}`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: escalationId, conversationId, status: 'open', lang: 'zh', question: '我要人工！我带了香烟' });
      expect(res.body.transcript.map((m: { from: string }) => m.from)).toEqual(['traveller', 'bot']);
      expect(res.body.notes).toEqual([]);
      const top = res.body.candidates[0];
      expect(top).toEqual({ id: expect.stringMatching(/tobacco/), title: expect.stringMatching(/[\u4e00-\u9fff]/), lead: expect.any(String), source: expect.any(String), url: expect.stringMatching(/^https?:/), score: expect.any(Number) });
      expect(top.lead).not.toMatch(/\{\{/);
      expect(top.lead).toMatch(/\d/);
    });
    it('answers an unknown id with 404', async () => {
      const res = await as(alice).get('/escalations/e_doesnotexist');
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('not_found');
    });
  });

  describe('POST /api/v1/escalations/:id/claim', () => {
    it('gives the case to the coordinator and publishes the change', async () => {
      const seen: ConversationEvent[] = [];
      const stop = server.services.events.subscribe((e) => seen.push(e));
      const { escalationId } = await escalate(server);
      const res = await as(alice).post(`/escalations/${escalationId}/claim`);
      stop();
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: escalationId, status: 'claimed', claimedBy: 'alice', claimedAt: clock.now().toISOString() });
      expect(seen).toContainEqual(expect.objectContaining({ type: 'escalation_changed', escalationId, status: 'claimed' }));
    });
    it('is idempotent for the holder and 409 for anyone else', async () => {
      const { escalationId } = await claimed(alice);
      expect((await as(alice).post(`/escalations/${escalationId}/claim`)).status).toBe(200);
      const other = await as(bob).post(`/escalations/${escalationId}/claim`);
      expect(other.status).toBe(409);
      expect(other.body.error).toEqual({ code: 'conflict', message: expect.stringContaining('held by alice') });
    });
    it('lets exactly one of two coordinators claiming at once win', async () => {
      const { escalationId } = await escalate(server);
      const [a, b] = await Promise.all([as(alice).post(`/escalations/${escalationId}/claim`), as(bob).post(`/escalations/${escalationId}/claim`)]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const winner = a.status === 200 ? 'alice' : 'bob';
      expect((await as(lead).get(`/escalations/${escalationId}`)).body.claimedBy).toBe(winner);
    });
    it('lets exactly one of eight coordinators win, over many rounds', async () => {
      const crowd = await Promise.all(Array.from({ length: 8 }, (_, i) => addCoordinator(server, `crowd${i}`)));
      for (let round = 0; round < 5; round++) {
        const { escalationId } = await escalate(server);
        const results = await Promise.all(crowd.map((c) => as(c).post(`/escalations/${escalationId}/claim`)));
        expect(results.filter((r) => r.status === 200)).toHaveLength(1);
        expect(results.filter((r) => r.status === 409)).toHaveLength(7);
      }
    });
    it('answers an unknown id with 404 and a resolved case with 409', async () => {
      expect((await as(alice).post('/escalations/e_nope/claim')).status).toBe(404);
      const { escalationId } = await claimed(alice);
      await as(alice).post(`/escalations/${escalationId}/resolve`, { category: 'other', summary: 'done' });
      expect((await as(bob).post(`/escalations/${escalationId}/claim`)).status).toBe(409);
    });
  });

  describe('POST /api/v1/escalations/:id/takeover', () => {
    it('lets a lead take a claimed case; the previous holder can no longer act', async () => {
      const { escalationId } = await claimed(alice);
      const res = await as(lead).post(`/escalations/${escalationId}/takeover`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'claimed', claimedBy: 'lena' });
      expect((await as(alice).post(`/escalations/${escalationId}/messages`, { text: 'hi' })).status).toBe(409);
      expect((await as(lead).post(`/escalations/${escalationId}/messages`, { text: 'hi, I am the lead' })).status).toBe(201);
    });
    it('claims an open case, and answers a resolved one with 409 and an unknown one with 404', async () => {
      const { escalationId } = await escalate(server);
      expect((await as(lead).post(`/escalations/${escalationId}/takeover`)).body).toMatchObject({ claimedBy: 'lena' });
      await as(lead).post(`/escalations/${escalationId}/resolve`, { category: 'other', summary: 'done' });
      expect((await as(lead).post(`/escalations/${escalationId}/takeover`)).status).toBe(409);
      expect((await as(lead).post('/escalations/e_nope/takeover')).status).toBe(404);
    });
  });

  describe('POST /api/v1/escalations/:id/messages', () => {
    it('reaches the traveller: stored from "coordinator" and published as a message event', async () => {
      const { escalationId, conversationId } = await claimed(alice);
      const seen: ConversationEvent[] = [];
      const stop = server.services.events.subscribe((e) => seen.push(e));
      const res = await as(alice).post(`/escalations/${escalationId}/messages`, { text: '  Hello! Which items do you have?  ' });
      stop();
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ from: 'coordinator', text: 'Hello! Which items do you have?' });
      const list = await (await fetch(`${server.url}/api/v1/conversations/${conversationId}/messages`)).json();
      expect(list.items.at(-1)).toMatchObject({ id: res.body.id, from: 'coordinator', text: 'Hello! Which items do you have?' });
      expect(seen).toEqual([{ type: 'message', conversationId, channel: 'web', message: expect.objectContaining({ id: res.body.id, from: 'coordinator' }) }]);
    });
    it('is refused (409) to anyone but the holder, and before a claim', async () => {
      const { escalationId } = await claimed(alice);
      expect((await as(bob).post(`/escalations/${escalationId}/messages`, { text: 'hi' })).status).toBe(409);
      const open = await escalate(server);
      const res = await as(alice).post(`/escalations/${open.escalationId}/messages`, { text: 'hi' });
      expect(res.status).toBe(409);
      expect(res.body.error.message).toMatch(/claim it first/);
    });
    it.each([
      ['an empty text', { text: '   ' }, 400],
      ['a missing text', {}, 400],
      ['a number', { text: 7 }, 400],
      ['an unknown field', { text: 'hi', html: true }, 400],
      ['a text over 4,000 characters', { text: 'x'.repeat(4001) }, 400],
      ['malformed JSON', '{"text":', 400],
    ])('answers %s with %i and sends nothing', async (_case, body, status) => {
      const { escalationId, conversationId } = await claimed(alice);
      const before = (await server.services.store.listMessages(conversationId as never)).length;
      const res = await as(alice).post(`/escalations/${escalationId}/messages`, body);
      expect(res.status).toBe(status);
      expect((await server.services.store.listMessages(conversationId as never))).toHaveLength(before);
    });
    it('answers a non-JSON body with 415 and an unknown id with 404', async () => {
      const { escalationId } = await claimed(alice);
      expect((await call(server, 'POST', `/escalations/${escalationId}/messages`, { headers: { ...alice.bearer, 'content-type': 'text/plain' }, body: 'hi' })).status).toBe(415);
      expect((await as(alice).post('/escalations/e_nope/messages', { text: 'hi' })).status).toBe(404);
    });
  });

  describe('POST /api/v1/escalations/:id/notes', () => {
    it('keeps an internal note on the case that the traveller never sees', async () => {
      const { escalationId, conversationId } = await claimed(alice);
      const res = await as(alice).post(`/escalations/${escalationId}/notes`, { text: 'asked the duty officer' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ author: 'alice', text: 'asked the duty officer' });
      expect((await as(bob).get(`/escalations/${escalationId}`)).body.notes).toEqual([expect.objectContaining({ text: 'asked the duty officer', author: 'alice' })]);
      const list = await (await fetch(`${server.url}/api/v1/conversations/${conversationId}/messages`)).json();
      expect(JSON.stringify(list)).not.toContain('duty officer');
    });
    it('is refused to others (409), and bad input gets 400, unknown ids 404', async () => {
      const { escalationId } = await claimed(alice);
      expect((await as(bob).post(`/escalations/${escalationId}/notes`, { text: 'x' })).status).toBe(409);
      expect((await as(alice).post(`/escalations/${escalationId}/notes`, { text: '' })).status).toBe(400);
      expect((await as(alice).post('/escalations/e_nope/notes', { text: 'x' })).status).toBe(404);
    });
  });

  describe('POST /api/v1/escalations/:id/transfer', () => {
    it('tells the traveller where to go in their language and closes the case as a transfer', async () => {
      const { escalationId, conversationId } = await claimed(alice, 'Мне нужен живой человек');
      const res = await as(alice).post(`/escalations/${escalationId}/transfer`, { department: 'border', note: 'visa question' });
      expect(res.status).toBe(200);
      expect(res.body.escalation).toMatchObject({ status: 'resolved' });
      expect(res.body.case).toMatchObject({ category: 'transfer', department: 'border', summary: 'visa question', coordinator: 'alice' });
      expect(res.body.message.text).toMatch(/12367/);
      expect(res.body.message.text).toMatch(/[а-я]/);
      const list = await (await fetch(`${server.url}/api/v1/conversations/${conversationId}/messages`)).json();
      expect(list.items.at(-1)).toMatchObject({ from: 'coordinator', text: res.body.message.text });
    });
    it.each([
      ['an unknown department', { department: 'customs' }],
      ['no department', { note: 'x' }],
      ['a note that is not text', { department: 'police', note: 5 }],
    ])('answers %s with 400', async (_case, body) => {
      const { escalationId } = await claimed(alice);
      const res = await as(alice).post(`/escalations/${escalationId}/transfer`, body);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/department|note/);
    });
    it('is refused to others (409) and unknown ids get 404', async () => {
      const { escalationId } = await claimed(alice);
      expect((await as(bob).post(`/escalations/${escalationId}/transfer`, { department: 'police' })).status).toBe(409);
      expect((await as(alice).post('/escalations/e_nope/transfer', { department: 'police' })).status).toBe(404);
    });
  });

  describe('POST /api/v1/escalations/:id/resolve', () => {
    it('closes the case into the casebook with times and the coordinator', async () => {
      const e = await escalate(server);
      clock.advance(2 * 60_000);
      await as(alice).post(`/escalations/${e.escalationId}/claim`);
      clock.advance(3 * 60_000);
      const res = await as(alice).post(`/escalations/${e.escalationId}/resolve`, { category: 'rule_explained', summary: 'Explained the allowance' });
      expect(res.status).toBe(200);
      expect(res.body.escalation).toMatchObject({ status: 'resolved', resolvedAt: clock.now().toISOString() });
      expect(res.body.case).toMatchObject({ id: e.escalationId, category: 'rule_explained', summary: 'Explained the allowance', waitingMs: 120_000, handlingMs: 180_000, coordinator: 'alice', lang: 'en' });
      expect(res.body.draft).toBeUndefined();
      expect((await as(bob).get(`/casebook/${e.escalationId}`)).status).toBe(200);
    });
    it('makes a knowledge-base draft with promote: true', async () => {
      const { escalationId } = await claimed(alice);
      const res = await as(alice).post(`/escalations/${escalationId}/resolve`, { category: 'other', summary: 'x', promote: true });
      expect(res.body.draft).toMatchObject({ id: expect.stringMatching(/^d_/), caseId: escalationId, status: 'open' });
      expect(res.body.case.draftId).toBe(res.body.draft.id);
    });
    it.each([
      ['an unknown category', { category: 'magic', summary: 'x' }, /category/],
      ['the transfer category', { category: 'transfer', summary: 'x' }, /use \/transfer/],
      ['an empty summary', { category: 'other', summary: ' ' }, /summary/],
      ['promote as text', { category: 'other', summary: 'x', promote: 'yes' }, /promote/],
    ])('answers %s with 400 naming the field', async (_case, body, message) => {
      const { escalationId } = await claimed(alice);
      const res = await as(alice).post(`/escalations/${escalationId}/resolve`, body);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(message);
      expect((await as(alice).get(`/escalations/${escalationId}`)).body.status).toBe('claimed');
    });
    it('is refused to others and a second time (409); unknown ids get 404', async () => {
      const { escalationId } = await claimed(alice);
      expect((await as(bob).post(`/escalations/${escalationId}/resolve`, { category: 'other', summary: 'x' })).status).toBe(409);
      expect((await as(alice).post(`/escalations/${escalationId}/resolve`, { category: 'other', summary: 'x' })).status).toBe(200);
      expect((await as(alice).post(`/escalations/${escalationId}/resolve`, { category: 'other', summary: 'x' })).status).toBe(409);
      expect((await as(alice).post('/escalations/e_nope/resolve', { category: 'other', summary: 'x' })).status).toBe(404);
    });
  });

  describe('the traveller while a case is open or claimed', () => {
    it('gets their place in the queue, not the bot', async () => {
      const ahead = await escalate(server);
      clock.advance(1000);
      const mine = await escalate(server);
      const waiting = (await as(lead).get('/escalations?status=open')).body.items.map((i: { id: string }) => i.id);
      const res = await postJson(`${server.url}/api/v1/chat`, { text: 'how many cigarettes can I bring?', conversationId: mine.conversationId });
      expect(res.body.reply).toMatchObject({ kind: 'escalated', escalationId: mine.escalationId, citations: [] });
      expect(res.body.reply.text).toContain(`number ${waiting.indexOf(mine.escalationId) + 1} in the queue`);
      await as(bob).post(`/escalations/${ahead.escalationId}/claim`);
      const next = await postJson(`${server.url}/api/v1/chat`, { text: 'still waiting', conversationId: mine.conversationId });
      expect(next.body.reply.text).toContain(`number ${waiting.indexOf(mine.escalationId)} in the queue`);
    });
    it('is told a coordinator has the case once it is claimed', async () => {
      const { conversationId } = await claimed(alice, 'Хочу поговорить с оператором');
      const res = await postJson(`${server.url}/api/v1/chat`, { text: 'сколько сигарет можно?', conversationId });
      expect(res.body.reply.kind).toBe('escalated');
      expect(res.body.reply.text).toBe(server.services.runtime.current().knowledge.templates.coordinator_claimed.ru);
    });
    it('is answered by the bot again after resolve, without escalating at once for earlier misses', async () => {
      const first = await postJson(`${server.url}/api/v1/chat`, { text: 'blorf the wizzle plonk' });
      expect(first.body.reply.kind).toBe('escalated');
      const conversationId = first.body.conversationId;
      const escalationId = first.body.reply.escalationId;
      expect((await server.services.store.getConversation(conversationId))?.state.misses).toBe(1);
      await as(alice).post(`/escalations/${escalationId}/claim`);
      await as(alice).post(`/escalations/${escalationId}/resolve`, { category: 'not_customs', summary: 'recipes' });
      const answered = await postJson(`${server.url}/api/v1/chat`, { text: 'how much cash can I bring into China?', conversationId });
      expect(['answer', 'clarify']).toContain(answered.body.reply.kind);
      expect((await server.services.store.getConversation(conversationId))?.state.misses).toBe(0);
      const miss = await postJson(`${server.url}/api/v1/chat`, { text: 'what is the weather in Harbin tomorrow?', conversationId });
      expect(miss.body.reply.kind).toBe('escalated');
      expect(miss.body.reply.escalationId).not.toBe(escalationId);
      expect((await server.services.store.findActiveEscalation(conversationId))?.reasons).toEqual(['low_confidence']);
    });
  });
});
