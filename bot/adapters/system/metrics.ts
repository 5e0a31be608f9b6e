import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Logger } from '../../core/ports';
import type { Reply } from '../../core/types';

/** What the escalation gauges read at each scrape: the open (unclaimed) cases. */
export type WaitingEscalations = { count: number; oldestCreatedAt?: string };

export type MetricsOptions = {
  /** Reads the waiting escalations at scrape time (a store query; may be async). */
  waitingEscalations: () => WaitingEscalations | Promise<WaitingEscalations>;
  /** Open SSE streams at scrape time. */
  sseClients: () => number;
  now: () => Date;
};

/** The instruments the adapters feed, on one registry per Services (no module-level singleton). */
export type Metrics = {
  registry: Registry;
  /** Latency of one HTTP request, labelled by express route pattern (never the raw URL). */
  httpDuration: Histogram<'method' | 'route' | 'status'>;
  /** Replies the assistant gave, by kind and language. */
  replies: Counter<'kind' | 'lang'>;
  /** Seconds from an escalation's creation to its first claim. */
  timeToClaim: Histogram;
  /** Telegram API calls that failed for good (after the retries). */
  telegramSendFailures: Counter<'method'>;
};

const PREFIX = 'customs_';

/** Latency buckets in seconds: a chat reply takes ~5-50 ms, a bulk CSV or a PDF up to seconds. */
const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Claim-time buckets in seconds: from "at once" to a lost case after half a day. */
const CLAIM_BUCKETS = [10, 30, 60, 120, 300, 600, 1800, 3600, 7200, 21600, 43200];

/**
 * Builds the registry: default process and Node metrics (CPU, memory, GC, event-loop lag),
 * the request/reply/claim instruments, and gauges that read their value when scraped.
 */
export function createMetrics(options: MetricsOptions): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: PREFIX });
  const httpDuration = new Histogram({ name: `${PREFIX}http_request_duration_seconds`, help: 'HTTP request latency by express route pattern', labelNames: ['method', 'route', 'status'], buckets: HTTP_BUCKETS, registers: [registry] });
  const replies = new Counter({ name: `${PREFIX}replies_total`, help: 'Replies of the assistant by kind and language', labelNames: ['kind', 'lang'], registers: [registry] });
  const timeToClaim = new Histogram({ name: `${PREFIX}escalation_time_to_claim_seconds`, help: 'Seconds from escalation to first claim by a coordinator', buckets: CLAIM_BUCKETS, registers: [registry] });
  const telegramSendFailures = new Counter({ name: `${PREFIX}telegram_send_failures_total`, help: 'Telegram API calls that failed after all retries', labelNames: ['method'], registers: [registry] });
  new Gauge({
    name: `${PREFIX}sse_clients`,
    help: 'Open server-sent event streams (traveller pages and coordinator consoles)',
    registers: [registry],
    collect() {
      this.set(options.sseClients());
    },
  });
  // Each gauge reads the store itself: prom-client collects all metrics concurrently, so one
  // gauge cannot rely on another's collect having run first.
  new Gauge({
    name: `${PREFIX}escalations_waiting`,
    help: 'Escalations waiting for a coordinator (open, not claimed)',
    registers: [registry],
    async collect() {
      this.set((await options.waitingEscalations()).count);
    },
  });
  new Gauge({
    name: `${PREFIX}escalations_oldest_waiting_seconds`,
    help: 'Age in seconds of the oldest escalation not yet claimed (0 when none)',
    registers: [registry],
    async collect() {
      const oldest = (await options.waitingEscalations()).oldestCreatedAt;
      this.set(oldest ? Math.max(0, (options.now().getTime() - Date.parse(oldest)) / 1000) : 0);
    },
  });
  return { registry, httpDuration, replies, timeToClaim, telegramSendFailures };
}

/** Counts a reply (called once per handled message, whatever the channel). */
export function countReply(metrics: Metrics, reply: Pick<Reply, 'kind' | 'lang'>): void {
  metrics.replies.inc({ kind: reply.kind, lang: reply.lang });
}

/**
 * A Logger that also counts the events metrics are made of: the Telegram adapter logs exactly one
 * `telegram_api_failed` at level error when a call gives up after its retries (retry.ts), so that
 * line is the one place every failed send passes through, whichever feature sent it.
 */
export function withLogMetrics(logger: Logger, metrics: Metrics): Logger {
  return {
    log(level, code, fields) {
      if (level === 'error' && code === 'telegram_api_failed') metrics.telegramSendFailures.inc({ method: typeof fields?.method === 'string' ? fields.method : 'unknown' });
      logger.log(level, code, fields);
    },
  };
}
