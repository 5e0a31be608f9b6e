import type { RequestHandler } from 'express';
import type { Clock } from '../../core/ports';
import { sendError } from './errors';

/** One hit's verdict: allowed, or refused until the window ends. */
export type WindowVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number; firstRefusal: boolean };

/**
 * Fixed one-minute windows per key, shared by the HTTP limiter and the Telegram channel.
 * `perMinute` 0 turns the limit off. Memory stays bounded: old windows are dropped as time moves on.
 */
export function createFixedWindow(perMinute: number, clock: Clock): (key: string) => WindowVerdict {
  const windows = new Map<string, { start: number; count: number }>();
  return (key) => {
    if (perMinute <= 0) return { allowed: true };
    const now = clock.now().getTime();
    let w = windows.get(key);
    if (!w || now - w.start >= 60_000) {
      if (windows.size > 10_000) for (const [k, v] of windows) if (now - v.start >= 60_000) windows.delete(k);
      w = { start: now, count: 0 };
      windows.set(key, w);
    }
    w.count++;
    if (w.count <= perMinute) return { allowed: true };
    return { allowed: false, retryAfterSeconds: Math.ceil((w.start + 60_000 - now) / 1000), firstRefusal: w.count === perMinute + 1 };
  };
}

/** Express middleware over `createFixedWindow`, keyed by the client IP by default. */
export function rateLimit(perMinute: number, clock: Clock, keyOf: (req: Parameters<RequestHandler>[0]) => string = (req) => req.ip ?? 'unknown'): RequestHandler {
  const hit = createFixedWindow(perMinute, clock);
  return (req, res, next) => {
    const verdict = hit(keyOf(req));
    if (verdict.allowed) return next();
    res.setHeader('Retry-After', String(verdict.retryAfterSeconds));
    return sendError(res, 'rate_limited', `too many messages: at most ${perMinute} per minute, please wait`);
  };
}
