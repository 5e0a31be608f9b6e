import { resolve } from 'node:path';
import { loadKnowledgeOrThrow } from '../../../bot/core/knowledge/load';
import { buildLunrIndex, tagTerm } from '../../../bot/core/retrieval/search-index';
import { scoreTerms, type TermClause } from '../../../bot/core/retrieval/term-scorer';
import { buildLanguageResources, tokenize } from '../../../bot/core/text';
import { loadEvalSet } from '../../../scripts/lib/evaluate';

/**
 * `scoreTerms` replaces `lunr.Index.query` for exact-term queries to make reading a message
 * faster; it must give what lunr gives: the same entries in the same order, the same scores and
 * the same matched terms, on every question of the tuned and held-out sets.
 */
const bundle = loadKnowledgeOrThrow(resolve(__dirname, '../../../knowledge'));
const { stopwords } = buildLanguageResources(bundle.languages);
const { index, vocabulary } = buildLunrIndex(bundle.entries, stopwords);
const questions = [...loadEvalSet(resolve(__dirname, '../../eval'), 'questions'), ...loadEvalSet(resolve(__dirname, '../../eval'), 'holdout')].map((i) => i.q);

/** What lunr itself answers for the same clauses (its own token set: exact terms, no pipeline). */
function lunrQuery(clauses: readonly TermClause[]) {
  return index
    .query((q) => {
      for (const c of clauses) q.term(c.term, { usePipeline: false, boost: c.boost, ...(c.fields ? { fields: [...c.fields] } : {}) });
    })
    .map((r) => ({ ref: r.ref, score: r.score, matched: new Set(Object.keys(r.matchData.metadata)) }));
}

/** A query like the assistant's: the message's known words, a repeated word, and a few concept tags, strong and weak. */
function clausesOf(text: string, n: number): TermClause[] {
  const terms = [...new Set(tokenize(text, stopwords).map((t) => t.term))].filter((t) => vocabulary.has(t));
  const tags = [...vocabulary.keys()].filter((t) => t.startsWith('tag_'));
  const clauses: TermClause[] = terms.map((term) => ({ term, boost: 1 }));
  if (terms[0]) clauses.push({ term: terms[0], boost: 0.3 });
  clauses.push({ term: tags[n % tags.length] ?? tagTerm('tobacco'), boost: 3, fields: ['tags'] });
  clauses.push({ term: tags[(n * 7) % tags.length] ?? tagTerm('alcohol'), boost: 0.5, fields: ['tags'] });
  return clauses;
}

describe('scoreTerms', () => {
  it('has questions to compare on', () => {
    expect(questions.length).toBeGreaterThan(400);
  });

  it('scores every evaluation question exactly as lunr.Index.query does', () => {
    let compared = 0;
    questions.forEach((q, n) => {
      const clauses = clausesOf(q, n);
      const ours = scoreTerms(index, clauses);
      const theirs = lunrQuery(clauses);
      expect(ours.map((r) => r.ref)).toEqual(theirs.map((r) => r.ref));
      expect(ours.map((r) => r.score)).toEqual(theirs.map((r) => r.score));
      expect(ours.map((r) => [...r.matched].sort())).toEqual(theirs.map((r) => [...r.matched].sort()));
      compared += ours.length;
    });
    expect(compared).toBeGreaterThan(questions.length);
  });

  it('finds nothing for words no entry has', () => {
    expect(scoreTerms(index, [{ term: 'zzqqxx', boost: 1 }])).toEqual([]);
  });

  it('scores a word found only in a field it is not looked for in as zero there', () => {
    // a tag term asked of the body only: lunr matches no field, and neither do we
    const tag = [...vocabulary.keys()].find((t) => t.startsWith('tag_')) ?? tagTerm('tobacco');
    const clauses: TermClause[] = [{ term: tag, boost: 1, fields: ['body'] }];
    expect(scoreTerms(index, clauses)).toEqual(lunrQuery(clauses));
  });
});
