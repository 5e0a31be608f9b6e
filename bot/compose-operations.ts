import { createStreamRegistry, type StreamRegistry } from './adapters/http/stream-registry';
import { countReply, createMetrics, type Metrics, type WaitingEscalations } from './adapters/system/metrics';
import type { Assistant } from './core/conversation';
import type { EscalationRecord } from './core/coordination';
import type { ConversationEvent, EventBus, Logger } from './core/ports';
import type { EscalationId } from './core/types';

/** What operators watch and steer a running process by: metrics and the open event streams (issue 13). */
export type Operations = { metrics: Metrics; streams: StreamRegistry };

/** The escalation reads the metrics need; sync today, async once stores are (either works). */
export type EscalationReader = {
  listEscalations(filter: 'open', limit: number): EscalationRecord[] | Promise<EscalationRecord[]>;
  getEscalation(id: EscalationId): EscalationRecord | undefined | Promise<EscalationRecord | undefined>;
};

/** Open cases read per scrape; past this the gauge says "at least" (a queue this long is an incident anyway). */
const WAITING_SCAN_LIMIT = 10_000;

/** Metrics and the stream registry; `escalations` is read lazily, at scrape time. */
export function createOperations(deps: { now: () => Date; escalations: () => EscalationReader }): Operations {
  const streams = createStreamRegistry();
  const metrics = createMetrics({ now: deps.now, sseClients: () => streams.size(), waitingEscalations: () => readWaiting(deps.escalations()) });
  return { metrics, streams };
}

async function readWaiting(reader: EscalationReader): Promise<WaitingEscalations> {
  const open = await reader.listEscalations('open', WAITING_SCAN_LIMIT);
  // listed most urgent first, so the oldest is not necessarily the first
  const oldest = open.reduce<string | undefined>((min, e) => (min === undefined || e.createdAt < min ? e.createdAt : min), undefined);
  return { count: open.length, ...(oldest ? { oldestCreatedAt: oldest } : {}) };
}

/**
 * The assistant with every reply counted by kind and language. Telegram, WeChat, the web chat
 * and the API all answer through `handleMessage`, so this is the one place that sees them all.
 */
export function withReplyMetrics(assistant: Assistant, metrics: Metrics): Assistant {
  return {
    handleMessage(input) {
      const result = assistant.handleMessage(input);
      // A rejection is the caller's to handle (it holds `result`); this copy only counts successes.
      void Promise.resolve(result).then(
        (r) => (r.ok ? countReply(metrics, r.value.reply) : undefined),
        () => undefined,
      );
      return result;
    },
  };
}

/** Claims seen, so a lead's takeover (published as `claimed` again) is not timed twice; bounded. */
const SEEN_CLAIMS_MAX = 10_000;

/**
 * Observes the time to claim of each escalation claimed through this process: the desk publishes
 * `escalation_changed` with status `claimed` after every claim, and the record keeps the first
 * claim time. Returns the bus to hand to the desk and everything else that publishes.
 *
 * Only events this process *publishes* are counted, never those it *receives*: with PostgreSQL
 * the shared bus delivers every replica's claims to every replica's subscribers, so counting from
 * `subscribe` made each replica observe each claim, and a Prometheus `sum` over N replicas
 * counted every claim N times. Counting at `publish` times each claim once, on the replica that
 * made it (test: two-replicas "counts its time to claim there only, though the other replica receives the event").
 */
export function observeTimeToClaim(events: EventBus, reader: () => EscalationReader, metrics: Metrics, logger: Logger): EventBus {
  const seen = new Set<string>();
  const observe = (event: ConversationEvent) => {
    if (event.type !== 'escalation_changed' || event.status !== 'claimed' || seen.has(event.escalationId)) return;
    if (seen.size >= SEEN_CLAIMS_MAX) seen.clear();
    seen.add(event.escalationId);
    Promise.resolve(reader().getEscalation(event.escalationId)).then(
      (e) => {
        if (e?.claimedAt) metrics.timeToClaim.observe(Math.max(0, (Date.parse(e.claimedAt) - Date.parse(e.createdAt)) / 1000));
      },
      (e: unknown) => logger.log('warn', 'metrics_claim_read_failed', { escalationId: event.escalationId, error: String(e) }),
    );
  };
  return {
    publish(event) {
      events.publish(event);
      observe(event);
    },
    subscribe: (listener) => events.subscribe(listener),
  };
}
