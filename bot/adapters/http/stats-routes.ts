import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import { computeStats } from '../../core/casebook';
import type { EscalationDeskStore } from '../../core/coordination';
import type { Clock } from '../../core/ports';
import { requireLead } from './coordinator-auth';
import { ApiError } from './errors';

const DAY_MS = 86_400_000;

/** GET /stats?days=N — the last N days (default limits.yaml `coordination.statsDefaultDays`), leads only. */
export function statsRoutes(deps: { desk: EscalationDeskStore; clock: Clock; auth: RequestHandler; settings: () => { defaultDays: number; topQuestions: number } }): Router {
  const router = Router();
  router.get('/stats', deps.auth, requireLead, (req, res) => {
    const s = deps.settings();
    const days = z.coerce.number().int().min(1).max(366).default(s.defaultDays).safeParse(req.query.days);
    if (!days.success) throw new ApiError('invalid_request', 'days must be a whole number from 1 to 366');
    const until = deps.clock.now();
    const since = new Date(until.getTime() - days.data * DAY_MS).toISOString();
    res.json(
      computeStats({
        escalations: deps.desk.escalationsSince(since),
        conversations: deps.desk.conversationCountsSince(since),
        since,
        until: until.toISOString(),
        topQuestions: s.topQuestions,
      }),
    );
  });
  return router;
}
