import { quizPool } from '../../../bot/core/agency';
import type { LanguageCode } from '../../../bot/core/knowledge/schema';
import { startTelegramHarness, until, type TelegramHarness } from './harness';
import { callbackUpdate, groupChat, privateChat, textUpdate, user, type UserFixture } from './updates';

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

describe('Telegram /quiz (training quiz)', () => {
  let h: TelegramHarness;
  beforeAll(async () => {
    h = await startTelegramHarness();
  });
  afterAll(() => h.stop());

  const texts = () => h.server.services.agency.texts.texts;
  /** The question a bot message asks, found in the knowledge base's own quiz pool (so the right answer is known). */
  const questionIn = (html: string, lang: LanguageCode) => {
    const text = unescape(/<b>([\s\S]*)<\/b>/.exec(html)?.[1] ?? '');
    const q = quizPool(h.server.services.runtime.current().knowledge, h.server.services.agency, lang).find((x) => x.text === text);
    if (!q) throw new Error(`test: no quiz question "${text}"`);
    return q;
  };
  /** The button index of the right answer and of a wrong one, as the keyboard shows them. */
  const buttons = (payload: Record<string, any>, q: { choices: string[]; answer: number }) => {
    const labels: string[] = payload.reply_markup.inline_keyboard.map((row: { text: string }[]) => row[0]?.text);
    const right = labels.indexOf(q.choices[q.answer]!);
    return { right, wrong: right === 0 ? 1 : 0 };
  };
  const press = (data: string, chat: ReturnType<typeof privateChat>, from: UserFixture, messageId: number) => h.fake.pushUpdate(callbackUpdate(data, { chat, from, messageId }));

  describe('when a traveller takes a quiz in a private chat', () => {
    it('asks one question at a time with buttons, explains each answer with its source, and gives the score', async () => {
      const chat = privateChat(1201);
      const from = user('en', 1201);
      const first = await h.say(textUpdate('/quiz 2', { chat, from }), chat.id);
      const q1 = questionIn(first.payload.text, 'en');
      const labels: string[] = first.payload.reply_markup.inline_keyboard.map((row: { text: string }[]) => row[0]?.text);
      expect(labels).toHaveLength(q1.choices.length);
      expect(labels).toContain(q1.choices[q1.answer]);
      let mark = h.mark();
      press(`quiz:0:${buttons(first.payload, q1).right}`, chat, from, 1);
      const verdict = await h.waitForSend(mark, (p) => p.chat_id === chat.id);
      expect(verdict.payload.text).toContain(texts().quiz_right!.en);
      expect(verdict.payload.text).toContain(q1.citation.url);
      const second = await h.waitForSend(mark + 1, (p) => p.chat_id === chat.id && /<b>/.test(p.text));
      const q2 = questionIn(second.payload.text, 'en');
      mark = h.mark();
      press(`quiz:1:${buttons(second.payload, q2).wrong}`, chat, from, 2);
      const wrong = await h.waitForSend(mark, (p) => p.chat_id === chat.id);
      expect(unescape(wrong.payload.text)).toContain(texts().quiz_wrong!.en.replace('{answer}', q2.choices[q2.answer]!));
      // the score message itself (an explanation may contain "1 of 2" too: "No. 11 of 2024")
      const scoreText = texts().quiz_score!.en.replace('{right}', '1').replace('{total}', '2');
      const score = await h.waitForSend(mark, (p) => p.chat_id === chat.id && p.text === scoreText);
      expect(score.payload.text).toBe(scoreText);
    });
  });

  describe('when a tour group takes a quiz', () => {
    it('counts each member\'s answers once per question and posts a score board', async () => {
      const chat = groupChat(-100_777);
      const anna = { ...user('ru', 31), first_name: 'Anna' };
      const boris = { ...user('ru', 32), first_name: 'Boris' };
      await h.say(textUpdate('/lang', { chat, from: anna }), chat.id);
      const first = await h.say(textUpdate('/quiz 2', { chat, from: anna }), chat.id);
      const lang: LanguageCode = (await h.server.services.stores.telegramChats.get(chat.id))?.lang ?? 'ru';
      const q1 = questionIn(first.payload.text, lang);
      let mark = h.mark();
      const b1 = buttons(first.payload, q1);
      press(`quiz:0:${b1.right}`, chat, anna, 1);
      press(`quiz:0:${b1.wrong}`, chat, boris, 1);
      press(`quiz:0:${b1.wrong}`, chat, anna, 1);
      const notices = (n: number) =>
        until(() => {
          const texts = h.fake.calls.slice(mark).filter((c) => c.method === 'answerCallbackQuery').map((c) => c.payload.text);
          return texts.length >= n ? texts : undefined;
        }, `${n} button notices`);
      expect(await notices(3)).toEqual([texts().quiz_right![lang], texts().quiz_wrong![lang].replace('{answer}', q1.choices[q1.answer]!), texts().quiz_already![lang]]);
      mark = h.mark();
      press('quiz:0:next', chat, boris, 1);
      const second = await h.waitForSend(mark, (p) => p.chat_id === chat.id && /<b>/.test(p.text));
      const q2 = questionIn(second.payload.text, lang);
      const b2 = buttons(second.payload, q2);
      press(`quiz:1:${b2.right}`, chat, anna, 2);
      press(`quiz:1:${b2.right}`, chat, boris, 2);
      await notices(2);
      mark = h.mark();
      press('quiz:1:next', chat, anna, 2);
      const board = await h.waitForSend(mark, (p) => p.chat_id === chat.id && p.text.includes(texts().quiz_scoreboard![lang]));
      expect(board.payload.text).toContain('1. Anna — 2/2\n2. Boris — 1/2');
      // a press on a finished quiz is refused with a notice, nothing is sent
      mark = h.mark();
      press(`quiz:1:${b2.right}`, chat, anna, 2);
      await h.fake.waitForCall('answerCallbackQuery', (p) => p.text === texts().quiz_expired![lang], { since: mark });
    });
  });
});
