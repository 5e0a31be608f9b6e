import type { Telegram } from 'telegraf';
import type { InlineKeyboardMarkup } from 'telegraf/types';
import type { Logger } from '../../core/ports';
import { splitHtml } from './html';
import { callWithRetry, type RetryOptions } from './retry';

export type SendOptions = {
  /** Message to reply to (group chats), on the first part only. */
  replyTo?: number;
  /** Inline keyboard, on the last part only. */
  keyboard?: InlineKeyboardMarkup;
};

/** Everything the bot sends goes through here: HTML, split under the limit, retried. */
export type Sender = {
  /** Sends Telegram HTML to a chat, in as many messages as the limit needs; resolves with the last message's id. */
  sendHtml(chatId: number, html: string, options?: SendOptions): Promise<number | undefined>;
  /** Replaces a message's text (and drops its keyboard). */
  editHtml(chatId: number, messageId: number, html: string): Promise<void>;
  /** Removes the buttons under a message (its question was answered). */
  clearKeyboard(chatId: number, messageId: number): Promise<void>;
  /** Acknowledges a button press so the client stops its spinner; `text` shows as a notice to the presser only. */
  answerCallback(callbackQueryId: string, text?: string): Promise<void>;
};

export type SenderDeps = { telegram: Telegram; logger: Logger; token: string; retry?: RetryOptions };

export function createSender(deps: SenderDeps): Sender {
  const { telegram } = deps;
  const call = <T>(method: string, fn: () => Promise<T>) => callWithRetry(method, fn, deps);
  return {
    async sendHtml(chatId, html, options = {}) {
      const parts = splitHtml(html);
      let lastId: number | undefined;
      for (const [i, part] of parts.entries()) {
        const first = i === 0;
        const last = i === parts.length - 1;
        const sent = await call('sendMessage', () =>
          telegram.sendMessage(chatId, part, {
            parse_mode: 'HTML',
            link_preview_options: { is_disabled: true },
            ...(first && options.replyTo !== undefined ? { reply_parameters: { message_id: options.replyTo, allow_sending_without_reply: true } } : {}),
            ...(last && options.keyboard ? { reply_markup: options.keyboard } : {}),
          }),
        );
        lastId = sent.message_id;
      }
      return lastId;
    },
    async editHtml(chatId, messageId, html) {
      const [first] = splitHtml(html);
      await call('editMessageText', () => telegram.editMessageText(chatId, messageId, undefined, first ?? '…', { parse_mode: 'HTML', link_preview_options: { is_disabled: true } }));
    },
    async clearKeyboard(chatId, messageId) {
      await call('editMessageReplyMarkup', () => telegram.editMessageReplyMarkup(chatId, messageId, undefined, undefined));
    },
    async answerCallback(callbackQueryId, text) {
      await call('answerCallbackQuery', () => telegram.answerCbQuery(callbackQueryId, text));
    },
  };
}
