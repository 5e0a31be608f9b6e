import { randomBytes } from 'node:crypto';
import express, { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { Clock, Logger } from '../../core/ports';
import { ApiError, describeZodError } from '../http/errors';
import { isSameSignature, signatureOf, WechatCipher, WechatCryptoError } from './crypto';
import { WECHAT_MAX_TEXT_BYTES, splitText } from './format';
import type { WechatPushLog } from '../storage/ports';
import { EnvelopeSchema, encryptedReplyXml, parseXmlBody, PushSchema, textReplyXml, WechatXmlError, type Push } from './xml';

/** A push whose timestamp is further than this from our clock is refused (replay), in ms. */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;

/** WeChat drops the connection after 5 seconds and retries; we answer passively only within this budget, in ms. */
export const DEFAULT_PASSIVE_BUDGET_MS = 4000;

export type PushRouteOptions = {
  path: string;
  token: string;
  appId: string;
  /** Safe mode: set when WECHAT_ENCODING_AES_KEY is. */
  cipher?: WechatCipher;
  /** Answer passively only when the reply took at most this long; default DEFAULT_PASSIVE_BUDGET_MS. */
  passiveBudgetMs?: number;
};

export type PushRouteDeps = {
  pushes: WechatPushLog;
  clock: Clock;
  logger: Logger;
  /** The texts to answer a push with (see createWechatConversation). */
  respond: (push: Push) => Promise<string[]>;
  /** Sends texts through the customer-service API (the reply was late or in several parts). */
  sendLater: (openId: string, texts: string[]) => void;
  /** What to say when answering failed, in the follower's language. */
  apology: (openId: string) => Promise<string>;
};

const QuerySchema = z.object({
  signature: z.string().regex(/^[0-9a-fA-F]{40}$/, 'must be 40 hex digits'),
  timestamp: z.string().regex(/^\d{1,12}$/, 'must be a Unix time in seconds'),
  nonce: z.string().min(1).max(64),
  echostr: z.string().max(256).optional(),
  encrypt_type: z.enum(['aes', 'raw']).optional(),
  msg_signature: z.string().regex(/^[0-9a-fA-F]{40}$/).optional(),
  openid: z.string().max(128).optional(),
});
type PushQuery = z.infer<typeof QuerySchema>;

/**
 * GET <path>: WeChat's URL verification (echo `echostr` when `signature` is right). POST <path>:
 * a pushed message. Both check the signature (401 when wrong) and that the timestamp is within
 * 5 minutes of our clock (401 otherwise: a replay). In safe mode `msg_signature` is checked and
 * the body decrypted; the passive reply is encrypted the same way. A push seen before (WeChat
 * retries after 5 s) is answered once: its stored passive reply again, or `success`.
 */
export function pushRoutes(options: PushRouteOptions, deps: PushRouteDeps): Router {
  const router = Router();
  const budgetMs = options.passiveBudgetMs ?? DEFAULT_PASSIVE_BUDGET_MS;

  const verified = (req: Request): PushQuery => {
    const parsed = QuerySchema.safeParse(req.query);
    if (!parsed.success) throw new ApiError('unauthorized', `not a signed WeChat request: ${describeZodError(parsed.error)}`);
    const q = parsed.data;
    if (!isSameSignature(q.signature, signatureOf(options.token, q.timestamp, q.nonce))) throw new ApiError('unauthorized', 'wrong signature');
    if (Math.abs(deps.clock.now().getTime() - Number(q.timestamp) * 1000) > MAX_CLOCK_SKEW_MS) throw new ApiError('unauthorized', 'timestamp more than 5 minutes away from ours: refused as a replay');
    return q;
  };

  router.get(options.path, (req, res) => {
    const q = verified(req);
    if (q.echostr === undefined) throw new ApiError('invalid_request', 'echostr is missing');
    res.type('text/plain').send(q.echostr);
  });

  router.post(options.path, express.text({ type: () => true, limit: '64kb' }), async (req, res) => {
    const q = verified(req);
    const push = readPush(req.body, q, options);
    const key = push.MsgId ? `msg:${push.MsgId}` : `event:${push.FromUserName}:${push.CreateTime}:${push.Event ?? ''}`;
    const seen = await deps.pushes.claim(key, deps.clock.now());
    if (seen) {
      deps.logger.log('info', 'wechat_push_repeated', { msgType: push.MsgType });
      return seen.replyText === undefined ? sendSuccess(res) : sendPassive(res, push, seen.replyText, options, deps.clock);
    }
    const started = deps.clock.now().getTime();
    let texts: string[];
    try {
      texts = await deps.respond(push);
    } catch (e) {
      deps.logger.log('error', 'wechat_push_failed', { msgType: push.MsgType, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
      texts = [await deps.apology(push.FromUserName)];
    }
    const elapsedMs = deps.clock.now().getTime() - started;
    const parts = texts.flatMap((t) => splitText(t, WECHAT_MAX_TEXT_BYTES));
    if (parts.length === 0) return sendSuccess(res);
    const [only] = parts;
    if (parts.length === 1 && only !== undefined && elapsedMs <= budgetMs) {
      await deps.pushes.saveReply(key, only);
      return sendPassive(res, push, only, options, deps.clock);
    }
    // Late, or more than one message: `success` now (WeChat will not retry), the parts through the API.
    deps.logger.log('info', 'wechat_reply_via_api', { parts: parts.length, elapsedMs });
    sendSuccess(res);
    deps.sendLater(push.FromUserName, parts);
  });
  return router;
}

/** The push in the body: decrypted in safe mode (msg_signature checked first), then validated. */
function readPush(body: unknown, q: PushQuery, options: PushRouteOptions): Push {
  if (typeof body !== 'string' || body.length === 0) throw new ApiError('invalid_request', 'the body must be WeChat XML');
  try {
    let fields = parseXmlBody(body);
    if (options.cipher) {
      if (q.encrypt_type !== 'aes') throw new ApiError('unauthorized', 'safe mode is on: the push must be encrypted (encrypt_type=aes)');
      const envelope = EnvelopeSchema.safeParse(fields);
      if (!envelope.success) throw new ApiError('invalid_request', 'Encrypt is missing');
      const encrypted = envelope.data.Encrypt;
      if (!isSameSignature(q.msg_signature, signatureOf(options.token, q.timestamp, q.nonce, encrypted))) throw new ApiError('unauthorized', 'wrong msg_signature');
      fields = parseXmlBody(options.cipher.decrypt(encrypted));
    } else if (q.encrypt_type === 'aes') {
      throw new ApiError('invalid_request', 'an encrypted push, but safe mode is not configured (WECHAT_ENCODING_AES_KEY)');
    }
    const push = PushSchema.safeParse(fields);
    if (!push.success) throw new ApiError('invalid_request', describeZodError(push.error));
    return push.data;
  } catch (e) {
    if (e instanceof WechatXmlError) throw new ApiError('invalid_request', e.message);
    if (e instanceof WechatCryptoError) throw new ApiError('unauthorized', `cannot decrypt the push: ${e.code}`);
    throw e;
  }
}

function sendSuccess(res: Response): void {
  res.type('text/plain').send('success');
}

/** A passive text reply, encrypted and signed in safe mode. */
function sendPassive(res: Response, push: Push, text: string, options: PushRouteOptions, clock: Clock): void {
  const createTime = Math.floor(clock.now().getTime() / 1000);
  const xml = textReplyXml(push.FromUserName, push.ToUserName, createTime, text);
  if (!options.cipher) {
    res.type('application/xml').send(xml);
    return;
  }
  const encrypted = options.cipher.encrypt(xml);
  const nonce = randomBytes(8).toString('hex');
  const timestamp = String(createTime);
  res.type('application/xml').send(encryptedReplyXml(encrypted, signatureOf(options.token, timestamp, nonce, encrypted), timestamp, nonce));
}
