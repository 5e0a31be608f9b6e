import { Router, type RequestHandler } from 'express';
import type { KnowledgeRuntime } from '../../core/conversation';
import { DeclarationInputSchema, type DeclarationService } from '../../core/declaration';
import { LanguageCodeSchema } from '../../core/knowledge/schema';
import { ApiError, describeZodError } from './errors';

const DeclarationRequestSchema = DeclarationInputSchema.extend({
  /** Language of the `text` rendering (default en). */
  lang: LanguageCodeSchema.optional(),
});

export type DeclarationRoutesDeps = { service: DeclarationService; runtime: KnowledgeRuntime; limiter: RequestHandler };

/**
 * POST /declaration-check: the structured declaration check (issue 5), the same engine the chat
 * uses. Body: `{items: [{type, quantity?, unit?, volumeMl?, abv?, value?, currency?, description?, kind?}],
 * category?: {route?, residency?}, currency?, lang?}`; values without a currency are RMB.
 * Answers `{lang, text, result}`; a missing fact (route, residency, a value) is listed in
 * `result.missing`. Bad input (wrong types, negative or absurd quantities, an unknown currency
 * or kind) is a 400 whose message names the field.
 */
export function declarationRoutes(deps: DeclarationRoutesDeps): Router {
  const router = Router();
  router.post('/declaration-check', deps.limiter, (req, res) => {
    if (!req.is('application/json')) throw new ApiError('unsupported_media_type', 'send the body as application/json');
    const parsed = DeclarationRequestSchema.safeParse(req.body);
    if (!parsed.success) throw new ApiError('invalid_request', describeZodError(parsed.error));
    const { lang = 'en', ...input } = parsed.data;
    const { knowledge, engine } = deps.runtime.current();
    const checked = deps.service.check({ ...input, currency: input.currency ?? 'CNY' }, knowledge.limits, engine.resources);
    if (!checked.ok) throw new ApiError('invalid_request', checked.error.message);
    const names = input.items.map((i) => i.description ?? deps.service.knowledge.languages[lang].labels[i.type]);
    const first = checked.value.missing[0];
    const named = input.items.map((i, k) => ({ ...i, label: names[k] ?? i.type }));
    const formatted = first ? { text: deps.service.question(first, named, lang, knowledge.limits), more: '' } : deps.service.format(checked.value, names, lang, knowledge.limits);
    res.json({ lang, text: formatted.text, ...(formatted.more ? { more: formatted.more } : {}), result: checked.value });
  });
  return router;
}
