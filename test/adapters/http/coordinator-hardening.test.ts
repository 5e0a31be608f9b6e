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

  const tryLogin = (name: string, password: string, ip: string) => call(server, 'POST', '/coordinator/login', { body: { name, password }, headers: { 'x-forwarded-for': ip } });

  describe('when wrong passwords arrive all at once (item 1)', () => {
    it('checks at most 4 of them before the lock, and the lock holds afterwards', async () => {
      const carl = await addCoordinator(server, 'carl');
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => tryLogin('carl', `wrong-${i}`, '192.0.2.50')));
      const statuses = results.map((r) => r.status);
      expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(4);
      expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(16);
      expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
      const right = await tryLogin('carl', carl.password, '192.0.2.50');
      expect(right.status).toBe(429);
      expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(14 * 60);
    });
  });

  describe('when a stranger guesses a coordinator\'s password (item 2)', () => {
    it('locks the stranger out, not the coordinator, and shows the lead who is attacked', async () => {
      const dora = await addCoordinator(server, 'dora');
      const lead = await addCoordinator(server, 'lina', 'lead');
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push((await tryLogin('dora', `guess-${i}`, '203.0.113.66')).status);
      expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
      expect((await tryLogin('dora', dora.password, '203.0.113.66')).status).toBe(429);
      expect((await tryLogin('dora', dora.password, '198.51.100.7')).status).toBe(200);
      await tryLogin('dora', 'guess-again', '203.0.113.67');
      const stats = await call(server, 'GET', '/stats/logins', { headers: lead.bearer });
      expect(stats.status).toBe(200);
      expect(stats.body.items).toContainEqual({ name: 'dora', failedLogins: 6, clients: 2, lockedClients: 1, lastFailureAt: clock.now().toISOString() });
      expect(stats.body.items.map((l: { name: string }) => l.name)).not.toContain('lina');
      expect((await call(server, 'GET', '/stats/logins', { headers: dora.bearer })).status).toBe(403);
      expect((await call(server, 'GET', '/stats/logins?days=0', { headers: lead.bearer })).status).toBe(400);
    });
  });
});
