import { z } from 'zod';
import type { Clock, Logger } from '../../core/ports';
import type { AccessTokenStore } from '../storage/ports';

/** The account's credentials and WeChat's API host (WECHAT_API_ROOT: a local fake in tests). */
export type WechatApiSettings = { appId: string; appSecret: string; apiRoot: string };

export type WechatApiOptions = {
  /** Tries of one call on a network error, an HTTP 5xx or WeChat's "system busy" (-1). Default 3. */
  attempts?: number;
  /** Wait before the second try, doubled for each further one, in ms. Default 500. */
  baseDelayMs?: number;
  /** Refresh the token this long before WeChat says it expires, in ms. Default 300,000 (5 minutes). */
  refreshMarginMs?: number;
  /** Time limit of one HTTP request, in ms. Default 10,000. */
  timeoutMs?: number;
  /** How to wait between tries (tests pass one that records the delay). Default setTimeout. */
  wait?: (ms: number) => Promise<void>;
};

/** WeChat answered with an error code ("the API said no"): `errcode` as WeChat sent it. */
export class WechatApiError extends Error {
  override readonly name = 'WechatApiError';
  constructor(
    readonly method: string,
    readonly errcode: number,
    readonly errmsg: string,
  ) {
    super(`${method}: WeChat error ${errcode}: ${errmsg}`);
  }
}

/** WeChat could not be reached or answered with an HTTP error; `cause` kept. */
export class WechatHttpError extends Error {
  override readonly name = 'WechatHttpError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** access_token invalid (40001), expired (42001) or not the latest (40014): fetch a new one and try once more. */
const TOKEN_ERRORS = new Set([40001, 40014, 42001]);
/** WeChat's "system busy, try again later". */
const BUSY = -1;

const ReplySchema = z.looseObject({ errcode: z.number().int().optional(), errmsg: z.string().optional() });
const TokenReplySchema = z.looseObject({ access_token: z.string().min(1), expires_in: z.number().int().positive() });

export type WechatApi = {
  /** A valid access_token: the shared one, or a fresh one when it is missing or about to expire. */
  accessToken(): Promise<string>;
  /** POST /cgi-bin/message/custom/send, a text message to a follower. */
  sendText(openId: string, content: string): Promise<void>;
  /** POST /cgi-bin/menu/create. */
  createMenu(menu: unknown): Promise<void>;
};

/**
 * WeChat's server API for one account: the access_token from /cgi-bin/token, cached in the
 * shared store, refreshed `refreshMarginMs` before expiry and once on 40001/42001/40014, and
 * calls retried with backoff. The AppSecret and the token never appear in errors or logs.
 */
export function createWechatApi(settings: WechatApiSettings, deps: { tokens: AccessTokenStore; clock: Clock; logger: Logger }, options: WechatApiOptions = {}): WechatApi {
  const o: Required<WechatApiOptions> = { attempts: 3, baseDelayMs: 500, refreshMarginMs: 300_000, timeoutMs: 10_000, wait: (ms) => new Promise((r) => setTimeout(r, ms)), ...options };
  const { appId } = settings;
  let refreshing: Promise<string> | undefined;
  let lastToken = '';
  const redact = (text: string) => [settings.appSecret, lastToken].filter((s) => s.length > 0).reduce((t, s) => t.split(s).join('[redacted]'), text);

  /** One HTTP request; a network failure or HTTP error status is a WechatHttpError. */
  const request = async (method: string, url: string, body?: unknown): Promise<z.infer<typeof ReplySchema>> => {
    let res: Response;
    try {
      res = await fetch(url, {
        method: body === undefined ? 'GET' : 'POST',
        headers: body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(o.timeoutMs),
      });
    } catch (e) {
      throw new WechatHttpError(`${method}: ${redact(String((e as Error).cause ?? e))}`, { cause: e });
    }
    if (!res.ok) throw new WechatHttpError(`${method}: HTTP ${res.status}`);
    const parsed = ReplySchema.safeParse(await res.json().catch(() => undefined));
    if (!parsed.success) throw new WechatHttpError(`${method}: the reply is not WeChat's JSON`);
    return parsed.data;
  };

  /** Retries network errors, HTTP errors and "system busy" with exponential backoff. */
  const withRetry = async <T extends z.infer<typeof ReplySchema>>(method: string, call: () => Promise<T>): Promise<T> => {
    for (let attempt = 1; ; attempt++) {
      let failure: Error;
      try {
        const reply = await call();
        if (reply.errcode !== BUSY) return reply;
        failure = new WechatApiError(method, BUSY, reply.errmsg ?? 'system busy');
      } catch (e) {
        if (!(e instanceof WechatHttpError)) throw e;
        failure = e;
      }
      if (attempt >= o.attempts) throw failure;
      const delayMs = o.baseDelayMs * 2 ** (attempt - 1);
      deps.logger.log('warn', 'wechat_api_retry', { method, attempt, delayMs, error: failure.message });
      await o.wait(delayMs);
    }
  };

  const fetchToken = async (): Promise<string> => {
    const url = `${settings.apiRoot}/cgi-bin/token?grant_type=client_credential&appid=${encodeURIComponent(appId)}&secret=${encodeURIComponent(settings.appSecret)}`;
    const reply = await withRetry('token', () => request('token', url));
    if (reply.errcode) throw new WechatApiError('token', reply.errcode, redact(reply.errmsg ?? ''));
    const parsed = TokenReplySchema.safeParse(reply);
    if (!parsed.success) throw new WechatHttpError('token: the reply has no access_token');
    const expiresAt = new Date(deps.clock.now().getTime() + parsed.data.expires_in * 1000);
    await deps.tokens.put(appId, { token: parsed.data.access_token, expiresAt });
    deps.logger.log('info', 'wechat_token_refreshed', { expiresAt: expiresAt.toISOString() });
    return parsed.data.access_token;
  };

  /**
   * A new token, unless another replica (or call) already replaced `stale` in the store with one
   * still valid: then that one. One refresh at a time in this process.
   */
  const refresh = (stale: string | undefined): Promise<string> => {
    refreshing ??= (async () => {
      const stored = await deps.tokens.get(appId);
      if (stored && stored.token !== stale && fresh(stored.expiresAt)) return stored.token;
      return fetchToken();
    })().finally(() => (refreshing = undefined));
    return refreshing;
  };
  const fresh = (expiresAt: Date) => expiresAt.getTime() - deps.clock.now().getTime() > o.refreshMarginMs;

  const accessToken = async (): Promise<string> => {
    const stored = await deps.tokens.get(appId);
    lastToken = stored && fresh(stored.expiresAt) ? stored.token : await refresh(stored?.token);
    return lastToken;
  };

  /** A call that needs the token: refreshed and repeated once when WeChat says it is invalid or expired. */
  const callWithToken = async (method: string, path: string, body: unknown): Promise<void> => {
    let token = await accessToken();
    for (let refreshed = false; ; refreshed = true) {
      const reply = await withRetry(method, () => request(method, `${settings.apiRoot}${path}?access_token=${encodeURIComponent(token)}`, body));
      const code = reply.errcode ?? 0;
      if (code === 0) return;
      if (!TOKEN_ERRORS.has(code) || refreshed) throw new WechatApiError(method, code, redact(reply.errmsg ?? ''));
      deps.logger.log('info', 'wechat_token_rejected', { method, errcode: code });
      token = lastToken = await refresh(token);
    }
  };

  return {
    accessToken,
    sendText: (openId, content) => callWithToken('message/custom/send', '/cgi-bin/message/custom/send', { touser: openId, msgtype: 'text', text: { content } }),
    createMenu: (menu) => callWithToken('menu/create', '/cgi-bin/menu/create', menu),
  };
}
