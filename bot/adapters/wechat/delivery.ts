import type { EscalationDeskStore } from '../../core/coordination';
import { fillTemplate } from '../../core/knowledge/templates';
import type { Clock, ConversationEvent, ConversationStore, EventBus, Logger } from '../../core/ports';
import type { ConversationId } from '../../core/types';
import { WechatApiError, type WechatApi } from './api-client';
import { splitText } from './format';
import type { WechatUserStore } from '../storage/ports';
import type { WechatTexts } from './texts';

/** WeChat lets an account write to a follower for 48 hours after the follower's last message. */
export const CUSTOMER_SERVICE_WINDOW_MS = 48 * 3_600_000;

/** WeChat's codes for "outside the window" (45015) and "the user unsubscribed" (43004). */
const REASON_OF_CODE: Record<number, string> = {
  45015: "outside WeChat's 48-hour window (WeChat error 45015)",
  43004: 'the traveller has unsubscribed (WeChat error 43004)',
};

/** Why a message could not be delivered, in words for the coordinator. */
export class WechatDeliveryError extends Error {
  override readonly name = 'WechatDeliveryError';
}

export type WechatDeliveryDeps = {
  api: WechatApi;
  users: WechatUserStore;
  store: ConversationStore;
  /** Where a failed coordinator message is reported: an internal note on the case. */
  notes: Pick<EscalationDeskStore, 'addNote'>;
  events: EventBus;
  texts: WechatTexts;
  clock: Clock;
  logger: Logger;
};

export type WechatDelivery = {
  /** Sends texts to a follower through the customer-service API, in order after anything already queued for them. */
  send(openId: string, texts: readonly string[]): Promise<void>;
  /** Puts a note on the conversation's open case saying what could not be delivered and why. */
  reportFailure(conversationId: ConversationId, reason: string): void;
  /** Puts a note on the conversation's open case saying the follower unsubscribed. */
  reportUnsubscribed(conversationId: ConversationId): void;
  /** Relays coordinator messages and resolves to WeChat followers; returns the unsubscribe. */
  relayCoordinators(): () => void;
  /** Resolves when everything queued so far has been sent or has failed (tests, shutdown). */
  settled(): Promise<void>;
};

/**
 * Outbound messages: the customer-service API (`/cgi-bin/message/custom/send`), one queue per
 * follower so parts arrive in order, the 48-hour window checked before calling WeChat, and a
 * failed coordinator message shown to the coordinator as a note with the reason.
 */
export function createWechatDelivery(deps: WechatDeliveryDeps): WechatDelivery {
  const { users, texts, logger } = deps;
  const queues = new Map<string, Promise<void>>();

  const enqueue = (openId: string, work: () => Promise<void>): Promise<void> => {
    const next = (queues.get(openId) ?? Promise.resolve()).then(work);
    const tail = next.catch(() => undefined);
    queues.set(openId, tail);
    void tail.then(() => queues.get(openId) === tail && queues.delete(openId));
    return next;
  };

  const sendNow = async (openId: string, parts: readonly string[]) => {
    const user = await users.get(openId);
    if (!user?.subscribed) throw new WechatDeliveryError('the traveller has unsubscribed from the account');
    const since = deps.clock.now().getTime() - user.lastInboundAt.getTime();
    if (since > CUSTOMER_SERVICE_WINDOW_MS) {
      throw new WechatDeliveryError(`outside WeChat's 48-hour window: the traveller last wrote ${Math.floor(since / 3_600_000)} hours ago (${user.lastInboundAt.toISOString()})`);
    }
    for (const part of parts) {
      try {
        await deps.api.sendText(openId, part);
      } catch (e) {
        if (e instanceof WechatApiError) throw new WechatDeliveryError(REASON_OF_CODE[e.errcode] ?? e.message, { cause: e });
        throw new WechatDeliveryError((e as Error).message, { cause: e });
      }
    }
  };

  const send = (openId: string, parts: readonly string[]) => enqueue(openId, () => sendNow(openId, parts.flatMap((t) => splitText(t))));

  /** A note on the conversation's open case (if any), in zh and en, shown live in the console. */
  const noteOnCase = async (conversationId: ConversationId, key: 'delivery_failed_note' | 'unsubscribed_note', reason = '') => {
    const active = await deps.store.findActiveEscalation(conversationId);
    if (!active) return;
    const text = (['zh', 'en'] as const).map((l) => fillTemplate(texts[key][l], { reason })).join('\n');
    await deps.notes.addNote({ escalationId: active.id, author: 'WeChat', text, at: deps.clock.now().toISOString() });
    // the console re-reads an open case on an `escalation` event, so the note shows at once
    deps.events.publish({ type: 'escalation_changed', escalationId: active.id, conversationId, status: active.status });
  };

  const reportFailure = (conversationId: ConversationId, reason: string) => {
    logger.log('warn', 'wechat_delivery_failed', { conversationId, reason });
    track(noteOnCase(conversationId, 'delivery_failed_note', reason));
  };

  // lookups before a send are asynchronous: `settled` waits for them too
  const pending = new Set<Promise<void>>();
  const track = (work: Promise<void>) => {
    const done = work.catch((e: unknown) => logger.log('error', 'wechat_relay_failed', { error: String(e) })).finally(() => pending.delete(done));
    pending.add(done);
  };

  const relay = async (event: ConversationEvent) => {
    if (event.type === 'message' && event.channel === 'wechat' && event.message.from === 'coordinator') {
      const { conversationId } = event;
      const user = await users.findByConversation(conversationId);
      if (!user) return reportFailure(conversationId, 'the traveller has left the conversation (unsubscribed)');
      const lang = user.lang ?? (await deps.store.getConversation(conversationId))?.lang ?? 'zh';
      send(user.openId, [`【${texts.coordinator_label[lang]}】\n${event.message.text}`]).catch((e: unknown) => reportFailure(conversationId, e instanceof Error ? e.message : String(e)));
    } else if (event.type === 'escalation_changed' && event.status === 'resolved') {
      const user = await users.findByConversation(event.conversationId);
      if (!user) return;
      const lang = user.lang ?? 'zh';
      send(user.openId, [texts.coordinator_resolved[lang]]).catch((e: unknown) => logger.log('warn', 'wechat_delivery_failed', { conversationId: event.conversationId, reason: String(e) }));
    }
  };

  return {
    send,
    reportFailure,
    reportUnsubscribed: (conversationId) => void track(noteOnCase(conversationId, 'unsubscribed_note')),
    relayCoordinators: () => deps.events.subscribe((event) => void track(relay(event))),
    settled: async () => {
      while (queues.size > 0 || pending.size > 0) await Promise.all([...queues.values(), ...pending]);
    },
  };
}
