import { ConfigError, loadConfig } from '../../../bot/config';
import { addCoordinator, call, escalate, eventually, login, openSse, type TestCoordinator } from '../../fixtures/coordinators';
import { postJson, startServer, type RunningServer } from '../../fixtures/services';

describe('live updates (Server-Sent Events)', () => {
  let server: RunningServer;
  let alice: TestCoordinator;
  beforeAll(async () => {
    server = await startServer({ SSE_HEARTBEAT_SECONDS: '1' });
    alice = await addCoordinator(server, 'alice');
  });
  afterAll(() => server.stop());

  const reply = (escalationId: string, text: string) => call(server, 'POST', `/escalations/${escalationId}/messages`, { headers: alice.bearer, body: { text } });

  describe('GET /api/v1/conversations/:id/events', () => {
    it('replays the conversation, then relays a coordinator\'s message live with its id', async () => {
      const { conversationId, escalationId } = await escalate(server);
      await call(server, 'POST', `/escalations/${escalationId}/claim`, { headers: alice.bearer });
      const stream = await openSse(`${server.url}/api/v1/conversations/${conversationId}/events`);
      try {
        expect(stream.status).toBe(200);
        expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
        expect(stream.headers.get('cache-control')).toContain('no-cache');
        const replayed = [await stream.next(), await stream.next()];
        expect(replayed.map((e) => e.data.from)).toEqual(['traveller', 'bot']);
        expect(replayed.map((e) => e.id)).toEqual(replayed.map((e) => String(e.data.id)));
        const sent = await reply(escalationId, 'Hello from the coordinator');
        const live = await stream.next((e) => e.data.from === 'coordinator');
        expect(live).toEqual({ event: 'message', id: String(sent.body.id), data: { id: sent.body.id, from: 'coordinator', text: 'Hello from the coordinator', at: sent.body.at } });
      } finally {
        stream.close();
      }
    });

    it('resumes after a reconnect from Last-Event-ID without losing or repeating a message', async () => {
      const { conversationId, escalationId } = await escalate(server);
      await call(server, 'POST', `/escalations/${escalationId}/claim`, { headers: alice.bearer });
      const first = await openSse(`${server.url}/api/v1/conversations/${conversationId}/events`);
      await reply(escalationId, 'one');
      const seen = await first.next((e) => e.data.text === 'one');
      first.close();
      await reply(escalationId, 'two');
      await postJson(`${server.url}/api/v1/chat`, { text: 'three from me', conversationId });
      await reply(escalationId, 'four');
      const second = await openSse(`${server.url}/api/v1/conversations/${conversationId}/events?after=0`, { 'last-event-id': String(seen.id) });
      try {
        const texts: string[] = [];
        for (let i = 0; i < 4; i++) texts.push((await second.next()).data.text);
        expect(texts[0]).toBe('two');
        expect(texts[1]).toBe('three from me');
        expect(texts[3]).toBe('four');
        await reply(escalationId, 'five');
        expect((await second.next()).data.text).toBe('five');
        const ids = second.events.map((e) => Number(e.id));
        expect(ids).toEqual([...ids].sort((a, b) => a - b));
        expect(new Set(ids).size).toBe(ids.length);
        expect(ids[0]).toBeGreaterThan(Number(seen.id));
      } finally {
        second.close();
      }
    });

    it('starts after ?after=ID on a first connect', async () => {
      const { conversationId } = await escalate(server);
      const list = await (await fetch(`${server.url}/api/v1/conversations/${conversationId}/messages`)).json();
      const stream = await openSse(`${server.url}/api/v1/conversations/${conversationId}/events?after=${list.items.at(-1).id}`);
      try {
        await postJson(`${server.url}/api/v1/chat`, { text: 'anyone?', conversationId });
        expect((await stream.next()).data.text).toBe('anyone?');
      } finally {
        stream.close();
      }
    });

    it('sends heartbeat comments on an idle stream', async () => {
      const { conversationId } = await escalate(server);
      const stream = await openSse(`${server.url}/api/v1/conversations/${conversationId}/events`);
      try {
        const connected = stream.state.comments;
        await eventually(() => stream.state.comments > connected, 5000);
      } finally {
        stream.close();
      }
    });

    it('does not send other conversations\' messages', async () => {
      const mine = await escalate(server);
      const other = await escalate(server);
      await call(server, 'POST', `/escalations/${other.escalationId}/claim`, { headers: alice.bearer });
      const last = (await server.services.store.listMessages(mine.conversationId as never)).at(-1)?.id ?? 0;
      const stream = await openSse(`${server.url}/api/v1/conversations/${mine.conversationId}/events?after=${last}`);
      try {
        await reply(other.escalationId, 'not for you');
        await postJson(`${server.url}/api/v1/chat`, { text: 'mine', conversationId: mine.conversationId });
        await stream.next((e) => e.data.text === 'mine');
        expect(stream.events.some((e) => e.data.text === 'not for you')).toBe(false);
      } finally {
        stream.close();
      }
    });

    it.each([
      ['an unknown conversation', '/conversations/c_nope/events', {}, 404],
      ['a negative after', '/conversations/CID/events?after=-1', {}, 400],
      ['a non-numeric Last-Event-ID', '/conversations/CID/events', { 'last-event-id': 'abc' }, 400],
    ])('answers %s with %i in JSON', async (_case, path, headers, status) => {
      const { conversationId } = await escalate(server);
      const res = await fetch(`${server.url}/api/v1${path.replace('CID', conversationId)}`, { headers });
      expect(res.status).toBe(status);
      expect((await res.json()).error.code).toEqual(expect.any(String));
    });

    it('limits open streams per conversation (429 past 5)', async () => {
      const { conversationId } = await escalate(server);
      const streams = await Promise.all(Array.from({ length: 5 }, () => openSse(`${server.url}/api/v1/conversations/${conversationId}/events`)));
      try {
        expect(streams.map((s) => s.status)).toEqual([200, 200, 200, 200, 200]);
        const sixth = await fetch(`${server.url}/api/v1/conversations/${conversationId}/events`);
        expect(sixth.status).toBe(429);
      } finally {
        streams.forEach((s) => s.close());
      }
    });
  });

  describe('GET /api/v1/escalations/stream', () => {
    it('streams new escalations, their changes and the traveller\'s messages to the console', async () => {
      const s = await login(server, alice);
      const stream = await openSse(`${server.url}/api/v1/escalations/stream`, s.cookie);
      try {
        expect(stream.status).toBe(200);
        const t0 = performance.now();
        const { conversationId, escalationId } = await escalate(server, 'I need a human right now');
        const created = await stream.next((e) => e.event === 'escalation' && e.data.id === escalationId);
        const latencyMs = performance.now() - t0;
        expect(created.data).toMatchObject({ status: 'open', reason: 'asked_for_human', lang: 'en', question: 'I need a human right now' });
        await call(server, 'POST', `/escalations/${escalationId}/claim`, { headers: s.both });
        expect((await stream.next((e) => e.event === 'escalation' && e.data.id === escalationId)).data).toMatchObject({ status: 'claimed', claimedBy: 'alice' });
        await postJson(`${server.url}/api/v1/chat`, { text: 'are you there?', conversationId });
        const msg = await stream.next((e) => e.event === 'message' && e.data.message.text === 'are you there?');
        expect(msg.data).toMatchObject({ escalationId, message: { from: 'traveller' } });
        await call(server, 'POST', `/escalations/${escalationId}/resolve`, { headers: s.both, body: { category: 'other', summary: 'ok' } });
        expect((await stream.next((e) => e.event === 'escalation' && e.data.id === escalationId)).data.status).toBe('resolved');
        // Reported in the README: escalation → console event, through HTTP and SSE on loopback.
        expect(latencyMs).toBeLessThan(1000);
      } finally {
        stream.close();
      }
    });
  });

  describe('when the credentials behind a console stream end', () => {
    it('closes the stream at the next heartbeat after logout', async () => {
      const s = await login(server, alice);
      const stream = await openSse(`${server.url}/api/v1/escalations/stream`, s.cookie);
      try {
        expect(stream.status).toBe(200);
        await call(server, 'POST', '/coordinator/logout', { headers: s.both });
        await eventually(() => stream.state.ended, 5000);
      } finally {
        stream.close();
      }
    });
    it('closes a token\'s stream once the account is disabled', async () => {
      const erin = await addCoordinator(server, 'erin');
      const stream = await openSse(`${server.url}/api/v1/escalations/stream`, erin.bearer);
      try {
        expect(stream.status).toBe(200);
        await server.services.coordination.coordinators.disable('erin');
        await eventually(() => stream.state.ended, 5000);
      } finally {
        stream.close();
      }
    });
  });

  describe('SSE_HEARTBEAT_SECONDS', () => {
    it('is validated with the other settings', () => {
      expect(loadConfig({}).SSE_HEARTBEAT_SECONDS).toBe(15);
      expect(() => loadConfig({ SSE_HEARTBEAT_SECONDS: '0' })).toThrow(ConfigError);
      expect(() => loadConfig({ SSE_HEARTBEAT_SECONDS: 'often' })).toThrow(/SSE_HEARTBEAT_SECONDS="often" is invalid/);
    });
  });
});
