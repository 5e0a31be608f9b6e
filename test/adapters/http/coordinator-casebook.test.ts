import { addCoordinator, call, escalate, type TestCoordinator } from '../../fixtures/coordinators';
import { fakeClock, postJson, startServer, type RunningServer } from '../../fixtures/services';

describe('casebook and statistics API', () => {
  const clock = fakeClock('2026-11-20T08:00:00Z');
  let server: RunningServer;
  let alice: TestCoordinator;
  let lead: TestCoordinator;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    server = await startServer({}, { clock });
    [alice, lead] = await Promise.all([addCoordinator(server, 'alice'), addCoordinator(server, 'lena', 'lead')]);
    const handle = async (key: string, text: string, category: string, summary: string, waitMin: number, handleMin: number) => {
      const { escalationId } = await escalate(server, text);
      clock.advance(waitMin * 60_000);
      await call(server, 'POST', `/escalations/${escalationId}/claim`, { headers: alice.bearer });
      clock.advance(handleMin * 60_000);
      const res = await call(server, 'POST', `/escalations/${escalationId}/resolve`, { headers: alice.bearer, body: { category, summary } });
      if (res.status !== 200) throw new Error(JSON.stringify(res.body));
      ids[key] = escalationId;
      clock.advance(60 * 60_000);
    };
    await handle('zh', '我要人工！海关扣了我的香烟，我的电话13800138000', 'held_or_fined', '解释了暂存和退运手续', 2, 10);
    await handle('ru', 'Позовите человека, у меня забрали сигареты, паспорт 72 1234567', 'held_or_fined', 'Объяснил временное хранение', 6, 4);
    await handle('en', 'I want to talk to a human about my cat', 'rule_explained', 'Explained pet quarantine', 4, 2);
    await postJson(`${server.url}/api/v1/chat`, { text: 'how much cash can I bring into China?' });
    await postJson(`${server.url}/api/v1/chat`, { text: 'can I bring sausages?' });
    const unanswered = await postJson(`${server.url}/api/v1/chat`, { text: 'who won the football match yesterday?' });
    if (unanswered.body.reply.kind !== 'escalated') throw new Error('test: expected the bot to have no answer');
  });
  afterAll(() => server.stop());

  describe('GET /api/v1/casebook', () => {
    it('lists resolved cases newest first, without transcripts', async () => {
      const res = await call(server, 'GET', '/casebook', { headers: alice.bearer });
      expect(res.status).toBe(200);
      expect(res.body.items.map((c: { id: string }) => c.id)).toEqual([ids.en, ids.ru, ids.zh]);
      expect(res.body.items[0].transcript).toBeUndefined();
      expect(res.body.items[2]).toMatchObject({ category: 'held_or_fined', lang: 'zh', coordinator: 'alice', waitingMs: 120_000, handlingMs: 600_000 });
    });
    it('has passport and phone numbers redacted', async () => {
      const res = await call(server, 'GET', '/casebook', { headers: alice.bearer });
      const raw = JSON.stringify(res.body);
      expect(raw).not.toContain('13800138000');
      expect(raw).not.toContain('1234567');
      expect(res.body.items[2].question).toBe('我要人工！海关扣了我的香烟，我的电话[phone]');
      expect(res.body.items[1].question).toContain('паспорт [passport]');
    });
    it.each([
      ['香烟', 'zh'],
      ['сигареты', 'ru'],
      ['временном хранении', 'ru'],
      ['cats', 'en'],
      ['quarantine', 'en'],
    ])('searches %s across question and summary, its own language first (%s)', async (q, lang) => {
      const res = await call(server, 'GET', `/casebook?q=${encodeURIComponent(q)}`, { headers: alice.bearer });
      expect(res.body.items[0]?.id).toBe(ids[lang]);
    });
    it.each([
      ['cigarettes seized', ['zh', 'ru']],
      ['香烟被没收了', ['zh', 'ru']],
      ['cat', ['en']],
    ])('finds cases in other languages through the concepts of "%s"', async (q, langs) => {
      const res = await call(server, 'GET', `/casebook?q=${encodeURIComponent(q)}`, { headers: alice.bearer });
      expect(res.body.items.map((c: { id: string }) => c.id).sort()).toEqual(langs.map((l) => ids[l]).sort());
    });
    it('filters by category, with and without a query', async () => {
      const held = await call(server, 'GET', '/casebook?category=held_or_fined', { headers: alice.bearer });
      expect(held.body.items.map((c: { id: string }) => c.id).sort()).toEqual([ids.ru, ids.zh].sort());
      const none = await call(server, 'GET', '/casebook?category=rule_explained&q=%E9%A6%99%E7%83%9F', { headers: alice.bearer });
      expect(none.body.items).toEqual([]);
    });
    it.each([
      ['an unknown category', '?category=magic'],
      ['an over-long query', `?q=${'x'.repeat(501)}`],
      ['an unknown parameter', '?sort=asc'],
      ['a bad limit', '?limit=abc'],
    ])('answers %s with 400', async (_case, query) => {
      expect((await call(server, 'GET', `/casebook${query}`, { headers: alice.bearer })).status).toBe(400);
    });
  });

  describe('GET /api/v1/casebook/:id', () => {
    it('gives the case with its redacted transcript', async () => {
      const res = await call(server, 'GET', `/casebook/${ids.zh}`, { headers: alice.bearer });
      expect(res.status).toBe(200);
      expect(res.body.transcript[0]).toMatchObject({ from: 'traveller', text: '我要人工！海关扣了我的香烟，我的电话[phone]' });
    });
    it('answers an unknown id with 404', async () => {
      expect((await call(server, 'GET', '/casebook/e_nope', { headers: alice.bearer })).status).toBe(404);
    });
  });

  describe('POST /api/v1/casebook/:id/promote', () => {
    it('turns a case into a draft once (201, then 409); unknown ids get 404', async () => {
      const res = await call(server, 'POST', `/casebook/${ids.en}/promote`, { headers: alice.bearer });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ caseId: ids.en, status: 'open', createdBy: 'alice', entry: { phrasings: { en: ['I want to talk to a human about my cat'] } } });
      expect((await call(server, 'POST', `/casebook/${ids.en}/promote`, { headers: alice.bearer })).status).toBe(409);
      expect((await call(server, 'POST', '/casebook/e_nope/promote', { headers: alice.bearer })).status).toBe(404);
      const drafts = await call(server, 'GET', '/drafts', { headers: lead.bearer });
      expect(drafts.body.items.map((d: { id: string }) => d.id)).toContain(res.body.id);
      expect((await call(server, 'GET', `/casebook/${ids.en}`, { headers: alice.bearer })).body.draftId).toBe(res.body.id);
    });
  });

  describe('GET /api/v1/stats', () => {
    it('gives a lead escalations per day and reason, median times, deflection and unanswered questions', async () => {
      const res = await call(server, 'GET', '/stats?days=30', { headers: lead.bearer });
      expect(res.status).toBe(200);
      const s = res.body;
      expect(s.escalationsPerDay).toEqual([{ day: '2026-11-20', count: 4 }]);
      expect(s.escalationsPerReason).toEqual(expect.arrayContaining([{ reason: 'asked_for_human', count: 3 }]));
      expect(s.medianTimeToClaimMs).toBe(4 * 60_000); // waits of 2, 6 and 4 minutes
      expect(s.medianTimeToResolveMs).toBe(10 * 60_000); // 12, 10 and 6 minutes
      expect(s.conversations).toEqual({ total: 6, escalated: 4 });
      expect(s.deflectionRate).toBeCloseTo(2 / 6);
      expect(s.topUnanswered).toEqual([expect.objectContaining({ question: 'who won the football match yesterday?', count: 1, lang: 'en' })]);
    });
    it('counts only the chosen period', async () => {
      clock.advance(3 * 86_400_000);
      const res = await call(server, 'GET', '/stats?days=1', { headers: lead.bearer });
      expect(res.body).toMatchObject({ escalationsPerDay: [], conversations: { total: 0, escalated: 0 }, deflectionRate: null, medianTimeToClaimMs: null });
    });
    it.each(['0', '367', 'week', '1.5'])('answers days=%s with 400', async (days) => {
      expect((await call(server, 'GET', `/stats?days=${days}`, { headers: lead.bearer })).status).toBe(400);
    });
  });
});
