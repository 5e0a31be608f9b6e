import { addCoordinator, call, login, type TestCoordinator } from '../../fixtures/coordinators';
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
});
