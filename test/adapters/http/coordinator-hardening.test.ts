import { addCoordinator, call, eventually, login, openSse, type TestCoordinator } from '../../fixtures/coordinators';
import { fakeClock, startServer, type RunningServer } from '../../fixtures/services';

describe('coordinator authentication under attack (issue 14)', () => {
  const clock = fakeClock();
  let server: RunningServer;
  let alice: TestCoordinator;
  beforeAll(async () => {
    server = await startServer({ TRUST_PROXY: '1' }, { clock });
    alice = await addCoordinator(server, 'alice');
  });
  afterAll(() => server.stop());

  describe('when the session cookie is malformed (item 5)', () => {
    it.each([
      ['GET', '/coordinator/session'],
      ['GET', '/escalations'],
      ['GET', '/escalations/stream'],
      ['GET', '/casebook'],
      ['POST', '/coordinator/logout'],
    ])('answers %s %s with 401, as without a session', async (method, path) => {
      for (const cookie of ['cd_session=%E0%A4%A', 'cd_session=%', `cd_session=${'%FF'.repeat(20)}`]) {
        const res = await call(server, method, path, { headers: { cookie } });
        expect(res.status).toBe(401);
        expect(res.body.error.code).toBe('unauthorized');
      }
    });
    it('still finds a good session cookie next to a broken one', async () => {
      const s = await login(server, alice);
      const res = await call(server, 'GET', '/coordinator/session', { headers: { cookie: `other=%E0%A4%A; ${s.cookie.cookie}` } });
      expect(res.status).toBe(200);
    });
  });

  describe('console queue streams per coordinator (item 8)', () => {
    it('allows 5 at once, answers the 6th with 429, and frees a slot when one closes', async () => {
      const bea = await addCoordinator(server, 'bea');
      const url = `${server.url}/api/v1/escalations/stream`;
      const streams = await Promise.all(Array.from({ length: 5 }, () => openSse(url, bea.bearer)));
      try {
        expect(streams.map((s) => s.status)).toEqual([200, 200, 200, 200, 200]);
        const sixth = await fetch(url, { headers: bea.bearer });
        expect(sixth.status).toBe(429);
        expect((await sixth.json()).error.code).toBe('rate_limited');
        const s = await login(server, bea);
        expect((await fetch(url, { headers: s.cookie })).status).toBe(429);
        const other = await openSse(url, alice.bearer);
        expect(other.status).toBe(200);
        other.close();
        streams.pop()?.close();
        const again = await eventually(async () => {
          const next = await openSse(url, bea.bearer);
          if (next.status === 200) return next;
          return undefined;
        });
        again?.close();
      } finally {
        streams.forEach((s) => s.close());
      }
    });
  });
});
