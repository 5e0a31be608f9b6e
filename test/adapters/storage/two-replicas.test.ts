import { addCoordinator, call, escalate, login } from '../../fixtures/coordinators';
import { describePostgres } from '../../fixtures/postgres';
import { startServer, type RunningServer } from '../../fixtures/services';

/**
 * Two replicas (two servers, each its own createServices and pool) on one PostgreSQL: what
 * must be shared is shared (issue 13). Live events across replicas are not (see README, Storage).
 */
describePostgres('two replicas on one PostgreSQL', (db) => {
  let a: RunningServer;
  let b: RunningServer;
  beforeAll(async () => {
    a = await startServer({ DATABASE_URL: db.url });
    b = await startServer({ DATABASE_URL: db.url });
  });
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
  });

  it('give exactly one winner in each of 50 rounds of concurrent claims through both', async () => {
    const alice = await addCoordinator(a, 'alice');
    const bob = await addCoordinator(b, 'bob');
    const winners: string[] = [];
    for (let round = 0; round < 50; round++) {
      const { escalationId } = await escalate(round % 2 ? a : b);
      const [viaA, viaB] = await Promise.all([call(a, 'POST', `/escalations/${escalationId}/claim`, { headers: alice.bearer }), call(b, 'POST', `/escalations/${escalationId}/claim`, { headers: bob.bearer })]);
      expect([viaA.status, viaB.status].sort()).toEqual([200, 409]);
      const winner = viaA.status === 200 ? 'alice' : 'bob';
      const stored = await call(round % 2 ? b : a, 'GET', `/escalations/${escalationId}`, { headers: alice.bearer });
      expect(stored.body).toMatchObject({ status: 'claimed', claimedBy: winner });
      winners.push(winner);
    }
    expect(winners).toHaveLength(50);
  });

  it('share accounts and console sessions: a login on one replica works on the other, a logout on the other ends it', async () => {
    const carol = await addCoordinator(a, 'carol');
    const session = await login(b, carol);
    expect((await call(a, 'GET', '/coordinator/session', { headers: session.cookie })).status).toBe(200);
    expect((await call(a, 'POST', '/coordinator/logout', { headers: session.both })).status).toBe(200);
    expect((await call(b, 'GET', '/coordinator/session', { headers: session.cookie })).status).toBe(401);
  });

  it('share login lockouts: failures counted on one replica lock the client on the other', async () => {
    const dave = await addCoordinator(a, 'dave');
    const wrong = { name: 'dave', password: 'wrong-password-123' };
    let last = 0;
    // limits.yaml coordination.loginMaxFailures: alternate replicas until the lock answers 429
    for (let i = 0; i < 20 && last !== 429; i++) last = (await call(i % 2 ? a : b, 'POST', '/coordinator/login', { body: wrong })).status;
    expect(last).toBe(429);
    expect((await call(a, 'POST', '/coordinator/login', { body: { name: 'dave', password: dave.password } })).status).toBe(429);
    expect((await call(b, 'POST', '/coordinator/login', { body: { name: 'dave', password: dave.password } })).status).toBe(429);
  });
});
