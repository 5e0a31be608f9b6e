import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { z } from 'zod';

const port = z.coerce.number().int().min(1).max(65535);

/** Names express accepts for address ranges in `trust proxy`. */
const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);
const isProxyAddress = (a: string): boolean => {
  if (PROXY_RANGE_NAMES.has(a)) return true;
  const [ip, bits, extra] = a.split('/');
  if (!ip || extra !== undefined || isIP(ip) === 0) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (isIP(ip) === 4 ? 32 : 128);
};

/**
 * TRUST_PROXY: `false` (default), a hop count (how many proxies in front append to
 * X-Forwarded-For), or a comma-separated list of proxy addresses / CIDR ranges / express range
 * names. `true` is refused: it trusts every hop, so a client's own X-Forwarded-For would choose
 * its IP and defeat the rate limit (issue 14 item 3).
 */
const trustProxy = z
  .string()
  .trim()
  .superRefine((v, ctx) => {
    if (v === 'true') ctx.addIssue({ code: 'custom', message: 'true would trust every X-Forwarded-For hop (a client could pick its own IP); give the number of proxies in front, e.g. 1, or their addresses, e.g. 10.0.0.2,loopback' });
    else if (v !== 'false' && !/^\d{1,2}$/.test(v) && !v.split(',').every((a) => isProxyAddress(a.trim())))
      ctx.addIssue({ code: 'custom', message: 'must be false, a hop count (0-99), or a comma-separated list of IP addresses, CIDR ranges, loopback, linklocal or uniquelocal' });
  })
  .transform((v): false | number | string[] => (v === 'false' || v === '0' ? false : /^\d+$/.test(v) ? Number(v) : v.split(',').map((a) => a.trim())));

/**
 * Every environment variable the assistant reads, with its default. This is the only place
 * that knows about `process.env` (main.ts passes it in).
 */
export const ConfigSchema = z.object({
  PORT: port.default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  /** postgres://user:password@host:5432/db: PostgreSQL instead of SQLite under DATA_DIR (issue 13). A secret (it holds the password): never printed. */
  DATABASE_URL: z
    .string()
    .refine((v) => /^postgres(ql)?:\/\/[^/]+\/?/.test(v) && URL.canParse(v), 'must be a postgres://user:password@host:port/database URL')
    .optional(),
  KNOWLEDGE_DIR: z.string().min(1).default('./knowledge'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).max(100000).default(30),
  TRUST_PROXY: trustProxy.default(false),
  /** Seconds between heartbeat comments on live event streams (console queue, traveller web chat). */
  SSE_HEARTBEAT_SECONDS: z.coerce.number().int().min(1).max(300).default(15),
  /** Telegram bot token from @BotFather; unset means no Telegram channel. A secret: never printed. */
  TELEGRAM_BOT_TOKEN: z.string().regex(/^\d+:[\w-]{20,}$/, 'must look like 123456789:AA… (the token @BotFather gave you)').optional(),
  /** Public HTTPS URL Telegram posts updates to; unset means long polling. Its path is served by our app. */
  TELEGRAM_WEBHOOK_URL: z.url({ protocol: /^https$/, error: 'must be a full https:// URL (Telegram only calls HTTPS webhooks)' }).optional(),
  /** Secret Telegram sends in X-Telegram-Bot-Api-Secret-Token; required with TELEGRAM_WEBHOOK_URL. */
  TELEGRAM_WEBHOOK_SECRET: z.string().regex(/^[A-Za-z0-9_-]{16,256}$/, 'must be 16-256 characters of A-Z, a-z, 0-9, _ and -').optional(),
  /** Public address of this server (https://bot.example.com), for links in replies (a tour leader's printable briefing); unset: a path. */
  PUBLIC_URL: z.url({ protocol: /^https?$/, error: 'must be a full http:// or https:// URL, e.g. https://bot.example.com' }).optional(),
  /** Bot API server: Telegram's, a self-hosted telegram-bot-api, or a local fake in tests. */
  TELEGRAM_API_ROOT: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).default('https://api.telegram.org'),
  /** WeChat Official Account AppID (开发者ID); with WECHAT_APP_SECRET and WECHAT_TOKEN it turns the WeChat channel on. */
  WECHAT_APP_ID: z.string().regex(/^wx[0-9a-f]{16}$/, 'must look like wx0123456789abcdef (the AppID in the WeChat admin console)').optional(),
  /** AppSecret (开发者密码) for /cgi-bin/token. A secret: never printed. */
  WECHAT_APP_SECRET: z.string().regex(/^[0-9A-Za-z]{16,64}$/, 'must be the AppSecret from the WeChat admin console (letters and digits)').optional(),
  /** The Token entered in the admin console's server configuration (令牌); signs every push. A secret: never printed. */
  WECHAT_TOKEN: z.string().regex(/^[0-9A-Za-z]{3,32}$/, 'must be 3-32 letters or digits, as the WeChat admin console requires').optional(),
  /** EncodingAESKey (消息加解密密钥): safe mode when set, plaintext mode when not. A secret: never printed. */
  WECHAT_ENCODING_AES_KEY: z.string().regex(/^[A-Za-z0-9]{43}$/, 'must be the 43 letters and digits of the EncodingAESKey').optional(),
  /** Path of the push endpoint on this server (the URL entered in the admin console ends with it). */
  WECHAT_PATH: z.string().regex(/^\/(?!api(\/|$))[\w\-/]*$/, 'must start with / and not be under /api').default('/wechat'),
  /** Bearer token for GET /metrics on the main port; unset: no /metrics there. A secret: never printed. */
  METRICS_TOKEN: z.string().regex(/^[\x21-\x7e]{16,256}$/, 'must be 16-256 printable characters without spaces').optional(),
  /** A second listener serving only GET /metrics (on HOST), for a scraper on an internal network; unset: none. */
  METRICS_PORT: port.optional(),
  /** WeChat's API host, or a local fake in tests. */
  WECHAT_API_ROOT: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).default('https://api.weixin.qq.com'),
}).superRefine((c, ctx) => {
  if (c.TELEGRAM_WEBHOOK_URL && !c.TELEGRAM_WEBHOOK_SECRET) {
    ctx.addIssue({ code: 'custom', path: ['TELEGRAM_WEBHOOK_SECRET'], message: 'is required when TELEGRAM_WEBHOOK_URL is set (Telegram sends it back so the webhook can reject forged updates)' });
  }
  const wechat = ['WECHAT_APP_ID', 'WECHAT_APP_SECRET', 'WECHAT_TOKEN'] as const;
  if (wechat.some((k) => c[k]) || c.WECHAT_ENCODING_AES_KEY) {
    for (const k of wechat) if (!c[k]) ctx.addIssue({ code: 'custom', path: [k], message: `is required for the WeChat channel (set ${wechat.join(', ')} together)` });
  }
  if (c.METRICS_PORT !== undefined && c.METRICS_PORT === c.PORT) ctx.addIssue({ code: 'custom', path: ['METRICS_PORT'], message: 'must differ from PORT (it is a second listener)' });
});

/** Variables whose values never appear in an error message. */
const SECRETS = new Set(['DATABASE_URL', 'METRICS_TOKEN', 'TELEGRAM_BOT_TOKEN', 'TELEGRAM_WEBHOOK_SECRET', 'WECHAT_APP_SECRET', 'WECHAT_TOKEN', 'WECHAT_ENCODING_AES_KEY']);

export type Config = Readonly<z.infer<typeof ConfigSchema> & { databaseFile: string }>;

/** A configuration error: one line per bad variable, naming it and what is allowed. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Parses the environment once at start-up; throws ConfigError naming each bad variable. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const known = Object.fromEntries(Object.keys(ConfigSchema.shape).map((k) => [k, env[k] === '' ? undefined : env[k]]));
  const parsed = ConfigSchema.safeParse(known);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => {
      const name = String(i.path[0] ?? '?');
      const shown = SECRETS.has(name) && env[name] ? '[redacted]' : JSON.stringify(env[name] ?? '');
      return `config: ${name}=${shown} is invalid: ${i.message}`;
    });
    throw new ConfigError(lines.join('\n'));
  }
  const dataDir = resolve(parsed.data.DATA_DIR);
  return Object.freeze({ ...parsed.data, DATA_DIR: dataDir, KNOWLEDGE_DIR: resolve(parsed.data.KNOWLEDGE_DIR), databaseFile: resolve(dataDir, 'assistant.sqlite') });
}
