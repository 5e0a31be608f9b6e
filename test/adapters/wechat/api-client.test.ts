import { createWechatApi, WechatApiError, WechatHttpError } from '../../../bot/adapters/wechat';
import { createMemoryStores } from '../../../bot/adapters/storage/memory';
import { createSqliteStores } from '../../../bot/adapters/storage/sqlite';
import { FakeWechatApi, TEST_ACCOUNT } from '../../fixtures/fake-wechat';
import { fakeClock, tempDataDir } from '../../fixtures/services';

const silent = { log: () => undefined };

describe('createWechatApi', () => {
  let fake: FakeWechatApi;
  let data: ReturnType<typeof tempDataDir>;
  beforeEach(async () => {
    fake = await FakeWechatApi.start();
    data = tempDataDir();
  });
  afterEach(async () => {
    await fake.close();
    data.cleanup();
  });

  const settings = () => ({ appId: TEST_ACCOUNT.appId, appSecret: TEST_ACCOUNT.appSecret, apiRoot: fake.url });
  /** A replica: its own connection to the shared database file and its own API client. */
  const replica = (clock = fakeClock(), options = {}) => {
    const db = createSqliteStores(`${data.dir}/assistant.sqlite`, clock);
    return { db, api: createWechatApi(settings(), { tokens: db.wechatTokens, clock, logger: silent }, { wait: async () => undefined, ...options }) };
  };

  describe('when two replicas share the database', () => {
    it('fetches the access_token once for both', async () => {
      const clock = fakeClock();
      const a = replica(clock);
      const b = replica(clock);
      await a.api.sendText('o_1', 'one');
      await b.api.sendText('o_1', 'two');
      expect(fake.tokenRequests).toBe(1);
      expect(fake.delivered().map((m) => m.accessToken)).toEqual([fake.delivered()[0]?.accessToken, fake.delivered()[0]?.accessToken]);
      await a.db.close();
      await b.db.close();
    });

    it('takes the token another replica refreshed instead of fetching a third', async () => {
      const clock = fakeClock();
      const a = replica(clock);
      const b = replica(clock);
      await a.api.sendText('o_1', 'one');
      fake.expireTokens();
      await a.api.sendText('o_1', 'two'); // a refreshes after 42001
      await b.api.sendText('o_1', 'three'); // b reads the shared, refreshed token
      expect(fake.tokenRequests).toBe(2);
      expect(fake.sent.map((m) => m.errcode)).toEqual([0, 42001, 0, 0]);
      await a.db.close();
      await b.db.close();
    });
  });

  describe('when the token is about to expire', () => {
    it('refreshes it 5 minutes before WeChat\'s expiry, not after', async () => {
      const clock = fakeClock();
      const { db, api } = replica(clock);
      const first = await api.accessToken();
      clock.advance((7200 - 301) * 1000);
      expect(await api.accessToken()).toBe(first);
      clock.advance(2000);
      expect(await api.accessToken()).not.toBe(first);
      expect(fake.tokenRequests).toBe(2);
      await db.close();
    });
  });

  describe('when WeChat keeps rejecting the token', () => {
    it('refreshes once, then reports the error code', async () => {
      const { db, api } = replica();
      fake.failNextSend({ errcode: 40001, errmsg: 'invalid credential' }, { errcode: 40001, errmsg: 'invalid credential' });
      await expect(api.sendText('o_1', 'x')).rejects.toEqual(expect.objectContaining({ name: 'WechatApiError', errcode: 40001 }));
      expect(fake.tokenRequests).toBe(2);
      await db.close();
    });
  });

  describe('when WeChat is down', () => {
    it('gives up after the tries with a WechatHttpError, waiting 500 then 1000 ms', async () => {
      const waits: number[] = [];
      const { db, api } = replica(fakeClock(), { wait: async (ms: number) => void waits.push(ms) });
      await api.accessToken();
      fake.failNextSend({ httpStatus: 500 }, { httpStatus: 500 }, { httpStatus: 500 });
      await expect(api.sendText('o_1', 'x')).rejects.toBeInstanceOf(WechatHttpError);
      expect(waits).toEqual([500, 1000]);
      await db.close();
    });

    it('reports an unreachable host without the AppSecret in the message', async () => {
      const db = createMemoryStores();
      const api = createWechatApi({ ...settings(), apiRoot: 'http://127.0.0.1:9' }, { tokens: db.wechatTokens, clock: fakeClock(), logger: silent }, { wait: async () => undefined, attempts: 2 });
      const error = await api.sendText('o_1', 'x').catch((e: unknown) => e as Error);
      expect(error).toBeInstanceOf(WechatHttpError);
      expect(String(error)).not.toContain(TEST_ACCOUNT.appSecret);
      await db.close();
    });
  });

  describe('when the AppSecret is wrong', () => {
    it('fails with WeChat\'s code and does not retry', async () => {
      const db = createMemoryStores();
      const api = createWechatApi({ ...settings(), appSecret: 'WrongWrongWrongWrong' }, { tokens: db.wechatTokens, clock: fakeClock(), logger: silent });
      await expect(api.accessToken()).rejects.toEqual(expect.objectContaining({ errcode: 40125 }));
      await expect(api.accessToken()).rejects.toBeInstanceOf(WechatApiError);
      expect(fake.tokenRequests).toBe(2);
      await db.close();
    });
  });
});
