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

/** Questions of one /quiz when the command names no number, and the most it may name. */
const DEFAULT_QUESTIONS = 5;
const MAX_QUESTIONS = 20;

type Score = { name: string; right: number; answered: number };
/** A quiz running in a chat: kept in memory (a restart ends it; /quiz starts another). */
type QuizRun = { lang: LanguageCode; questions: QuizQuestion[]; at: number; group: boolean; scores: Map<number, Score>; answered: Set<number> };

type ChatRef = { id: number; type: string };

/**
 * `/quiz [n]` (issue 11): the training quiz, one question at a time with an inline keyboard.
 * In a private chat an answer gets the verdict and explanation at once, then the next question;
 * in a group every member may answer each question once (the verdict comes as a private
 * notice), "Next" shows the explanation and moves on, and the last question ends with a score
 * board of every member who answered.
 */
export function registerQuiz(bot: Telegraf, deps: TelegramQuizDeps & { sender: Sender; langOf(chat: ChatRef, from?: { language_code?: string }): LanguageCode }): void {
  const runs = new Map<number, QuizRun>();
  const t = (key: string, lang: LanguageCode, slots: Record<string, string | number> = {}) => fillTemplate(deps.texts[key]?.[lang] ?? key, slots);

  const keyboard = (run: QuizRun): InlineKeyboardMarkup => {
    const q = run.questions[run.at];
    const rows = (q?.choices ?? []).map((c, i) => [Markup.button.callback(c, `quiz:${run.at}:${i}`)]);
    if (run.group) rows.push([Markup.button.callback(`${deps.texts.page_quiz_next?.[run.lang] ?? '→'} ▶`, `quiz:${run.at}:next`)]);
    return Markup.inlineKeyboard(rows).reply_markup;
  };
  const ask = (chatId: number, run: QuizRun) => {
    const q = run.questions[run.at];
    if (!q) return;
    const head = escapeHtml(t('quiz_question_of', run.lang, { n: run.at + 1, total: run.questions.length }));
    return deps.sender.sendHtml(chatId, `${head}\n<b>${escapeHtml(q.text)}</b>`, { keyboard: keyboard(run) });
  };
  const explain = (q: QuizQuestion, lang: LanguageCode, prefix: string) =>
    `${escapeHtml(prefix)}\n${escapeHtml(q.explanation)}\n<a href="${escapeHtml(q.citation.url)}">${escapeHtml(t('quiz_source', lang, { source: q.citation.source }))}</a>`;
  const board = (run: QuizRun) => {
    const rows = [...run.scores.values()].sort((a, b) => b.right - a.right || a.name.localeCompare(b.name)).map((s, i) => `${i + 1}. ${escapeHtml(s.name)} — ${s.right}/${run.questions.length}`);
    return `<b>${escapeHtml(t('quiz_scoreboard', run.lang))}</b>\n${rows.join('\n')}`;
  };
  const advance = async (chatId: number, run: QuizRun) => {
    run.at += 1;
    run.answered = new Set();
    if (run.at < run.questions.length) return ask(chatId, run);
    runs.delete(chatId);
    const mine = [...run.scores.values()][0];
    const end = run.group ? board(run) : escapeHtml(t('quiz_score', run.lang, { right: mine?.right ?? 0, total: run.questions.length }));
    await deps.sender.sendHtml(chatId, end);
  };

  bot.command('quiz', async (ctx) => {
    const lang = deps.langOf(ctx.chat, ctx.from);
    const asked = Number.parseInt(ctx.message.text.split(/\s+/)[1] ?? '', 10);
    const count = Number.isFinite(asked) ? Math.min(Math.max(asked, 1), MAX_QUESTIONS) : DEFAULT_QUESTIONS;
    const run: QuizRun = { lang, questions: deps.make(lang, randomInt(2 ** 32), count), at: 0, group: isGroupChat(ctx.chat.type), scores: new Map(), answered: new Set() };
    runs.set(ctx.chat.id, run);
    await ask(ctx.chat.id, run);
  });

  bot.action(/^quiz:(\d{1,3}):(\d|next)$/, async (ctx) => {
    const chat = ctx.callbackQuery.message?.chat;
    const messageId = ctx.callbackQuery.message?.message_id;
    const run = chat ? runs.get(chat.id) : undefined;
    const [, at, choice] = ctx.match;
    const lang = run?.lang ?? (chat ? deps.langOf(chat, ctx.from) : 'en');
    if (!chat || messageId === undefined || !run || Number(at) !== run.at) return deps.sender.answerCallback(ctx.callbackQuery.id, t('quiz_expired', lang));
    const q = run.questions[run.at];
    if (!q) return deps.sender.answerCallback(ctx.callbackQuery.id);
    if (choice === 'next') {
      await deps.sender.answerCallback(ctx.callbackQuery.id);
      await deps.sender.clearKeyboard(chat.id, messageId);
      await deps.sender.sendHtml(chat.id, explain(q, lang, t('quiz_wrong', lang, { answer: q.choices[q.answer] ?? '' }).replace(/^[^:：]*[:：]\s*/, '✔ ')));
      return advance(chat.id, run);
    }
    if (run.answered.has(ctx.from.id)) return deps.sender.answerCallback(ctx.callbackQuery.id, t('quiz_already', lang));
    run.answered.add(ctx.from.id);
    const right = Number(choice) === q.answer;
    const score = run.scores.get(ctx.from.id) ?? { name: [ctx.from.first_name, ctx.from.last_name].filter(Boolean).join(' '), right: 0, answered: 0 };
    run.scores.set(ctx.from.id, { ...score, right: score.right + (right ? 1 : 0), answered: score.answered + 1 });
    const verdict = right ? t('quiz_right', lang) : t('quiz_wrong', lang, { answer: q.choices[q.answer] ?? '' });
    if (run.group) return deps.sender.answerCallback(ctx.callbackQuery.id, verdict);
    await deps.sender.answerCallback(ctx.callbackQuery.id);
    await deps.sender.clearKeyboard(chat.id, messageId);
    await deps.sender.sendHtml(chat.id, explain(q, lang, verdict));
    return advance(chat.id, run);
  });
}
