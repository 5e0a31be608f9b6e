import { CasebookSearch, type CasebookEntry } from '../../../bot/core/casebook';
import { loadKnowledgeOrThrow } from '../../../bot/core/knowledge/load';
import { buildLanguageResources } from '../../../bot/core/text';
import type { ConversationId, EscalationId } from '../../../bot/core/types';
import { KNOWLEDGE_DIR } from '../../fixtures/services';

const resources = buildLanguageResources(loadKnowledgeOrThrow(KNOWLEDGE_DIR).languages);
const kase = (id: string, lang: CasebookEntry['lang'], question: string, summary: string): CasebookEntry => ({
  id: id as EscalationId,
  conversationId: `c_${id}` as ConversationId,
  lang,
  channel: 'web',
  reasons: ['low_confidence'],
  category: 'rule_explained',
  question,
  summary,
  transcript: [],
  coordinator: 'li',
  createdAt: '2026-11-26T10:00:00.000Z',
  claimedAt: '2026-11-26T10:01:00.000Z',
  resolvedAt: '2026-11-26T10:02:00.000Z',
  waitingMs: 60_000,
  handlingMs: 60_000,
});

describe('CasebookSearch', () => {
  const cases = [
    kase('e_1', 'zh', '我的香烟被海关扣留了怎么办', '解释了暂存和退运'),
    kase('e_2', 'ru', 'У меня забрали сигареты на таможне', 'Объяснил временное хранение'),
    kase('e_3', 'en', 'Can I bring my cat on the flight?', 'Explained pet quarantine rules'),
  ];
  let version = 1;
  const all = jest.fn(async () => cases);
  const search = new CasebookSearch(all, async () => version, () => resources);

  it.each([
    ['香烟', ['e_1']],
    ['сигареты', ['e_2']],
    ['сигарет', ['e_2']],
    ['cats', ['e_3']],
    ['quarantine', ['e_3']],
    ['временном хранении', ['e_2']],
  ])('finds %s in its own language first', async (q, expected) => {
    expect((await search.search(q)).slice(0, expected.length)).toEqual(expected);
  });

  describe('when the search is in another language than the case', () => {
    // issue 14: through the concepts the bot reads (knowledge/lang concepts and signals)
    const held = [
      kase('h_1', 'zh', '我的包被扣了，怎么办？', '解释了暂存：离境时取回'),
      kase('h_2', 'zh', '能带几瓶红酒入境？', '解释了酒类免税额'),
      kase('h_3', 'en', 'Can I bring my cat on the flight?', 'Explained pet quarantine rules'),
    ];
    const across = new CasebookSearch(async () => held, async () => 1, () => resources);
    it.each(['bag seized', 'сумку забрали', 'my bag was seized at customs', 'на таможне забрали сумку'])('finds the Chinese case about 包被扣 for "%s"', async (q) => {
      expect((await across.search(q))[0]).toBe('h_1');
    });
    it.each([
      ['wine', 'h_2'],
      ['вино', 'h_2'],
      ['кошка', 'h_3'],
    ])('finds the case of the same concept for "%s"', async (q, id) => {
      expect((await across.search(q))[0]).toBe(id);
    });
    it('finds nothing for a concept no case has', async () => {
      expect(await across.search('drone')).toEqual([]);
    });
  });

  it('rebuilds its index only when the casebook changed', async () => {
    const calls = all.mock.calls.length;
    await search.search('cat');
    expect(all.mock.calls.length).toBe(calls);
    cases.push(kase('e_4', 'en', 'my cat has no chip', 'routed to quarantine'));
    version++;
    expect((await search.search('cat')).sort()).toEqual(['e_3', 'e_4']);
    expect(all.mock.calls.length).toBe(calls + 1);
  });
});
