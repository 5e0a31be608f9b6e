import { buildTextIndex, type TextIndex } from '../retrieval';
import { prepareText, type LanguageResources } from '../text';
import type { CasebookEntry } from './types';

/** Field weights: the traveller's question says most about what a case is about. */
const BOOSTS = { question: 3, summary: 2, transcript: 1 } as const;

/**
 * The concepts of a text in the bot's own vocabulary (knowledge/lang concepts and escalation
 * signals), as language-independent tags: "bag seized", «сумку забрали» and "包被扣了" all give
 * `signal:seized`, "香烟" and "сигареты" both `concept:cigarettes`.
 */
export function conceptTagsOf(text: string, resources: LanguageResources): string[] {
  const prepared = prepareText(text);
  return [...[...resources.concepts.match(prepared)].map((c) => `concept:${c}`), ...[...resources.signals.match(prepared)].map((s) => `signal:${s}`)];
}

/**
 * Search over the casebook in zh, en and ru: the words (same tokenizer as the knowledge base)
 * and, across languages, the concepts the bot reads (`conceptTagsOf`, from the question and the
 * summary). Rebuilds its index only when the casebook changed (`version`).
 */
export class CasebookSearch {
  private built: { version: number; resources: LanguageResources; index: TextIndex } | undefined;

  constructor(
    private readonly all: () => Promise<readonly CasebookEntry[]>,
    private readonly version: () => Promise<number>,
    private readonly resources: () => LanguageResources,
  ) {}

  /** Ids of the cases matching `text`, best first. */
  async search(text: string, limit = 100): Promise<string[]> {
    const version = await this.version();
    const resources = this.resources();
    // rebuilt when a case is added or the knowledge base (its vocabulary) is replaced
    if (!this.built || this.built.version !== version || this.built.resources !== resources) {
      const docs = (await this.all()).map((c) => ({
        id: c.id,
        fields: { question: c.question, summary: c.summary, transcript: c.transcript.map((l) => l.text).join('\n') },
        tags: [...new Set([...conceptTagsOf(c.question, resources), ...conceptTagsOf(c.summary, resources)])],
      }));
      this.built = { version, resources, index: buildTextIndex(docs, BOOSTS, resources.stopwords) };
    }
    return this.built.index.search({ text, tags: conceptTagsOf(text, resources) }, limit).map((h) => h.id);
  }
}
