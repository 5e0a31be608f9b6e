import { postJson, startServer, type RunningServer } from '../../fixtures/services';

describe('POST /api/v1/declaration-check', () => {
  let server: RunningServer;
  let url: string;
  beforeAll(async () => {
    server = await startServer();
    url = `${server.url}/api/v1/declaration-check`;
  });
  afterAll(() => server.stop());

  describe('when the body is a complete list', () => {
    const body = {
      items: [
        { type: 'cigarettes', quantity: 12, unit: 'carton' },
        { type: 'alcohol', quantity: 4, description: 'Hennessy cognac' },
        { type: 'goods', value: 15000, description: 'handbag' },
        { type: 'cash', value: 3000, currency: 'USD' },
      ],
      category: { route: 'ordinary', residency: 'resident' },
    };

    it('returns the itemised result', async () => {
      const { status, body: res } = await postJson(url, body);
      expect(status).toBe(200);
      expect(res.result.items.map((i: { type: string; status: string }) => [i.type, i.status])).toEqual([
        ['cigarettes', 'over'],
        ['alcohol', 'over'],
        ['goods', 'over'],
        ['cash', 'within'],
      ]);
      expect(res.result).toMatchObject({ channel: 'red', mustDeclare: true, missing: [], rates: { reference: true } });
      expect(res.result.estimatedTaxRmb).toBe(500 + 3000);
      expect(res.result.items[0]).toMatchObject({ excess: 2000, taxable: 400, overCap: 1600, estimatedTaxRmb: null });
    });

    it.each([
      ['en', /RED channel/, /estimate/],
      ['zh', /红色通道/, /估算/],
      ['ru', /КРАСНЫЙ коридор/, /оценка/],
    ])('renders the text in %s', async (lang, channel, estimate) => {
      const { status, body: res } = await postJson(url, { ...body, lang });
      expect(status).toBe(200);
      expect(res.lang).toBe(lang);
      expect(res.text).toMatch(channel);
      expect(res.text).toMatch(estimate);
      expect(res.text).toMatch(/12360/);
    });

    it('treats values without a currency as RMB', async () => {
      const { body: res } = await postJson(url, { items: [{ type: 'goods', value: 8000 }], category: { residency: 'resident', route: 'ordinary' } });
      expect(res.result.items[0]).toMatchObject({ valueRmb: 8000, estimatedTaxRmb: 1600 });
    });
  });

  describe('when a fact the result depends on is missing', () => {
    it('lists it and asks for it instead of guessing', async () => {
      const { status, body: res } = await postJson(url, { items: [{ type: 'cigarettes', quantity: 3, unit: 'carton' }, { type: 'goods', value: 3000 }] });
      expect(status).toBe(200);
      expect(res.result.missing.map((m: { field: string }) => m.field)).toEqual(['category.route', 'category.residency']);
      expect(res.text).toMatch(/Hong Kong or Macao/);
    });
  });

  describe('when the input is bad', () => {
    it.each([
      ['a negative quantity', { items: [{ type: 'cigarettes', quantity: -2 }] }, 'items.0.quantity'],
      ['an absurd quantity', { items: [{ type: 'cigarettes', quantity: 1e9 }] }, 'items.0.quantity'],
      ['600 cartons', { items: [{ type: 'cigarettes', quantity: 600, unit: 'carton' }], category: { route: 'ordinary' } }, 'items.0.quantity'],
      ['a negative value', { items: [{ type: 'goods', value: -5 }] }, 'items.0.value'],
      ['an unknown currency', { items: [{ type: 'cash', value: 100, currency: 'XYZ' }] }, 'items.0.currency'],
      ['an unknown default currency', { items: [{ type: 'cash', value: 100 }], currency: 'QQQ' }, 'currency'],
      ['a malformed currency', { items: [{ type: 'cash', value: 100, currency: 'dollars' }] }, 'items.0.currency'],
      ['an unknown item type', { items: [{ type: 'spaceship', quantity: 1 }] }, 'items.0.type'],
      ['a quantity that is text', { items: [{ type: 'cigarettes', quantity: 'twelve' }] }, 'items.0.quantity'],
      ['a unit that does not fit', { items: [{ type: 'cigarettes', quantity: 2, unit: 'l' }] }, 'items.0.unit'],
      ['an unknown goods class', { items: [{ type: 'goods', value: 1, kind: 'rocket' }] }, 'items.0.kind'],
      ['an unknown route', { items: [{ type: 'cash', value: 1 }], category: { route: 'by_sea' } }, 'category.route'],
      ['no items', { items: [] }, 'items'],
      ['too many items', { items: Array.from({ length: 31 }, () => ({ type: 'cash', value: 1 })) }, 'items'],
      ['an unknown field', { items: [{ type: 'cash', value: 1 }], secret: true }, 'body'],
      ['an unsupported language', { items: [{ type: 'cash', value: 1 }], lang: 'de' }, 'lang'],
    ])('answers 400 naming the field for %s', async (_name, body, field) => {
      const { status, body: res } = await postJson(url, body);
      expect(status).toBe(400);
      expect(res.error.code).toBe('invalid_request');
      expect(res.error.message).toContain(field);
    });

    describe('prototype keys as kinds (issue 14 item 4)', () => {
      const category = { route: 'ordinary', residency: 'resident' };
      it.each([
        ['goods', '__proto__', { value: 100 }],
        ['goods', 'constructor', { value: 100 }],
        ['goods', 'has_own_property', { value: 100 }],
        ['alcohol', '__proto__', { quantity: 1 }],
        ['alcohol', 'constructor', { quantity: 1 }],
      ])('answers a %s item of kind %s with 400 listing the known kinds', async (type, kind, rest) => {
        for (const body of [{ items: [{ type, kind, ...rest }], category }, { items: [{ type, kind, ...rest }] }]) {
          const { status, body: res } = await postJson(url, body);
          expect(status).toBe(400);
          expect(res.error.code).toBe('invalid_request');
          expect(res.error.message).toMatch(new RegExp(`items\\.0\\.kind: unknown kind "${kind}" for ${type}; use one of `));
        }
      });
    });

    it('answers 400 for malformed JSON', async () => {
      const { status, body } = await postJson(url, '{"items": [');
      expect(status).toBe(400);
      expect(body.error.code).toBe('invalid_json');
    });

    it('answers 415 for a body that is not JSON', async () => {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'items' });
      expect(res.status).toBe(415);
    });

    it('keeps serving after bad requests', async () => {
      await postJson(url, { items: [{ type: 'cigarettes', quantity: -1 }] });
      const health = await fetch(`${server.url}/healthz`);
      expect(health.status).toBe(200);
      const { status } = await postJson(url, { items: [{ type: 'cash', value: 100, currency: 'USD' }] });
      expect(status).toBe(200);
    });
  });
});
