import { loadAgencyKnowledgeOrThrow, makeQuiz, quizPool } from '../../../bot/core/agency';
import { loadKnowledgeOrThrow, type KnowledgeBundle } from '../../../bot/core/knowledge/load';
import { formatNumber } from '../../../bot/core/knowledge/render';
import { LANGUAGES } from '../../../bot/core/knowledge/schema';
import { KNOWLEDGE_DIR } from '../../fixtures/services';

const bundle = loadKnowledgeOrThrow(KNOWLEDGE_DIR);
const agency = loadAgencyKnowledgeOrThrow(KNOWLEDGE_DIR);

describe('makeQuiz', () => {
  describe('when asked twice with one seed', () => {
    it('returns the same quiz, and another seed another order', () => {
      const a = makeQuiz(bundle, agency, { lang: 'ru', seed: 42, count: 10 });
      expect(makeQuiz(bundle, agency, { lang: 'ru', seed: 42, count: 10 })).toEqual(a);
      expect(makeQuiz(bundle, agency, { lang: 'ru', seed: 43, count: 10 }).map((q) => q.id)).not.toEqual(a.map((q) => q.id));
    });
  });

  describe.each(LANGUAGES)('every question in %s', (lang) => {
    const pool = quizPool(bundle, agency, lang);
    it('has one right answer by construction: the limits.yaml figure, or the entry lead\'s yes/no', () => {
      expect(pool.length).toBeGreaterThan(40);
      for (const q of pool) {
        expect(q.answer).toBeGreaterThanOrEqual(0);
        expect(q.answer).toBeLessThan(q.choices.length);
        expect(new Set(q.choices).size).toBe(q.choices.length);
        const [entryId, path] = q.id.split(':');
        expect(q.citation.entryId).toBe(entryId);
        expect(q.citation.url).toMatch(/^https?:\/\//);
        if (path === 'yes-no') {
          const lead = bundle.entries.find((e) => e.id === entryId)?.answer.en.lead ?? '';
          expect(q.answer).toBe(lead.startsWith('No') ? 1 : 0);
        } else {
          expect(q.choices[q.answer]).toBe(formatNumber(bundle.limits.values.get(path ?? '') ?? NaN, lang));
          expect(bundle.limits.unsurePaths.has(path ?? '')).toBe(false);
          expect(q.text).toContain('____');
          expect(q.explanation).toContain(q.choices[q.answer]);
        }
      }
    });
  });

  describe('when a limit changes', () => {
    it('changes the question\'s right answer without a code change', () => {
      const values = new Map(bundle.limits.values);
      values.set('cash.rmbMax', 30000);
      const changed: KnowledgeBundle = { ...bundle, limits: { ...bundle.limits, values } };
      const q = quizPool(changed, agency, 'en').find((x) => x.id === 'cash-rmb:cash.rmbMax');
      expect(q?.choices[q.answer]).toBe('30,000');
    });
  });
});
