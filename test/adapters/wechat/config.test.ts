import { ConfigError, loadConfig } from '../../../bot/config';
import { TEST_ACCOUNT } from '../../fixtures/fake-wechat';

const base = { WECHAT_APP_ID: TEST_ACCOUNT.appId, WECHAT_APP_SECRET: TEST_ACCOUNT.appSecret, WECHAT_TOKEN: TEST_ACCOUNT.token };
const errorOf = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e.message;
    throw e;
  }
  throw new Error('test: expected a ConfigError');
};

describe('loadConfig (WeChat)', () => {
  describe('when nothing WeChat is set', () => {
    it('leaves the channel off, with WeChat\'s API host and /wechat as defaults', () => {
      expect(loadConfig({})).toMatchObject({ WECHAT_PATH: '/wechat', WECHAT_API_ROOT: 'https://api.weixin.qq.com' });
      expect(loadConfig({}).WECHAT_APP_ID).toBeUndefined();
    });
  });

  describe('when the three required variables are set', () => {
    it('accepts them, with or without the EncodingAESKey', () => {
      expect(loadConfig(base).WECHAT_TOKEN).toBe(TEST_ACCOUNT.token);
      expect(loadConfig({ ...base, WECHAT_ENCODING_AES_KEY: TEST_ACCOUNT.encodingAesKey, WECHAT_PATH: '/hooks/wx' })).toMatchObject({ WECHAT_ENCODING_AES_KEY: TEST_ACCOUNT.encodingAesKey, WECHAT_PATH: '/hooks/wx' });
    });
  });

  describe('when one is missing', () => {
    it('names the missing ones', () => {
      const message = errorOf({ WECHAT_APP_ID: TEST_ACCOUNT.appId });
      expect(message).toMatch(/WECHAT_APP_SECRET="" is invalid: is required for the WeChat channel/);
      expect(message).toMatch(/WECHAT_TOKEN="" is invalid/);
    });
  });

  describe('when a value is wrong', () => {
    it.each([
      [{ WECHAT_APP_ID: 'wechat123' }, /WECHAT_APP_ID="wechat123" is invalid: must look like wx/],
      [{ WECHAT_PATH: 'wechat' }, /WECHAT_PATH="wechat" is invalid/],
      [{ WECHAT_PATH: '/api/wechat' }, /not be under \/api/],
      [{ WECHAT_API_ROOT: 'ftp://x' }, /WECHAT_API_ROOT="ftp:\/\/x" is invalid/],
    ])('stops with a line naming it (%o)', (env, pattern) => {
      expect(errorOf({ ...base, ...env })).toMatch(pattern);
    });

    it.each([
      ['WECHAT_APP_SECRET', 'bad-secret-with-dashes!'],
      ['WECHAT_TOKEN', 'bad token with spaces'],
      ['WECHAT_ENCODING_AES_KEY', 'tooShortKey0123'],
    ])('never prints the secret %s', (name, value) => {
      const message = errorOf({ ...base, [name]: value });
      expect(message).toContain(`${name}=[redacted] is invalid`);
      expect(message).not.toContain(value);
    });
  });
});
