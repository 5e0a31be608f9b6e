import { escapeHtml, loadTelegramTextsOrThrow } from '../../../bot/adapters/telegram';
import type { ConversationId } from '../../../bot/core/types';
import { addCoordinator, call, type TestCoordinator } from '../../fixtures/coordinators';
import { KNOWLEDGE_DIR, postJson } from '../../fixtures/services';
import { hasOnlyOurMarkup, startTelegramHarness, until, type TelegramHarness } from './harness';
import { callbackUpdate, editedTextUpdate, groupChat, memberJoinedUpdate, photoUpdate, privateChat, stickerUpdate, textUpdate, user, voiceUpdate } from './updates';

const texts = loadTelegramTextsOrThrow(KNOWLEDGE_DIR);
const html = { parse_mode: 'HTML', link_preview_options: { is_disabled: true } };
const BOT = { id: 7_000_001 };

describe('Telegram bot (telegraf polling a fake Bot API)', () => {
  let h: TelegramHarness;
  beforeAll(async () => {
    h = await startTelegramHarness();
  });
  afterAll(() => h.stop());

  const conversationOf = async (chatId: number) => {
    const id = (await h.server.services.stores.telegramChats.get(chatId))?.conversationId;
    return id ? { id } : undefined;
  };
  const lastBotText = async (id: ConversationId) => (await h.server.services.store.listMessages(id)).filter((m) => m.from === 'bot').at(-1)?.text ?? '';

  describe('when it starts', () => {
    it('removes any webhook and sets the command menu in each language from the data file', async () => {
      expect(h.fake.callsOf('deleteWebhook')).toHaveLength(1);
      const ru = await h.fake.waitForCall('setMyCommands', (p) => p.language_code === 'ru');
      expect(ru.payload.commands).toContainEqual({ command: 'declare', description: texts.command_declare.ru });
      expect(h.fake.callsOf('setMyCommands').map((c) => c.payload.language_code ?? 'default').sort()).toEqual(['default', 'en', 'ru', 'zh']);
    });
    it('does not serve a webhook route in polling mode', async () => {
      const res = await postJson(`${h.server.url}/telegram/webhook`, { update_id: 1 });
      expect(res.status).toBe(404);
    });
  });

  describe('/start', () => {
    it('greets in the Telegram language of the user when it is zh, en or ru', async () => {
      const sent = await h.say(textUpdate('/start', { chat: privateChat(601), from: user('ru', 601) }), 601);
      expect(sent.payload).toEqual({ chat_id: 601, text: escapeHtml(texts.start_greeting.ru), ...html });
    });

    it('offers a language keyboard otherwise, and remembers the choice for the chat', async () => {
      const chat = privateChat(602);
      const offer = await h.say(textUpdate('/start', { chat, from: user('de', 602) }), 602);
      expect(offer.payload).toEqual({
        chat_id: 602,
        text: ['zh', 'en', 'ru'].map((l) => escapeHtml(texts.choose_language[l as 'zh'])).join('\n'),
        ...html,
        reply_markup: { inline_keyboard: [[{ text: '中文', callback_data: 'lang:zh', hide: false }, { text: 'English', callback_data: 'lang:en', hide: false }, { text: 'Русский', callback_data: 'lang:ru', hide: false }]] },
      });
      const mark = h.mark();
      h.fake.pushUpdate(callbackUpdate('lang:zh', { chat, from: user('de', 602), messageId: 4242 }));
      await h.fake.waitForCall('answerCallbackQuery', () => true, { since: mark });
      const edited = await h.fake.waitForCall('editMessageText', (p) => p.chat_id === 602);
      expect(edited.payload).toEqual({ chat_id: 602, message_id: 4242, text: `${escapeHtml(texts.language_set.zh)}\n\n${escapeHtml(texts.start_greeting.zh)}`, ...html });
      const again = await h.say(textUpdate('/start', { chat, from: user('de', 602) }), 602);
      expect(again.payload.text).toBe(escapeHtml(texts.start_greeting.zh));
    });

    it('answers a forged or outdated button politely (callback data validated)', async () => {
      const chat = privateChat(603);
      const sent = await h.say(callbackUpdate('lang:de', { chat, from: user('en', 603) }), 603);
      expect(sent.payload).toEqual({ chat_id: 603, text: escapeHtml(texts.button_expired.en), ...html });
      expect(h.fake.callsOf('answerCallbackQuery').length).toBeGreaterThan(0);
    });
  });

  describe('/lang and /help', () => {
    it('changes the chat language with the keyboard; /help then comes in that language', async () => {
      const chat = privateChat(604);
      const offer = await h.say(textUpdate('/lang', { chat, from: user('ru', 604) }), 604);
      expect(offer.payload.text).toBe(escapeHtml(texts.choose_language.ru));
      expect(offer.payload.reply_markup.inline_keyboard[0]).toHaveLength(3);
      const mark = h.mark();
      h.fake.pushUpdate(callbackUpdate('lang:en', { chat, from: user('ru', 604) }));
      await h.fake.waitForCall('editMessageText', (p) => p.chat_id === 604, { since: mark });
      const help = await h.say(textUpdate('/help', { chat, from: user('ru', 604) }), 604);
      expect(help.payload).toEqual({ chat_id: 604, text: escapeHtml(texts.help.en), ...html });
    });
  });

  describe('an unknown command', () => {
    it('gets the help text in a private chat', async () => {
      const sent = await h.say(textUpdate('/weather', { chat: privateChat(605), from: user('zh', 605) }), 605);
      expect(sent.payload.text).toBe(escapeHtml(texts.help.zh));
    });
  });

  describe('when a traveller asks a question', () => {
    it.each([
      ['zh', 611, '香肠可以带入境吗？', /禁止|不能|不得/],
      ['en', 612, 'can I bring sausages from my mum?', /prohibit|not allowed|banned|cannot/i],
      ['ru', 613, 'можно ли ввезти колбасу в Китай?', /запрещ|нельзя/i],
    ])('answers in %s through the core, with the sources as links', async (lang, chatId, question, fact) => {
      const sent = await h.say(textUpdate(question, { chat: privateChat(chatId), from: user('en', chatId) }), chatId);
      const conversation = await conversationOf(chatId);
      expect(conversation).toBeDefined();
      const stored = (await h.server.services.store.getConversation(conversation!.id));
      expect(stored).toMatchObject({ channel: 'telegram', lang });
      expect(sent.payload).toMatchObject({ chat_id: chatId, ...html });
      expect(sent.payload.text.startsWith(escapeHtml(await lastBotText(conversation!.id)))).toBe(true);
      expect(sent.payload.text).toMatch(fact);
      expect(sent.payload.text).toMatch(new RegExp(`${escapeHtml(texts.sources_label[lang as 'en'])}:\\n• <a href="https?://`));
    });

    it('keeps one conversation per chat', async () => {
      const chat = privateChat(614);
      await h.say(textUpdate('how much cash can I bring?', { chat }), 614);
      const first = await conversationOf(614);
      await h.say(textUpdate('and gold?', { chat }), 614);
      expect(await conversationOf(614)).toEqual(first);
      expect((await h.server.services.store.listMessages(first!.id))).toHaveLength(4);
    });

    it('sends hostile text back only as escaped text', async () => {
      const hostile = '<script>alert(1)</script> & <b>can I bring 3 bottles of wine?</b>';
      const sent = await h.say(textUpdate(hostile, { chat: privateChat(615) }), 615);
      expect(sent.payload.text).not.toMatch(/<script|<b>can/);
      expect(hasOnlyOurMarkup(sent.payload.text)).toBe(true);
      expect((await h.server.services.store.listMessages((await conversationOf(615))!.id))[0]?.text).toBe(hostile);
    });
  });

  describe('in a group chat', () => {
    const group = groupChat(-100_300);
    const member = user('ru', 777);

    it('ignores messages not meant for it and answers a mention, replying to that message', async () => {
      const mark = h.mark();
      h.fake.pushUpdate(textUpdate('сколько сигарет можно ввезти?', { chat: group, from: member, messageId: 51 }));
      h.fake.pushUpdate(textUpdate('/start@other_bot', { chat: group, from: member, messageId: 52 }));
      h.fake.pushUpdate(textUpdate('/weather', { chat: group, from: member, messageId: 50 }));
      h.fake.pushUpdate(stickerUpdate({ chat: group, from: member, messageId: 53 }));
      h.fake.pushUpdate(memberJoinedUpdate({ chat: group, from: member, messageId: 54 }));
      h.fake.pushUpdate(textUpdate('@customs_test_bot можно ли ввезти колбасу?', { chat: group, from: member, messageId: 55 }));
      const sent = await h.waitForSend(mark, (p) => p.chat_id === group.id);
      expect(sent.payload.reply_parameters).toEqual({ message_id: 55, allow_sending_without_reply: true });
      expect(sent.payload.text).toMatch(/запрещ|нельзя/i);
      expect(h.sentSince(mark, group.id)).toHaveLength(1);
    });

    it('answers a reply to its own message', async () => {
      const sent = await h.say(textUpdate('а вино?', { chat: group, from: member, replyToBot: BOT, messageId: 56 }), group.id);
      expect(sent.payload.reply_parameters).toEqual({ message_id: 56, allow_sending_without_reply: true });
    });

    it('answers a command, addressed to it or to no bot in particular', async () => {
      const help = await h.say(textUpdate('/help@customs_test_bot', { chat: group, from: member, messageId: 57 }), group.id);
      expect(help.payload.text).toBe(escapeHtml(texts.help.ru));
      const plain = await h.say(textUpdate('/help', { chat: group, from: member, messageId: 58 }), group.id);
      expect(plain.payload.reply_parameters.message_id).toBe(58);
    });

    it('keeps the tour group in one conversation of its own', async () => {
      const conversation = await conversationOf(group.id);
      expect((await h.server.services.store.getConversation(conversation!.id))?.channel).toBe('telegram');
    });
  });

  describe('when a message is not text', () => {
    it.each([
      ['a sticker', stickerUpdate, 621],
      ['a photo', photoUpdate, 622],
      ['a voice message', voiceUpdate, 623],
    ])('answers %s with a helpful reply in the user language', async (_what, make, chatId) => {
      const sent = await h.say(make({ chat: privateChat(chatId), from: user('zh', chatId), messageId: 9 }), chatId);
      expect(sent.payload).toEqual({ chat_id: chatId, text: escapeHtml(texts.unsupported_message.zh), ...html, reply_parameters: { message_id: 9, allow_sending_without_reply: true } });
    });

    it('answers an edited message by asking for a new one', async () => {
      const sent = await h.say(editedTextUpdate('can I bring 2 bottles?', { chat: privateChat(624), from: user('en', 624), messageId: 10 }), 624);
      expect(sent.payload.text).toBe(escapeHtml(texts.edited_message.en));
    });
  });

  describe('escalation to a coordinator', () => {
    const chat = privateChat(631);
    const from = user('en', 631);
    let conversationId: ConversationId;

    it('tells the traveller a coordinator is coming when they send /human', async () => {
      const sent = await h.say(textUpdate('/human', { chat, from }), 631);
      conversationId = (await conversationOf(631))!.id;
      const escalation = (await h.server.services.store.findActiveEscalation(conversationId));
      expect(escalation).toMatchObject({ channel: 'telegram', status: 'open' });
      expect(escalation?.reasons).toContain('asked_for_human');
      expect(sent.payload.text.startsWith(escapeHtml(await lastBotText(conversationId)))).toBe(true);
    });

    it.each([
      ['zh', 632],
      ['ru', 633],
    ])('escalates /human in %s too (the phrase from the data file reaches the core as a request for a person)', async (lang, chatId) => {
      const sent = await h.say(textUpdate('/human', { chat: privateChat(chatId), from: user(lang, chatId) }), chatId);
      const id = (await conversationOf(chatId))!.id;
      expect((await h.server.services.store.findActiveEscalation(id))?.reasons).toContain('asked_for_human');
      expect((await h.server.services.store.getConversation(id))?.lang).toBe(lang);
      expect(sent.payload.text.startsWith(escapeHtml(await lastBotText(id)))).toBe(true);
    });

    it('queues the traveller’s next messages for the coordinator', async () => {
      const sent = await h.say(textUpdate('how much cash can I bring?', { chat, from }), 631);
      expect(sent.payload.text).toMatch(/queue/);
    });

    it('relays the coordinator’s reply from the desk API, escaped, to the chat', async () => {
      coordinator = await addCoordinator(h.server, 'anna');
      escalationId = (await h.server.services.store.findActiveEscalation(conversationId))!.id;
      expect((await desk('claim')).status).toBe(200);
      const mark = h.mark();
      expect((await desk('messages', { text: 'Hi! <b>I</b> am Anna & I will check your case.' })).status).toBe(201);
      const sent = await h.waitForSend(mark, (p) => p.chat_id === 631);
      expect(sent.payload).toEqual({ chat_id: 631, text: `<b>${escapeHtml(texts.coordinator_label.en)}:</b>\nHi! &lt;b&gt;I&lt;/b&gt; am Anna &amp; I will check your case.`, ...html });
    });

    it('passes the traveller’s answer to the coordinator instead of answering it', async () => {
      const mark = h.mark();
      h.fake.pushUpdate(textUpdate('thank you, I have 3 cartons', { chat, from }));
      await until(async () => (await h.server.services.store.listMessages(conversationId)).find((m) => m.text === 'thank you, I have 3 cartons'), 'the traveller message to be stored');
      const sent = await h.waitForSend(mark, (p) => p.chat_id === 631);
      expect(sent.payload.text).toBe(escapeHtml(await lastBotText(conversationId)));
    });

    it('splits a coordinator message longer than Telegram allows at paragraph boundaries', async () => {
      // Longer than the desk API accepts (4,000 characters) once escaped, so published on the EventBus directly.
      const paragraphs = Array.from({ length: 6 }, (_, i) => `${i + 1}. ${'The allowance & the rule <explained>. '.repeat(40)}`.trim());
      const mark = h.mark();
      const message = (await h.server.services.store.appendMessage({ conversationId, from: 'coordinator', text: paragraphs.join('\n\n'), at: new Date().toISOString() }));
      h.server.services.events.publish({ type: 'message', conversationId, channel: 'telegram', message });
      await h.waitForSend(mark, (p) => p.chat_id === 631 && p.text.includes('6. The allowance'));
      const parts = h.sentSince(mark, 631).map((c) => c.payload.text as string);
      expect(parts.length).toBe(3);
      for (const part of parts) {
        expect(part.length).toBeLessThanOrEqual(4096);
        expect(part).not.toMatch(/&(?:a|am|l|g)?$/); // no entity cut in half at the end
      }
      expect(parts.join('\n\n')).toBe(`<b>${escapeHtml(texts.coordinator_label.en)}:</b>\n${paragraphs.map(escapeHtml).join('\n\n')}`);
    });

    it('says when the coordinator resolves, and answers again afterwards', async () => {
      const mark = h.mark();
      expect((await desk('resolve', { category: 'rule_explained', summary: 'Explained the tobacco allowance.' })).status).toBe(200);
      const resolved = await h.waitForSend(mark, (p) => p.chat_id === 631);
      expect(resolved.payload.text).toBe(escapeHtml(texts.coordinator_resolved.en));
      const answer = await h.say(textUpdate('can I bring sausages?', { chat, from }), 631);
      expect(answer.payload.text).toMatch(/prohibit|not allowed|banned|cannot/i);
    });

    let coordinator: TestCoordinator;
    let escalationId: string;
    const desk = (action: string, body?: unknown) => call(h.server, 'POST', `/escalations/${escalationId}/${action}`, { headers: coordinator.bearer, ...(body !== undefined ? { body } : {}) });
  });

  describe('everything it sent', () => {
    it('is Telegram HTML with only our own tags, each message within the limit', () => {
      const sent = h.fake.callsOf('sendMessage');
      expect(sent.length).toBeGreaterThan(20);
      for (const call of sent) {
        expect(hasOnlyOurMarkup(call.payload.text)).toBe(true);
        expect(call.payload.text.length).toBeLessThanOrEqual(4096);
        expect(call.payload.parse_mode).toBe('HTML');
      }
    });
  });
});
