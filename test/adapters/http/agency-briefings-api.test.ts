import { formatNumber } from '../../../bot/core/knowledge/render';
import type { LanguageCode } from '../../../bot/core/knowledge/schema';
import { SHORT_TEXT_MAX_CHARS } from '../../../bot/core/agency';
import { postJson, startServer, type RunningServer } from '../../fixtures/services';

describe('POST /api/v1/briefings', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.stop());
  const post = (body: unknown) => postJson(`${server.url}/api/v1/briefings`, body);
  const limit = (path: string) => server.services.runtime.current().knowledge.limits.values.get(path) ?? NaN;
  const langs: LanguageCode[] = ['zh', 'en', 'ru'];

  describe('when the trip profile is valid', () => {
    // figure paths each profile must show, asserted in the language's own number format (limits.yaml, not literals)
    const profiles: { name: string; body: object; figures: string[]; entries: string[]; absent?: string[] }[] = [
      { name: 'residents returning from Russia', body: { direction: 'return', country: 'RU', categories: ['resident'] }, figures: ['valueAllowance.resident', 'tobacco.ordinary.cigarettes', 'cash.rmbMax', 'cash.foreignDeclareAboveUsd'], entries: ['meat-products', 'seafood-caviar', 'customs-contact', 'temporary-storage', 'return-shipment'], absent: ['valueAllowance.residentFromHkMacao'] },
      { name: 'visitors from Korea (non-residents)', body: { direction: 'visitors', country: 'KR', interests: ['shopping'] }, figures: ['valueAllowance.non_resident', 'tobacco.ordinary.cigarettes'], entries: ['single-item-rule', 'temporary-imports-nonresident'] },
      { name: 'Hong Kong and frequent travellers with tobacco and alcohol', body: { direction: 'return', country: 'HK', categories: ['hk-macao', 'frequent'], interests: ['alcohol-tobacco'] }, figures: ['tobacco.hk_macao.cigarettes', 'tobacco.frequent.cigarettes', 'valueAllowance.residentFromHkMacao'], entries: ['hk-macao-allowance', 'frequent-travellers', 'ecigarettes-allowance'] },
      { name: 'outbound to Russia', body: { direction: 'outbound', country: 'RU' }, figures: ['cash.rmbMax'], entries: ['russia-return-norms', 'what-to-declare-outbound', 'foreign-currency-outbound'] },
    ];
    it.each(profiles)('gives $name the right allowances and route points in every language', async ({ body, figures, entries, absent }) => {
      const res = await post({ ...body, languages: langs });
      expect(res.status).toBe(200);
      expect(res.body.briefings.map((b: { lang: string }) => b.lang)).toEqual(langs);
      for (const b of res.body.briefings) {
        const lang = b.lang as LanguageCode;
        for (const path of figures) expect({ path, lang, found: b.html.includes(formatNumber(limit(path), lang)) }).toEqual({ path, lang, found: true });
        for (const path of absent ?? []) expect(b.html.includes(formatNumber(limit(path), lang))).toBe(false);
        for (const id of entries) expect(b.html).toContain(`data-entry="${id}"`);
        expect(b.rulesAsOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(b.html).toContain(b.rulesAsOf);
        expect(b.citations.length).toBeGreaterThan(0);
        for (const c of b.citations) expect(c).toEqual({ n: expect.any(Number), id: expect.any(String), source: expect.any(String), url: expect.stringMatching(/^https?:\/\//), entries: expect.any(Array) });
        // every point cites its sources by number
        const points = b.html.match(/<li data-entry=[^>]*>.*?<\/li>/g) ?? [];
        expect(points.length).toBeGreaterThan(5);
        for (const p of points) expect(p).toMatch(/<sup class="refs">\[\d+(, \d+)*\]<\/sup><\/li>$/);
        expect([...b.text].length).toBeLessThanOrEqual(SHORT_TEXT_MAX_CHARS);
        expect(b.text).toContain('/agency?direction=');
      }
    });
  });

  describe('when the body is wrong', () => {
    it.each([
      [{ direction: 'home', country: 'RU', languages: ['en'] }, /^direction: /],
      [{ direction: 'return', country: 'QQ', languages: ['en'] }, /^country: must be an ISO 3166/],
      [{ direction: 'return', country: 'CN', languages: ['en'] }, /^country: .*China itself/],
      [{ direction: 'return', country: 'RU', languages: [] }, /^languages: /],
      [{ direction: 'return', country: 'RU', languages: ['de'] }, /^languages\.0: /],
      [{ direction: 'return', country: 'RU', languages: ['en'], categories: ['vip'] }, /^categories\.0: /],
      [{ direction: 'return', country: 'RU', languages: ['en'], interests: ['golf'] }, /^interests\.0: unknown interest; known: shopping/],
      [{ direction: 'return', country: 'RU', languages: ['en'], extra: 1 }, /extra/],
    ])('answers 400 naming the field for %j', async (body, message) => {
      const res = await post(body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('invalid_request');
      expect(res.body.error.message).toMatch(message);
    });
    it('answers 400 for malformed JSON and 415 for another type', async () => {
      expect((await post('{"direction":')).status).toBe(400);
      expect((await postJson(`${server.url}/api/v1/briefings`, 'x', { 'content-type': 'text/plain' })).status).toBe(415);
    });
  });
});
