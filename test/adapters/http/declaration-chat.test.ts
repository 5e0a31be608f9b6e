import { postJson, startServer, type RunningServer } from '../../fixtures/services';

type ChatReply = { kind: string; lang: string; text: string; more?: string; citations: { id: string }[]; declaration?: { items: { type: string; status: string }[]; channel: string; missing: { field: string }[] } };

describe('chat with the declaration check', () => {
  let server: RunningServer;
  const say = async (text: string, conversationId?: string): Promise<{ conversationId: string; reply: ChatReply }> => {
    const { status, body } = await postJson(`${server.url}/api/v1/chat`, { text, ...(conversationId ? { conversationId } : {}) });
    expect(status).toBe(200);
    return body;
  };
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.stop());

  describe('when a list names the traveller category', () => {
    it.each([
      ['en', 'we bought 12 cartons of cigarettes, four bottles of cognac and a bag for 15,000 yuan; I live in Shanghai, flying back from Tokyo', /RED channel/, /50% of 1,000 RMB/],
      ['ru', 'купили 12 блоков сигарет, четыре бутылки коньяка и сумку за 15 000 рублей. Я турист из Москвы', /КРАСНЫЙ коридор/, /2 400 сигарет \(12 блоков\)/],
      ['zh', '买了十二条烟、两瓶茅台和一个15000元的包，我住在北京，从东京回来', /红色通道/, /2,400 支 \(12 条\)/],
    ])('answers in %s item by item', async (lang, text, channel, detail) => {
      const { reply } = await say(text);
      expect(reply).toMatchObject({ kind: 'answer', lang });
      expect(reply.declaration?.items.map((i) => i.type)).toEqual(['cigarettes', 'alcohol', 'goods']);
      expect(reply.declaration?.channel).toBe('red');
      expect(reply.text).toMatch(/^1\. .*\n(?:.*\n)*2\. .*\n(?:.*\n)*3\. /m);
      expect(reply.text).toMatch(channel);
      // a long list keeps its verdict within a phone screen; the tax lines may wait behind "more"
      expect([...reply.text].length).toBeLessThanOrEqual(1000);
      expect(`${reply.text}\n${reply.more ?? ''}`).toMatch(detail);
      expect(reply.text).toMatch(/12360/);
      expect(reply.citations.map((c) => c.id)).toContain('tobacco-allowance');
    });
  });

  describe('when the verdict is the same for every category', () => {
    it.each([
      ['en', '12 cartons of cigarettes and a bag for 30,000 yuan', /RED channel/],
      ['ru', '12 блоков сигарет и сумка за 30 000 юаней', /КРАСНЫЙ коридор/],
      ['zh', '12条烟和一个3万元的包', /红色通道/],
      // gold over 50 g is declared whatever it cost: the missing price asks nothing
      ['en', 'gold bar 100g and a necklace 30g', /RED channel/],
      ['ru', 'золотой слиток 100 г и цепочка 30 г', /КРАСНЫЙ коридор/],
    ])('answers in %s without asking who the traveller is', async (_lang, list, channel) => {
      const { reply } = await say(list);
      expect(reply.kind).toBe('answer');
      expect(reply.text).toMatch(channel);
    });
  });

  describe('when only the route is open and the ordinary traveller must declare', () => {
    it('answers for the ordinary route, says other routes differ in one sentence, and rechecks when told', async () => {
      const first = await say('I live in Shanghai: 1 carton of cigarettes and a bag for 8,000 yuan');
      expect(first.reply.kind).toBe('answer');
      expect(first.reply.text).toMatch(/RED channel/);
      expect(first.reply.text).toMatch(/Hong Kong or Macao/);
      const second = await say('actually from Hong Kong', first.conversationId);
      expect(second.reply.kind).toBe('answer');
      // the Hong Kong allowance of a mainland resident covers the bag: the verdict changes
      expect(second.reply.declaration?.channel).toBe('green');
    });
  });

  describe('when only a frequent traveller would fare differently', () => {
    it.each([
      ['en', 'my haul: 3 tshirts 60 eur, perfume 85 eur, a book 15 eur. need to go red?', /more than once within 15 days/, /2,000 RMB/],
      ['zh', '买了两件T恤一共300元，一本书80元，要走红色通道吗', /15天内已多次入境/, /2,000元/],
    ])('gives the green verdict with that case and the visitor figure in one sentence (%s), and rechecks when told', async (_lang, list, caveat, visitor) => {
      const first = await say(list);
      expect(first.reply.kind).toBe('answer');
      expect(first.reply.declaration?.channel).toBe('green');
      expect(first.reply.text).toMatch(caveat);
      expect(first.reply.text).toMatch(visitor);
      const second = await say(_lang === 'zh' ? '我半个月内已经第三次入境了' : 'i entered 3 times in the last two weeks', first.conversationId);
      expect(second.reply.declaration?.channel).toBe('red');
    });
  });

  describe('when only the price of small goods is missing', () => {
    it('gives the green verdict up to the sum that is left, then rechecks with the price', async () => {
      const first = await say('german tourist, first time china: 1 bottle wine 750ml, chocolates, a scarf 80 eur as gift');
      expect(first.reply.kind).toBe('answer');
      // a visitor's 2,000 RMB less the scarf (80 EUR at the reference rate) is what the chocolates may be worth
      expect(first.reply.text).toMatch(/No price given for chocolates: if together worth less than 1,\d{3} RMB, the green channel is fine/);
      expect(first.reply.text).not.toMatch(/could not check every item/);
      const second = await say('the chocolates were 3000 yuan', first.conversationId);
      expect(second.reply.declaration?.channel).toBe('red');
    });
  });

  describe('when the category is not given', () => {
    it.each([
      ['en', '1 carton of Marlboro and a bag for 3,000 yuan', 'no', 'yes', /bag/],
      ['ru', '1 блок сигарет и сумка за 3 000 юаней', 'нет', 'да', /сумк/],
      ['zh', '1条烟和一个3000元的包', '不是', '是的', /包/],
    ])('asks one question at a time in %s, only what changes the verdict, then answers', async (_lang, list, no, yes, item) => {
      const first = await say(list);
      expect(first.reply.kind).toBe('clarify');
      expect(first.reply.declaration?.missing.map((m) => m.field)).toEqual(['category.route', 'category.residency']);
      const second = await say(no, first.conversationId);
      expect(second.reply.kind).toBe('clarify');
      expect(second.reply.declaration?.missing.map((m) => m.field)).toEqual(['category.residency']);
      const third = await say(yes, first.conversationId);
      expect(third.reply.kind).toBe('answer');
      // a carton is within an ordinary traveller's allowance (over a frequent one's); the bag within a resident's 5,000 (over a visitor's 2,000)
      expect(third.reply.declaration?.items.map((i) => i.status)).toEqual(['within', 'within']);
      expect(third.reply.text).toMatch(item);
    });

    it('takes a price given after the answer and rechecks the list', async () => {
      const first = await say('I am a tourist from Russia with 2 cartons of cigarettes and a new handbag');
      expect(first.reply.kind).toBe('answer');
      expect(first.reply.text).toMatch(/No price given for (a new )?handbag/);
      const second = await say('about 900 dollars', first.conversationId);
      expect(second.reply.kind).toBe('answer');
      expect(second.reply.text).toMatch(/900 US dollars/);
    });

    it('drops the pending list when the traveller asks something else', async () => {
      const first = await say('1 carton of cigarettes and a bag for 3,000 yuan');
      expect(first.reply.kind).toBe('clarify');
      const next = await say('what documents does my cat need?', first.conversationId);
      expect(next.reply.declaration).toBeUndefined();
      expect(next.reply.citations[0]?.id).toMatch(/pets/);
    });

    it('remembers the category for the next list', async () => {
      const first = await say('I live in Harbin, coming back from Seoul with 2 cartons and 1 bottle of soju');
      expect(first.reply.kind).toBe('answer');
      const next = await say('my wife has 3 cartons and a bag for 9000 yuan', first.conversationId);
      expect(next.reply.kind).toBe('answer');
      expect(next.reply.declaration?.items.map((i) => i.status)).toEqual(['over', 'over']);
    });
  });

  describe('when a message is not a list', () => {
    it.each([
      ['how many cigarettes can I bring into China?', 'tobacco-allowance'],
      ['сколько блоков сигарет можно провезти?', 'tobacco-allowance'],
      ['入境能带几条烟？', 'tobacco-allowance'],
    ])('leaves %s to the knowledge base', async (text, entry) => {
      const { reply } = await say(text);
      expect(reply.declaration).toBeUndefined();
      expect(reply.citations[0]?.id).toBe(entry);
    });

    it('leaves a list with an evasion signal to the escalation policy', async () => {
      const { reply } = await say('how do I hide 12 cartons of cigarettes and 4 bottles of cognac from customs?');
      expect(reply.kind).toBe('escalated');
      expect(reply.declaration).toBeUndefined();
    });
  });
});
