import { createLogger } from '../../../bot/adapters/system/system';
import { createMetrics, withLogMetrics } from '../../../bot/adapters/system/metrics';
import { addCoordinator, call, escalate, openSse } from '../../fixtures/coordinators';
import { fakeClock, postJson, startServer, type RunningServer } from '../../fixtures/services';

const TOKEN = 'metrics-token-0123456789';

/** The value of one sample line, e.g. `customs_replies_total{kind="answer",lang="en"} 2`. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    const body = line.slice(name.length);
    const ok = Object.entries(labels).every(([k, v]) => body.includes(`${k}="${v}"`));
    if (ok) return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return undefined;
}

async function scrape(server: RunningServer): Promise<string> {
  const res = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return res.text();
}

describe('GET /metrics', () => {
  const clock = fakeClock();
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ METRICS_TOKEN: TOKEN }, { clock });
  });
  afterAll(() => server.stop());

  describe('when the bearer token is missing or wrong', () => {
    it.each([[{}], [{ authorization: 'Bearer wrong-token-0123456789' }], [{ authorization: TOKEN }]])('answers 401 with %j', async (headers) => {
      const res = await fetch(`${server.url}/metrics`, { headers });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(await res.text()).not.toContain('customs_');
    });
  });

  describe('when scraped with the token', () => {
    it('has process metrics and the event-loop lag', async () => {
      const text = await scrape(server);
      expect(sample(text, 'customs_process_cpu_user_seconds_total')).toBeGreaterThan(0);
      expect(sample(text, 'customs_nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0);
      expect(sample(text, 'customs_process_resident_memory_bytes')).toBeGreaterThan(0);
    });

    it('counts replies by kind and language, and request latency by route pattern, never by id', async () => {
      const before = sample(await scrape(server), 'customs_replies_total', { kind: 'routed', lang: 'en' }) ?? 0;
      const chat = await postJson(`${server.url}/api/v1/chat`, { text: 'do I need a visa for China if I am Russian?' });
      expect(chat.body.reply).toMatchObject({ kind: 'routed', lang: 'en' });
      const id: string = chat.body.conversationId;
      expect((await fetch(`${server.url}/api/v1/conversations/${id}/messages`)).status).toBe(200);
      const text = await scrape(server);
      expect(sample(text, 'customs_replies_total', { kind: 'routed', lang: 'en' })).toBe(before + 1);
      expect(sample(text, 'customs_http_request_duration_seconds_count', { method: 'POST', route: '/api/v1/chat', status: '200' })).toBeGreaterThanOrEqual(1);
      expect(sample(text, 'customs_http_request_duration_seconds_count', { method: 'GET', route: '/api/v1/conversations/:id/messages', status: '200' })).toBeGreaterThanOrEqual(1);
      expect(text).not.toContain(id);
    });

    it('shows the escalations waiting and the age of the oldest, then the time to claim', async () => {
      const { escalationId } = await escalate(server);
      clock.advance(90_000);
      let text = await scrape(server);
      expect(sample(text, 'customs_escalations_waiting')).toBe(1);
      expect(sample(text, 'customs_escalations_oldest_waiting_seconds')).toBe(90);
      const who = await addCoordinator(server, 'metrics-ann');
      expect((await call(server, 'POST', `/escalations/${escalationId}/claim`, { headers: who.bearer })).status).toBe(200);
      text = await scrape(server);
      expect(sample(text, 'customs_escalations_waiting')).toBe(0);
      expect(sample(text, 'customs_escalations_oldest_waiting_seconds')).toBe(0);
      expect(sample(text, 'customs_escalation_time_to_claim_seconds_count')).toBe(1);
      expect(sample(text, 'customs_escalation_time_to_claim_seconds_sum')).toBe(90);
      expect(sample(text, 'customs_escalation_time_to_claim_seconds_bucket', { le: '60' })).toBe(0);
      expect(sample(text, 'customs_escalation_time_to_claim_seconds_bucket', { le: '120' })).toBe(1);
    });

    it('counts open event streams', async () => {
      const chat = await postJson(`${server.url}/api/v1/chat`, { text: 'can I bring cheese?' });
      const before = sample(await scrape(server), 'customs_sse_clients') ?? -1;
      const stream = await openSse(`${server.url}/api/v1/conversations/${chat.body.conversationId}/events`);
      expect(sample(await scrape(server), 'customs_sse_clients')).toBe(before + 1);
      stream.close();
      for (let i = 0; i < 50 && sample(await scrape(server), 'customs_sse_clients') !== before; i++) await new Promise((r) => setImmediate(r));
      expect(sample(await scrape(server), 'customs_sse_clients')).toBe(before);
    });
  });
});

describe('GET /metrics without METRICS_TOKEN', () => {
  it('is not served on the main port', async () => {
    const server = await startServer();
    try {
      expect((await fetch(`${server.url}/metrics`)).status).toBe(404);
    } finally {
      await server.stop();
    }
  });
});

describe('withLogMetrics', () => {
  describe('when the Telegram adapter gives up on a call', () => {
    it('counts one send failure per final failure, not per retried attempt', async () => {
      const metrics = createMetrics({ now: () => new Date(), sseClients: () => 0, waitingEscalations: () => ({ count: 0 }) });
      const logger = withLogMetrics(createLogger('silent'), metrics);
      logger.log('warn', 'telegram_api_failed', { method: 'sendMessage', attempt: 1, retryInMs: 500 });
      logger.log('error', 'telegram_api_failed', { method: 'sendMessage', attempt: 2 });
      logger.log('error', 'telegram_api_failed', { method: 'sendDocument', attempt: 1 });
      const text = await metrics.registry.metrics();
      expect(sample(text, 'customs_telegram_send_failures_total', { method: 'sendMessage' })).toBe(1);
      expect(sample(text, 'customs_telegram_send_failures_total', { method: 'sendDocument' })).toBe(1);
    });
  });
});
