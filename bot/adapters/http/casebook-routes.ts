import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import { CASE_CATEGORIES, type CasebookEntry, type CasebookSearch } from '../../core/casebook';
import type { CasebookStore, Desk } from '../../core/coordination';
import type { EscalationId } from '../../core/types';
import { coordinatorOf } from './coordinator-auth';
import { ApiError, describeZodError } from './errors';
import { unwrap } from './escalation-routes';

const QuerySchema = z
  .object({
    q: z.string().max(500, 'q is longer than 500 characters').optional(),
    category: z.enum(CASE_CATEGORIES).optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
  })
  .strict();

/** A case as the list shows it (the transcript only on GET /casebook/:id). */
export const toCaseSummary = ({ transcript: _t, ...rest }: CasebookEntry) => rest;

/** GET /casebook?q=&category=, GET /casebook/:id, POST /casebook/:id/promote (any coordinator). */
export function casebookRoutes(deps: { casebook: CasebookStore; search: CasebookSearch; desk: Desk; auth: RequestHandler }): Router {
  const router = Router();
  router.get('/casebook', deps.auth, async (req, res) => {
    const parsed = QuerySchema.safeParse(req.query);
    if (!parsed.success) throw new ApiError('invalid_request', describeZodError(parsed.error));
    const { q, category, limit } = parsed.data;
    let items: CasebookEntry[];
    if (q && q.trim()) {
      const byId = new Map((await deps.casebook.listCases({ category })).map((c) => [c.id as string, c]));
      items = (await deps.search.search(q)).flatMap((id) => byId.get(id) ?? []).slice(0, limit);
    } else items = await deps.casebook.listCases({ category, limit });
    res.json({ items: items.map(toCaseSummary) });
  });

  router.get('/casebook/:id', deps.auth, async (req, res) => {
    const entry = await deps.casebook.getCase(req.params.id as EscalationId);
    if (!entry) throw new ApiError('not_found', `no casebook entry with id "${req.params.id}"`);
    res.json(entry);
  });

  router.post('/casebook/:id/promote', deps.auth, async (req, res) => {
    res.status(201).json(unwrap(await deps.desk.promote(req.params.id as EscalationId, coordinatorOf(res).name)));
  });
  return router;
}
