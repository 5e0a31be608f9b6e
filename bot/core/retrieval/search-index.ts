import lunr from 'lunr';
import { LANGUAGES, type KnowledgeEntry, type LanguageCode } from '../knowledge/schema';
import { tokenize, type Stopwords, type Token } from '../text';
import { scoreTerms, type TermClause } from './term-scorer';
import { TypoMap } from './typo-map';

/** Field boosts: a traveller's word in a tag or title says more than one in the answer body. */
const FIELD_BOOST = { tags: 5, title: 3, keywords: 2, phrasings: 2, body: 1 } as const;
type Field = keyof typeof FIELD_BOOST;

/** Score multiplier per topic concept shared by the question and the entry's tags. */
const CONCEPT_BONUS = 0.3;

/** Floor of the coverage factor (COVERAGE_BASE + coverage, coverage in 0..1). */
const COVERAGE_BASE = 0.5;

/** Terms shorter than this are never matched fuzzily (too many false friends). */
const FUZZY_MIN_LENGTH = 5;

/** One knowledge entry found for a query. */
export type Hit = {
  entryId: string;
  /** lunr's BM25 score, summed over fields; comparable only within one index. */
  score: number;
  /** Share (0..1) of the query's distinct terms and concepts that this entry matched. */
  coverage: number;
  /** Concept tags of the query that this entry carries. */
  matchedConcepts: string[];
};

/**
 * A query already split into terms and concept ids (see `tokenize` and the concept matcher).
 * `weakConcepts` (traveller categories such as hk_macao) count less than topic concepts: "from
 * Hong Kong, how many cigarettes?" is about cigarettes, not about the Hong Kong allowance.
 */
export type Query = { tokens: readonly Token[]; concepts: readonly string[]; weakConcepts?: readonly string[] };

export type SearchIndexOptions = {
  /**
   * Languages whose text goes into the index (default: all three). The assistant uses one
   * index over all languages; `scripts/compare-indexes.ts` measures one index per language.
   */
  languages?: readonly LanguageCode[];
};

/** The built index; lunr stays inside this module. */
export type SearchIndex = { readonly size: number; search(query: Query, limit?: number): Hit[] };

export const tagTerm = (concept: string) => `tag_${concept}`;
const TAGS: readonly string[] = ['tags'];

/**
 * Builds one lunr index over all entries with the text of all three languages, each word
 * tokenized by its own script's rules (so mixed-language questions match too).
 */
export function buildSearchIndex(entries: readonly KnowledgeEntry[], stopwords: Stopwords, options: SearchIndexOptions = {}): SearchIndex {
  const { index, vocabulary } = buildLunrIndex(entries, stopwords, options);
  const meta = new Map(entries.map((e) => [e.id, { tags: new Set(e.tags), requires: e.requires, excludes: e.excludes }]));
  const typos = new TypoMap([...vocabulary.keys()].filter((t) => /^[\p{Script=Latin}\p{Script=Cyrillic}]+$/u.test(t)), FUZZY_MIN_LENGTH);
  return {
    size: entries.length,
    search: (query, limit = 5) => runQuery(index, meta, { vocabulary, typos }, query).slice(0, limit),
  };
}

/**
 * The lunr index over the entries and its vocabulary (index term → number of fields containing
 * it: rarer terms say more). Queries are scored by `scoreTerms`, lunr's own scoring without its
 * per-match objects.
 */
export function buildLunrIndex(entries: readonly KnowledgeEntry[], stopwords: Stopwords, options: SearchIndexOptions = {}): { index: lunr.Index; vocabulary: ReadonlyMap<string, number> } {
  const langs = options.languages ?? LANGUAGES;
  const fieldFrequency = new Map<string, number>();
  const termsOf = (texts: string[]) => {
    const terms = texts.flatMap((t) => tokenize(t.replace(/\{\{[^}]*\}\}/g, ' '), stopwords).map((tok) => tok.term));
    for (const term of new Set(terms)) fieldFrequency.set(term, (fieldFrequency.get(term) ?? 0) + 1);
    return terms.join(' ');
  };
  const termsOfTags = (tags: readonly string[]) => {
    const terms = tags.map(tagTerm);
    for (const term of terms) fieldFrequency.set(term, (fieldFrequency.get(term) ?? 0) + 1);
    return terms.join(' ');
  };
  const index = lunr(function () {
    this.pipeline.reset();
    this.searchPipeline.reset();
    this.ref('id');
    for (const field of Object.keys(FIELD_BOOST) as Field[]) this.field(field, { boost: FIELD_BOOST[field] });
    for (const entry of entries) {
      this.add({
        id: entry.id,
        tags: termsOfTags(entry.tags),
        title: termsOf(langs.map((l) => entry.title[l])),
        keywords: termsOf(langs.flatMap((l) => entry.keywords[l])),
        phrasings: termsOf(langs.flatMap((l) => entry.phrasings[l])),
        body: termsOf(langs.flatMap((l) => [entry.answer[l].lead, ...Object.values(entry.answer[l].variants ?? {}), ...entry.answer[l].details])),
      });
    }
  });
  return { index, vocabulary: fieldFrequency };
}

type Lexicon = { vocabulary: ReadonlyMap<string, number>; typos: TypoMap };

/**
 * At most this many distinct words of a message go to the index, the rarest first (20 measured as accurate as 32, and faster): a
 * 3,000-character ramble costs no more than a short question and its telling words survive.
 */
const MAX_QUERY_TERMS = 20;

type EntryMeta = { tags: Set<string>; requires: readonly string[]; excludes: readonly string[] };

/**
 * How much an entry's score keeps when the question lacks a concept the entry requires, or
 * has one it excludes (knowledge entries' `requires` / `excludes`).
 */
const OFF_TOPIC_FACTOR = 0.2;

function runQuery(index: lunr.Index, meta: Map<string, EntryMeta>, lexicon: Lexicon, query: Query): Hit[] {
  const rarity = (t: string) => lexicon.vocabulary.get(t) ?? 0;
  const terms = [...new Set(query.tokens.map((t) => t.term))]
    .filter((t) => t.length > 0)
    .sort((a, b) => rarity(a) - rarity(b))
    .slice(0, MAX_QUERY_TERMS);
  if (terms.length === 0 && query.concepts.length === 0 && !query.weakConcepts?.length) return [];
  const clauses: TermClause[] = [];
  for (const term of terms) {
    if (lexicon.vocabulary.has(term)) clauses.push({ term, boost: 1 });
    // An unknown word may be a typo of a known one: match its neighbours, weakly.
    else for (const near of lexicon.typos.near(term)) clauses.push({ term: near, boost: 0.3 });
  }
  for (const concept of query.concepts) clauses.push({ term: tagTerm(concept), boost: 3, fields: TAGS });
  for (const concept of query.weakConcepts ?? []) clauses.push({ term: tagTerm(concept), boost: 0.5, fields: TAGS });
  const results = scoreTerms(index, clauses.filter((c) => lexicon.vocabulary.has(c.term)));
  const wanted = terms.length + query.concepts.length;
  const asked = new Set([...query.concepts, ...(query.weakConcepts ?? [])]);
  const hits = results.map((r) => {
    const matched = r.matched;
    const m = meta.get(r.ref) ?? { tags: new Set<string>(), requires: [], excludes: [] };
    const matchedConcepts = query.concepts.filter((c) => m.tags.has(c));
    const matchedTerms = terms.filter((t) => matched.has(t)).length;
    const offTopic = (m.requires.length > 0 && !m.requires.some((c) => asked.has(c))) || m.excludes.some((c) => asked.has(c));
    // Each topic concept of the question that the entry is about multiplies its score: an
    // entry about "declaring when leaving" beats one that only shares the word "declare".
    // Coverage weighs in too: an entry that answers most of the question beats one that
    // matches a single frequent word strongly.
    const coverage = (matchedTerms + matchedConcepts.length) / wanted;
    const score = r.score * (1 + CONCEPT_BONUS * matchedConcepts.length) * (COVERAGE_BASE + coverage) * (offTopic ? OFF_TOPIC_FACTOR : 1);
    return { entryId: r.ref, score, coverage, matchedConcepts };
  });
  return hits.sort((a, b) => b.score - a.score);
}
