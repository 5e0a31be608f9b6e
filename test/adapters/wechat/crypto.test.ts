import { signatureOf, WechatCipher, WechatCryptoError } from '../../../bot/adapters/wechat';

// The published samples of WeChat's message encryption (WXBizMsgCrypt: the Java test and the
// Python Sample.py shipped with the official download); the vectors are theirs, not computed here.
const SAMPLE_KEY = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';

describe('WechatCipher', () => {
  describe('when encrypting with the Java sample\'s fixed random string', () => {
    it('produces the sample\'s ciphertext byte for byte', () => {
      const cipher = new WechatCipher(SAMPLE_KEY, 'wxb11529c136998cb6');
      expect(cipher.encrypt('我是中文abcd123', Buffer.from('aaaabbbbccccdddd'))).toBe('jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==');
    });
  });

  describe('when decrypting the Python sample\'s push', () => {
    const encrypted =
      'hyzAe4OzmOMbd6TvGdIOO6uBmdJoD0Fk53REIHvxYtJlE2B655HuD0m8KUePWB3+LrPXo87wzQ1QLvbeUgmBM4x6F8PGHQHFVAFmOD2LdJF9FrXpbUAh0B5GIItb52sn896wVsMSHGuPE328HnRGBcrS7C41IzDWyWNlZkyyXwon8T332jisa+h6tEDYsVticbSnyU8dKOIbgU6ux5VTjg3yt+WGzjlpKn6NPhRjpA912xMezR4kw6KWwMrCVKSVCZciVGCgavjIQ6X8tCOp3yZbGpy0VxpAe+77TszTfRd5RJSVO/HTnifJpXgCSUdUue1v6h0EIBYYI1BD1DlD+C0CR8e6OewpusjZ4uBl9FyJvnhvQl+q5rv1ixrcpCumEPo5MJSgM9ehVsNPfUM669WuMyVWQLCzpu9GhglF2PE=';

    it('checks the sample\'s msg_signature', () => {
      expect(signatureOf('spamtest', '1409735669', '1320562132', encrypted)).toBe('5d197aaffba7e9b25a30732f161a50dee96bd5fa');
    });

    it('recovers the text message inside', () => {
      const xml = new WechatCipher(SAMPLE_KEY, 'wx2c2769f8efd9abc2').decrypt(encrypted);
      expect(xml).toContain('<Content><![CDATA[abcdteT]]></Content>');
      expect(xml).toContain('<MsgId>6054768590064713728</MsgId>');
    });

    it('refuses it for another AppID', () => {
      expect(() => new WechatCipher(SAMPLE_KEY, 'wx0123456789abcdef').decrypt(encrypted)).toThrow(expect.objectContaining({ code: 'wrong_app_id' }));
    });
  });

  describe('when the ciphertext is not one', () => {
    it.each([['not base64 of whole blocks', 'aGVsbG8='], ['empty', ''], ['random blocks', Buffer.alloc(64, 7).toString('base64')]])('throws WechatCryptoError (%s)', (_why, value) => {
      expect(() => new WechatCipher(SAMPLE_KEY, 'wx2c2769f8efd9abc2').decrypt(value)).toThrow(WechatCryptoError);
    });
  });

  describe('when a message is encrypted and decrypted', () => {
    it('round-trips Chinese, Cyrillic and emoji, padded to 32-byte blocks', () => {
      const cipher = new WechatCipher(SAMPLE_KEY, 'wx0123456789abcdef');
      for (const text of ['', 'a', '能带几条烟？', 'можно ли ввезти сало 🐷', 'x'.repeat(31), 'x'.repeat(32)]) {
        const encrypted = cipher.encrypt(text);
        expect(Buffer.from(encrypted, 'base64').length % 32).toBe(0);
        expect(cipher.decrypt(encrypted)).toBe(text);
      }
    });
  });
});

describe('signatureOf', () => {
  it('sorts before hashing, so the order of the parts does not matter', () => {
    expect(signatureOf('b', 'a', 'c')).toBe(signatureOf('c', 'b', 'a'));
    expect(signatureOf('token', '1', 'n')).toMatch(/^[0-9a-f]{40}$/);
  });
});
