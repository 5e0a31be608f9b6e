import { addCoordinator, call, escalate, login, type TestCoordinator } from '../../fixtures/coordinators';
import { fakeClock, startServer, type RunningServer } from '../../fixtures/services';

describe('coordinator authentication', () => {
  const clock = fakeClock();
  let server: RunningServer;
  let alice: TestCoordinator;
  let lead: TestCoordinator;
  beforeAll(async () => {
    server = await startServer({}, { clock });
    [alice, lead] = await Promise.all([addCoordinator(server, 'alice'), addCoordinator(server, 'lena', 'lead')]);
  });
  afterAll(() => server.stop());

  describe('POST /api/v1/coordinator/login', () => {
    describe('when the name and password are right', () => {
      it('answers the coordinator, a CSRF token and the console settings, and sets a session cookie', async () => {
        const res = await call(server, 'POST', '/coordinator/login', { body: { name: 'alice', password: alice.password } });
        expect(res.status).toBe(200);
        expect(res.body).toEqual({ name: 'alice', role: 'coordinator', csrf: expect.stringMatching(/^[\w-]{32}$/), settings: { claimSlaMinutes: 5 } });
        const cookie = res.headers.get('set-cookie') ?? '';
        expect(cookie).toMatch(/^cd_session=[\w-]{43}; /);
        expect(cookie).toContain('HttpOnly');
        expect(cookie).toContain('SameSite=Strict');
        expect(cookie).toContain('Path=/api/v1');
        expect(cookie).not.toContain('Secure');
        expect(res.headers.get('cache-control')).toBe('no-store');
      });
      it('accepts the name in another case', async () => {
        expect((await call(server, 'POST', '/coordinator/login', { body: { name: 'ALICE', password: alice.password } })).status).toBe(200);
      });
    });

    describe('when the credentials are wrong', () => {
      it.each([
        ['a wrong password', 'alice', 'nope-nope-nope'],
        ['an unknown name', 'mallory', 'whatever'],
      ])('answers %s with 401 and the same message', async (_case, name, password) => {
        const res = await call(server, 'POST', '/coordinator/login', { body: { name, password } });
        expect(res.status).toBe(401);
        expect(res.body.error).toEqual({ code: 'unauthorized', message: 'wrong name or password' });
        expect(res.headers.get('set-cookie')).toBeNull();
      });
    });

    describe('when the input is bad', () => {
      it.each([
        ['malformed JSON', '{"name":', 400, 'invalid_json'],
        ['a missing password', { name: 'alice' }, 400, 'invalid_request'],
        ['a number as password', { name: 'alice', password: 5 }, 400, 'invalid_request'],
        ['an unknown field', { name: 'alice', password: 'x', admin: true }, 400, 'invalid_request'],
        ['an over-long name', { name: 'a'.repeat(41), password: 'x' }, 400, 'invalid_request'],
      ])('answers %s with %i', async (_case, body, status, code) => {
        const res = await call(server, 'POST', '/coordinator/login', { body });
        expect(res.status).toBe(status);
        expect(res.body.error.code).toBe(code);
      });
      it('answers a form post with 415 (no cross-site form login)', async () => {
        const res = await call(server, 'POST', '/coordinator/login', { body: 'name=alice&password=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
        expect(res.status).toBe(415);
      });
    });

    describe('when a name fails to log in repeatedly', () => {
      it('locks it for the lockout time, even with the right password, then lets it in again', async () => {
        const bob = await addCoordinator(server, 'bob');
        for (let i = 0; i < 4; i++) expect((await call(server, 'POST', '/coordinator/login', { body: { name: 'bob', password: 'wrong' } })).status).toBe(401);
        const fifth = await call(server, 'POST', '/coordinator/login', { body: { name: 'bob', password: 'wrong' } });
        expect(fifth.status).toBe(429);
        expect(fifth.body.error.code).toBe('login_locked');
        expect(Number(fifth.headers.get('retry-after'))).toBe(15 * 60);
        const right = await call(server, 'POST', '/coordinator/login', { body: { name: 'bob', password: bob.password } });
        expect(right.status).toBe(429);
        clock.advance(15 * 60_000 + 1000);
        expect((await call(server, 'POST', '/coordinator/login', { body: { name: 'bob', password: bob.password } })).status).toBe(200);
      });
      it('does not lock other names', async () => {
        expect((await login(server, alice)).setCookie).toContain('cd_session=');
      });
    });
  });

  describe('behind an HTTPS reverse proxy', () => {
    it('marks the session cookie Secure', async () => {
      const proxied = await startServer({ TRUST_PROXY: '1' });
      try {
        const carol = await addCoordinator(proxied, 'carol');
        const res = await call(proxied, 'POST', '/coordinator/login', { body: { name: 'carol', password: carol.password }, headers: { 'x-forwarded-proto': 'https' } });
        expect(res.headers.get('set-cookie')).toContain('; Secure');
      } finally {
        await proxied.stop();
      }
    });
  });

  describe('console sessions', () => {
    it('answers GET /coordinator/session with the coordinator and the CSRF token', async () => {
      const s = await login(server, alice);
      const res = await call(server, 'GET', '/coordinator/session', { headers: s.cookie });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ name: 'alice', role: 'coordinator', csrf: s.csrf['x-csrf-token'] });
    });
    it('refuses a state change without the CSRF header (403), or with a wrong one', async () => {
      const s = await login(server, alice);
      const { escalationId } = await escalate(server);
      const none = await call(server, 'POST', `/escalations/${escalationId}/claim`, { headers: s.cookie });
      expect(none.status).toBe(403);
      expect(none.body.error.code).toBe('csrf_failed');
      const wrong = await call(server, 'POST', `/escalations/${escalationId}/claim`, { headers: { ...s.cookie, 'x-csrf-token': 'x'.repeat(32) } });
      expect(wrong.status).toBe(403);
      expect((await call(server, 'POST', `/escalations/${escalationId}/claim`, { headers: s.both })).status).toBe(200);
    });
    it('ends the session on logout', async () => {
      const s = await login(server, alice);
      const out = await call(server, 'POST', '/coordinator/logout', { headers: s.both });
      expect(out.status).toBe(200);
      expect(out.headers.get('set-cookie')).toMatch(/^cd_session=; .*Max-Age=0/);
      expect((await call(server, 'GET', '/coordinator/session', { headers: s.cookie })).status).toBe(401);
    });
    it('expires after the session time', async () => {
      const s = await login(server, alice);
      clock.advance(12 * 3_600_000 + 1000);
      expect((await call(server, 'GET', '/coordinator/session', { headers: s.cookie })).status).toBe(401);
    });
    it('refuses an unknown session cookie', async () => {
      expect((await call(server, 'GET', '/coordinator/session', { headers: { cookie: 'cd_session=forged' } })).status).toBe(401);
    });
  });

  describe('API tokens', () => {
    it('authenticate with Authorization: Bearer, without CSRF', async () => {
      const { escalationId } = await escalate(server);
      expect((await call(server, 'POST', `/escalations/${escalationId}/claim`, { headers: alice.bearer })).status).toBe(200);
    });
    it.each([
      ['a malformed token', 'Bearer nonsense'],
      ['a wrong secret for a real token id', 'WRONG'],
      ['another scheme', 'Basic YWxpY2U6eA=='],
    ])('answer %s with 401 and WWW-Authenticate', async (_case, value) => {
      const header = value === 'WRONG' ? `${alice.token.slice(0, 17)}${'A'.repeat(43)}` : value;
      const res = await call(server, 'GET', '/escalations', { headers: { authorization: value === 'WRONG' ? `Bearer ${header}` : header } });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
    });
  });

  describe('a disabled account', () => {
    it('loses its sessions and its token at once, even a token used a moment ago', async () => {
      const dave = await addCoordinator(server, 'dave');
      const s = await login(server, dave);
      expect((await call(server, 'GET', '/escalations', { headers: dave.bearer })).status).toBe(200);
      expect(await server.services.coordination.coordinators.disable('dave')).toBe(true);
      expect((await call(server, 'GET', '/escalations', { headers: dave.bearer })).status).toBe(401);
      expect((await call(server, 'GET', '/escalations', { headers: s.cookie })).status).toBe(401);
      expect((await call(server, 'POST', '/coordinator/login', { body: { name: 'dave', password: dave.password } })).status).toBe(401);
    });
  });

  describe('roles', () => {
    it.each([
      ['GET', '/stats'],
      ['GET', '/drafts'],
      ['GET', '/drafts/d_nope'],
      ['PUT', '/drafts/d_nope'],
      ['POST', '/drafts/d_nope/approve'],
      ['POST', '/drafts/d_nope/reject'],
      ['POST', '/escalations/e_nope/takeover'],
    ])('keep %s %s for leads (403 for a coordinator)', async (method, path) => {
      const res = await call(server, method, path, { headers: alice.bearer, ...(method === 'PUT' ? { body: {} } : {}) });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
    });
    it('let a lead see statistics', async () => {
      expect((await call(server, 'GET', '/stats', { headers: lead.bearer })).status).toBe(200);
    });
  });

  describe('every coordinator route without credentials', () => {
    it.each([
      ['GET', '/escalations'],
      ['GET', '/escalations/stream'],
      ['GET', '/escalations/e_x'],
      ['POST', '/escalations/e_x/claim'],
      ['POST', '/escalations/e_x/takeover'],
      ['POST', '/escalations/e_x/messages'],
      ['POST', '/escalations/e_x/notes'],
      ['POST', '/escalations/e_x/transfer'],
      ['POST', '/escalations/e_x/resolve'],
      ['GET', '/casebook'],
      ['GET', '/casebook/e_x'],
      ['POST', '/casebook/e_x/promote'],
      ['GET', '/drafts'],
      ['PUT', '/drafts/d_x'],
      ['POST', '/drafts/d_x/approve'],
      ['GET', '/stats'],
      ['GET', '/coordinator/session'],
      ['POST', '/coordinator/logout'],
    ])('answers %s %s with 401', async (method, path) => {
      const res = await call(server, method, path, method === 'GET' ? {} : { body: {} });
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('unauthorized');
    });
  });

  describe('traveller endpoints', () => {
    it('never show notes, coordinator names or queue data', async () => {
      const { conversationId, escalationId } = await escalate(server, 'I need a person, now');
      await call(server, 'POST', `/escalations/${escalationId}/claim`, { headers: alice.bearer });
      await call(server, 'POST', `/escalations/${escalationId}/notes`, { headers: alice.bearer, body: { text: 'INTERNAL: traveller seems to be lying' } });
      await call(server, 'POST', `/escalations/${escalationId}/messages`, { headers: alice.bearer, body: { text: 'Hello, how can I help?' } });
      const res = await fetch(`${server.url}/api/v1/conversations/${conversationId}/messages`);
      const raw = await res.text();
      expect(raw).toContain('Hello, how can I help?');
      expect(raw).not.toContain('INTERNAL');
      expect(raw).not.toContain('alice');
      expect(raw).not.toMatch(/claimedBy|reasons|notes/);
      const items = JSON.parse(raw).items as { from: string }[];
      expect(items.map((m) => m.from)).toEqual(['traveller', 'bot', 'coordinator']);
    });
  });
});
