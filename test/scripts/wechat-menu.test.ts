import { main } from '../../scripts/wechat-menu';
import { FakeWechatApi, wechatEnv } from '../fixtures/fake-wechat';
import { fakeClock, KNOWLEDGE_DIR, tempDataDir } from '../fixtures/services';

describe('npm run wechat:menu', () => {
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
  const env = () => ({ ...wechatEnv(fake.url, false), KNOWLEDGE_DIR, DATA_DIR: data.dir, LOG_LEVEL: 'silent' });

  describe('when the account is configured', () => {
    it('sets the three buttons of knowledge/lang/wechat-menu.yaml as click buttons', async () => {
      const out: string[] = [];
      expect(await main([], env(), { clock: fakeClock(), out: (l) => out.push(l) })).toBe(0);
      expect(fake.menus).toEqual([
        {
          button: [
            { type: 'click', name: '问个问题', key: 'ASK_QUESTION' },
            { type: 'click', name: '核对行李', key: 'CHECK_LUGGAGE' },
            { type: 'click', name: '联系人工', key: 'TALK_TO_PERSON' },
          ],
        },
      ]);
      expect(out.join('\n')).toMatch(/menu set/);
    });
  });

  describe('when run with --dry-run', () => {
    it('prints the body and calls nothing', async () => {
      const out: string[] = [];
      expect(await main(['--dry-run'], { KNOWLEDGE_DIR }, { out: (l) => out.push(l) })).toBe(0);
      expect(JSON.parse(out.join('\n')).button).toHaveLength(3);
      expect(fake.tokenRequests).toBe(0);
    });
  });

  describe('when the account is not configured', () => {
    it('exits with 2 and says what to set', async () => {
      const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
      expect(await main([], { KNOWLEDGE_DIR, DATA_DIR: data.dir })).toBe(2);
      expect(spy.mock.calls.join('\n')).toMatch(/WECHAT_APP_ID/);
      spy.mockRestore();
    });
  });
});
