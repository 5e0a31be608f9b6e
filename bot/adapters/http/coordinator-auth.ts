import { Router, type Request, type RequestHandler, type Response } from 'express';
import { z } from 'zod';
import type { Coordinator } from '../storage/ports';
import type { CoordinatorAccounts } from './coordinator-accounts';
import { sameSecret } from './coordinator-credentials';
import { ApiError, describeZodError } from './errors';

/** The console session cookie (HttpOnly, SameSite=Strict, Secure behind HTTPS, only sent to the API). */
export const SESSION_COOKIE = 'cd_session';
/** Header carrying the session's CSRF token on state-changing requests. */
export const CSRF_HEADER = 'x-csrf-token';

/** Who is calling, and how they proved it. */
export type AuthedCoordinator = Coordinator & { via: 'session' | 'token'; csrf?: string; sessionId?: string };

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The coordinator authenticated for this request (set by `requireCoordinator`). */
export function coordinatorOf(res: Response): AuthedCoordinator {
  const who = res.locals.coordinator as AuthedCoordinator | undefined;
  if (!who) throw new Error('bot: coordinatorOf used on a route without requireCoordinator');
  return who;
}

/** A session id as `login` makes them: 32 random bytes in base64url (never needs URL-decoding). */
const SESSION_ID = /^[A-Za-z0-9_-]{43}$/;

/**
 * The session id from the `cd_session` cookie, or undefined. Anything that is not a well-formed
 * id (`cd_session=%E0%A4%A`, a forged value) counts as no session — never decoded, so it cannot
 * throw (issue 14 item 5; pinned by test/adapters/http/coordinator-hardening.test.ts).
 */
function sessionIdOf(req: Request): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at <= 0 || part.slice(0, at).trim() !== SESSION_COOKIE) continue;
    const value = part.slice(at + 1).trim();
    if (SESSION_ID.test(value)) return value;
  }
  return undefined;
}

/**
 * Authenticates a coordinator by `Authorization: Bearer TOKEN` (API) or the session cookie
 * (console). Cookie-authenticated requests that change state must carry the session's CSRF
 * token in `X-CSRF-Token`. Missing or wrong credentials → 401; a bad CSRF token → 403.
 */
export function requireCoordinator(accounts: CoordinatorAccounts): RequestHandler {
  return async (req, res, next) => {
    const auth = req.headers.authorization;
    if (auth !== undefined) {
      const m = /^Bearer\s+(\S+)$/i.exec(auth);
      const who = m?.[1] ? await accounts.byToken(m[1]) : undefined;
      if (!who) throw unauthorized(res, 'invalid API token');
      res.locals.coordinator = { ...who, via: 'token' } satisfies AuthedCoordinator;
      return next();
    }
    const sessionId = sessionIdOf(req);
    const session = sessionId ? await accounts.session(sessionId) : undefined;
    if (!sessionId || !session) throw unauthorized(res, 'log in to the console or send Authorization: Bearer TOKEN');
    if (!SAFE_METHODS.has(req.method)) {
      const sent = req.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !sameSecret(sent, session.csrf)) throw new ApiError('csrf_failed', `missing or wrong ${CSRF_HEADER} header`);
    }
    res.locals.coordinator = { ...session.coordinator, via: 'session', csrf: session.csrf, sessionId } satisfies AuthedCoordinator;
    next();
  };
}

function unauthorized(res: Response, message: string): ApiError {
  res.setHeader('WWW-Authenticate', 'Bearer');
  return new ApiError('unauthorized', message);
}

/** Lets only leads through (403 for coordinators). Use after `requireCoordinator`. */
export const requireLead: RequestHandler = (_req, res, next) => {
  if (coordinatorOf(res).role !== 'lead') throw new ApiError('forbidden', 'only a lead may do this');
  next();
};

const LoginSchema = z.object({ name: z.string().min(1).max(40), password: z.string().min(1).max(200) }).strict();

export type ConsoleSettings = { claimSlaMinutes: number };

function sessionCookie(req: Request, value: string, maxAgeSeconds: number): string {
  return `${SESSION_COOKIE}=${encodeURIComponent(value)}; Path=/api/v1; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}${req.secure ? '; Secure' : ''}`;
}

/** POST /coordinator/login, POST /coordinator/logout, GET /coordinator/session. */
export function coordinatorAuthRoutes(deps: { accounts: CoordinatorAccounts; limiter: RequestHandler; settings: () => ConsoleSettings; now: () => Date }): Router {
  const router = Router();
  const auth = requireCoordinator(deps.accounts);
  const me = (who: Coordinator, csrf?: string) => ({ name: who.name, role: who.role, ...(csrf ? { csrf } : {}), settings: deps.settings() });

  router.post('/coordinator/login', deps.limiter, async (req, res) => {
    if (!req.is('application/json')) throw new ApiError('unsupported_media_type', 'send the body as application/json');
    const parsed = LoginSchema.safeParse(req.body);
    if (!parsed.success) throw new ApiError('invalid_request', describeZodError(parsed.error));
    const outcome = await deps.accounts.login(parsed.data.name, parsed.data.password, req.ip ?? 'unknown');
    if (outcome.kind === 'locked') {
      res.setHeader('Retry-After', String(outcome.retryAfterSeconds));
      throw new ApiError('login_locked', `too many failed logins; try again in ${Math.ceil(outcome.retryAfterSeconds / 60)} minute(s)`);
    }
    if (outcome.kind === 'invalid') throw new ApiError('unauthorized', 'wrong name or password');
    const maxAge = Math.max(0, Math.floor((Date.parse(outcome.expiresAt) - deps.now().getTime()) / 1000));
    res.setHeader('Set-Cookie', sessionCookie(req, outcome.sessionId, maxAge));
    res.setHeader('Cache-Control', 'no-store');
    res.json(me(outcome.coordinator, outcome.csrf));
  });

  router.post('/coordinator/logout', auth, async (req, res) => {
    const who = coordinatorOf(res);
    if (who.sessionId) await deps.accounts.logout(who.sessionId);
    res.setHeader('Set-Cookie', sessionCookie(req, '', 0));
    res.json({ ok: true });
  });

  router.get('/coordinator/session', auth, (_req, res) => {
    const who = coordinatorOf(res);
    res.setHeader('Cache-Control', 'no-store');
    res.json(me(who, who.csrf));
  });
  return router;
}
