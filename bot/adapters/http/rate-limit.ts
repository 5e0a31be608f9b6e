import type { RequestHandler } from 'express';
import type { Clock } from '../../core/ports';
import { sendError } from './errors';

/**
 * Fixed one-minute windows per client key (the client IP by default). `perMinute` 0 turns the
 * limit off. Memory stays bounded: old windows are dropped as time moves on.
 */
export function rateLimit(perMinute: number, clock: Clock, keyOf: (req: Parameters<RequestHandler>[0]) => string = (req) => req.ip ?? 'unknown'): RequestHandler {
  const windows = new Map<string, { start: number; count: number }>();
  return (req, res, next) => {
    if (perMinute <= 0) return next();
    const now = clock.now().getTime();
    const key = keyOf(req);
    let w = windows.get(key);
    if (!w || now - w.start >= 60_000) {
      if (windows.size > 10_000) for (const [k, v] of windows) if (now - v.start >= 60_000) windows.delete(k);
      w = { start: now, count: 0 };
      windows.set(key, w);
    }
    w.count++;
    if (w.count > perMinute) {
      res.setHeader('Retry-After', String(Math.ceil((w.start + 60_000 - now) / 1000)));
      return sendError(res, 'rate_limited', `too many messages: at most ${perMinute} per minute, please wait`);
    }
    next();
  };
}
