import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import { computeStats, isTimeZone } from '../../core/casebook';
import type { EscalationDeskStore } from '../../core/coordination';
import type { Clock } from '../../core/ports';
import type { ReviewDue } from '../../core/knowledge/check';
import { requireLead } from './coordinator-auth';
import { ApiError } from './errors';

const DAY_MS = 86_400_000;

/** GET /stats?days=N&tz=Asia/Shanghai — the last N days, counted per day in the coordinator's time zone (default limits.yaml `coordination.statsDefaultDays`), leads only. */
export function statsRoutes(deps: { desk: EscalationDeskStore; clock: Clock; auth: RequestHandler; settings: () => { defaultDays: number; topQuestions: number }; reviewsDue?: (today: Date) => ReviewDue[] }): Router {
  const router = Router();
  router.get('/stats', deps.auth, requireLead, async (req, res) => {
    const s = deps.settings();
    const days = z.coerce.number().int().min(1).max(366).default(s.defaultDays).safeParse(req.query.days);
    if (!days.success) throw new ApiError('invalid_request', 'days must be a whole number from 1 to 366');
    const tz = z.string().max(64).default('UTC').safeParse(req.query.tz);
    if (!tz.success || !isTimeZone(tz.data)) throw new ApiError('invalid_request', 'tz must be an IANA time zone name such as Asia/Shanghai or UTC');
    const until = deps.clock.now();
    const since = new Date(until.getTime() - days.data * DAY_MS).toISOString();
    res.json({
      ...computeStats({
        escalations: await deps.desk.escalationsSince(since),
        conversations: await deps.desk.conversationCountsSince(since),
        since,
        until: until.toISOString(),
        topQuestions: s.topQuestions,
        timeZone: tz.data,
      }),
      // knowledge entries (and limits.yaml, departments.yaml) whose 12-month review falls due within 30 days (issue 12)
      reviewsDue: deps.reviewsDue?.(until) ?? [],
    });
  });
  return router;
}
