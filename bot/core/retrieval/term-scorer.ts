import type lunr from 'lunr';

/** One term of a query: the field(s) it is looked for in and how much it weighs. */
export type TermClause = { term: string; boost: number; fields?: readonly string[] };

/** One entry matched by a query: lunr's score and the query terms it contains. */
export type ScoredRef = { ref: string; score: number; matched: Set<string> };

type Posting = Record<string, Record<string, unknown>> & { _index: number };
type Built = { invertedIndex: Record<string, Posting>; fieldVectors: Record<string, { elements: number[] }>; fields: string[] };

/**
 * Scores exact-term queries on a built lunr index the way `lunr.Index.query` does — the same
 * query vectors (clause boosts summed per term), the same cosine of each entry field's vector,
 * summed over fields, the same order of entries before sorting — without the objects lunr makes
 * per match (a MatchData per entry field, a FieldRef parsed back from a string, a Set per posting),
 * which were a third of reading a message. Wildcards, presence and the search pipeline are not
 * supported: the assistant queries exact terms only. Equal to lunr's results, score for score
 * (test/core/retrieval/term-scorer.test.ts checks it on every evaluation question).
 */
export function scoreTerms(index: lunr.Index, clauses: readonly TermClause[]): ScoredRef[] {
  const { invertedIndex, fieldVectors, fields } = index as unknown as Built;
  // per field, the query vector: term index → summed boost (lunr upserts even where no entry has the term in that field)
  const query = new Map<string, Map<number, number>>();
  // entry fields in the order lunr first meets them, and the terms each entry matched
  const fieldRefs: { ref: string; field: string }[] = [];
  const seenFieldRef = new Set<string>();
  const matched = new Map<string, Set<string>>();
  for (const clause of clauses) {
    const posting = Object.hasOwn(invertedIndex, clause.term) ? invertedIndex[clause.term] : undefined;
    if (!posting) continue;
    for (const field of clause.fields ?? fields) {
      const vector = query.get(field) ?? new Map<number, number>();
      query.set(field, vector);
      vector.set(posting._index, (vector.get(posting._index) ?? 0) + clause.boost);
      for (const ref of Object.keys(posting[field] ?? {})) {
        const key = `${field}/${ref}`;
        if (!seenFieldRef.has(key)) {
          seenFieldRef.add(key);
          fieldRefs.push({ ref, field });
        }
        const terms = matched.get(ref) ?? new Set<string>();
        matched.set(ref, terms);
        terms.add(clause.term);
      }
    }
  }
  // each field's query vector as lunr keeps it: sorted by term index, with its magnitude
  const sorted = new Map<string, { elements: number[]; magnitude: number }>();
  for (const [field, vector] of query) {
    const elements = [...vector].sort((a, b) => a[0] - b[0]).flat();
    let sumOfSquares = 0;
    for (let i = 1; i < elements.length; i += 2) sumOfSquares += (elements[i] ?? 0) * (elements[i] ?? 0);
    sorted.set(field, { elements, magnitude: Math.sqrt(sumOfSquares) });
  }
  const results: ScoredRef[] = [];
  const byRef = new Map<string, ScoredRef>();
  for (const { ref, field } of fieldRefs) {
    const q = sorted.get(field);
    const docVector = fieldVectors[`${field}/${ref}`];
    const score = q && docVector ? dot(q.elements, docVector.elements) / q.magnitude || 0 : 0;
    const known = byRef.get(ref);
    if (known) known.score += score;
    else {
      const hit = { ref, score, matched: matched.get(ref) ?? new Set<string>() };
      byRef.set(ref, hit);
      results.push(hit);
    }
  }
  return results.sort((a, b) => b.score - a.score);
}

/** lunr.Vector's dot product of two sorted [index, value, …] arrays. */
function dot(a: readonly number[], b: readonly number[]): number {
  let sum = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] ?? 0;
    const y = b[j] ?? 0;
    if (x < y) i += 2;
    else if (x > y) j += 2;
    else {
      sum += (a[i + 1] ?? 0) * (b[j + 1] ?? 0);
      i += 2;
      j += 2;
    }
  }
  return sum;
}
