import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import { briefingRequestSchema, composeBriefings, toTrip, type AgencyKnowledge } from '../../core/agency';
import type { KnowledgeRuntime } from '../../core/conversation';
import { LanguageCodeSchema } from '../../core/knowledge/schema';
import { ApiError, describeZodError } from './errors';

export type AgencyRoutesDeps = { agency: AgencyKnowledge; runtime: KnowledgeRuntime; limiter: RequestHandler };

const TextsQuerySchema = z.object({ lang: LanguageCodeSchema.default('en') });

/**
 * The travel agencies' API (issue 11):
 * - `POST /briefings` `{direction, country, languages, categories?, interests?}` →
 *   `{briefings: [{lang, title, html, text, rulesAsOf, citations}]}`; 400 naming the field;
 * - `GET /agency/texts?lang=` → the /agency pages' labels, interests and directions in one language.
 */
export function agencyRoutes(deps: AgencyRoutesDeps): Router {
  const router = Router();
  const schema = briefingRequestSchema(deps.agency.data);
  router.post('/briefings', deps.limiter, (req, res) => {
    if (!req.is('application/json')) throw new ApiError('unsupported_media_type', 'send the body as application/json');
    const parsed = schema.safeParse(req.body);
    if (!parsed.success) throw new ApiError('invalid_request', describeZodError(parsed.error));
    const { knowledge } = deps.runtime.current();
    const briefings = composeBriefings(toTrip(parsed.data), parsed.data.languages, knowledge, deps.agency);
    res.json({ briefings: briefings.map(({ lang, title, html, text, rulesAsOf, citations }) => ({ lang, title, html, text, rulesAsOf, citations })) });
  });
  router.get('/agency/texts', (req, res) => {
    const parsed = TextsQuerySchema.safeParse(req.query);
    if (!parsed.success) throw new ApiError('invalid_request', describeZodError(parsed.error));
    const lang = parsed.data.lang;
    const texts = Object.fromEntries(Object.entries(deps.agency.texts.texts).map(([k, v]) => [k, v[lang]]));
    res.json({ lang, texts, interests: Object.keys(deps.agency.data.interests), directions: Object.keys(deps.agency.data.directions) });
  });
  return router;
}
