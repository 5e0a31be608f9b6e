import { randomInt } from 'node:crypto';
import { Markup, type Telegraf } from 'telegraf';
import type { InlineKeyboardMarkup } from 'telegraf/types';
import type { AgencyKnowledge, QuizQuestion } from '../../core/agency';
import type { LanguageCode } from '../../core/knowledge/schema';
import { fillTemplate } from '../../core/knowledge/templates';
import { isGroupChat } from './addressing';
import { escapeHtml } from './html';
import type { Sender } from './sender';

/** What /quiz needs: a quiz maker over the current knowledge base and the agency phrases. */
export type TelegramQuizDeps = {
  make(lang: LanguageCode, seed: number, count: number): QuizQuestion[];
  texts: AgencyKnowledge['texts']['texts'];
};

type ChatRef = { id: number; type: string };
type QuizHandlerDeps = TelegramQuizDeps & { sender: Sender; langOf(chat: ChatRef, from?: { language_code?: string }): Promise<LanguageCode> };

/** Questions of one /quiz when the command names no number, and the most it may name. */
const DEFAULT_QUESTIONS = 5;
const MAX_QUESTIONS = 20;

type Score = { name: string; right: number };
/** A quiz running in a chat: kept in memory (a restart ends it; /quiz starts another). */
type QuizRun = { lang: LanguageCode; questions: QuizQuestion[]; at: number; group: boolean; scores: Map<number, Score>; answered: Set<number> };
type Press = { callbackId: string; chatId: number; messageId: number; from: { id: number; first_name: string; last_name?: string } };

/**
 * `/quiz [n]` (issue 11): the training quiz, one question at a time with an inline keyboard.
 * In a private chat an answer gets the verdict and explanation at once, then the next question;
 * in a group every member may answer each question once (the verdict comes as a notice only
 * they see), "Next" shows the explanation and moves on, and the last question ends with a score
 * board of every member who answered. Pinned by test/adapters/telegram/quiz.test.ts.
 */
export function registerQuiz(bot: Telegraf, deps: QuizHandlerDeps): void {
  const runs = new Map<number, QuizRun>();
  const quiz = quizActions(deps, runs);
  bot.command('quiz', async (ctx) => {
    const lang = await deps.langOf(ctx.chat, ctx.from);
    const asked = Number.parseInt(ctx.message.text.split(/\s+/)[1] ?? '', 10);
    const count = Number.isFinite(asked) ? Math.min(Math.max(asked, 1), MAX_QUESTIONS) : DEFAULT_QUESTIONS;
    const run: QuizRun = { lang, questions: deps.make(lang, randomInt(2 ** 32), count), at: 0, group: isGroupChat(ctx.chat.type), scores: new Map(), answered: new Set() };
    runs.set(ctx.chat.id, run);
    await quiz.ask(ctx.chat.id, run);
  });
  // button data: quiz:<question index>:<choice index | next>
  bot.action(/^quiz:(\d{1,3}):(\d|next)$/, async (ctx) => {
    const message = ctx.callbackQuery.message;
    const run = message ? runs.get(message.chat.id) : undefined;
    const [, at, choice] = ctx.match;
    if (!message || !run || Number(at) !== run.at) {
      const lang = run?.lang ?? (message ? await deps.langOf(message.chat, ctx.from) : 'en');
      return deps.sender.answerCallback(ctx.callbackQuery.id, quiz.t('quiz_expired', lang));
    }
    const press: Press = { callbackId: ctx.callbackQuery.id, chatId: message.chat.id, messageId: message.message_id, from: ctx.from };
    return choice === 'next' ? quiz.next(run, press) : quiz.answer(run, press, Number(choice));
  });
}

/** The quiz's moves: ask, take an answer, move on, end with the score. */
function quizActions(deps: QuizHandlerDeps, runs: Map<number, QuizRun>) {
  const t = (key: string, lang: LanguageCode, slots: Record<string, string | number> = {}) => fillTemplate(deps.texts[key]?.[lang] ?? key, slots);
  const keyboard = (run: QuizRun): InlineKeyboardMarkup => {
    const rows = (run.questions[run.at]?.choices ?? []).map((c, i) => [Markup.button.callback(c, `quiz:${run.at}:${i}`)]);
    if (run.group) rows.push([Markup.button.callback(`${t('page_quiz_next', run.lang)} ▶`, `quiz:${run.at}:next`)]);
    return Markup.inlineKeyboard(rows).reply_markup;
  };
  const explain = (q: QuizQuestion, lang: LanguageCode, verdict: string) =>
    `${escapeHtml(verdict)}\n${escapeHtml(q.explanation)}\n<a href="${escapeHtml(q.citation.url)}">${escapeHtml(t('quiz_source', lang, { source: q.citation.source }))}</a>`;
  const board = (run: QuizRun) => {
    const rows = [...run.scores.values()].sort((a, b) => b.right - a.right || a.name.localeCompare(b.name)).map((s, i) => `${i + 1}. ${escapeHtml(s.name)} — ${s.right}/${run.questions.length}`);
    return `<b>${escapeHtml(t('quiz_scoreboard', run.lang))}</b>\n${rows.join('\n')}`;
  };
  const ask = async (chatId: number, run: QuizRun) => {
    const q = run.questions[run.at];
    if (!q) return;
    const head = escapeHtml(t('quiz_question_of', run.lang, { n: run.at + 1, total: run.questions.length }));
    await deps.sender.sendHtml(chatId, `${head}\n<b>${escapeHtml(q.text)}</b>`, { keyboard: keyboard(run) });
  };
  const advance = async (chatId: number, run: QuizRun) => {
    run.at += 1;
    run.answered = new Set();
    if (run.at < run.questions.length) return ask(chatId, run);
    runs.delete(chatId);
    const mine = [...run.scores.values()][0];
    await deps.sender.sendHtml(chatId, run.group ? board(run) : escapeHtml(t('quiz_score', run.lang, { right: mine?.right ?? 0, total: run.questions.length })));
  };
  return {
    t,
    ask,
    /** A member's answer: counted once per question; private chats move on at once. */
    async answer(run: QuizRun, press: Press, choice: number) {
      const q = run.questions[run.at];
      if (!q) return deps.sender.answerCallback(press.callbackId);
      if (run.answered.has(press.from.id)) return deps.sender.answerCallback(press.callbackId, t('quiz_already', run.lang));
      run.answered.add(press.from.id);
      const right = choice === q.answer;
      const score = run.scores.get(press.from.id) ?? { name: [press.from.first_name, press.from.last_name].filter(Boolean).join(' '), right: 0 };
      run.scores.set(press.from.id, { ...score, right: score.right + (right ? 1 : 0) });
      const verdict = right ? t('quiz_right', run.lang) : t('quiz_wrong', run.lang, { answer: q.choices[q.answer] ?? '' });
      if (run.group) return deps.sender.answerCallback(press.callbackId, verdict);
      await deps.sender.answerCallback(press.callbackId);
      await deps.sender.clearKeyboard(press.chatId, press.messageId);
      await deps.sender.sendHtml(press.chatId, explain(q, run.lang, verdict));
      await advance(press.chatId, run);
    },
    /** "Next" in a group: the right answer and explanation, then the next question or the board. */
    async next(run: QuizRun, press: Press) {
      const q = run.questions[run.at];
      await deps.sender.answerCallback(press.callbackId);
      if (!q) return;
      await deps.sender.clearKeyboard(press.chatId, press.messageId);
      await deps.sender.sendHtml(press.chatId, explain(q, run.lang, `✔ ${q.choices[q.answer] ?? ''}`));
      await advance(press.chatId, run);
    },
  };
}
