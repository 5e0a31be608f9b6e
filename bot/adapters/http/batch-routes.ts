import express, { Router, type RequestHandler } from 'express';
import { createAssistant, type AssistantDeps, type KnowledgeRuntime } from '../../core/conversation';
import type { DeclarationService } from '../../core/declaration';
import type { Clock, IdGenerator, Logger } from '../../core/ports';
import { MemoryConversationStore } from '../storage/memory';
import { createEventBus } from '../system/event-bus';
import { formatBatchCsv, parseBatchCsv, type BatchAnswer } from './batch-csv';
import { ApiError } from './errors';

export type BatchRoutesDeps = { runtime: KnowledgeRuntime; declaration: DeclarationService; agency: AssistantDeps['agency']; clock: Clock; ids: IdGenerator; logger: Logger; limiter: RequestHandler };

/** Largest upload: 1,000 questions of a few hundred characters each, with room to spare. */
const MAX_BATCH_BYTES = '4mb';

/**
 * POST /batch (issue 11): a CSV of questions (`text/csv`, a `question` column, optional `lang`)
 * → a CSV of answers (question, lang, kind, answer, citations, coordinator_needed). Each
 * question goes through the chat's own use case (`handleMessage`: reading, declaration check,
 * decide, compose) as a new conversation in a throwaway in-memory store, so an upload never
 * fills the coordinators' queue: a question a coordinator should take is marked instead.
 */
export function batchRoutes(deps: BatchRoutesDeps): Router {
  const router = Router();
  router.post('/batch', deps.limiter, express.raw({ type: () => true, limit: MAX_BATCH_BYTES }), async (req, res) => {
    if (!req.is('text/csv')) throw new ApiError('unsupported_media_type', 'send the questions as text/csv (a "question" column, optional "lang")');
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const parsed = parseBatchCsv(body);
    if (!parsed.ok) throw new ApiError('invalid_request', parsed.error.message);
    const store = new MemoryConversationStore();
    const assistant = createAssistant({ runtime: deps.runtime, store, events: createEventBus(deps.logger), clock: deps.clock, ids: deps.ids, logger: deps.logger, declaration: deps.declaration, agency: deps.agency });
    const answers: BatchAnswer[] = [];
    for (const { question, lang } of parsed.value) {
      const handled = await assistant.handleMessage({ text: question, lang, channel: 'api' });
      if (!handled.ok) throw new Error(`bot: batch question could not be answered: ${handled.error.code}`);
      const { reply } = handled.value;
      const more = reply.kind === 'answer' || reply.kind === 'escalated' ? reply.more : undefined;
      answers.push({
        question,
        lang: reply.lang,
        kind: reply.kind,
        answer: more ? `${reply.text}\n\n${more}` : reply.text,
        citations: reply.citations.map((c) => `${c.source} <${c.url}>`).join('; '),
        coordinatorNeeded: reply.kind === 'escalated',
      });
    }
    deps.logger.log('info', 'batch_answered', { questions: answers.length, escalated: answers.filter((a) => a.coordinatorNeeded).length });
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', 'attachment; filename="answers.csv"');
    res.send(formatBatchCsv(answers));
  });
  return router;
}
