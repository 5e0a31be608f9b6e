import { Router } from 'express';
import { z } from 'zod';
import type { ConversationStore, EventBus, StoredMessage } from '../../core/ports';
import type { ConversationId } from '../../core/types';
import { createStreamCounter, MAX_STREAMS_PER_KEY, openEventStream, type EventStreamOptions } from './coordinator-sse';
import { ApiError, sendError } from './errors';

const PAGE = 500;

const AfterSchema = z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/** A message as the traveller's page sees it. */
export const toTravellerMessage = (m: StoredMessage) => ({ id: m.id, from: m.from, text: m.text, at: m.at, ...(m.kind ? { kind: m.kind } : {}) });

/**
 * GET /conversations/:id/events — the traveller's live view (the conversation id is their
 * bearer secret). Every new message is an SSE `message` event whose `id:` is the message id; a
 * reconnect with `Last-Event-ID` (or `?after=ID` on the first connect) first replays the
 * messages after it, so nothing is lost between connections.
 */
export function conversationEventsRoutes(deps: { store: ConversationStore; events: EventBus; stream?: EventStreamOptions }): Router {
  const router = Router();
  const streams = createStreamCounter();
  router.get('/conversations/:id/events', async (req, res) => {
    const id = req.params.id as ConversationId;
    const header = req.headers['last-event-id'];
    const rawAfter = typeof header === 'string' && header !== '' ? header : req.query.after;
    const after = AfterSchema.optional().safeParse(rawAfter);
    if (!after.success) throw new ApiError('invalid_request', 'Last-Event-ID / after must be a non-negative integer message id');
    if (!(await deps.store.getConversation(id))) return sendError(res, 'conversation_not_found', `no conversation with id "${id}"`);
    const release = streams.tryOpen(id);
    if (!release) throw new ApiError('rate_limited', `at most ${MAX_STREAMS_PER_KEY} open event streams per conversation`);

    const stream = openEventStream(req, res, deps.stream);
    // Subscribe before the replay and hold live messages until it ends, so none slips in
    // between (the replay awaits the store); ids already sent are skipped.
    let last = after.data ?? 0;
    let held: StoredMessage[] | undefined = [];
    const send = (m: StoredMessage) => {
      if (m.id <= last) return;
      last = m.id;
      stream.send('message', toTravellerMessage(m), m.id);
    };
    const unsubscribe = deps.events.subscribe((event) => {
      if (event.type !== 'message' || event.conversationId !== id) return;
      if (held) held.push(event.message);
      else send(event.message);
    });
    try {
      for (let page = await deps.store.listMessages(id, { afterId: last, limit: PAGE }); page.length > 0; page = await deps.store.listMessages(id, { afterId: last, limit: PAGE })) {
        for (const m of page) send(m);
      }
    } finally {
      for (const m of held.sort((a, b) => a.id - b.id)) send(m);
      held = undefined;
    }
    stream.onClose(() => {
      unsubscribe();
      release();
    });
  });
  return router;
}
