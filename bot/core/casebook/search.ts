import { buildTextIndex, type TextIndex } from '../retrieval';
import type { Stopwords } from '../text';
import type { CasebookEntry } from './types';

/** Field weights: the traveller's question says most about what a case is about. */
const BOOSTS = { question: 3, summary: 2, transcript: 1 } as const;

/**
 * Free-text search over the casebook in zh, en and ru (same tokenizer as the knowledge base).
 * Rebuilds its index only when the casebook changed (`version`).
 */
export class CasebookSearch {
  private built: { version: number; index: TextIndex } | undefined;

  constructor(
    private readonly all: () => readonly CasebookEntry[],
    private readonly version: () => number,
    private readonly stopwords: () => Stopwords,
  ) {}

  /** Ids of the cases matching `text`, best first. */
  search(text: string, limit = 100): string[] {
    const version = this.version();
    if (!this.built || this.built.version !== version) {
      const docs = this.all().map((c) => ({ id: c.id, fields: { question: c.question, summary: c.summary, transcript: c.transcript.map((l) => l.text).join('\n') } }));
      this.built = { version, index: buildTextIndex(docs, BOOSTS, this.stopwords()) };
    }
    return this.built.index.search(text, limit).map((h) => h.id);
  }
}
