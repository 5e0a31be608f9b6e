import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import type { Assistant } from '../../core/conversation';
import { LanguageCodeSchema } from '../../core/knowledge/schema';
import type { ConversationStore } from '../../core/ports';
import type { ConversationId, Reply } from '../../core/types';
import { ApiError, describeZodError, sendError } from './errors';

/** Longest traveller message accepted, in characters (413 above). */
export const MAX_MESSAGE_CHARS = 4000;

const ChatRequestSchema = z
  .object({
    text: z.string({ error: 'text must be a string' }),
    conversationId: z.string().min(1).max(100).optional(),
    lang: LanguageCodeSchema.optional(),
  })
  .strict();

/** The reply as the API shows it (internal fields such as the matched entry stay inside). */
export function toApiReply(reply: Reply) {
  const more = reply.kind === 'answer' || reply.kind === 'escalated' ? reply.more : undefined;
  const base = { kind: reply.kind, lang: reply.lang, text: reply.text, ...(more ? { more } : {}), citations: reply.citations.map(({ id, title, source, url }) => ({ id, title, source, url })) };
  if (reply.kind === 'routed') return { ...base, department: reply.department };
  if (reply.kind === 'escalated') return { ...base, escalationId: reply.escalationId };
  if ((reply.kind === 'answer' || reply.kind === 'clarify') && reply.declaration) return { ...base, declaration: reply.declaration };
  return base;
}

/** POST /chat and GET /conversations/:id/messages. */
export function chatRoutes(deps: {
  assistant: Assistant;
  store: ConversationStore;
  limiter: RequestHandler;
  /** Name the client (its address) so the assistant caps its open cases; off with the rate limit (RATE_LIMIT_PER_MINUTE=0, load tests). */
  capCasesPerClient: boolean;
}): Router {
  const router = Router();
  router.post('/chat', deps.limiter, async (req, res) => {
    if (!req.is('application/json')) throw new ApiError('unsupported_media_type', 'send the body as application/json');
    const parsed = ChatRequestSchema.safeParse(req.body);
    if (!parsed.success) throw new ApiError('invalid_request', describeZodError(parsed.error));
    const { text, conversationId, lang } = parsed.data;
    if (text.trim().length === 0) throw new ApiError('invalid_request', 'text must not be empty');
    if (text.length > MAX_MESSAGE_CHARS) throw new ApiError('payload_too_large', `text is ${text.length} characters; the limit is ${MAX_MESSAGE_CHARS}`);
    const result = await deps.assistant.handleMessage({ text, conversationId: conversationId as ConversationId | undefined, lang, channel: 'web', ...(deps.capCasesPerClient ? { client: `web:${req.ip ?? 'unknown'}` } : {}) });
    if (!result.ok) return sendError(res, 'conversation_not_found', result.error.message);
    res.json({ conversationId: result.value.conversationId, reply: toApiReply(result.value.reply) });
  });
  router.get('/conversations/:id/messages', async (req, res) => {
    const id = req.params.id as ConversationId;
    const after = z.coerce.number().int().min(0).optional().safeParse(req.query.after);
    if (!after.success) throw new ApiError('invalid_request', 'after must be a non-negative integer');
    if (!(await deps.store.getConversation(id))) return sendError(res, 'conversation_not_found', `no conversation with id "${id}"`);
    const items = (await deps.store.listMessages(id, { afterId: after.data })).map((m) => ({
      id: m.id,
      from: m.from,
      text: m.text,
      at: m.at,
      ...(m.kind ? { kind: m.kind } : {}),
      ...(m.more ? { more: m.more } : {}),
      ...(m.citations?.length ? { citations: m.citations.map(({ id: entryId, title, source, url }) => ({ id: entryId, title, source, url })) } : {}),
    }));
    res.json({ items });
  });
  return router;
}
