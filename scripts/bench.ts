/**
 * Prints performance figures: warm in-process answer latency (p50/p99 over every evaluation
 * question), index build time and heap used, for the shipped knowledge base and for a
 * synthetic one 10× larger; then chat throughput through the HTTP API for one SQLite process,
 * one PostgreSQL replica and two (TEST_DATABASE_URL, else DATABASE_URL; skipped, saying so,
 * without either). Figures only, no assertions. Usage: npm run bench
 */
import { resolve } from 'node:path';
import { buildEngine, decide } from '../bot/core/conversation';
import { loadConfig } from '../bot/config';
import { withEnvFile } from '../bot/env-file';
import { createServices } from '../bot/compose';
import { loadKnowledgeOrThrow, type KnowledgeBundle } from '../bot/core/knowledge/load';
import { createDeclarationService, loadDeclarationKnowledgeOrThrow } from '../bot/core/declaration';
import { readMessage } from '../bot/core/reading';
import { chatThroughput, type ThroughputOptions } from './lib/chat-throughput';
import { loadEvalSet } from './lib/evaluate';

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const heapMb = () => {
  gc();
  return process.memoryUsage().heapUsed / 1024 / 1024;
};
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

/** A knowledge base `factor` times larger: copies of every entry with new ids and shifted wording. */
function inflate(bundle: KnowledgeBundle, factor: number): KnowledgeBundle {
  const entries = bundle.entries.flatMap((e) =>
    Array.from({ length: factor }, (_, i) =>
      i === 0 ? e : { ...e, id: `${e.id}-copy${i}`, phrasings: { zh: e.phrasings.zh.map((p) => `${p} ${i}`), en: e.phrasings.en.map((p) => `${p} variant${i}`), ru: e.phrasings.ru.map((p) => `${p} вариант${i}`) } },
    ),
  );
  return { ...bundle, entries };
}

function measure(label: string, bundle: KnowledgeBundle, questions: string[]) {
  const before = heapMb();
  const builds: number[] = [];
  let engine = buildEngine(bundle);
  for (let i = 0; i < 5; i++) {
    engine = buildEngine(bundle);
    builds.push(engine.stats.indexBuildMs);
  }
  const heap = heapMb() - before;
  const state = { misses: 0 };
  const declaration = createDeclarationService(loadDeclarationKnowledgeOrThrow(resolve('knowledge')));
  const readings = questions.map((q) => readMessage(q, engine, declaration)); // warm-up
  for (const r of readings) decide(r, state, engine);
  const reads: number[] = [];
  const times: number[] = [];
  for (let round = 0; round < 3; round++) {
    for (const q of questions) {
      const t0 = process.hrtime.bigint();
      const reading = readMessage(q, engine, declaration);
      const t1 = process.hrtime.bigint();
      decide(reading, state, engine);
      reads.push(Number(t1 - t0) / 1e6);
      times.push(Number(process.hrtime.bigint() - t1) / 1e6);
    }
  }
  times.sort((a, b) => a - b);
  reads.sort((a, b) => a - b);
  builds.sort((a, b) => a - b);
  console.log(`${label}: ${bundle.entries.length} entries`);
  console.log(`  index build        median ${quantile(builds, 0.5).toFixed(1)} ms (5 builds, lunr only); classifier training ${engine.stats.classifierTrainMs.toFixed(1)} ms`);
  console.log(`  heap used          ${heap.toFixed(1)} MB for the engine (index + matchers + classifier)`);
  console.log(`  read a message     p50 ${quantile(reads, 0.5).toFixed(3)} ms, p99 ${quantile(reads, 0.99).toFixed(3)} ms (scripts, signals, concepts, list parse, search, intent)`);
  console.log(`  decide, warm       p50 ${quantile(times, 0.5).toFixed(3)} ms, p99 ${quantile(times, 0.99).toFixed(3)} ms, max ${(times[times.length - 1] ?? 0).toFixed(3)} ms over ${times.length} runs`);
  return engine;
}

async function main(): Promise<number> {
  const bundle = loadKnowledgeOrThrow(resolve('knowledge'));
  const questions = loadEvalSet(resolve('test/eval')).map((i) => i.q);
  console.log(`bench: node ${process.version}, ${questions.length} evaluation questions${(globalThis as { gc?: unknown }).gc ? '' : ' (run with --expose-gc for exact heap figures)'}`);
  measure('shipped knowledge base', bundle, questions);

  // The whole path as the API runs it: declaration check, decide, compose, SQLite writes.
  const services = await createServices(loadConfig({ ...withEnvFile(process.env).env, LOG_LEVEL: 'silent' }), { databaseFile: ':memory:' });
  const assistant = services.assistant;
  for (const q of questions) await assistant.handleMessage({ text: q, channel: 'api' });
  const full: number[] = [];
  for (const q of questions) {
    const t0 = process.hrtime.bigint();
    await assistant.handleMessage({ text: q, channel: 'api' });
    full.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  full.sort((a, b) => a - b);
  console.log(`  handleMessage      p50 ${quantile(full, 0.5).toFixed(3)} ms, p99 ${quantile(full, 0.99).toFixed(3)} ms (declaration check + decide + compose + SQLite :memory: writes)`);
  await services.close();

  measure('synthetic knowledge base ×10', inflate(bundle, 10), questions);
  await printThroughput(questions);
  return 0;
}

/** 16 travellers in parallel, 5 s measured after 1 s of warm-up, a new conversation every 5 messages. */
const THROUGHPUT: ThroughputOptions = { clients: 16, seconds: 5, warmupSeconds: 1, messagesPerConversation: 5 };

async function printThroughput(questions: string[]): Promise<void> {
  const { env } = withEnvFile(process.env);
  const config = loadConfig({ ...env, LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '0' });
  const { rows, skipped } = await chatThroughput(config, env.TEST_DATABASE_URL || env.DATABASE_URL || undefined, questions, THROUGHPUT);
  console.log(`chat throughput: POST /api/v1/chat on loopback, ${THROUGHPUT.clients} concurrent clients, ${THROUGHPUT.seconds} s measured`);
  for (const r of rows) console.log(`  ${r.label.padEnd(26)} ${r.perSecond.toFixed(0).padStart(5)} messages/s   p50 ${r.p50Ms.toFixed(1)} ms, p99 ${r.p99Ms.toFixed(1)} ms   (${r.messages} messages, ${r.errors} errors)`);
  if (skipped) console.log(`  ${skipped}`);
  // both replicas run in this process, on one event loop: the two-replica row shows the cost of
  // sharing a database and events, not the scale-out of replicas on separate cores
  if (rows.length === 3) console.log('  (the replicas share this process and its event loop; on separate hosts each adds its own CPU)');
}

main().then((code) => (process.exitCode = code));
