import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { createPostgresStores } from '../../bot/adapters/storage/postgres';
import { systemClock } from '../../bot/adapters/system/system';
import { createServices, type Services } from '../../bot/compose';
import type { Config } from '../../bot/config';

/** How hard the load is: concurrent clients, measured seconds, and messages per conversation before a client starts a new one. */
export type ThroughputOptions = { clients: number; seconds: number; warmupSeconds: number; messagesPerConversation: number };

/** One row of the chat throughput table. */
export type ThroughputRow = { label: string; messages: number; perSecond: number; p50Ms: number; p99Ms: number; errors: number };

type Replica = { url: string; services: Services; server: Server };

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

async function listen(services: Services): Promise<Replica> {
  const server: Server = await new Promise((res) => {
    const s = services.app.listen(0, '127.0.0.1', () => res(s));
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, services, server };
}

async function stop(replicas: Replica[]): Promise<void> {
  for (const r of replicas) {
    r.server.closeAllConnections();
    await new Promise((res) => r.server.close(res));
    await r.services.close();
  }
}

/**
 * `clients` travellers post questions through the HTTP chat API, spread over the replicas in
 * turn, for `seconds` after a warm-up; each reply is awaited before the client's next message.
 */
async function drive(label: string, replicas: Replica[], questions: string[], options: ThroughputOptions): Promise<ThroughputRow> {
  const latencies: number[] = [];
  let errors = 0;
  let measuring = false;
  const end = Date.now() + (options.warmupSeconds + options.seconds) * 1000;
  setTimeout(() => (measuring = true), options.warmupSeconds * 1000).unref();
  const client = async (n: number) => {
    let conversationId: string | undefined;
    for (let i = n; Date.now() < end; i++) {
      if (i % options.messagesPerConversation === 0) conversationId = undefined;
      const replica = replicas[i % replicas.length] as Replica;
      const t0 = performance.now();
      const res = await fetch(`${replica.url}/api/v1/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: questions[i % questions.length], ...(conversationId ? { conversationId } : {}) }) });
      const body = (await res.json()) as { conversationId?: string };
      if (res.status !== 200) errors++;
      else conversationId = body.conversationId;
      if (measuring) latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: options.clients }, (_, n) => client(n)));
  latencies.sort((a, b) => a - b);
  return { label, messages: latencies.length, perSecond: latencies.length / options.seconds, p50Ms: quantile(latencies, 0.5), p99Ms: quantile(latencies, 0.99), errors };
}

/**
 * Chat throughput through the HTTP API on loopback, side by side (issue 13): one SQLite process
 * (a file in a temp folder), one PostgreSQL replica, and two replicas on one PostgreSQL, each
 * with its own pool and shared events as in production. PostgreSQL runs in a fresh schema that
 * is dropped afterwards. Without `databaseUrl` the PostgreSQL rows are skipped, with the reason.
 */
export async function chatThroughput(config: Config, databaseUrl: string | undefined, questions: string[], options: ThroughputOptions): Promise<{ rows: ThroughputRow[]; skipped?: string }> {
  const rows: ThroughputRow[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'customs-bench-'));
  try {
    const sqlite = [await listen(await createServices(config, { databaseFile: join(dir, 'bench.sqlite') }))];
    rows.push(await drive('SQLite, one process', sqlite, questions, options).finally(() => stop(sqlite)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (!databaseUrl) return { rows, skipped: 'PostgreSQL rows skipped: neither TEST_DATABASE_URL nor DATABASE_URL is set (start one with scripts/test-postgres.sh)' };
  const schema = `bench_${randomBytes(6).toString('hex')}`;
  const replica = async () => listen(await createServices(config, { stores: await createPostgresStores(databaseUrl, systemClock, { schema }) }));
  try {
    const one = [await replica()];
    rows.push(await drive('PostgreSQL, one replica', one, questions, options).finally(() => stop(one)));
    const two = [await replica(), await replica()];
    rows.push(await drive('PostgreSQL, two replicas', two, questions, options).finally(() => stop(two)));
  } finally {
    const admin = new Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  }
  return { rows };
}
