import { cdata, parseXmlBody, PushSchema, textReplyXml, WechatXmlError } from '../../../bot/adapters/wechat/xml';

describe('parseXmlBody', () => {
  describe('when the body declares a DOCTYPE or entities', () => {
    it.each([
      '<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY x SYSTEM "file:///etc/passwd">]><xml><Content>&x;</Content></xml>',
      '<!DOCTYPE xml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><xml><Content>&b;</Content></xml>',
    ])('refuses it', (xml) => {
      expect(() => parseXmlBody(xml)).toThrow(WechatXmlError);
    });
  });

  describe('when the body is not XML or has no <xml> root', () => {
    it.each(['{"a":1}', '<xml><a></xml>', '<other><a>1</a></other>', 'plain'])('throws WechatXmlError for %s', (body) => {
      expect(() => parseXmlBody(body)).toThrow(WechatXmlError);
    });
  });

  describe('when a MsgId is above 2^53', () => {
    it('keeps it as the exact digits', () => {
      const push = PushSchema.parse(parseXmlBody('<xml><ToUserName>a</ToUserName><FromUserName>b</FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType><Content><![CDATA[hi]]></Content><MsgId>6054768590064713728</MsgId></xml>'));
      expect(push.MsgId).toBe('6054768590064713728');
    });
  });
});

describe('textReplyXml', () => {
  describe('when the text tries to close the CDATA section', () => {
    it('keeps it inside the Content element', () => {
      const hostile = 'x]]></Content><MsgType><![CDATA[news]]></MsgType><Content><![CDATA[y';
      const parsed = parseXmlBody(textReplyXml('user', 'gh', 1, hostile));
      expect(parsed.Content).toBe(hostile);
      expect(parsed.MsgType).toBe('text');
      expect(cdata(']]>')).toBe('<![CDATA[]]]]><![CDATA[>]]>');
    });
  });
});
