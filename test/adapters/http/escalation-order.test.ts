import { addCoordinator, call, escalate, type TestCoordinator } from '../../fixtures/coordinators';
import { fakeClock, postJson, startServer, type RunningServer } from '../../fixtures/services';

/**
 * Issue 14, "most urgent first": the queue of GET /api/v1/escalations (every client shows the
 * same) and the traveller's "you are Nth in line" follow the urgency of the reasons, then the
 * waiting time. Before, a seizure that came last sat behind every low-confidence case.
 */
describe('escalation queue order', () => {
  const clock = fakeClock();
  let server: RunningServer;
  let alice: TestCoordinator;
  const cases: Record<string, { conversationId: string; escalationId: string }> = {};
  beforeAll(async () => {
    server = await startServer({}, { clock });
    alice = await addCoordinator(server, 'alice');
    // arrival order: the bot could not answer twice, a person asked for, a complaint, distress, goods held
    const arrivals: [string, string][] = [
      ['miss1', 'what is the weather in Harbin tomorrow?'],
      ['miss2', 'what is the weather in Moscow tomorrow?'],
      ['human', 'I want to talk to a human, please'],
      ['complaint', 'the customs officer was very rude to me, I want to file a complaint'],
      ['held', 'customs took my bag at the airport'],
    ];
    for (const [key, text] of arrivals) {
      cases[key] = await escalate(server, text);
      clock.advance(60_000);
    }
  });
  afterAll(() => server.stop());

  const reasonsOf = async (key: string) => (await call(server, 'GET', `/escalations/${cases[key]?.escalationId}`, { headers: alice.bearer })).body.reasons as string[];

  it('reads the test messages with the reasons the order is about', async () => {
    await expect(reasonsOf('miss1')).resolves.toEqual(['low_confidence']);
    await expect(reasonsOf('human')).resolves.toContain('asked_for_human');
    await expect(reasonsOf('complaint')).resolves.toContain('staff_complaint');
    await expect(reasonsOf('held')).resolves.toContain('seizure');
  });

  describe('GET /api/v1/escalations', () => {
    it('lists the most urgent first, then the longest waiting', async () => {
      const res = await call(server, 'GET', '/escalations?status=open', { headers: alice.bearer });
      const order = res.body.items.map((i: { id: string }) => Object.keys(cases).find((k) => cases[k]?.escalationId === i.id));
      expect(order).toEqual(['held', 'complaint', 'human', 'miss1', 'miss2']);
    });

    it('lists open cases before claimed ones in the default (active) view', async () => {
      await call(server, 'POST', `/escalations/${cases.held?.escalationId}/claim`, { headers: alice.bearer });
      const res = await call(server, 'GET', '/escalations', { headers: alice.bearer });
      const order = res.body.items.map((i: { id: string }) => Object.keys(cases).find((k) => cases[k]?.escalationId === i.id));
      expect(order).toEqual(['complaint', 'human', 'miss1', 'miss2', 'held']);
    });
  });

  describe("the traveller's place in line", () => {
    it('counts only the more urgent or longer waiting cases ahead', async () => {
      const place = (key: string) => server.services.store.queuePosition(cases[key]?.escalationId as never);
      expect(await Promise.all([place('complaint'), place('human'), place('miss1'), place('miss2'), place('held')])).toEqual([1, 2, 3, 4, 0]);
      const again = await postJson(`${server.url}/api/v1/chat`, { text: 'hello? anyone?', conversationId: cases.complaint?.conversationId });
      expect(again.body.reply.kind).toBe('escalated');
      expect(again.body.reply.text).toMatch(/\b1\b/);
    });
  });
});
