import { Markup, type Context, type Telegraf } from 'telegraf';
import { message } from 'telegraf/filters';
import type { InlineKeyboardMarkup, Message } from 'telegraf/types';
import type { Assistant } from '../../core/conversation';
import { LANGUAGES, type LanguageCode } from '../../core/knowledge/schema';
import { fillTemplate } from '../../core/knowledge/templates';
import type { Clock, Logger } from '../../core/ports';
import { detectLanguage } from '../../core/text';
import { createFixedWindow } from '../http/rate-limit';
import { isAddressedToBot, isGroupChat, toLanguageCode, withoutMention } from './addressing';
import type { RateWindowStore, TelegramChatStore } from '../storage/ports';
import { askedCategory, CallbackDataSchema, DECLARE_CHOICES, declareKeyboard, pendingChoice, type DeclareDialogue } from './declare';
import { escapeHtml, replyHtml } from './html';
import { registerQuiz, type TelegramQuizDeps } from './quiz';
import { redactToken, TelegramDeliveryError } from './retry';
import type { Sender } from './sender';
import type { TelegramTextKey, TelegramTexts } from './texts';

export type TelegramBotDeps = {
  assistant: Assistant;
  chats: TelegramChatStore;
  texts: TelegramTexts;
  sender: Sender;
  logger: Logger;
  clock: Clock;
  /** Messages per minute per chat; 0 turns the limit off (RATE_LIMIT_PER_MINUTE). */
  rateLimitPerMinute: number;
  /** Where the limit's hits are counted (shared by replicas on PostgreSQL); default this process. */
  rateWindows?: RateWindowStore;
  /** Only to redact it from logged errors. */
  token: string;
  /** The training quiz (/quiz, issue 11); without it the command is unknown. */
  quiz?: TelegramQuizDeps;
};

/** Non-text messages that get a "please type your question" reply (service messages get none). */
const UNSUPPORTED_KINDS = ['sticker', 'photo', 'voice', 'video', 'video_note', 'audio', 'document', 'animation', 'location', 'venue', 'contact', 'poll', 'dice'] as const;

type ChatRef = { id: number; type: string };
type AnyMessage = Message & { text?: string; entities?: Message.TextMessage['entities'] };

function commandIn(msg: AnyMessage): string | undefined {
  const first = msg.entities?.[0];
  if (!msg.text || first?.type !== 'bot_command' || first.offset !== 0) return undefined;
  return msg.text.slice(1, first.length);
}

/**
 * The Telegram behaviour: commands, buttons, free text through the assistant, group-chat
 * rules, rate limit and the polite replies to what the bot cannot read. Everything the bot
 * says is escaped HTML from knowledge/lang/telegram.yaml or from the core's reply.
 */
export function registerHandlers(bot: Telegraf, deps: TelegramBotDeps): void {
  const { chats, texts, sender, logger } = deps;
  const hit = createFixedWindow(deps.rateLimitPerMinute, deps.clock, deps.rateWindows);
  const t = (key: TelegramTextKey, lang: LanguageCode) => escapeHtml(texts[key][lang]);
  const langOf = async (chat: ChatRef, from?: { language_code?: string }): Promise<LanguageCode> => (await chats.get(chat.id))?.lang ?? toLanguageCode(from?.language_code) ?? 'en';
  const replyTo = (chat: ChatRef, messageId: number) => (isGroupChat(chat.type) ? messageId : undefined);
  const languageKeyboard = (): InlineKeyboardMarkup => Markup.inlineKeyboard(LANGUAGES.map((l) => Markup.button.callback(texts.language_name[l], `lang:${l}`))).reply_markup;

  const askLanguage = (chat: ChatRef, known: LanguageCode | undefined) => {
    const prompt = known ? t('choose_language', known) : LANGUAGES.map((l) => t('choose_language', l)).join('\n');
    return sender.sendHtml(chat.id, prompt, { keyboard: languageKeyboard() });
  };

  const answer = async (chat: ChatRef, text: string, options: { replyTo?: number; lang?: LanguageCode; fallback: LanguageCode }) => {
    const record = await chats.get(chat.id);
    const lang = options.lang ?? detectLanguage(text, record?.lang ?? options.fallback).lang;
    const result = await deps.assistant.handleMessage({ text, conversationId: record?.conversationId, lang, channel: 'telegram' });
    if (!result.ok) throw new Error(`bot: telegram chat ${chat.id}: ${result.error.code}: ${result.error.message}`);
    const { conversationId, reply } = result.value;
    if (conversationId !== record?.conversationId) await chats.update(chat.id, chat.type, { conversationId });
    const asked = askedCategory(reply); // the declaration check asks the traveller's category: offer buttons
    const keyboard = asked ? declareKeyboard(asked, texts, reply.lang) : undefined;
    const messageId = await sender.sendHtml(chat.id, replyHtml(reply, texts.sources_label[reply.lang]), { replyTo: options.replyTo, keyboard });
    const dialogue: DeclareDialogue | null = asked && messageId !== undefined ? { kind: 'declare', asked, messageId, lang: reply.lang } : null;
    if (dialogue || record?.dialogue !== undefined) await chats.update(chat.id, chat.type, { dialogue });
  };

  bot.catch(async (error, ctx) => {
    const text = redactToken(error instanceof Error ? `${error.name}: ${error.message}` : String(error), deps.token);
    logger.log('error', 'telegram_update_failed', { updateId: ctx.update.update_id, error: text });
    if (error instanceof TelegramDeliveryError || !ctx.chat) return; // cannot reach the chat: nothing more to say
    await sender.sendHtml(ctx.chat.id, t('try_again', await langOf(ctx.chat, ctx.from))).catch((e: unknown) => logger.log('error', 'telegram_apology_failed', { updateId: ctx.update.update_id, error: redactToken(String(e), deps.token) }));
  });

  // Gate for messages: group rules first, then the per-chat rate limit.
  bot.use(async (ctx, next) => {
    const msg: AnyMessage | undefined = ctx.message ?? ctx.editedMessage;
    if (!msg) return next();
    const command = commandIn(msg);
    const [, target] = command?.split('@') ?? [];
    if (target !== undefined && target.toLowerCase() !== ctx.botInfo.username.toLowerCase()) return; // for another bot
    if (isGroupChat(msg.chat.type) && command === undefined && !isAddressedToBot(msg, ctx.botInfo)) return;
    const verdict = await hit(`telegram:${msg.chat.id}`);
    if (verdict.allowed) return next();
    logger.log('info', 'telegram_rate_limited', { chatId: msg.chat.id });
    if (verdict.firstRefusal) {
      const text = fillTemplate(texts.rate_limited[await langOf(msg.chat, ctx.from)], { seconds: verdict.retryAfterSeconds });
      await sender.sendHtml(msg.chat.id, escapeHtml(text), { replyTo: replyTo(msg.chat, msg.message_id) });
    }
  });

  if (deps.quiz) registerQuiz(bot, { ...deps.quiz, sender, langOf });

  bot.start(async (ctx) => {
    const known = (await chats.get(ctx.chat.id))?.lang ?? toLanguageCode(ctx.from.language_code);
    if (!known) return askLanguage(ctx.chat, undefined);
    await chats.update(ctx.chat.id, ctx.chat.type, { lang: known });
    await sender.sendHtml(ctx.chat.id, t('start_greeting', known));
  });
  bot.help(async (ctx) => sender.sendHtml(ctx.chat.id, t('help', await langOf(ctx.chat, ctx.from)), { replyTo: replyTo(ctx.chat, ctx.message.message_id) }));
  bot.command('lang', async (ctx) => askLanguage(ctx.chat, await langOf(ctx.chat, ctx.from)));
  bot.command('human', async (ctx) => {
    const lang = await langOf(ctx.chat, ctx.from);
    return answer(ctx.chat, texts.human_request[lang], { lang, fallback: lang, replyTo: replyTo(ctx.chat, ctx.message.message_id) });
  });
  bot.command('declare', async (ctx) => sender.sendHtml(ctx.chat.id, t('declare_intro', await langOf(ctx.chat, ctx.from)), { replyTo: replyTo(ctx.chat, ctx.message.message_id) }));

  bot.on('callback_query', async (ctx) => {
    const query = ctx.callbackQuery;
    await sender.answerCallback(query.id);
    const chat = query.message?.chat;
    if (!chat || !query.message) return;
    const messageId = query.message.message_id;
    const expired = async () => sender.sendHtml(chat.id, t('button_expired', await langOf(chat, query.from)));
    const parsed = CallbackDataSchema.safeParse('data' in query ? query.data.split(':') : []);
    if (!parsed.success) return expired();
    if (parsed.data[0] === 'lang') {
      const lang = parsed.data[1];
      await chats.update(chat.id, chat.type, { lang });
      return sender.editHtml(chat.id, messageId, `${t('language_set', lang)}\n\n${t('start_greeting', lang)}`);
    }
    const choice = parsed.data[1];
    const dialogue = pendingChoice((await chats.get(chat.id))?.dialogue, choice, messageId);
    if (!dialogue) return expired();
    await chats.update(chat.id, chat.type, { dialogue: null }); // one answer per question, even on a double tap
    await sender.clearKeyboard(chat.id, messageId);
    await answer(chat, texts[DECLARE_CHOICES[choice].answer][dialogue.lang], { lang: dialogue.lang, fallback: dialogue.lang });
  });

  bot.on(message('text'), async (ctx) => {
    const msg = ctx.message;
    const lang = await langOf(ctx.chat, ctx.from);
    const to = replyTo(ctx.chat, msg.message_id);
    const command = commandIn(msg);
    if (command !== undefined) {
      if (isGroupChat(ctx.chat.type) && !command.includes('@')) return; // an unknown /command in a group may be another bot's
      return sender.sendHtml(ctx.chat.id, t('help', lang), { replyTo: to });
    }
    const text = isGroupChat(ctx.chat.type) ? withoutMention(msg.text, ctx.botInfo) : msg.text.trim();
    if (!text) return sender.sendHtml(ctx.chat.id, t('mention_empty', lang), { replyTo: to });
    await answer(ctx.chat, text, { replyTo: to, fallback: lang });
  });

  bot.on('edited_message', async (ctx) => {
    const msg = ctx.editedMessage;
    return sender.sendHtml(msg.chat.id, t('edited_message', await langOf(msg.chat, ctx.from)), { replyTo: msg.message_id });
  });

  bot.on('message', async (ctx: Context) => {
    const msg = ctx.message;
    if (!msg || !ctx.chat || !UNSUPPORTED_KINDS.some((kind) => kind in msg)) return; // service message: joins, pins…
    await sender.sendHtml(ctx.chat.id, t('unsupported_message', await langOf(ctx.chat, ctx.from)), { replyTo: msg.message_id });
  });
}
