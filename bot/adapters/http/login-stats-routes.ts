import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import type { Clock } from '../../core/ports';
import type { LoginPressure } from '../storage/ports';
import { requireLead } from './coordinator-auth';
import { ApiError } from './errors';

const DAY_MS = 86_400_000;

/**
 * GET /stats/logins?days=N — accounts someone is guessing passwords for, leads only (issue 14
 * item 2: failed logins lock only the guessing client, so the lead must be told instead):
 * `{since, until, items: [{name, failedLogins, clients, lockedClients, lastFailureAt}]}`.
 */
export function loginStatsRoutes(deps: { loginPressure: (since: string, now: string) => Promise<LoginPressure[]>; clock: Clock; auth: RequestHandler; defaultDays: () => number }): Router {
  const router = Router();
  router.get('/stats/logins', deps.auth, requireLead, async (req, res) => {
    const days = z.coerce.number().int().min(1).max(366).default(deps.defaultDays()).safeParse(req.query.days);
    if (!days.success) throw new ApiError('invalid_request', 'days must be a whole number from 1 to 366');
    const until = deps.clock.now();
    const since = new Date(until.getTime() - days.data * DAY_MS).toISOString();
    res.json({ since, until: until.toISOString(), items: await deps.loginPressure(since, until.toISOString()) });
  });
  return router;
}
