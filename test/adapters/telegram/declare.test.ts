import { escapeHtml, loadTelegramTextsOrThrow } from '../../../bot/adapters/telegram';
import type { ConversationId } from '../../../bot/core/types';
import { KNOWLEDGE_DIR } from '../../fixtures/services';
import { startTelegramHarness, until, type TelegramHarness } from './harness';
import { callbackUpdate, privateChat, textUpdate, user } from './updates';

const texts = loadTelegramTextsOrThrow(KNOWLEDGE_DIR);
const button = (text: string, data: string) => [{ text, callback_data: data, hide: false }];

describe('Telegram /declare (guided declaration check)', () => {
  let h: TelegramHarness;
  beforeAll(async () => {
    h = await startTelegramHarness();
  });
  afterAll(() => h.stop());

  const conversationOf = async (chatId: number): Promise<ConversationId> => {
    const id = (await h.server.services.stores.telegramChats.get(chatId))?.conversationId;
    if (!id) throw new Error(`test: chat ${chatId} has no conversation`);
    return id;
  };
  const press = async (data: string, chatId: number, messageId: number) => {
    const mark = h.mark();
    h.fake.pushUpdate(callbackUpdate(data, { chat: privateChat(chatId), from: user(undefined, chatId), messageId }));
    return h.waitForSend(mark, (p) => p.chat_id === chatId);
  };

  describe('when a traveller sends /declare', () => {
    it('explains how to send the list in one message, in their language', async () => {
      const sent = await h.say(textUpdate('/declare', { chat: privateChat(901), from: user('ru', 901) }), 901);
      expect(sent.payload.text).toBe(escapeHtml(texts.declare_intro.ru));
    });
  });

  describe.each([
    ['en', 911, '1 carton of cigarettes, a handbag for 3000 yuan'],
    ['zh', 912, '香烟1条，手提包3000元'],
    ['ru', 913, '1 блок сигарет, сумка за 3000 юаней'],
  ] as const)('when the list leaves the category open (%s)', (lang, chatId, list) => {
    it('asks with buttons, takes each answer from a button, and gives the item-by-item check', async () => {
      const from = user(lang, chatId);
      await h.say(textUpdate('/declare', { chat: privateChat(chatId), from }), chatId);
      const route = await h.say(textUpdate(list, { chat: privateChat(chatId), from }), chatId);
      expect(route.payload.reply_markup).toEqual({
        inline_keyboard: [button(texts.declare_route_ordinary[lang], 'decl:ordinary'), button(texts.declare_route_hk_macao[lang], 'decl:hk_macao'), button(texts.declare_route_frequent[lang], 'decl:frequent')],
      });
      const routeMessage = (await dialogueOf(chatId)).messageId;
      const residency = await press('decl:ordinary', chatId, routeMessage);
      await h.fake.waitForCall('editMessageReplyMarkup', (p) => p.chat_id === chatId && p.message_id === routeMessage);
      expect(residency.payload.reply_markup).toEqual({ inline_keyboard: [button(texts.declare_residency_resident[lang], 'decl:resident'), button(texts.declare_residency_non_resident[lang], 'decl:non_resident')] });
      const result = await press('decl:non_resident', chatId, (await dialogueOf(chatId, routeMessage)).messageId);
      expect(result.payload.reply_markup).toBeUndefined();
      const messages = (await h.server.services.store.listMessages(await conversationOf(chatId)));
      expect(messages.filter((m) => m.from === 'traveller').map((m) => m.text)).toEqual([list, texts.declare_answer_route_ordinary[lang], texts.declare_answer_residency_non_resident[lang]]);
      const last = messages.at(-1)!;
      expect(last).toMatchObject({ from: 'bot', kind: 'answer' });
      expect(result.payload.text.startsWith(escapeHtml(last.text))).toBe(true);
      await until(async () => ((await h.server.services.stores.telegramChats.get(chatId))?.dialogue === undefined ? true : undefined), 'the question to be cleared');
    });
  });

  describe('every button answer in the data file', () => {
    const lists = { en: '1 carton of cigarettes, a handbag for 3000 yuan', zh: '香烟1条，手提包3000元', ru: '1 блок сигарет, сумка за 3000 юаней' } as const;
    const cases = (['en', 'zh', 'ru'] as const).flatMap((lang) => (['ordinary', 'hk_macao', 'frequent', 'resident', 'non_resident'] as const).map((choice) => [lang, choice] as const));
    it.each(cases)('is understood by the assistant (%s, %s)', async (lang, choice) => {
      const { assistant } = h.server.services;
      const ask = async (text: string, conversationId?: ConversationId) => {
        const r = await assistant.handleMessage({ text, lang, channel: 'telegram', conversationId });
        if (!r.ok) throw new Error(r.error.message);
        return r.value;
      };
      const first = await ask(lists[lang]);
      const route = choice === 'resident' || choice === 'non_resident' ? 'ordinary' : choice;
      const afterRoute = await ask(texts[`declare_answer_route_${route}`][lang], first.conversationId);
      const missingAfterRoute = 'declaration' in afterRoute.reply ? afterRoute.reply.declaration?.missing.map((m) => m.field) : undefined;
      // a frequent traveller's goods go by their own rule: residency changes nothing, so it is not asked
      expect(missingAfterRoute).toEqual(route === 'frequent' ? [] : ['category.residency']);
      expect((await h.server.services.store.getConversation(first.conversationId))?.state.route).toBe(route);
      if (choice !== 'resident' && choice !== 'non_resident') return;
      const done = await ask(texts[`declare_answer_residency_${choice}`][lang], first.conversationId);
      expect(done.reply.kind).toBe('answer');
      expect((await h.server.services.store.getConversation(first.conversationId))?.state.residency).toBe(choice);
    });
  });

  describe('when a button is pressed twice, or is forged', () => {
    it('answers that the button is no longer valid and sends nothing to the assistant', async () => {
      const chatId = 921;
      const from = user('en', chatId);
      await h.say(textUpdate('1 carton of cigarettes and a bag for 3,000 yuan', { chat: privateChat(chatId), from }), chatId);
      const question = (await dialogueOf(chatId)).messageId;
      await press('decl:hk_macao', chatId, question);
      const before = (await h.server.services.store.listMessages(await conversationOf(chatId))).length;
      const again = await press('decl:hk_macao', chatId, question);
      expect(again.payload.text).toBe(escapeHtml(texts.button_expired.en));
      const forged = await press('decl:smuggler', chatId, question);
      expect(forged.payload.text).toBe(escapeHtml(texts.button_expired.en));
      expect((await h.server.services.store.listMessages(await conversationOf(chatId)))).toHaveLength(before);
    });
  });

  /** The question the chat's buttons wait on; stored right after the question is sent. */
  async function dialogueOf(chatId: number, after = 0): Promise<{ messageId: number }> {
    const read = async () => {
      const dialogue = (await h.server.services.stores.telegramChats.get(chatId))?.dialogue as { messageId: number } | undefined;
      return dialogue && dialogue.messageId > after ? dialogue : undefined;
    };
    return until(read, `a pending question in chat ${chatId}`);
  }
});
