import { randomUUID } from 'node:crypto';
import { Client, type Pool } from 'pg';
import { z } from 'zod';
import type { ConversationEvent, Logger } from '../../../core/ports';
import type { Channel, ConversationId, EscalationId } from '../../../core/types';
import { toEscalation, toMessage, type EscalationRow, type MessageRow } from '../rows';
import { createEventBus } from '../../system/event-bus';
import type { SharedEventBus } from '../ports';
import { rows } from './pg-db';

export type PostgresEventBusOptions = {
  /** First wait before reconnecting the listener after its connection dropped, doubled up to 30 s, in ms. Default 500. */
  reconnectDelayMs?: number;
};


/**
 * What crosses replicas: ids, not texts (NOTIFY payloads stop at 8,000 bytes and a message may
 * be 4,000 Chinese characters); the receiver reads the row itself.
 */
const NoticeSchema = z.object({
  origin: z.string(),
  event: z.discriminatedUnion('type', [
    z.object({ type: z.literal('message'), conversationId: z.string(), channel: z.string(), messageId: z.number().int() }),
    z.object({ type: z.literal('escalation_created'), escalationId: z.string() }),
    z.object({ type: z.literal('escalation_changed'), escalationId: z.string(), conversationId: z.string(), status: z.enum(['open', 'claimed', 'resolved']) }),
    z.object({ type: z.literal('knowledge_changed'), entryId: z.string() }),
  ]),
});
type Notice = z.infer<typeof NoticeSchema>['event'];

function toNotice(e: ConversationEvent): Notice {
  switch (e.type) {
    case 'message':
      return { type: 'message', conversationId: e.conversationId, channel: e.channel, messageId: e.message.id };
    case 'escalation_created':
      return { type: 'escalation_created', escalationId: e.escalation.id };
    case 'escalation_changed':
      return { type: 'escalation_changed', escalationId: e.escalationId, conversationId: e.conversationId, status: e.status };
    case 'knowledge_changed':
      return e;
  }
}

/**
 * Live events across replicas with PostgreSQL LISTEN/NOTIFY (issue 13): `publish` delivers to
 * this replica's listeners at once (as the in-process bus) and NOTIFYs the others, which read
 * the message or escalation from the database and deliver it to theirs. When the listening
 * connection drops, it reconnects with backoff and catches up from the database: messages with
 * a higher id than the last one seen, and escalations created or changed since the drop.
 */
export async function createPostgresEventBus(url: string, pool: Pool, deps: { logger: Logger; schema?: string }, options: PostgresEventBusOptions = {}): Promise<SharedEventBus> {
  const local = createEventBus(deps.logger);
  const origin = randomUUID();
  const channel = `customs_events_${deps.schema ?? 'public'}`;
  const state = { lastMessageId: 0, since: new Date().toISOString(), closed: false, client: undefined as Client | undefined, attempt: 0 };
  let delivering = Promise.resolve();
  const deliver = (work: () => Promise<ConversationEvent[]>) => {
    delivering = delivering.then(async () => {
      for (const e of await work()) {
        if (e.type === 'message') state.lastMessageId = Math.max(state.lastMessageId, e.message.id);
        local.publish(e);
      }
    }).catch((e: unknown) => deps.logger.log('error', 'event_delivery_failed', { error: String(e) }));
  };

  const expand = async (n: Notice): Promise<ConversationEvent[]> => {
    if (n.type === 'knowledge_changed') return [n];
    if (n.type === 'escalation_changed') return [{ ...n, escalationId: n.escalationId as EscalationId, conversationId: n.conversationId as ConversationId }];
    if (n.type === 'escalation_created') {
      const found = await rows<EscalationRow>(pool, 'SELECT * FROM escalations WHERE id = $1', [n.escalationId]);
      return found.map((r) => ({ type: 'escalation_created', escalation: toEscalation(r) }));
    }
    if (n.messageId <= state.lastMessageId) return []; // caught up already
    const found = await rows<MessageRow>(pool, 'SELECT * FROM messages WHERE id = $1', [n.messageId]);
    return found.map((r) => ({ type: 'message', conversationId: n.conversationId as ConversationId, channel: n.channel as Channel, message: toMessage(r) }));
  };

  /** What happened while the listener was away, from the tables themselves. */
  const catchUp = async (since: string): Promise<ConversationEvent[]> => {
    const messages = await rows<MessageRow & { channel: string }>(pool, 'SELECT m.*, c.channel FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE m.id > $1 ORDER BY m.id LIMIT 10000', [state.lastMessageId]);
    const created = await rows<EscalationRow>(pool, 'SELECT * FROM escalations WHERE created_at >= $1 ORDER BY created_at', [since]);
    const changed = await rows<EscalationRow>(pool, "SELECT * FROM escalations WHERE status <> 'open' AND (claimed_at >= $1 OR resolved_at >= $1)", [since]);
    const approved = await rows<{ entry_id: string }>(pool, 'SELECT entry_id FROM approved_entries WHERE approved_at >= $1', [since]);
    return [
      ...created.map((r): ConversationEvent => ({ type: 'escalation_created', escalation: toEscalation(r) })),
      ...messages.map((r): ConversationEvent => ({ type: 'message', conversationId: r.conversation_id as ConversationId, channel: r.channel as Channel, message: toMessage(r) })),
      ...changed.map((r): ConversationEvent => ({ type: 'escalation_changed', escalationId: r.id as EscalationId, conversationId: r.conversation_id as ConversationId, status: toEscalation(r).status })),
      ...approved.map((r): ConversationEvent => ({ type: 'knowledge_changed', entryId: r.entry_id })),
    ];
  };

  const listen = async (): Promise<void> => {
    const client = new Client({ connectionString: url });
    client.on('notification', (msg) => {
      const parsed = NoticeSchema.safeParse(JSON.parse(msg.payload ?? 'null'));
      if (!parsed.success) return deps.logger.log('warn', 'event_notice_unreadable', {});
      if (parsed.data.origin !== origin) deliver(() => expand(parsed.data.event));
    });
    client.on('error', (e) => dropped(client, e));
    client.on('end', () => dropped(client, new Error('connection ended')));
    await client.connect();
    await client.query(`LISTEN ${channel}`);
    if (state.closed) {
      await client.end();
      return;
    }
    state.client = client;
  };

  const dropped = (client: Client, error: Error) => {
    if (state.closed || state.client !== client) return;
    state.client = undefined;
    const since = new Date(Date.now() - 1000).toISOString(); // a second of overlap: clocks and commits are not exact
    deps.logger.log('warn', 'event_listener_dropped', { error: error.message });
    void client.end().catch(() => undefined);
    const retry = async () => {
      if (state.closed) return;
      const wait = Math.min((options.reconnectDelayMs ?? 500) * 2 ** state.attempt++, 30_000);
      await new Promise((r) => setTimeout(r, wait).unref());
      if (state.closed) return; // closed while waiting: no new connection
      try {
        await listen();
        state.attempt = 0;
        deps.logger.log('info', 'event_listener_reconnected', {});
        deliver(() => catchUp(since));
      } catch (e) {
        deps.logger.log('warn', 'event_listener_reconnect_failed', { error: String(e) });
        void retry();
      }
    };
    void retry();
  };

  await listen();
  return {
    publish(event) {
      if (event.type === 'message') state.lastMessageId = Math.max(state.lastMessageId, event.message.id);
      local.publish(event);
      const payload = JSON.stringify({ origin, event: toNotice(event) });
      pool.query('SELECT pg_notify($1, $2)', [channel, payload]).catch((e: unknown) => deps.logger.log('error', 'event_notify_failed', { type: event.type, error: String(e) }));
    },
    subscribe: (listener) => local.subscribe(listener),
    async close() {
      state.closed = true;
      await state.client?.end().catch(() => undefined);
      await delivering;
    },
  };
}
