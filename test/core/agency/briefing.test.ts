import { composeBriefings, DIRECTIONS, GROUP_CATEGORIES, loadAgencyKnowledgeOrThrow, planBriefing, SHORT_TEXT_MAX_CHARS } from '../../../bot/core/agency';
import { loadKnowledgeOrThrow } from '../../../bot/core/knowledge/load';
import { LANGUAGES } from '../../../bot/core/knowledge/schema';
import { KNOWLEDGE_DIR } from '../../fixtures/services';

const bundle = loadKnowledgeOrThrow(KNOWLEDGE_DIR);
const agency = loadAgencyKnowledgeOrThrow(KNOWLEDGE_DIR);
const troubles = (country: string, interests: string[] = [], direction: 'return' | 'visitors' | 'outbound' = 'return') =>
  planBriefing({ direction, country, categories: [], interests }, bundle.entries, agency.data).find((s) => s.key === 'troubles')?.points.map((p) => p.entry.id) ?? [];

describe('planBriefing', () => {
  describe('when a group returns from Russia', () => {
    it('puts what such groups carry first: sausages, then caviar, then dairy', () => {
      expect(troubles('RU').slice(0, 3)).toEqual(['meat-products', 'seafood-caviar', 'dairy-eggs']);
    });
  });
  describe('when a group returns from Korea', () => {
    it('warns about expensive single items and the tax bands of cosmetics', () => {
      expect(troubles('KR')).toEqual(expect.arrayContaining(['single-item-rule', 'tax-rates']));
    });
  });
  describe('when the agency names interests', () => {
    it('puts the interests\' entries before the route\'s', () => {
      expect(troubles('RU', ['pets'])[0]).toBe('pets');
    });
  });
  describe('when the group leaves China', () => {
    it('picks outbound entries only (Russia\'s own norms, not China\'s inbound bans)', () => {
      const ids = troubles('RU', [], 'outbound');
      expect(ids).toContain('russia-return-norms');
      expect(ids).not.toContain('meat-products');
    });
  });
});

describe('composeBriefings', () => {
  const all = { categories: [...GROUP_CATEGORIES], interests: Object.keys(agency.data.interests) };
  describe.each(DIRECTIONS)('for every direction (%s), with every category and interest', (direction) => {
    const briefings = composeBriefings({ direction, country: 'RU', ...all }, LANGUAGES, bundle, agency);
    it('keeps the short version within a group-chat message and ends it with the link', () => {
      for (const b of briefings) {
        expect([...b.text].length).toBeLessThanOrEqual(SHORT_TEXT_MAX_CHARS);
        expect(b.text.split('\n').at(-1)).toContain(`/agency?direction=${direction}&country=RU&languages=${b.lang}`);
      }
    });
    it('marks each point of an UNSURE entry in both versions', () => {
      for (const b of briefings) {
        const mark = agency.texts.texts.unsure_mark![b.lang];
        for (const s of b.sections) for (const p of s.points) if (p.unsure) expect(p.text.includes(mark) || p.text.includes('12360')).toBe(true);
      }
    });
  });
});
