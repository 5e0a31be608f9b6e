import type { RequestHandler } from 'express';
import type { Clock } from '../../core/ports';
import { LocalRateWindows } from '../storage/memory';
import type { RateWindowStore } from '../storage/ports';
import { sendError } from './errors';

/** One hit's verdict: allowed, or refused until the window ends. */
export type WindowVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number; firstRefusal: boolean };

/**
 * Fixed one-minute windows per key, shared by the HTTP limiters and the Telegram and WeChat
 * channels. `perMinute` 0 turns the limit off. `windows` counts the hits: in this process by
 * default, in PostgreSQL with replicas (Stores.rateWindows), so the limit holds across them.
 * `scope` keeps limiters that share `windows` apart (the chat's and the login's counts of one IP).
 */
export function createFixedWindow(perMinute: number, clock: Clock, windows: RateWindowStore = new LocalRateWindows(), scope = ''): (key: string) => Promise<WindowVerdict> {
  return async (key) => {
    if (perMinute <= 0) return { allowed: true };
    const now = clock.now().getTime();
    const w = await windows.hit(`${scope}${key}`, now);
    if (w.count <= perMinute) return { allowed: true };
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((w.startMs + 60_000 - now) / 1000)), firstRefusal: w.count === perMinute + 1 };
  };
}

/** Where a limiter counts: the shared windows and this limiter's name among them. */
export type RateLimitScope = { windows?: RateWindowStore; scope: string };

/** Express middleware over `createFixedWindow`, keyed by the client IP. */
export function rateLimit(perMinute: number, clock: Clock, where: RateLimitScope = { scope: '' }): RequestHandler {
  const hit = createFixedWindow(perMinute, clock, where.windows, where.scope ? `${where.scope}:` : '');
  return async (req, res, next) => {
    const verdict = await hit(req.ip ?? 'unknown');
    if (verdict.allowed) return next();
    res.setHeader('Retry-After', String(verdict.retryAfterSeconds));
    return sendError(res, 'rate_limited', `too many messages: at most ${perMinute} per minute, please wait`);
  };
}
