import type { KnowledgeBundle } from '../knowledge/load';
import type { DecideContext, DecideOptions } from './decide';
import { buildEngine, type EngineStats } from './engine';

export type LoadedKnowledge = { knowledge: KnowledgeBundle; engine: DecideContext & { stats: EngineStats } };

/**
 * The knowledge base in use, swappable while the server runs (an approved draft is indexed
 * without a restart). Readers call `current()` per message, so a swap is atomic for them.
 */
export class KnowledgeRuntime {
  private loaded: LoadedKnowledge;

  constructor(
    bundle: KnowledgeBundle,
    private readonly options: Partial<DecideOptions> = {},
  ) {
    this.loaded = { knowledge: bundle, engine: buildEngine(bundle, options) };
  }

  current(): LoadedKnowledge {
    return this.loaded;
  }

  /** Builds a new engine for `bundle` and switches to it; returns the new stats. */
  replace(bundle: KnowledgeBundle): EngineStats {
    const engine = buildEngine(bundle, this.options);
    this.loaded = { knowledge: bundle, engine };
    return engine.stats;
  }
}
