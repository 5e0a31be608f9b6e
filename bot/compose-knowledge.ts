import type { ApprovedEntryStore } from './adapters/storage/ports';
import { mergeApprovedEntries } from './core/casebook';
import type { KnowledgeRuntime } from './core/conversation';
import type { EventBus, Logger } from './core/ports';

/**
 * Merges the approved entries kept in the database (the overlay on knowledge/, issue 13) into
 * the runtime's bundle and re-indexes when any is new; entries already indexed are skipped, so
 * calling it again is cheap and changes nothing.
 */
export async function loadApprovedEntries(runtime: KnowledgeRuntime, approved: ApprovedEntryStore, logger: Logger): Promise<void> {
  const merged = mergeApprovedEntries(runtime.current().knowledge, (await approved.list()).map((a) => a.entry));
  for (const issue of merged.issues) logger.log('warn', 'approved_entry_unreadable', { message: issue.message });
  if (merged.added.length === 0) return;
  const stats = runtime.replace(merged.bundle);
  logger.log('info', 'approved_entries_indexed', { added: merged.added.length, entries: stats.entries, indexBuildMs: Math.round(stats.indexBuildMs) });
}

/**
 * Re-reads the approved entries on every `knowledge_changed` event: with PostgreSQL's shared
 * bus, an approval on another replica reaches this one without a restart (test: two-replicas
 * "answer from a draft approved on the other replica"). Reloads run one at a time. Returns the
 * function that stops following.
 */
export function followApprovedEntries(events: EventBus, runtime: KnowledgeRuntime, approved: ApprovedEntryStore, logger: Logger): () => void {
  let reloading = Promise.resolve();
  return events.subscribe((event) => {
    if (event.type !== 'knowledge_changed') return;
    reloading = reloading
      .then(() => loadApprovedEntries(runtime, approved, logger))
      .catch((e: unknown) => logger.log('error', 'approved_entries_reload_failed', { entryId: event.entryId, error: String(e) }));
  });
}
