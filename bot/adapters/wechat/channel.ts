import type { Router } from 'express';
import type { Assistant, KnowledgeRuntime } from '../../core/conversation';
import type { EscalationDeskStore } from '../../core/coordination';
import type { Clock, ConversationStore, EventBus, Logger } from '../../core/ports';
import { createWechatApi, type WechatApi, type WechatApiOptions } from './api-client';
import { createWechatConversation } from './conversation';
import { WechatCipher } from './crypto';
import { createWechatDelivery, type WechatDelivery } from './delivery';
import { pushRoutes } from './push-routes';
import type { AccessTokenStore, RateWindowStore, WechatPushLog, WechatUserStore } from '../storage/ports';
import type { WechatTexts } from './texts';

/** The channel's slice of Config (WECHAT_*). */
export type WechatSettings = {
  appId: string;
  appSecret: string;
  token: string;
  /** Safe mode when set; plaintext mode without. */
  encodingAesKey?: string;
  /** Path of the push endpoint on our server, e.g. /wechat. */
  path: string;
  apiRoot: string;
  rateLimitPerMinute: number;
};

export type WechatChannelDeps = {
  assistant: Assistant;
  runtime: KnowledgeRuntime;
  store: ConversationStore;
  events: EventBus;
  /** The channel's stores (from createStores). */
  users: WechatUserStore;
  pushes: WechatPushLog;
  tokens: AccessTokenStore;
  /** Where the per-follower rate limit counts (Stores.rateWindows); default this process. */
  rateWindows?: RateWindowStore;
  /** Notes on escalations: where a failed delivery is shown to the coordinator. */
  notes: Pick<EscalationDeskStore, 'addNote'>;
  texts: WechatTexts;
  clock: Clock;
  logger: Logger;
};

export type WechatChannelOptions = {
  api?: WechatApiOptions;
  /** Answer passively only when the reply took at most this long, in ms. Default 4,000. */
  passiveBudgetMs?: number;
  /** Where the access_token is shared; default `deps.tokens`. */
  tokens?: AccessTokenStore;
};

export type WechatChannel = {
  readonly mode: 'safe' | 'plaintext';
  readonly router: Router;
  readonly api: WechatApi;
  readonly delivery: WechatDelivery;
  /** Stops relaying coordinator messages and waits for queued sends. */
  stop(): Promise<void>;
};

/** How long a push is remembered for deduplication (WeChat retries within about 15 seconds), in ms. */
const PUSH_MEMORY_MS = 10 * 60_000;

/**
 * The WeChat Official Account channel: the push endpoint, text through the core (one
 * conversation per OpenID), the customer-service API for late replies and coordinators'
 * messages, and the coordinator relay (subscribed at once: it needs no network to start).
 */
export function createWechatChannel(settings: WechatSettings, deps: WechatChannelDeps, options: WechatChannelOptions = {}): WechatChannel {
  const { users, pushes } = deps;
  const api = createWechatApi({ appId: settings.appId, appSecret: settings.appSecret, apiRoot: settings.apiRoot }, { tokens: options.tokens ?? deps.tokens, clock: deps.clock, logger: deps.logger }, options.api);
  const delivery = createWechatDelivery({ api, users, store: deps.store, notes: deps.notes, events: deps.events, texts: deps.texts, clock: deps.clock, logger: deps.logger });
  const respond = createWechatConversation({
    assistant: deps.assistant,
    runtime: deps.runtime,
    users,
    texts: deps.texts,
    clock: deps.clock,
    logger: deps.logger,
    rateLimitPerMinute: settings.rateLimitPerMinute,
    rateWindows: deps.rateWindows,
    onUnsubscribed: (conversationId) => delivery.reportUnsubscribed(conversationId),
  });
  let pruned = 0;
  const router = pushRoutes(
    { path: settings.path, token: settings.token, appId: settings.appId, cipher: settings.encodingAesKey ? new WechatCipher(settings.encodingAesKey, settings.appId) : undefined, passiveBudgetMs: options.passiveBudgetMs },
    {
      pushes,
      clock: deps.clock,
      logger: deps.logger,
      respond: (push) => {
        if (++pruned % 100 === 0) void pushes.prune(new Date(deps.clock.now().getTime() - PUSH_MEMORY_MS)).catch((e: unknown) => deps.logger.log('warn', 'wechat_prune_failed', { error: String(e) }));
        return respond(push);
      },
      sendLater: (openId, texts) => void delivery.send(openId, texts).catch((e: unknown) => deps.logger.log('warn', 'wechat_reply_failed', { error: String(e) })),
      apology: async (openId) => deps.texts.try_again[(await users.get(openId))?.lang ?? 'zh'],
    },
  );
  const unsubscribe = delivery.relayCoordinators();
  return {
    mode: settings.encodingAesKey ? 'safe' : 'plaintext',
    router,
    api,
    delivery,
    async stop() {
      unsubscribe();
      await delivery.settled();
    },
  };
}
