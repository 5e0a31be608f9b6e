import type { Assistant } from '../../core/conversation';
import type { KnowledgeRuntime } from '../../core/conversation';
import type { LanguageCode } from '../../core/knowledge/schema';
import type { Clock, Logger } from '../../core/ports';
import type { ConversationId } from '../../core/types';
import { createFixedWindow } from '../http/rate-limit';
import { MAX_MESSAGE_CHARS } from '../http/chat-routes';
import { replyText } from './format';
import { menuActionOf } from './menu';
import type { RateWindowStore, WechatUserStore } from '../storage/ports';
import type { WechatTexts } from './texts';
import type { Push } from './xml';

/**
 * What WeChat pushes as the Content of a text message when the user sent something it cannot
 * forward, such as an animated sticker (表情): treated like an image.
 */
const UNSUPPORTED_CONTENT = new Set(['【收到不支持的消息类型，暂无法显示】', '[Unsupported Message]']);

export type WechatConversationDeps = {
  assistant: Assistant;
  runtime: KnowledgeRuntime;
  users: WechatUserStore;
  texts: WechatTexts;
  clock: Clock;
  logger: Logger;
  /** Messages per minute per follower; 0 turns the limit off (RATE_LIMIT_PER_MINUTE). */
  rateLimitPerMinute: number;
  /** Where the limit's hits are counted (shared by replicas on PostgreSQL); default this process. */
  rateWindows?: RateWindowStore;
  /** Called when a follower unsubscribes while a coordinator has their case. */
  onUnsubscribed: (conversationId: ConversationId) => void;
};

/**
 * What the bot says to one push, as plain texts (not yet split), in order; empty for pushes that
 * need no answer. Text goes through the same core as the web chat, one conversation per OpenID.
 */
export function createWechatConversation(deps: WechatConversationDeps): (push: Push) => Promise<string[]> {
  const { users, texts } = deps;
  const hit = createFixedWindow(deps.rateLimitPerMinute, deps.clock, deps.rateWindows);

  const chineseNameOf = (url: string) => {
    for (const source of deps.runtime.current().knowledge.sources.values()) if (source.url === url) return source.name.zh;
    return undefined;
  };

  const answer = async (openId: string, text: string, lang?: LanguageCode): Promise<string[]> => {
    const user = await users.get(openId);
    const result = await deps.assistant.handleMessage({ text, conversationId: user?.conversationId, lang, channel: 'wechat' });
    if (!result.ok) throw new Error(`bot: wechat user: ${result.error.code}: ${result.error.message}`);
    const { conversationId, reply } = result.value;
    await users.link(openId, conversationId, reply.lang);
    return [replyText(reply, texts.sources_label[reply.lang], chineseNameOf)];
  };

  const onEvent = async (push: Push, lang: LanguageCode): Promise<string[]> => {
    const openId = push.FromUserName;
    switch (push.Event?.toLowerCase()) {
      case 'subscribe':
        return [`${texts.subscribe_greeting.zh}\n\n${texts.subscribe_other_languages.en}\n${texts.subscribe_other_languages.ru}`];
      case 'unsubscribe': {
        const user = await users.get(openId);
        await users.touch(openId, deps.clock.now(), false);
        await users.link(openId, null); // the conversation ends; a new follow starts a new one
        if (user?.conversationId) deps.onUnsubscribed(user.conversationId);
        return [];
      }
      case 'click': {
        const action = menuActionOf(push.EventKey);
        if (action === 'ask_question') return [texts.ask_hint[lang]];
        if (action === 'check_luggage') return [texts.declare_intro[lang]];
        if (action === 'talk_to_person') return answer(openId, texts.human_request[lang], lang);
        return [];
      }
      default:
        return []; // VIEW, SCAN, LOCATION…: nothing to say
    }
  };

  return async (push) => {
    const openId = push.FromUserName;
    const lang = (await users.get(openId))?.lang ?? 'zh';
    if (push.MsgType === 'event') {
      if (push.Event?.toLowerCase() !== 'unsubscribe') await users.touch(openId, deps.clock.now());
      return onEvent(push, lang);
    }
    await users.touch(openId, deps.clock.now());
    if (!(await hit(`wechat:${openId}`)).allowed) {
      deps.logger.log('info', 'wechat_rate_limited', {});
      return [];
    }
    const typed = push.MsgType === 'text' ? push.Content : push.MsgType === 'voice' ? push.Recognition : undefined;
    const text = typed?.trim();
    if (text && UNSUPPORTED_CONTENT.has(text)) return [texts.unsupported_message[lang]];
    if (text) return text.length > MAX_MESSAGE_CHARS ? [texts.too_long[lang]] : answer(openId, text);
    if (push.MsgType === 'text') return [texts.ask_hint[lang]];
    return [texts.unsupported_message[lang]]; // image, sticker, video, location, link, voice without recognition…
  };
}
