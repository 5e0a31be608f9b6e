import { composeAnswer, composeClarify, composeEscalated, pickDetails } from '../../../bot/core/answer';
import { MAX_REPLY_CHARS } from '../../../bot/core/declaration/chat-step';
import { loadKnowledgeOrThrow } from '../../../bot/core/knowledge/load';
import { LANGUAGES } from '../../../bot/core/knowledge/schema';
import { KNOWLEDGE_DIR } from '../../fixtures/services';

const bundle = loadKnowledgeOrThrow(KNOWLEDGE_DIR);
const entry = (id: string) => {
  const e = bundle.entries.find((x) => x.id === id);
  if (!e) throw new Error(`no entry ${id}`);
  return e;
};

describe('composeAnswer', () => {
  describe('when the question names no facet', () => {
    it('shows the lead and only the key detail, the rest behind more', () => {
      const e = entry('tobacco-allowance');
      const { shown, rest } = pickDetails(e, new Set());
      expect(shown).toHaveLength(1);
      expect(e.facets[shown[0] ?? -1]).toContain('key');
      const c = composeAnswer(bundle, e, 'en', 'ordinary');
      for (const i of rest) expect(c.more).toContain((e.answer.en.details[i] ?? '').replace(/\{\{[^}]+\}\}.*/s, '').slice(0, 12));
    });
  });

  describe('when the question names a facet and the entry has a key detail', () => {
    it.each(LANGUAGES)('shows both, past the phone budget if need be, never past the maximum (%s)', (lang) => {
      const e = entry('transit-passengers');
      const key = e.facets.findIndex((f) => f.includes('key'));
      const border = e.facets.findIndex((f) => f.includes('border') && !f.includes('key'));
      const c = composeAnswer(bundle, e, lang, undefined, new Set(['border']));
      expect(c.text).toContain((e.answer[lang].details[border] ?? '').slice(0, 10));
      expect(c.text).toContain((e.answer[lang].details[key] ?? '').replace(/\{\{[^}]+\}\}.*/su, '').slice(0, 10));
      expect([...c.text].length).toBeLessThanOrEqual(MAX_REPLY_CHARS);
    });
  });

  describe('when the question names a facet', () => {
    it.each(LANGUAGES)('shows the detail that answers it first (%s)', (lang) => {
      const e = entry('tobacco-allowance');
      const outdated = e.facets.findIndex((f) => f.includes('outdated'));
      const c = composeAnswer(bundle, e, lang, 'ordinary', new Set(['outdated']));
      const detail = e.answer[lang].details[outdated] ?? '';
      expect(c.text).toContain(detail.replace(/\{\{[^}]+\}\}/g, '').slice(0, 8));
    });
  });

  describe('when it asks the category', () => {
    it.each(LANGUAGES)('shows the detail asked about by an aspect word before the question (%s)', (lang) => {
      const e = entry('tobacco-allowance');
      const outdated = e.facets.findIndex((f) => f.includes('outdated'));
      const detail = (e.answer[lang].details[outdated] ?? '').replace(/\{\{[^}]+\}\}/g, '').slice(0, 8);
      expect(composeClarify(bundle, e, lang, new Set(['outdated', 'cigars'])).text).toContain(detail);
      // a topic word alone ("cigars?") does not call the old figure up
      expect(composeClarify(bundle, e, lang, new Set(['cigars'])).text).not.toContain(detail);
    });
  });

  describe('for a phone', () => {
    it.each(LANGUAGES)('keeps every entry’s first reply under 1,000 characters (%s)', (lang) => {
      for (const e of bundle.entries) expect([...composeAnswer(bundle, e, lang).text].length).toBeLessThan(1000);
    });
  });

  describe('sources', () => {
    it.each(['zh', 'ru'] as const)('names sources in the reply’s language, without Latin words but acronyms (%s)', (lang) => {
      for (const e of bundle.entries) {
        const line = composeAnswer(bundle, e, lang).text.split('\n').at(-1) ?? '';
        expect(line.replace(/\d{4}-\d{2}-\d{2}/, '')).not.toMatch(/[a-z]{2,}/);
      }
    });
    it('cites each document once, with its own URL', () => {
      for (const e of bundle.entries) {
        const urls = composeAnswer(bundle, e, 'en').citations.map((c) => c.url);
        expect(new Set(urls).size).toBe(urls.length);
      }
    });
  });
});

describe('composeEscalated', () => {
  it.each(LANGUAGES)('keeps a refusal with its rule within a phone screen, the rest behind more (%s)', (lang) => {
    for (const e of bundle.entries) {
      const c = composeEscalated(bundle, ['evasion'], lang, e);
      expect([...c.text].length).toBeLessThanOrEqual(MAX_REPLY_CHARS);
    }
  });
});
