import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import { briefingRequestSchema, composeBriefings, makeQuiz, toTrip, type AgencyKnowledge } from '../../core/agency';
import type { KnowledgeRuntime } from '../../core/conversation';
import { LanguageCodeSchema } from '../../core/knowledge/schema';
import { ApiError, describeZodError } from './errors';

export type AgencyRoutesDeps = {
  agency: AgencyKnowledge;
  runtime: KnowledgeRuntime;
  limiter: RequestHandler;
  /** A seed for a quiz asked without one (injected randomness). */
  randomSeed: () => number;
};

/** Most questions one quiz holds. */
export const MAX_QUIZ_QUESTIONS = 50;

const QuizQuerySchema = z
  .object({
    lang: LanguageCodeSchema.default('en'),
    seed: z.coerce.number().int('must be a whole number').min(0).max(2 ** 32 - 1).optional(),
    count: z.coerce.number().int('must be a whole number').min(1).max(MAX_QUIZ_QUESTIONS).default(10),
  })
  .strict();

const TextsQuerySchema = z.object({ lang: LanguageCodeSchema.default('en') });

/**
 * The travel agencies' API (issue 11):
 * - `POST /briefings` `{direction, country, languages, categories?, interests?}` →
 *   `{briefings: [{lang, title, html, text, rulesAsOf, citations}]}`; 400 naming the field;
 * - `GET /quiz?lang=&seed=&count=` → `{lang, seed, questions: [{id, text, choices, answer, explanation, citation}]}`;
 *   the same seed gives the same quiz while the knowledge base stays the same;
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
  router.get('/quiz', (req, res) => {
    const parsed = QuizQuerySchema.safeParse(req.query);
    if (!parsed.success) throw new ApiError('invalid_request', describeZodError(parsed.error));
    const { lang, count } = parsed.data;
    const seed = parsed.data.seed ?? deps.randomSeed();
    const questions = makeQuiz(deps.runtime.current().knowledge, deps.agency, { lang, seed, count });
    res.json({ lang, seed, questions });
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
