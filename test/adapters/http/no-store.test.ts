import { addCoordinator, call, escalate, type TestCoordinator } from '../../fixtures/coordinators';
import { postJson, startServer, type RunningServer } from '../../fixtures/services';

/** Issue 14 item 11: what the API answers about conversations and cases is never cached. */
describe('Cache-Control on API answers', () => {
  let server: RunningServer;
  let lead: TestCoordinator;
  let ids: { conversationId: string; escalationId: string };
  beforeAll(async () => {
    server = await startServer();
    lead = await addCoordinator(server, 'lena', 'lead');
    ids = await escalate(server);
    await call(server, 'POST', `/escalations/${ids.escalationId}/claim`, { headers: lead.bearer });
    await call(server, 'POST', `/escalations/${ids.escalationId}/resolve`, { headers: lead.bearer, body: { category: 'other', summary: 'talked' } });
  });
  afterAll(() => server.stop());

  it.each([
    ['GET', '/conversations/CID/messages'],
    ['GET', '/escalations'],
    ['GET', '/escalations/EID'],
    ['GET', '/casebook'],
    ['GET', '/casebook/EID'],
    ['GET', '/drafts'],
    ['GET', '/stats'],
    ['GET', '/escalations/e_unknown'],
  ])('answers %s %s with no-store', async (method, path) => {
    const res = await call(server, method, path.replace('CID', ids.conversationId).replace('EID', ids.escalationId), { headers: lead.bearer });
    expect(res.status).toBeLessThan(500);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });
  it('answers POST /chat with no-store', async () => {
    const res = await postJson(`${server.url}/api/v1/chat`, { text: 'can I bring cheese?', conversationId: ids.conversationId });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });
});
