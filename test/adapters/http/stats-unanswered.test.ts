import { addCoordinator, call, type TestCoordinator } from '../../fixtures/coordinators';
import { postJson, startServer, type RunningServer } from '../../fixtures/services';

/**
 * Issue 14: "what the bot could not answer" lists real questions only. A reply to the bot's own
 * clarifying question ("是" after "are you arriving from Hong Kong…?") that then escalates is
 * left out, known from the stored kind of the bot message before it, not from a word list.
 */
describe('GET /api/v1/stats topUnanswered', () => {
  let server: RunningServer;
  let lead: TestCoordinator;
  beforeAll(async () => {
    server = await startServer();
    lead = await addCoordinator(server, 'lena', 'lead');
  });
  afterAll(() => server.stop());

  async function chat(texts: string[]) {
    let conversationId: string | undefined;
    const kinds: string[] = [];
    for (const text of texts) {
      const res = await postJson(`${server.url}/api/v1/chat`, { text, ...(conversationId ? { conversationId } : {}) });
      conversationId = res.body.conversationId;
      kinds.push(res.body.reply.kind);
    }
    return kinds;
  }

  describe("when a reply to the bot's clarifying question escalates", () => {
    it("leaves out replies to the bot's questions and keeps the real question", async () => {
      // the bot asks the traveller's category; "是" is no answer it can use and escalates
      await expect(chat(['能带几条烟？', '是'])).resolves.toEqual(['clarify', 'escalated']);
      await expect(chat(['能带几条烟？', '是'])).resolves.toEqual(['clarify', 'escalated']);
      // a real question the bot could not answer
      await expect(chat(['what is the weather in Harbin tomorrow?'])).resolves.toEqual(['escalated']);
      const res = await call(server, 'GET', '/stats?days=1', { headers: lead.bearer });
      expect(res.status).toBe(200);
      const questions = res.body.topUnanswered.map((q: { question: string }) => q.question);
      expect(questions).toContain('what is the weather in Harbin tomorrow?');
      expect(questions).not.toContain('是');
      // every escalation still counts in the per-reason figures
      expect(res.body.escalationsPerReason.find((r: { reason: string }) => r.reason === 'out_of_scope')?.count).toBe(2);
    });
  });
});

describe('GET /api/v1/stats?tz=', () => {
  let server: RunningServer;
  let lead: TestCoordinator;
  beforeAll(async () => {
    server = await startServer();
    lead = await addCoordinator(server, 'lena', 'lead');
  });
  afterAll(() => server.stop());
  it('accepts an IANA time zone and answers an unknown one with 400 naming the parameter', async () => {
    expect((await call(server, 'GET', '/stats?days=7&tz=Asia%2FShanghai', { headers: lead.bearer })).status).toBe(200);
    const bad = await call(server, 'GET', '/stats?days=7&tz=Mars%2FOlympus', { headers: lead.bearer });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^tz must be/);
    expect((await call(server, 'GET', '/stats?tz=' + 'x'.repeat(100), { headers: lead.bearer })).status).toBe(400);
  });
});

describe('GET /api/v1/stats reviewsDue (issue 12)', () => {
  /** A day 15 days before the shipped entries' reviews (2026-11-20) turn 12 months old. */
  const later = new Date('2027-11-05T09:00:00Z');
  let server: RunningServer;
  let lead: TestCoordinator;
  beforeAll(async () => {
    server = await startServer({}, { clock: { now: () => later } });
    lead = await addCoordinator(server, 'lena', 'lead');
  });
  afterAll(() => server.stop());
  it('lists the knowledge entries whose review falls due within 30 days, soonest first', async () => {
    const res = await call(server, 'GET', '/stats?days=7', { headers: lead.bearer });
    expect(res.status).toBe(200);
    const due = res.body.reviewsDue as { id?: string; file: string; reviewed: string; dueBy: string }[];
    expect(due.length).toBeGreaterThan(0);
    expect(due.map((d) => d.id)).toContain('tobacco-allowance');
    expect(due.every((d) => d.dueBy >= '2027-11-05' && d.dueBy <= '2027-12-05')).toBe(true);
    expect(due.map((d) => d.dueBy)).toEqual([...due.map((d) => d.dueBy)].sort());
  });
  it('lists nothing on a day with no review due', async () => {
    const today = await startServer({}, { clock: { now: () => new Date('2026-12-04T09:00:00Z') } });
    try {
      const boss = await addCoordinator(today, 'lena', 'lead');
      expect((await call(today, 'GET', '/stats?days=7', { headers: boss.bearer })).body.reviewsDue).toEqual([]);
    } finally {
      await today.stop();
    }
  });
});
