import { loadWechatMenu, menuActionOf, toMenuCreateBody } from '../../../bot/adapters/wechat';
import { WechatMenuFileSchema } from '../../../bot/adapters/wechat/menu';
import { KNOWLEDGE_DIR } from '../../fixtures/services';

describe('WeChat menu', () => {
  describe('when the shipped file is read', () => {
    it('has the three actions, and each CLICK key maps back to its action', () => {
      const loaded = loadWechatMenu(KNOWLEDGE_DIR);
      if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
      const body = toMenuCreateBody(loaded.menu);
      expect(body.button.map((b) => menuActionOf(b.key))).toEqual(['ask_question', 'check_luggage', 'talk_to_person']);
    });
  });

  describe('when a definition breaks WeChat\'s rules', () => {
    it.each([
      ['a name over 16 bytes', { schemaVersion: 1, buttons: [{ name: '问一个关于海关的问题', action: 'ask_question' }] }, /16 bytes/],
      ['four buttons', { schemaVersion: 1, buttons: Array.from({ length: 4 }, () => ({ name: 'a', action: 'ask_question' })) }, /at most 3/],
      ['an unknown action', { schemaVersion: 1, buttons: [{ name: 'a', action: 'open_website' }] }, /action/],
      ['an action twice', { schemaVersion: 1, buttons: [{ name: 'a', action: 'ask_question' }, { name: 'b', action: 'ask_question' }] }, /each action at most once/],
    ])('refuses %s', (_what, file, pattern) => {
      const parsed = WechatMenuFileSchema.safeParse(file);
      expect(parsed.success).toBe(false);
      expect(JSON.stringify(parsed.error?.issues)).toMatch(pattern);
    });
  });

  describe('when an EventKey is not ours', () => {
    it('maps to no action', () => {
      expect(menuActionOf('OPEN_SITE')).toBeUndefined();
      expect(menuActionOf(undefined)).toBeUndefined();
    });
  });
});
