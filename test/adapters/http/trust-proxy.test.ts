import { postJson, startServer, type RunningServer } from '../../fixtures/services';

/**
 * Issue 14 item 3: behind one proxy, the client IP is the address that proxy appended (the
 * last X-Forwarded-For entry), so addresses a client writes into the header itself do not
 * give it a fresh rate-limit window.
 */
describe('TRUST_PROXY with a hop count', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ TRUST_PROXY: '1', RATE_LIMIT_PER_MINUTE: '3' });
  });
  afterAll(() => server.stop());

  describe('when a client forges X-Forwarded-For entries', () => {
    it('still limits it by the address the proxy saw', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        // the client sends "X-Forwarded-For: 192.0.2.<i>", the proxy appends the real 203.0.113.9
        const res = await postJson(`${server.url}/api/v1/chat`, { text: 'hello' }, { 'x-forwarded-for': `192.0.2.${i}, 203.0.113.9` });
        statuses.push(res.status);
      }
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
    });
  });

  describe('when different clients come through the proxy', () => {
    it('gives each its own window', async () => {
      const res = await postJson(`${server.url}/api/v1/chat`, { text: 'hello' }, { 'x-forwarded-for': '203.0.113.10' });
      expect(res.status).toBe(200);
    });
  });
});
