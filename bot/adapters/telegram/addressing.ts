import type { Message, MessageEntity, UserFromGetMe } from 'telegraf/types';
import { LanguageCodeSchema, type LanguageCode } from '../../core/knowledge/schema';

/** The parts of a message the group rules look at. */
export type AddressableMessage = {
  text?: string;
  caption?: string;
  entities?: MessageEntity[];
  caption_entities?: MessageEntity[];
  reply_to_message?: Pick<Message, 'from'>;
};

/** True for chats several people share (a tour group), where the bot speaks only when spoken to. */
export function isGroupChat(chatType: string): boolean {
  return chatType === 'group' || chatType === 'supergroup';
}

function mentionsBot(text: string, entities: readonly MessageEntity[], me: UserFromGetMe): boolean {
  const handle = `@${me.username}`.toLowerCase();
  return entities.some((e) => {
    if (e.type === 'mention') return text.slice(e.offset, e.offset + e.length).toLowerCase() === handle;
    if (e.type === 'text_mention') return e.user.id === me.id;
    return false;
  });
}

/**
 * Whether a group message is meant for the bot: it mentions @botname, or replies to one of the
 * bot's messages. (Commands are routed by telegraf, which already ignores `/cmd@otherbot`.)
 */
export function isAddressedToBot(message: AddressableMessage, me: UserFromGetMe): boolean {
  if (message.reply_to_message?.from?.id === me.id) return true;
  const text = message.text ?? message.caption ?? '';
  return mentionsBot(text, message.entities ?? message.caption_entities ?? [], me);
}

/** The text without the bot's @mention, so the core sees only the question. */
export function withoutMention(text: string, me: UserFromGetMe): string {
  const escaped = me.username.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return text.replace(new RegExp(`@${escaped}\\b`, 'gi'), ' ').replace(/\s+/g, ' ').trim();
}

/** A Telegram language code ("ru", "en-US", "zh-hans") as one of ours, or undefined. */
export function toLanguageCode(telegramCode: string | undefined): LanguageCode | undefined {
  const base = telegramCode?.split(/[-_]/)[0]?.toLowerCase();
  const parsed = LanguageCodeSchema.safeParse(base);
  return parsed.success ? parsed.data : undefined;
}
