import type { ConversationId, EscalationId } from '../../../../bot/core/types';
import { after, AT, conversation, escalation, failureOf, message, seedEscalation, withStores, type MakeStores } from './fixtures';

/** ConversationStore: every adapter behaves alike (memory, SQLite, PostgreSQL). */
export function conversationStoreContract(make: MakeStores): void {
  describe('ConversationStore', () => {
    it('returns a conversation as created, and its state and language as saved', () =>
      withStores(make, async ({ conversations: store }) => {
        await store.createConversation(conversation(1, { channel: 'telegram', lang: 'ru' }));
        expect(await store.getConversation('c_1' as ConversationId)).toEqual(conversation(1, { channel: 'telegram', lang: 'ru' }));
        await store.saveState('c_1' as ConversationId, 'zh', { misses: 2, lastEntryId: 'tobacco-allowance', route: 'hong_kong_macao' as never });
        expect(await store.getConversation('c_1' as ConversationId)).toMatchObject({ lang: 'zh', state: { misses: 2, lastEntryId: 'tobacco-allowance' } });
        expect(await store.getConversation('c_missing' as ConversationId)).toBeUndefined();
      }));

    it('numbers messages in order and pages them both ways', () =>
      withStores(make, async ({ conversations: store }) => {
        await store.createConversation(conversation(1));
        await store.createConversation(conversation(2));
        const ids: number[] = [];
        for (let i = 0; i < 5; i++) ids.push((await store.appendMessage(message(1, i % 2 ? 'bot' : 'traveller', `m${i}`))).id);
        await store.appendMessage(message(2, 'traveller', 'other conversation'));
        expect([...ids].sort((a, b) => a - b)).toEqual(ids);
        expect((await store.listMessages('c_1' as ConversationId)).map((m) => m.text)).toEqual(['m0', 'm1', 'm2', 'm3', 'm4']);
        expect((await store.listMessages('c_1' as ConversationId, { afterId: ids[2], limit: 1 })).map((m) => m.text)).toEqual(['m3']);
        expect((await store.listLatestMessages('c_1' as ConversationId, { limit: 2 })).map((m) => m.text)).toEqual(['m3', 'm4']);
        expect((await store.listLatestMessages('c_1' as ConversationId, { beforeId: ids[3], limit: 2 })).map((m) => m.text)).toEqual(['m1', 'm2']);
      }));

    it('keeps a reply\'s kind, citations and details, and leaves them off when empty', () =>
      withStores(make, async ({ conversations: store }) => {
        await store.createConversation(conversation(1));
        const citation = { id: 'tobacco-allowance', title: 'Tobacco', source: 'GACC 2024/7', url: 'https://example.org/a' };
        const stored = await store.appendMessage({ ...message(1, 'bot', 'answer'), kind: 'answer', citations: [citation], more: 'details' });
        await store.appendMessage({ ...message(1, 'bot', 'plain'), kind: 'smalltalk', citations: [] });
        const [first, second] = await store.listMessages('c_1' as ConversationId);
        expect(first).toEqual({ ...message(1, 'bot', 'answer'), id: stored.id, kind: 'answer', citations: [citation], more: 'details' });
        expect(second).toEqual({ ...message(1, 'bot', 'plain'), id: expect.any(Number), kind: 'smalltalk' });
      }));

    it('counts a traveller\'s messages since a time, and a client\'s open cases', () =>
      withStores(make, async ({ conversations: store, desk }) => {
        await store.createConversation(conversation(1));
        await store.appendMessage(message(1, 'traveller', 'before', after(-1)));
        await store.appendMessage(message(1, 'traveller', 'at', AT));
        await store.appendMessage(message(1, 'bot', 'reply', after(1)));
        expect(await store.countMessagesSince('c_1' as ConversationId, 'traveller', AT)).toBe(1);
        await store.createEscalation(escalation(1, { client: 'web:192.0.2.1' }));
        await store.createConversation(conversation(2));
        await store.createEscalation(escalation(2, { client: 'web:192.0.2.1' }));
        expect(await store.countOpenEscalationsOfClient('web:192.0.2.1')).toBe(2);
        await desk.claim('e_2' as EscalationId, 'alice', AT);
        expect(await store.countOpenEscalationsOfClient('web:192.0.2.1')).toBe(1);
        expect(await store.countOpenEscalationsOfClient('web:192.0.2.9')).toBe(0);
      }));

    it('finds the active escalation without its client, and none once resolved', () =>
      withStores(make, async (stores) => {
        const { conversations: store, desk } = stores;
        const id = await seedEscalation(stores, 1, { client: 'web:192.0.2.1' });
        expect(await store.findActiveEscalation('c_1' as ConversationId)).toEqual(escalation(1));
        await desk.claim(id, 'alice', AT);
        expect(await store.findActiveEscalation('c_1' as ConversationId)).toMatchObject({ id, status: 'claimed' });
        await desk.resolve(id, 'alice', after(1));
        expect(await store.findActiveEscalation('c_1' as ConversationId)).toBeUndefined();
      }));

    it('places an open case in the queue by urgency, then waiting time; 0 once claimed', () =>
      withStores(make, async (stores) => {
        await seedEscalation(stores, 1, { createdAt: after(1) });
        await seedEscalation(stores, 2, { createdAt: after(2), reasons: ['seizure'] });
        await seedEscalation(stores, 3, { createdAt: after(0) });
        const position = (id: string) => stores.conversations.queuePosition(id as EscalationId);
        expect([await position('e_2'), await position('e_3'), await position('e_1')]).toEqual([1, 2, 3]);
        await stores.desk.claim('e_2' as EscalationId, 'alice', AT);
        expect([await position('e_2'), await position('e_3'), await position('e_1'), await position('e_missing')]).toEqual([0, 1, 2, 0]);
      }));

    describe('recordTurn', () => {
      it('writes a new conversation, both messages in order, the state and the escalation', () =>
        withStores(make, async ({ conversations: store }) => {
          const written = await store.recordTurn({
            newConversation: conversation(1),
            traveller: message(1, 'traveller', 'a person please'),
            state: { lang: 'ru', state: { misses: 1 } },
            escalation: escalation(1),
            bot: { ...message(1, 'bot', 'a coordinator will answer'), kind: 'escalated' },
          });
          expect(written.bot.id).toBeGreaterThan(written.traveller.id);
          expect(await store.getConversation('c_1' as ConversationId)).toMatchObject({ lang: 'ru', state: { misses: 1 } });
          expect((await store.listMessages('c_1' as ConversationId)).map((m) => [m.from, m.text])).toEqual([
            ['traveller', 'a person please'],
            ['bot', 'a coordinator will answer'],
          ]);
          expect(await store.findActiveEscalation('c_1' as ConversationId)).toEqual(escalation(1));
        }));

      it('writes nothing when one write fails (all or nothing)', () =>
        withStores(make, async (stores) => {
          const store = stores.conversations;
          await seedEscalation(stores, 1);
          const turn = { newConversation: conversation(2), traveller: message(2, 'traveller', 'hello'), escalation: escalation(1, { conversationId: 'c_2' as ConversationId }), bot: message(2, 'bot', 'hi') };
          expect(await failureOf(store.recordTurn(turn))).toMatch(/e_1|unique|exists/i);
          expect(await store.getConversation('c_2' as ConversationId)).toBeUndefined();
          expect(await store.listMessages('c_2' as ConversationId)).toEqual([]);
        }));
    });
  });
}
