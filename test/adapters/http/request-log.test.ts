import { createLogger } from '../../../bot/adapters/system/system';
import { addCoordinator, call, openSse } from '../../fixtures/coordinators';
import { postJson, startServer, type RunningServer } from '../../fixtures/services';

const PHONE = '+7 912 345-67-89';
const PASSPORT = 'E12345678';
const TEXT = `my passport ${PASSPORT} was taken at the airport, call me on ${PHONE}, I need a person`;

describe('request log (issue 13)', () => {
  const lines: string[] = [];
  let server: RunningServer;
  let conversationId: string;
  beforeAll(async () => {
    // debug: the most the logger ever writes, probes and scrapes included
    server = await startServer({ METRICS_TOKEN: 'metrics-token-0123456789' }, { logger: createLogger('debug', (l) => lines.push(l)) });
    const chat = await postJson(`${server.url}/api/v1/chat`, { text: TEXT }, { 'x-request-id': 'req-from-proxy-1' });
    expect(chat.status).toBe(200);
    conversationId = chat.body.conversationId;
    await postJson(`${server.url}/api/v1/chat`, { text: `again: ${PHONE}`, conversationId });
    expect((await fetch(`${server.url}/api/v1/conversations/${conversationId}/messages?after=0`)).status).toBe(200);
    const stream = await openSse(`${server.url}/api/v1/conversations/${conversationId}/events`);
    stream.close();
    // an unknown path that holds the id and the passport: answered 404, logged without them
    expect((await fetch(`${server.url}/api/v1/nothing/${conversationId}/${PASSPORT}`)).status).toBe(404);
    const who = await addCoordinator(server, 'log-ann');
    const queue = await call(server, 'GET', '/escalations?status=open', { headers: who.bearer });
    expect(queue.status).toBe(200);
    lines.push(`--- coordinator token: ${who.token}`);
    await fetch(`${server.url}/readyz`);
  });
  afterAll(() => server.stop());

  const logged = () => lines.filter((l) => !l.startsWith('--- '));

  it('writes one JSON line per request with a request id, method, route pattern, status and duration', () => {
    const requests = logged()
      .map((l) => JSON.parse(l))
      .filter((e) => e.code === 'http_request');
    expect(requests.length).toBeGreaterThanOrEqual(7);
    for (const r of requests) expect(r).toEqual({ level: expect.any(String), t: expect.any(String), code: 'http_request', requestId: expect.any(String), method: expect.any(String), route: expect.any(String), status: expect.any(Number), ms: expect.any(Number) });
    expect(requests).toContainEqual(expect.objectContaining({ requestId: 'req-from-proxy-1', method: 'POST', route: '/api/v1/chat', status: 200 }));
    expect(requests).toContainEqual(expect.objectContaining({ method: 'GET', route: '/api/v1/conversations/:id/messages', status: 200 }));
    expect(requests).toContainEqual(expect.objectContaining({ method: 'GET', route: '/readyz', level: 'debug' }));
    // an event stream the client closed is logged too
    expect(requests).toContainEqual(expect.objectContaining({ method: 'GET', route: '/api/v1/conversations/:id/events' }));
    expect(requests).toContainEqual(expect.objectContaining({ route: '(unmatched)', status: 404 }));
    expect(new Set(requests.map((r) => r.requestId)).size).toBe(requests.length);
  });

  it('never writes the traveller text, phone or passport numbers, tokens or the conversation id', () => {
    const all = logged().join('\n');
    const token = lines.find((l) => l.startsWith('--- coordinator token: '))?.slice('--- coordinator token: '.length) ?? '';
    expect(token.length).toBeGreaterThan(10);
    for (const secret of [conversationId, PASSPORT, PHONE, '912 345', '9123456789', 'taken at the airport', 'I need a person', token, 'metrics-token-0123456789'])
      expect(all).not.toContain(secret);
  });

  it('sends the request id back in X-Request-Id, and replaces one that is not safe to log', async () => {
    const echoed = await fetch(`${server.url}/healthz`, { headers: { 'x-request-id': 'abc-123' } });
    expect(echoed.headers.get('x-request-id')).toBe('abc-123');
    const replaced = await fetch(`${server.url}/healthz`, { headers: { 'x-request-id': `passport ${PASSPORT}` } });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines.join('\n')).not.toContain(`passport ${PASSPORT}`);
  });
});
