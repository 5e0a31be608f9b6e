import lunr from 'lunr';
import { tokenize, type Stopwords } from '../text';

/** A document for a small free-text index: an id and named text fields. */
export type TextDocument = { id: string; fields: Readonly<Record<string, string>> };

/** A document found by `TextIndex.search`, best first. */
export type TextHit = { id: string; score: number };

/** A built free-text index; lunr stays inside this folder. */
export type TextIndex = { readonly size: number; search(text: string, limit?: number): TextHit[] };

/** Terms shorter than this are never matched fuzzily (same rule as the knowledge index). */
const FUZZY_MIN_LENGTH = 5;

/**
 * Builds a lunr index over documents whose text is in any of zh/en/ru, with the same tokenizer
 * as the knowledge index (Han words and bigrams, English and Russian stems), so a Chinese search
 * finds Chinese cases and "сигареты" finds "сигарет". Used for the coordinators' casebook.
 * `boosts` names the fields and their weight, e.g. `{ question: 2, summary: 1 }`.
 */
export function buildTextIndex(documents: readonly TextDocument[], boosts: Readonly<Record<string, number>>, stopwords: Stopwords): TextIndex {
  const terms = (text: string) => tokenize(text, stopwords).map((t) => t.term).join(' ');
  const fields = Object.keys(boosts);
  const index = lunr(function () {
    this.pipeline.reset();
    this.searchPipeline.reset();
    this.ref('id');
    for (const f of fields) this.field(f, { boost: boosts[f] ?? 1 });
    for (const doc of documents) this.add({ id: doc.id, ...Object.fromEntries(fields.map((f) => [f, terms(doc.fields[f] ?? '')])) });
  });
  return {
    size: documents.length,
    search(text, limit = 50) {
      const tokens = tokenize(text, stopwords);
      if (tokens.length === 0) return [];
      const results = index.query((q) => {
        for (const token of tokens) {
          q.term(token.term, { usePipeline: false });
          if (token.script !== 'han' && token.script !== 'digit' && token.term.length >= FUZZY_MIN_LENGTH) q.term(token.term, { usePipeline: false, editDistance: 1, boost: 0.3 });
        }
      });
      return results.slice(0, limit).map((r) => ({ id: r.ref, score: r.score }));
    },
  };
}
