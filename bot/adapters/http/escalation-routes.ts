import { Router, type Request, type RequestHandler } from 'express';
import { z } from 'zod';
import { urgencyOf, type Desk, type DeskError, type EscalationRecord } from '../../core/coordination';
import { RESOLVE_CATEGORIES } from '../../core/casebook';
import type { Clock, ConversationEvent, ConversationStore, EventBus, Logger } from '../../core/ports';
import type { Result } from '../../core/result';
import { DEPARTMENTS, type EscalationId } from '../../core/types';
import { MAX_MESSAGE_CHARS } from './chat-routes';
import { coordinatorOf, requireLead, type AuthedCoordinator } from './coordinator-auth';
import { createStreamCounter, MAX_STREAMS_PER_KEY, openEventStream, type EventStream, type EventStreamOptions } from './coordinator-sse';
import { ApiError, describeZodError } from './errors';

/** Longest preview of the traveller's question in queue items. */
const PREVIEW_CHARS = 200;

const text = (field: string) =>
  z
    .string({ error: `${field} must be a string` })
    .trim()
    .min(1, `${field} must not be empty`)
    .max(MAX_MESSAGE_CHARS, `${field} is longer than ${MAX_MESSAGE_CHARS} characters`);
const StatusSchema = z.enum(['open', 'claimed', 'resolved', 'active']).default('active');
const LimitSchema = z.coerce.number().int().min(1).max(1000).default(200);
const MessageSchema = z.object({ text: text('text') }).strict();
/** Case view paging: `before` a message id, `limit` messages per page (default limits.yaml `coordination.caseViewMessages`). */
const BeforeSchema = z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional();
const PageSchema = z.coerce.number().int().min(1).max(200).optional();
const TransferSchema = z.object({ department: z.enum(DEPARTMENTS), note: z.string().trim().max(MAX_MESSAGE_CHARS).optional() }).strict();
const ResolveSchema = z
  .object({
    category: z.enum(RESOLVE_CATEGORIES, { error: `category must be one of ${RESOLVE_CATEGORIES.join(', ')} (use /transfer to hand over)` }),
    summary: text('summary'),
    promote: z.boolean().optional(),
  })
  .strict();

/** An escalation as the queue shows it; `urgency` is the queue's order key (0 most urgent, see coordination/urgency.ts). */
export function toQueueItem(e: EscalationRecord) {
  return {
    id: e.id,
    conversationId: e.conversationId,
    status: e.status,
    reason: e.reasons[0] ?? 'low_confidence',
    reasons: e.reasons,
    urgency: urgencyOf(e.reasons),
    lang: e.lang,
    channel: e.channel,
    createdAt: e.createdAt,
    question: e.trigger.length > PREVIEW_CHARS ? `${e.trigger.slice(0, PREVIEW_CHARS)}…` : e.trigger,
    ...(e.claimedBy ? { claimedBy: e.claimedBy } : {}),
    ...(e.claimedAt ? { claimedAt: e.claimedAt } : {}),
    ...(e.resolvedAt ? { resolvedAt: e.resolvedAt } : {}),
  };
}

/** The value of a desk result, or the ApiError for its code (unknown id → 404, wrong state → 409). */
export function unwrap<T>(result: Result<T, DeskError>): T {
  if (result.ok) return result.value;
  throw new ApiError(result.error.code === 'escalation_conflict' ? 'conflict' : 'not_found', result.error.message);
}

export function parseBody<S extends z.ZodTypeAny>(req: Request, schema: S): z.infer<S> {
  if (!req.is('application/json')) throw new ApiError('unsupported_media_type', 'send the body as application/json');
  const parsed = schema.safeParse(req.body);
  if (!parsed.success) throw new ApiError('invalid_request', describeZodError(parsed.error));
  return parsed.data;
}

function parseQuery<S extends z.ZodTypeAny>(value: unknown, schema: S, name: string): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new ApiError('invalid_request', `${name}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data;
}

export type EscalationRoutesDeps = {
  desk: Desk;
  store: ConversationStore;
  events: EventBus;
  clock: Clock;
  auth: RequestHandler;
  /** Whether the credentials that opened a stream still hold (checked every heartbeat). */
  stillValid: (who: AuthedCoordinator) => Promise<boolean>;
  stream?: EventStreamOptions;
  logger?: Logger;
};

/** The queue and the work on one case, for coordinators (all routes need a coordinator). */
export function escalationRoutes(deps: EscalationRoutesDeps): Router {
  const router = Router();
  const { desk, auth } = deps;
  const idOf = (req: Request) => req.params.id as EscalationId;

  router.get('/escalations', auth, async (req, res) => {
    const status = parseQuery(req.query.status, StatusSchema, 'status');
    const limit = parseQuery(req.query.limit, LimitSchema, 'limit');
    res.json({ items: (await desk.list(status, limit)).map(toQueueItem), now: deps.clock.now().toISOString() });
  });

  const streams = createStreamCounter();
  router.get('/escalations/stream', auth, (req, res) => {
    const release = streams.tryOpen(String(coordinatorOf(res).id));
    if (!release) throw new ApiError('rate_limited', `at most ${MAX_STREAMS_PER_KEY} open queue streams per coordinator; close another console tab`);
    queueStream(deps, req, res).onClose(release);
  });

  router.get('/escalations/:id', auth, async (req, res) => {
    const beforeId = parseQuery(req.query.before, BeforeSchema, 'before');
    const pageSize = parseQuery(req.query.limit, PageSchema, 'limit');
    const d = unwrap(await desk.detail(idOf(req), { beforeId, limit: pageSize }));
    res.json({
      ...toQueueItem(d.escalation),
      question: d.escalation.trigger,
      transcript: d.transcript.map((m) => ({ id: m.id, from: m.from, text: m.text, at: m.at, ...(m.kind ? { kind: m.kind } : {}) })),
      // older messages: GET …?before=<id of the first message shown>
      ...(d.hasEarlier && d.transcript[0] ? { transcriptEarlierBefore: d.transcript[0].id } : {}),
      notes: d.notes.map(({ id, author, text, at }) => ({ id, author, text, at })),
      candidates: d.candidates,
    });
  });

  router.post('/escalations/:id/claim', auth, async (req, res) => {
    res.json(toQueueItem(unwrap(await desk.claim(idOf(req), coordinatorOf(res).name))));
  });

  router.post('/escalations/:id/takeover', auth, requireLead, async (req, res) => {
    res.json(toQueueItem(unwrap(await desk.takeOver(idOf(req), coordinatorOf(res).name))));
  });

  router.post('/escalations/:id/messages', auth, async (req, res) => {
    const body = parseBody(req, MessageSchema);
    const m = unwrap(await desk.reply(idOf(req), coordinatorOf(res).name, body.text));
    res.status(201).json({ id: m.id, from: m.from, text: m.text, at: m.at });
  });

  router.post('/escalations/:id/notes', auth, async (req, res) => {
    const body = parseBody(req, MessageSchema);
    const n = unwrap(await desk.note(idOf(req), coordinatorOf(res).name, body.text));
    res.status(201).json({ id: n.id, author: n.author, text: n.text, at: n.at });
  });

  router.post('/escalations/:id/transfer', auth, async (req, res) => {
    const body = parseBody(req, TransferSchema);
    const r = unwrap(await desk.transfer(idOf(req), coordinatorOf(res).name, body.department, body.note));
    res.json({ escalation: toQueueItem(r.escalation), case: r.case, message: { id: r.message.id, from: r.message.from, text: r.message.text, at: r.message.at } });
  });

  router.post('/escalations/:id/resolve', auth, async (req, res) => {
    const body = parseBody(req, ResolveSchema);
    const r = unwrap(await desk.resolve(idOf(req), coordinatorOf(res).name, body));
    res.json({ escalation: toQueueItem(r.escalation), case: r.case, ...(r.draft ? { draft: r.draft } : {}) });
  });
  return router;
}

/**
 * GET /escalations/stream — the console's live queue: `escalation` events (created, claimed,
 * taken over, resolved: the item as in the list) and `message` events for conversations
 * being handled (`{escalationId, message}`). The console reloads the queue when it reconnects.
 * A stream ends at the next heartbeat once its session ends or its account is disabled.
 */
function queueStream(deps: EscalationRoutesDeps, req: Request, res: Parameters<RequestHandler>[1]): EventStream {
  const who = coordinatorOf(res);
  const stillValid = () => void deps.stillValid(who).then((valid) => (valid ? undefined : stream.close()), () => stream.close());
  const stream = openEventStream(req, res, { ...deps.stream, onHeartbeat: stillValid });
  // Lookups are asynchronous: one chain per stream keeps the events in the order they happened.
  let sending = Promise.resolve();
  const unsubscribe = deps.events.subscribe((event) => {
    sending = sending.then(() => forward(event)).catch((e: unknown) => deps.logger?.log('warn', 'queue_stream_event_failed', { error: String(e) }));
  });
  const forward = async (event: ConversationEvent) => {
    if (event.type === 'escalation_created' || event.type === 'escalation_changed') {
      const id = event.type === 'escalation_created' ? event.escalation.id : event.escalationId;
      const current = await deps.desk.get(id);
      if (current) stream.send('escalation', toQueueItem(current));
      return;
    }
    if (event.type === 'message') {
      const active = await deps.store.findActiveEscalation(event.conversationId);
      if (active) stream.send('message', { escalationId: active.id, message: { id: event.message.id, from: event.message.from, text: event.message.text, at: event.message.at } });
    }
  };
  stream.onClose(unsubscribe);
  return stream;
}
