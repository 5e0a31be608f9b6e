import type { KnowledgeEntry } from '../knowledge/schema';
import { prepareText, tokenize } from '../text';
import type { DecideContext } from './decide';

/** A knowledge entry the bot would consider for a text, with its search score. */
export type Candidate = { entry: KnowledgeEntry; score: number };

/**
 * The knowledge base's best entries for a text, best first, with the same tokens and concept
 * matching as `decide` but no confidence threshold: coordinators see what the bot found even
 * when it was not sure enough to answer. `limit` defaults to 5.
 */
export function candidatesFor(text: string, engine: Pick<DecideContext, 'entries' | 'index' | 'resources'>, limit = 5): Candidate[] {
  const tokens = tokenize(text, engine.resources.stopwords);
  const concepts = [...engine.resources.concepts.match(prepareText(text))];
  return engine.index.search({ tokens, concepts }, limit).flatMap((hit) => {
    const entry = engine.entries.get(hit.entryId);
    return entry ? [{ entry, score: hit.score }] : [];
  });
}
