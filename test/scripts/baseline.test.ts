import type { KnowledgeEntry } from '../../bot/core/knowledge/schema';
import { createBaseline } from '../../scripts/lib/baseline';

type Words = { title: string; lead: string; phrasing: string; keyword: string };

/** A hand-made entry (not knowledge/), so the test does not move with the knowledge base. */
function entry(id: string, topic: KnowledgeEntry['topic'], zh: Words, en: Words, ru: Words): KnowledgeEntry {
  const per = { zh, en, ru };
  const pick = (k: keyof Words) => ({ zh: per.zh[k], en: per.en[k], ru: per.ru[k] });
  return {
    schemaVersion: 1,
    id,
    topic,
    direction: 'inbound',
    title: pick('title'),
    answer: {
      zh: { lead: zh.lead, details: [] },
      en: { lead: en.lead, details: [] },
      ru: { lead: ru.lead, details: [] },
    },
    phrasings: { zh: [zh.phrasing], en: [en.phrasing], ru: [ru.phrasing] },
    keywords: { zh: [zh.keyword], en: [en.keyword], ru: [ru.keyword] },
    tags: [topic],
    requires: [],
    excludes: [],
    facets: [],
    unsure: false,
    sources: [{ source: 'gacc' }],
    effective: '2024-01-01',
    reviewed: '2024-01-01',
  };
}

const ENTRIES: KnowledgeEntry[] = [
  entry(
    'cash-limit',
    'cash',
    { title: '人民币现金限额', lead: '每人可携带人民币现金20000元。', phrasing: '能带多少现金', keyword: '现金' },
    { title: 'Cash limit', lead: 'You may carry up to 20,000 yuan in cash.', phrasing: 'how much money can I bring', keyword: 'banknotes' },
    { title: 'Лимит наличных', lead: 'Можно ввезти до 20 000 юаней наличными.', phrasing: 'сколько денег можно ввезти', keyword: 'наличные' },
  ),
  entry(
    'cigarettes',
    'tobacco',
    { title: '香烟免税数量', lead: '可免税携带香烟400支。', phrasing: '香烟能带几条', keyword: '卷烟' },
    { title: 'Cigarette allowance', lead: 'You may bring 400 cigarettes duty-free.', phrasing: 'how many cigarettes', keyword: 'tobacco' },
    { title: 'Норма сигарет', lead: 'Без пошлины можно ввезти 400 сигарет.', phrasing: 'сколько блоков можно', keyword: 'табак' },
  ),
  entry(
    'pets',
    'pets',
    { title: '携带宠物入境', lead: '每人限带一只猫或狗，需要检疫证书。', phrasing: '宠物怎么带', keyword: '宠物' },
    { title: 'Bringing a pet', lead: 'One cat or dog per person, with a health certificate.', phrasing: 'can I bring my dog', keyword: 'animals' },
    { title: 'Ввоз питомца', lead: 'Одна кошка или собака на человека, с ветеринарным сертификатом.', phrasing: 'можно ли с собакой', keyword: 'животные' },
  ),
];

describe('createBaseline', () => {
  const baseline = createBaseline(ENTRIES);

  describe('when a Chinese question shares jieba words with an entry', () => {
    it('returns that entry', () => {
      expect(baseline.answer('请问我能带多少现金？', 'zh')).toBe('cash-limit');
      expect(baseline.answer('我的宠物狗可以一起入境吗', 'zh')).toBe('pets');
    });
  });

  describe('when a Russian question uses another inflection of an entry word', () => {
    it('returns the entry whose stem it meets', () => {
      // "сигареты" / "наличной" are not written in the entries; their stems are.
      expect(baseline.answer('Сколько сигареты можно провезти?', 'ru')).toBe('cigarettes');
      expect(baseline.answer('Правила для наличной валюты', 'ru')).toBe('cash-limit');
    });
  });

  describe('when an English question uses another form of an entry word', () => {
    it('returns the stemmed match', () => {
      expect(baseline.answer('Can I travel with dogs?', 'en')).toBe('pets');
      expect(baseline.answer('What about a cigarette?', 'en')).toBe('cigarettes');
    });
  });

  describe('when nothing in the message is indexed', () => {
    it('returns undefined', () => {
      expect(baseline.answer('the', 'en')).toBeUndefined();
      expect(baseline.answer('？！。', 'zh')).toBeUndefined();
      expect(baseline.answer('', 'ru')).toBeUndefined();
    });
  });

  describe('when the message contains lunr query syntax', () => {
    it.each(['en', 'ru', 'zh'] as const)('returns without throwing (%s)', (lang) => {
      expect(() => baseline.answer('title:foo* ~2 +- ^3 cash:', lang)).not.toThrow();
      expect(() => baseline.answer('*', lang)).not.toThrow();
    });
  });
});
