import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { z } from 'zod';

/**
 * The XML WeChat pushes, read with fast-xml-parser (values kept as strings: a MsgId is a
 * 64-bit number, beyond a JS number's precision) and checked with zod. DOCTYPE and entity
 * declarations are refused before parsing: WeChat never sends them, and they are the way in
 * for entity-expansion and external-entity attacks.
 */
const parser = new XMLParser({ parseTagValue: false, parseAttributeValue: false, ignoreAttributes: true, processEntities: false, trimValues: true });

const field = z.string().max(10_000);
/** One pushed message or event, as far as the channel reads it; other fields pass through. */
export const PushSchema = z.looseObject({
  ToUserName: field.min(1),
  FromUserName: field.min(1),
  CreateTime: z.string().regex(/^\d{1,12}$/, 'must be a Unix time in seconds'),
  MsgType: field.min(1),
  Content: field.optional(),
  MsgId: z.string().regex(/^\d{1,24}$/).optional(),
  Event: field.optional(),
  EventKey: field.optional(),
  Recognition: field.optional(),
});
export type Push = z.infer<typeof PushSchema>;

/** The envelope of a safe-mode push: the encrypted message. */
export const EnvelopeSchema = z.looseObject({ Encrypt: z.string().min(1).max(100_000) });

/** Why a body was refused (answered 400). */
export class WechatXmlError extends Error {
  override readonly name = 'WechatXmlError';
}

/** The `<xml>` element's children as strings (or nested objects); throws WechatXmlError for anything else. */
export function parseXmlBody(xml: string): Record<string, unknown> {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new WechatXmlError('DOCTYPE and entity declarations are not accepted');
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new WechatXmlError(`malformed XML: ${valid.err.msg} (line ${valid.err.line})`);
  const doc: unknown = parser.parse(xml);
  const root = z.object({ xml: z.record(z.string(), z.unknown()) }).safeParse(doc);
  if (!root.success) throw new WechatXmlError('the body must be one <xml> element with child elements');
  return root.data.xml;
}

/** A value inside CDATA; a `]]>` in it is split across two sections so it cannot close ours. */
export function cdata(value: string): string {
  return `<![CDATA[${value.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}

/** A passive text reply: from the account to the user who wrote. */
export function textReplyXml(to: string, from: string, createTime: number, content: string): string {
  return `<xml><ToUserName>${cdata(to)}</ToUserName><FromUserName>${cdata(from)}</FromUserName><CreateTime>${createTime}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content>${cdata(content)}</Content></xml>`;
}

/** The safe-mode envelope of a reply: Encrypt, MsgSignature, TimeStamp, Nonce. */
export function encryptedReplyXml(encrypt: string, signature: string, timestamp: string, nonce: string): string {
  return `<xml><Encrypt>${cdata(encrypt)}</Encrypt><MsgSignature>${cdata(signature)}</MsgSignature><TimeStamp>${timestamp}</TimeStamp><Nonce>${cdata(nonce)}</Nonce></xml>`;
}
