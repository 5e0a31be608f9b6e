/**
 * Measures the design choice of one lunr index over all three languages against one index per
 * language (queried by the message's dominant script): accuracy on both evaluation sets,
 * warm decide latency and index build time. Usage: npx tsx scripts/compare-indexes.ts
 */
import { resolve } from 'node:path';
import { buildEngine, createAssistant, decide, KnowledgeRuntime, type DecideContext } from '../bot/core/conversation';
import { loadKnowledgeOrThrow } from '../bot/core/knowledge/load';
import { LANGUAGES } from '../bot/core/knowledge/schema';
import { buildSearchIndex, type SearchIndex } from '../bot/core/retrieval';
import { detectLanguage } from '../bot/core/text';
import { openDatabase, SqliteConversationStore } from '../bot/adapters/storage/sqlite';
import { createEventBus } from '../bot/adapters/system/event-bus';
import { createLogger, randomIds, systemClock } from '../bot/adapters/system/system';
import { loadEvalSet, runItem, summarise } from './lib/evaluate';

function perLanguageIndex(ctx: DecideContext, bundle: ReturnType<typeof loadKnowledgeOrThrow>): { index: SearchIndex; buildMs: number } {
  const t0 = performance.now();
  const byLang = Object.fromEntries(LANGUAGES.map((l) => [l, buildSearchIndex(bundle.entries, ctx.resources.stopwords, { languages: [l] })]));
  const buildMs = performance.now() - t0;
  return {
    buildMs,
    index: {
      size: bundle.entries.length,
      search: (query, limit) => byLang[detectLanguage(query.tokens.map((t) => t.raw).join(' ')).lang]!.search(query, limit),
    },
  };
}

function main(): number {
  const bundle = loadKnowledgeOrThrow(resolve('knowledge'));
  const logger = createLogger('silent');
  const shared = buildEngine(bundle);
  const split = perLanguageIndex(shared, bundle);
  const variants: [string, DecideContext, number][] = [
    ['one index, all languages', shared, shared.stats.indexBuildMs],
    ['one index per language', { ...shared, index: split.index }, split.buildMs],
  ];
  for (const [label, engine, buildMs] of variants) {
    const runtime = new KnowledgeRuntime(bundle);
    runtime.current().engine = { ...engine, stats: shared.stats };
    const assistant = createAssistant({ runtime, store: new SqliteConversationStore(openDatabase(':memory:')), events: createEventBus(logger), clock: systemClock, ids: randomIds, logger });
    const figures = (['questions', 'holdout'] as const).map((set) => {
      const r = summarise(loadEvalSet(resolve('test/eval'), set).map((i) => runItem(assistant, i)));
      return `${set} ${(r.overall.rate * 100).toFixed(1)}%`;
    });
    const qs = loadEvalSet(resolve('test/eval')).map((i) => i.q);
    for (const q of qs) decide(q, { misses: 0 }, engine);
    const times = qs.map((q) => {
      const t0 = process.hrtime.bigint();
      decide(q, { misses: 0 }, engine);
      return Number(process.hrtime.bigint() - t0) / 1e6;
    }).sort((a, b) => a - b);
    console.log(`${label}: ${figures.join(', ')}; decide p50 ${times[times.length >> 1]!.toFixed(3)} ms, p99 ${times[Math.floor(times.length * 0.99)]!.toFixed(3)} ms; build ${buildMs.toFixed(0)} ms`);
  }
  return 0;
}

process.exitCode = main();
