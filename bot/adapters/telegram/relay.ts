import type { ConversationEvent, ConversationStore, EventBus, Logger } from '../../core/ports';
import type { ConversationId, LanguageCode } from '../../core/types';
import type { TelegramChatStore } from '../storage/ports';
import { escapeHtml } from './html';
import { redactToken } from './retry';
import type { Sender } from './sender';
import type { TelegramTexts } from './texts';

export type RelayDeps = {
  events: EventBus;
  store: ConversationStore;
  chats: TelegramChatStore;
  texts: TelegramTexts;
  sender: Sender;
  logger: Logger;
  token: string;
};

/**
 * Brings coordinators into Telegram chats: a coordinator's message in a Telegram conversation
 * is sent to its chat, and the chat is told when the coordinator resolves the escalation
 * (from then on the bot answers again; the core decides that). Returns the unsubscribe.
 */
export function relayCoordinatorMessages(deps: RelayDeps): () => void {
  const { chats, texts, sender, logger } = deps;
  const deliver = (conversationId: ConversationId, html: (lang: LanguageCode) => string) => {
    const send = async () => {
      const chat = await chats.findByConversation(conversationId);
      if (!chat) return;
      const lang = chat.lang ?? (await deps.store.getConversation(conversationId))?.lang ?? 'en';
      await sender.sendHtml(chat.chatId, html(lang));
    };
    send().catch((e: unknown) => logger.log('error', 'telegram_relay_failed', { conversationId, error: redactToken(String(e), deps.token) }));
  };
  const onEvent = (event: ConversationEvent) => {
    if (event.type === 'message' && event.channel === 'telegram' && event.message.from === 'coordinator') {
      deliver(event.conversationId, (lang) => `<b>${escapeHtml(texts.coordinator_label[lang])}:</b>\n${escapeHtml(event.message.text)}`);
    } else if (event.type === 'escalation_changed' && event.status === 'resolved') {
      deliver(event.conversationId, (lang) => escapeHtml(texts.coordinator_resolved[lang]));
    }
  };
  return deps.events.subscribe(onEvent);
}
