import type { ConversationId, EscalationId } from '../../../../bot/core/types';
import { after, AT, caseOf, failureOf, message, seedEscalation, withStores, type MakeStores } from './fixtures';

const draft = (id: string, caseId: string, at = AT) => ({ id, caseId: caseId as EscalationId, status: 'open' as const, entry: { id: 'x' }, createdBy: 'alice', createdAt: at, updatedAt: at });

/** EscalationDeskStore, CasebookStore and DraftStore: every adapter behaves alike. */
export function deskStoreContract(make: MakeStores): void {
  describe('EscalationDeskStore', () => {
    it('claims once, lets only the holder resolve, once, and a lead take over only a claimed case', () =>
      withStores(make, async (stores) => {
        const { desk } = stores;
        const id = await seedEscalation(stores, 1);
        expect(await desk.resolve(id, 'alice', AT)).toBe(false); // not claimed yet
        expect(await desk.takeOver(id, 'lena')).toBe(false);
        expect(await desk.claim(id, 'alice', AT)).toBe(true);
        expect(await desk.claim(id, 'bob', AT)).toBe(false);
        expect(await desk.takeOver(id, 'lena')).toBe(true);
        expect(await desk.getEscalation(id)).toMatchObject({ status: 'claimed', claimedBy: 'lena', claimedAt: AT });
        expect(await desk.resolve(id, 'alice', AT)).toBe(false);
        expect(await desk.resolve(id, 'lena', after(5))).toBe(true);
        expect(await desk.resolve(id, 'lena', after(5))).toBe(false);
        expect(await desk.getEscalation(id)).toMatchObject({ status: 'resolved', resolvedAt: after(5) });
        expect((await desk.listEscalations('resolved', 10)).map((e) => e.id)).toEqual([id]);
        expect(await desk.listEscalations('active', 10)).toEqual([]);
        expect(await desk.getEscalation('e_missing' as EscalationId)).toBeUndefined();
      }));

    it('gives exactly one winner when many coordinators claim at once', () =>
      withStores(make, async (stores) => {
        const id = await seedEscalation(stores, 1);
        const results = await Promise.all(['a', 'b', 'c', 'd', 'e', 'f'].map((who) => stores.desk.claim(id, who, AT)));
        expect(results.filter(Boolean)).toHaveLength(1);
      }));

    it('lists the most urgent first, then the longest waiting, claimed after open for "active"', () =>
      withStores(make, async (stores) => {
        await seedEscalation(stores, 1, { createdAt: after(1) });
        await seedEscalation(stores, 2, { createdAt: after(2), reasons: ['medical'] });
        await seedEscalation(stores, 3, { createdAt: after(0), reasons: ['complaint', 'low_confidence'] });
        await seedEscalation(stores, 4, { createdAt: after(3) });
        await stores.desk.claim('e_2' as EscalationId, 'alice', AT);
        const ids = async (filter: 'open' | 'claimed' | 'active') => (await stores.desk.listEscalations(filter, 10)).map((e) => e.id);
        expect(await ids('open')).toEqual(['e_3', 'e_1', 'e_4']);
        expect(await ids('claimed')).toEqual(['e_2']);
        expect(await ids('active')).toEqual(['e_3', 'e_1', 'e_4', 'e_2']);
        expect((await stores.desk.listEscalations('active', 2)).map((e) => e.id)).toEqual(['e_3', 'e_1']);
      }));

    it('keeps notes in order', () =>
      withStores(make, async (stores) => {
        const id = await seedEscalation(stores, 1);
        const first = await stores.desk.addNote({ escalationId: id, author: 'alice', text: 'called the airline', at: AT });
        await stores.desk.addNote({ escalationId: id, author: 'lena', text: 'ok', at: after(1) });
        expect(await stores.desk.listNotes(id)).toEqual([first, { id: expect.any(Number), escalationId: id, author: 'lena', text: 'ok', at: after(1) }]);
      }));

    it('reads for statistics what the trigger followed, and how many conversations were escalated', () =>
      withStores(make, async (stores) => {
        const { conversations } = stores;
        await seedEscalation(stores, 1, { createdAt: after(2) });
        await conversations.appendMessage({ ...message(1, 'bot', 'which route?'), kind: 'clarify' });
        await conversations.appendMessage(message(1, 'traveller', 'yes', after(1)));
        await conversations.appendMessage({ ...message(1, 'bot', 'waiting', after(3)), kind: 'escalated' });
        await conversations.createConversation({ id: 'c_2' as ConversationId, channel: 'web', lang: 'en', createdAt: after(1), state: { misses: 0 } });
        const stats = await stores.desk.escalationsSince(AT);
        expect(stats).toEqual([expect.objectContaining({ id: 'e_1', followedBotKind: 'clarify' })]);
        expect(await stores.desk.escalationsSince(after(3))).toEqual([]);
        expect(await stores.desk.conversationCountsSince(AT)).toEqual({ total: 2, escalated: 1 });
        expect(await stores.desk.conversationCountsSince(after(5))).toEqual({ total: 0, escalated: 0 });
      }));

    describe('closeCase', () => {
      it('resolves, files the case, resets the state and files the draft together', () =>
        withStores(make, async (stores) => {
          const id = await seedEscalation(stores, 1);
          await stores.desk.claim(id, 'alice', AT);
          const closing = { id, coordinator: 'alice', at: after(5), entry: caseOf(1), state: { conversationId: 'c_1' as ConversationId, lang: 'ru' as const, state: { misses: 0, lastTopic: 'tobacco' } }, draft: draft('d_1', 'e_1') };
          expect(await stores.desk.closeCase(closing)).toBe(true);
          expect(await stores.desk.getEscalation(id)).toMatchObject({ status: 'resolved', resolvedAt: after(5) });
          expect(await stores.casebook.getCase(id)).toEqual({ ...caseOf(1), draftId: 'd_1' });
          expect(await stores.casebook.getDraft('d_1')).toEqual(draft('d_1', 'e_1'));
          expect(await stores.conversations.getConversation('c_1' as ConversationId)).toMatchObject({ lang: 'ru', state: { misses: 0, lastTopic: 'tobacco' } });
        }));

      it('writes nothing when the claim is no longer held', () =>
        withStores(make, async (stores) => {
          const id = await seedEscalation(stores, 1);
          await stores.desk.claim(id, 'bob', AT);
          expect(await stores.desk.closeCase({ id, coordinator: 'alice', at: AT, entry: caseOf(1), draft: draft('d_1', 'e_1') })).toBe(false);
          expect(await stores.casebook.getCase(id)).toBeUndefined();
          expect(await stores.casebook.getDraft('d_1')).toBeUndefined();
          expect(await stores.desk.getEscalation(id)).toMatchObject({ status: 'claimed', claimedBy: 'bob' });
        }));
    });
  });

  describe('CasebookStore and DraftStore', () => {
    it('keeps a case and its draft, and refuses to change a decided draft', () =>
      withStores(make, async (stores) => {
        const { casebook } = stores;
        const id = await seedEscalation(stores, 3);
        await casebook.addCase(caseOf(3));
        expect(await casebook.version()).toBe(1);
        await casebook.createDraftOfCase(draft('d_1', id));
        expect(await casebook.getCase(id)).toMatchObject({ department: 'police', draftId: 'd_1', transcript: [{ from: 'traveller', text: 'q', at: AT }] });
        expect(await casebook.listCases({ category: 'transfer' })).toHaveLength(1);
        expect(await casebook.listCases({ category: 'other' })).toHaveLength(0);
        expect(await casebook.updateDraft('d_1', { id: 'y' }, after(1))).toBe(true);
        expect(await casebook.decideDraft('d_1', { status: 'rejected', by: 'lena', at: after(2) })).toBe(true);
        expect(await casebook.decideDraft('d_1', { status: 'approved', by: 'lena', at: after(2) })).toBe(false);
        expect(await casebook.updateDraft('d_1', { id: 'z' }, after(3))).toBe(false);
        expect(await casebook.getDraft('d_1')).toEqual({ ...draft('d_1', id), entry: { id: 'y' }, updatedAt: after(1), status: 'rejected', decidedBy: 'lena', decidedAt: after(2) });
      }));

    it('lists cases newest first, up to a limit, and drafts by status', () =>
      withStores(make, async (stores) => {
        const { casebook } = stores;
        for (const n of [1, 2, 3]) {
          await seedEscalation(stores, n);
          await casebook.addCase(caseOf(n, { resolvedAt: after(n), category: n === 2 ? 'other' : 'transfer' }));
        }
        expect((await casebook.listCases()).map((c) => c.id)).toEqual(['e_3', 'e_2', 'e_1']);
        expect((await casebook.listCases({ limit: 2 })).map((c) => c.id)).toEqual(['e_3', 'e_2']);
        expect((await casebook.listCases({ category: 'transfer', limit: 1 })).map((c) => c.id)).toEqual(['e_3']);
        await casebook.createDraft(draft('d_1', 'e_1', after(1)));
        await casebook.createDraft(draft('d_2', 'e_2', after(2)));
        await casebook.setDraft('e_1' as EscalationId, 'd_1');
        await casebook.decideDraft('d_1', { status: 'approved', by: 'lena', at: after(3), entryId: 'new-entry' });
        expect((await casebook.listDrafts()).map((d) => d.id)).toEqual(['d_2', 'd_1']);
        expect(await casebook.listDrafts('approved')).toEqual([expect.objectContaining({ id: 'd_1', entryId: 'new-entry' })]);
        expect((await casebook.getCase('e_1' as EscalationId))?.draftId).toBe('d_1');
      }));

    it('refuses a draft of a case that does not exist', () =>
      withStores(make, async ({ casebook }) => {
        expect(await failureOf(casebook.createDraft(draft('d_1', 'e_missing')))).toMatch(/foreign key|no case/i);
        expect(await casebook.getDraft('d_1')).toBeUndefined();
      }));

    it('redacts the cases stored under older rules once, and leaves new ones alone (issue 14 item 9)', () =>
      withStores(make, async (stores) => {
        const { casebook } = stores;
        await seedEscalation(stores, 1);
        await casebook.addCase(caseOf(1, { question: 'mail me at wang.li@example.com', summary: 'called 415-555-0132', transcript: [{ from: 'traveller', text: 'passport G 1234 5678, a bag', at: AT }] }));
        const redact = (t: string) => t.replace(/wang\.li@example\.com/, '[email]').replace(/415-555-0132/, '[phone]').replace(/G 1234 5678/, '[passport]');
        expect(await casebook.redactAgain(redact)).toBe(0); // stored under the current rules
        const newer = 1000;
        expect(await casebook.redactAgain(redact, newer)).toBe(1);
        expect(await casebook.getCase('e_1' as EscalationId)).toMatchObject({ question: 'mail me at [email]', summary: 'called [phone]', transcript: [{ text: 'passport [passport], a bag' }] });
        expect(await casebook.redactAgain(redact, newer)).toBe(0);
      }));
  });
}
