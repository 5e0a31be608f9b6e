import type { ConversationId } from '../../../../bot/core/types';
import { AT, conversation, failureOf, withStores, type MakeStores } from './fixtures';

/** Telegram chats and WeChat followers, pushes and tokens: every adapter behaves alike. */
export function channelStoresContract(make: MakeStores): void {
  describe('TelegramChatStore', () => {
    it('returns undefined for an unknown chat', () =>
      withStores(make, async ({ telegramChats: chats }) => {
        expect(await chats.get(42)).toBeUndefined();
        expect(await chats.findByConversation('c_1' as ConversationId)).toBeUndefined();
      }));

    it('remembers language and conversation, each change leaving the other fields', () =>
      withStores(make, async ({ conversations, telegramChats: chats }) => {
        await conversations.createConversation(conversation(1, { channel: 'telegram' }));
        await chats.update(-100, 'group', { lang: 'ru' });
        expect(await chats.update(-100, 'supergroup', { conversationId: 'c_1' as ConversationId })).toEqual({ chatId: -100, chatType: 'supergroup', lang: 'ru', conversationId: 'c_1' });
        expect(await chats.get(-100)).toEqual({ chatId: -100, chatType: 'supergroup', lang: 'ru', conversationId: 'c_1' });
        expect((await chats.findByConversation('c_1' as ConversationId))?.chatId).toBe(-100);
        await chats.update(-100, 'supergroup', { conversationId: null });
        expect(await chats.get(-100)).toEqual({ chatId: -100, chatType: 'supergroup', lang: 'ru' });
      }));

    it('stores and clears a dialogue state', () =>
      withStores(make, async ({ telegramChats: chats }) => {
        await chats.update(7, 'private', { dialogue: { step: 'items', direction: 'inbound' } });
        expect((await chats.get(7))?.dialogue).toEqual({ step: 'items', direction: 'inbound' });
        await chats.update(7, 'private', { dialogue: null });
        expect((await chats.get(7))?.dialogue).toBeUndefined();
      }));

    it('refuses a conversation id that does not exist (foreign key)', () =>
      withStores(make, async ({ telegramChats: chats }) => {
        expect(await failureOf(chats.update(7, 'private', { conversationId: 'c_missing' as ConversationId }))).toMatch(/foreign key/i);
      }));
  });

  describe('WechatUserStore', () => {
    it('restarts the window on each touch, links and unlinks a conversation, keeps the language', () =>
      withStores(make, async ({ conversations, wechatUsers: users }) => {
        await conversations.createConversation(conversation(1, { channel: 'wechat' }));
        await users.link('o_1', 'c_1' as ConversationId, 'en'); // unknown follower: nothing to link
        expect(await users.get('o_1')).toBeUndefined();
        await users.touch('o_1', new Date(AT));
        await users.link('o_1', 'c_1' as ConversationId, 'ru');
        expect(await users.get('o_1')).toEqual({ openId: 'o_1', conversationId: 'c_1', lang: 'ru', lastInboundAt: new Date(AT), subscribed: true });
        expect((await users.findByConversation('c_1' as ConversationId))?.openId).toBe('o_1');
        await users.touch('o_1', new Date('2026-11-27T10:00:00Z'), false);
        await users.link('o_1', null);
        expect(await users.get('o_1')).toEqual({ openId: 'o_1', lang: 'ru', lastInboundAt: new Date('2026-11-27T10:00:00Z'), subscribed: false });
      }));
  });

  describe('WechatPushLog', () => {
    it('claims a push once, returns its saved reply to a retry, and forgets old pushes', () =>
      withStores(make, async ({ wechatPushes: pushes }) => {
        expect(await pushes.claim('msg:1', new Date(AT))).toBeUndefined();
        expect(await pushes.claim('msg:1', new Date(AT))).toEqual({});
        await pushes.saveReply('msg:1', 'hello');
        expect(await pushes.claim('msg:1', new Date(AT))).toEqual({ replyText: 'hello' });
        expect(await pushes.claim('msg:2', new Date('2026-11-26T11:00:00Z'))).toBeUndefined();
        expect(await pushes.prune(new Date('2026-11-26T10:30:00Z'))).toBe(1);
        expect(await pushes.claim('msg:1', new Date(AT))).toBeUndefined();
      }));

    it('lets only one of many concurrent claims of the same push handle it', () =>
      withStores(make, async ({ wechatPushes: pushes }) => {
        const claims = await Promise.all(Array.from({ length: 6 }, () => pushes.claim('msg:9', new Date(AT))));
        expect(claims.filter((c) => c === undefined)).toHaveLength(1);
      }));
  });

  describe('AccessTokenStore', () => {
    it('keeps one token per app, replaced by the next', () =>
      withStores(make, async ({ wechatTokens: tokens }) => {
        expect(await tokens.get('wx1')).toBeUndefined();
        await tokens.put('wx1', { token: 'a', expiresAt: new Date(AT) });
        await tokens.put('wx1', { token: 'b', expiresAt: new Date('2026-11-26T12:00:00Z') });
        expect(await tokens.get('wx1')).toEqual({ token: 'b', expiresAt: new Date('2026-11-26T12:00:00Z') });
      }));
  });

  describe('RateWindowStore', () => {
    const t0 = Date.parse(AT); // on a minute boundary
    it('counts hits per key within a minute, and starts again in the next', () =>
      withStores(make, async ({ rateWindows }) => {
        expect((await rateWindows.hit('chat:192.0.2.1', t0)).count).toBe(1);
        expect(await rateWindows.hit('chat:192.0.2.1', t0 + 30_000)).toEqual({ count: 2, startMs: t0 });
        expect((await rateWindows.hit('login:192.0.2.1', t0 + 30_000)).count).toBe(1);
        // a new window: in this process it starts at its first hit, in PostgreSQL on the minute
        const next = await rateWindows.hit('chat:192.0.2.1', t0 + 61_000);
        expect(next.count).toBe(1);
        expect(next.startMs).toBeGreaterThanOrEqual(t0 + 60_000);
      }));

    it('counts every one of many concurrent hits', () =>
      withStores(make, async ({ rateWindows }) => {
        const counts = await Promise.all(Array.from({ length: 10 }, () => rateWindows.hit('k', t0)));
        expect(counts.map((c) => c.count).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      }));
  });

  describe('ping', () => {
    it('resolves while the database accepts writes', () =>
      withStores(make, async (stores) => {
        await expect(stores.ping()).resolves.toBeUndefined();
      }));
  });
}
