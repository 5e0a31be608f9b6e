import { formatNumber } from '../../../bot/core/knowledge/render';
import { startServer, type RunningServer } from '../../fixtures/services';

describe('GET /api/v1/quiz', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.stop());
  const get = async (query: string) => {
    const res = await fetch(`${server.url}/api/v1/quiz${query}`);
    return { status: res.status, body: await res.json() };
  };

  describe('when asked with a seed', () => {
    it('returns the same questions for the same seed, each right answer checked against limits.yaml', async () => {
      const a = await get('?lang=ru&seed=7&count=12');
      expect(a.status).toBe(200);
      expect(a.body).toMatchObject({ lang: 'ru', seed: 7 });
      expect(a.body.questions).toHaveLength(12);
      expect((await get('?lang=ru&seed=7&count=12')).body).toEqual(a.body);
      const limits = server.services.runtime.current().knowledge.limits;
      for (const q of a.body.questions) {
        expect(Object.keys(q).sort()).toEqual(['answer', 'choices', 'citation', 'explanation', 'id', 'text']);
        const path = String(q.id).split(':')[1] ?? '';
        if (path !== 'yes-no') expect(q.choices[q.answer]).toBe(formatNumber(limits.values.get(path) ?? NaN, 'ru'));
      }
    });
    it('picks a seed when none is given and says which', async () => {
      const r = await get('?count=1');
      expect(r.status).toBe(200);
      expect(r.body.seed).toEqual(expect.any(Number));
      expect((await get(`?count=1&seed=${r.body.seed}`)).body).toEqual(r.body);
    });
  });

  describe('when the query is wrong', () => {
    it.each([
      ['?lang=de', /^lang: /],
      ['?count=0', /^count: /],
      ['?count=51', /^count: /],
      ['?count=abc', /^count: /],
      ['?seed=-1', /^seed: /],
      ['?seed=1.5', /^seed: must be a whole number/],
      ['?level=hard', /level/],
    ])('answers 400 naming the field for %s', async (query, message) => {
      const r = await get(query);
      expect(r.status).toBe(400);
      expect(r.body.error.message).toMatch(message);
    });
  });
});
