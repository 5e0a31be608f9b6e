import lunr from 'lunr';
import { tokenize, type Stopwords } from '../text';

/**
 * A document for a small free-text index: an id, named text fields, and optional `tags`
 * (language-independent terms such as concept ids, matched exactly, never tokenized).
 */
export type TextDocument = { id: string; fields: Readonly<Record<string, string>>; tags?: readonly string[] };

/** What to look for: free text, and tags matched exactly on the documents' `tags`. */
export type TextQuery = { text: string; tags?: readonly string[] };

/** Weight of a shared tag against a word (a concept says more than one word of the text). */
const TAG_BOOST = 4;
/** The tag field's name inside lunr (not a word any tokenizer produces, so no clash with fields). */
const TAG_FIELD = '__tags';

/** A document found by `TextIndex.search`, best first. */
export type TextHit = { id: string; score: number };

/** A built free-text index; lunr stays inside this folder. */
export type TextIndex = { readonly size: number; search(query: string | TextQuery, limit?: number): TextHit[] };

/** Terms shorter than this are never matched fuzzily (same rule as the knowledge index). */
const FUZZY_MIN_LENGTH = 5;

/**
 * Builds a lunr index over documents whose text is in any of zh/en/ru, with the same tokenizer
 * as the knowledge index (Han words and bigrams, English and Russian stems), so a Chinese search
 * finds Chinese cases and "сигареты" finds "сигарет". Used for the coordinators' casebook.
 * `boosts` names the fields and their weight, e.g. `{ question: 2, summary: 1 }`. Documents'
 * `tags` and a query's `tags` meet across languages (the casebook passes concept ids).
 */
export function buildTextIndex(documents: readonly TextDocument[], boosts: Readonly<Record<string, number>>, stopwords: Stopwords): TextIndex {
  const terms = (text: string) => tokenize(text, stopwords).map((t) => t.term).join(' ');
  const fields = Object.keys(boosts);
  const index = lunr(function () {
    this.pipeline.reset();
    this.searchPipeline.reset();
    this.ref('id');
    for (const f of fields) this.field(f, { boost: boosts[f] ?? 1 });
    this.field(TAG_FIELD, { boost: TAG_BOOST });
    // lunr splits a field on spaces only (pipeline reset), so tags keep their exact form
    for (const doc of documents) this.add({ id: doc.id, ...Object.fromEntries(fields.map((f) => [f, terms(doc.fields[f] ?? '')])), [TAG_FIELD]: (doc.tags ?? []).join(' ') });
  });
  return {
    size: documents.length,
    search(query, limit = 50) {
      const { text, tags = [] } = typeof query === 'string' ? { text: query } : query;
      const tokens = tokenize(text, stopwords);
      if (tokens.length === 0 && tags.length === 0) return [];
      const results = index.query((q) => {
        for (const token of tokens) {
          q.term(token.term, { usePipeline: false, fields });
          if (token.script !== 'han' && token.script !== 'digit' && token.term.length >= FUZZY_MIN_LENGTH) q.term(token.term, { usePipeline: false, editDistance: 1, boost: 0.3, fields });
        }
        for (const tag of tags) q.term(tag, { usePipeline: false, fields: [TAG_FIELD] });
      });
      return results.slice(0, limit).map((r) => ({ id: r.ref, score: r.score }));
    },
  };
}
